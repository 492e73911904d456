/** export reads the status files twice: a file changed in between must stop it, never mix two versions. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStatusFile, entriesAgain } from '../../src/validate/status-files.js';
import type { StatusEntry } from '../../src/model.js';

const dir = mkdtempSync(join(tmpdir(), 'entries-again-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const v1 = 'unit: finance\ntasks:\n  "1.1":\n    state: in_progress\n    progress: "已起草"\n    updated: 2021-09-01\n';
const v2 = 'unit: finance\ntasks:\n  "1.1":\n    state: done\n    progress: "已印发"\n    evidence: [https://example.cn/a]\n    completed: 2021-09-03\n    updated: 2021-09-03\n';

async function entriesOf(text: string): Promise<StatusEntry[]> {
  const file = join(dir, 'finance.yaml');
  writeFileSync(file, text);
  const r = await checkStatusFile({ kind: 'status', file, stem: 'finance' }, false);
  if (!r.ok) throw new Error('unreadable');
  return r.entries;
}

async function collect(gen: AsyncGenerator<StatusEntry>): Promise<StatusEntry[]> {
  const out: StatusEntry[] = [];
  for await (const e of gen) out.push(e);
  return out;
}

describe('entriesAgain', () => {
  const files = new Map([['finance', { file: join(dir, 'finance.yaml') }]]);

  it('gives the checked entries again, now with their texts', async () => {
    const checked = await entriesOf(v1);
    const again = await collect(entriesAgain(files, checked));
    expect(again.map((e) => [e.unit, e.task, e.state, e.details?.progress])).toEqual([['finance', '1.1', 'in_progress', '已起草']]);
  });

  it('stops with plan-changed when a file changed since it was checked', async () => {
    const checked = await entriesOf(v1);
    writeFileSync(join(dir, 'finance.yaml'), v2);
    await expect(collect(entriesAgain(files, checked))).rejects.toMatchObject({ code: 'plan-changed', args: { file: join(dir, 'finance.yaml') } });
  });

  it('stops when a file lost entries since it was checked', async () => {
    const checked = await entriesOf(`${v1}  "1.2":\n    state: not_started\n`);
    writeFileSync(join(dir, 'finance.yaml'), v1);
    await expect(collect(entriesAgain(files, checked))).rejects.toMatchObject({ code: 'plan-changed' });
  });
});
