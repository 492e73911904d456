/**
 * A returned form saved as OpenDocument (.ods), read through LibreOffice where
 * it is installed: `soffice --headless --convert-to xlsx` into a private
 * temporary folder, with its own profile (so a Calc the clerk has open does
 * not take the job) and a time limit. The .xlsx it writes is then checked like
 * any returned form; the container is checked first (workbook/ods.ts).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readBounded } from '../load/bounded-read.js';
import { checkOdsContainer, type OdsProblem } from '../workbook/ods.js';
import { WORKBOOK_LIMITS, type ZipProblem } from '../workbook/zip-guard.js';

/** LibreOffice's first start makes a profile: tens of seconds on a slow machine. */
export const CONVERT_MS = 90_000;

/** soffice (or libreoffice) on PATH, without starting it. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const name of ['soffice', 'libreoffice']) {
      for (const ext of exts) {
        const file = join(dir, name + ext);
        try {
          accessSync(file, constants.X_OK);
          return file;
        } catch {
          // Not here.
        }
      }
    }
  }
  return undefined;
}

export type OdsResult = { ok: true; bytes: Buffer } | { ok: false; problem: ZipProblem | OdsProblem };

/** The .ods as .xlsx bytes, converted by LibreOffice. */
export function odsToXlsx(bytes: Buffer): OdsResult {
  const container = checkOdsContainer(bytes);
  if (container) return { ok: false, problem: container };
  const soffice = findSoffice();
  if (!soffice) return { ok: false, problem: { code: 'wb-ods-no-soffice' } };
  const work = mkdtempSync(join(tmpdir(), 'plan-ledger-ods-'));
  try {
    const input = join(work, 'form.ods');
    writeFileSync(input, bytes);
    const r = spawnSync(soffice, [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(work, 'out'), input], {
      encoding: 'utf8',
      timeout: CONVERT_MS,
      killSignal: 'SIGKILL',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (r.error || r.status !== 0) {
      const detail = r.error ? ((r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `timeout ${CONVERT_MS / 1000} s` : r.error.message) : `exit ${r.status ?? r.signal}`;
      return { ok: false, problem: { code: 'wb-ods-convert', detail } };
    }
    const read = readBounded(join(work, 'out', 'form.xlsx'), WORKBOOK_LIMITS.fileBytes);
    if (!read.ok) return { ok: false, problem: { code: 'wb-ods-convert', detail: (r.stderr || r.stdout).trim().split('\n').pop() ?? read.problem } };
    return { ok: true, bytes: read.bytes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
