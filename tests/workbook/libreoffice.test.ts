/**
 * A real client: a form filled in, then saved by LibreOffice Calc (xlsx → ods
 * → xlsx, headless), is collected as it was filled. Skipped where soffice is
 * not installed; .ci/run installs libreoffice-calc so that it runs in CI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { copyPlan, plan } from '../helpers.js';
import { day, fillForm, hasSoffice, setCells, statusSnapshot, zip } from './helpers.js';

function convert(file: string, to: string, outDir: string, profile: string): string {
  mkdirSync(outDir, { recursive: true });
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file], { encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  const name = file.replace(/^.*\//, '').replace(/\.[^.]+$/, `.${to}`);
  expect(existsSync(join(outDir, name)), r.stdout + r.stderr).toBe(true);
  return join(outDir, name);
}

describe('LibreOffice Calc', () => {
  it.skipIf(!hasSoffice)('a form saved by LibreOffice (xlsx → ods → xlsx) is collected correctly (skipped without soffice)', async () => {
    const dir = copyPlan();
    const work = mkdtempSync(join(tmpdir(), 'plan-ledger-lo-'));
    const profile = join(work, 'profile');
    expect(plan(['--plan', dir, '--as-of', '2021-09-02', 'forms', '--unit', '古城镇', '--out', join(work, 'forms')]).code).toBe(0);
    const filled = join(work, 'filled', '古城镇.xlsx');
    await fillForm(join(work, 'forms', '古城镇.xlsx'), filled, (s) =>
      setCells(s, { E6: '已完成', F6: '已确定分管负责同志', H6: day('2021-08-30'), E7: '受阻', I7: '等待上级系统开通' }),
    );
    const ods = convert(filled, 'ods', join(work, 'ods'), profile);
    const back = convert(ods, 'xlsx', join(work, 'back'), profile);
    expect(readFileSync(back).equals(readFileSync(filled))).toBe(false);

    const r = plan(['--plan', dir, '--as-of', '2021-09-02', 'collect', back]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/古城镇\s+古城镇\.xlsx\s+2\s+20\s+—/);
    const text = readFileSync(join(dir, 'status/town-gucheng.yaml'), 'utf8');
    expect(text).toMatch(/"3\.1":\n\s+state: done\n\s+progress: 已确定分管负责同志\n\s+completed: 2021-08-30/);
    expect(text).toMatch(/"3\.3":\n\s+state: blocked\n\s+reason: 等待上级系统开通/);
    expect(text).toContain('- checkpoint: 2021-09-05');
  }, 240_000);

  it.skipIf(!hasSoffice)('a form saved as .ods is read through LibreOffice and collected (skipped without soffice)', async () => {
    const dir = copyPlan();
    const work = mkdtempSync(join(tmpdir(), 'plan-ledger-lo-'));
    expect(plan(['--plan', dir, '--as-of', '2021-09-02', 'forms', '--unit', '古城镇', '--out', join(work, 'forms')]).code).toBe(0);
    const filled = join(work, 'filled', '古城镇.xlsx');
    await fillForm(join(work, 'forms', '古城镇.xlsx'), filled, (s) => setCells(s, { E6: '已完成', H6: day('2021-08-30'), E7: '受阻', I7: '等待上级系统开通' }));
    const ods = convert(filled, 'ods', join(work, 'ods'), join(work, 'profile'));
    const r = plan(['--plan', dir, '--as-of', '2021-09-02', 'collect', ods]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/古城镇\s+古城镇\.ods\s+2\s+20\s+—/);
    const text = readFileSync(join(dir, 'status/town-gucheng.yaml'), 'utf8');
    expect(text).toMatch(/"3\.3":\n\s+state: blocked\n\s+reason: 等待上级系统开通/);
    expect(text).toContain('file: 古城镇.ods');
  }, 240_000);
});

describe('a form saved as .ods where LibreOffice is not installed', () => {
  it('is refused with how to save it as .xlsx', () => {
    const dir = copyPlan();
    const work = mkdtempSync(join(tmpdir(), 'plan-ledger-ods-'));
    expect(plan(['--plan', dir, '--as-of', '2021-09-02', 'forms', '--unit', '古城镇', '--out', join(work, 'forms')]).code).toBe(0);
    const ods = join(work, '古城镇.ods');
    writeFileSync(ods, zip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') }, { name: 'content.xml', data: Buffer.from('<office:document-content/>') }]));
    const before = statusSnapshot(dir);
    // An empty folder as PATH: no soffice to find (node is started by its full path).
    const empty = join(work, 'bin');
    mkdirSync(empty);
    const r = plan(['--plan', dir, '--as-of', '2021-09-02', 'collect', ods], { env: { PATH: empty } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('古城镇.ods: it is an OpenDocument spreadsheet (.ods) and LibreOffice is not installed here to read it. Open it in LibreOffice Calc or WPS, choose File → Save As, file type "Excel 2007-365 (.xlsx)"');
    expect(statusSnapshot(dir)).toEqual(before);
  });
});
