import { describe, expect, it } from 'vitest';
import { recordReturn } from '../../src/store/returns-edit.js';
import { readYamlFull } from '../../src/load/full-yaml.js';
import { readQuickYaml } from '../../src/load/quick-yaml.js';

const SHA = 'ab'.repeat(32);

describe('recordReturn', () => {
  it('appends a returns list to a file without one, keeping every other byte', () => {
    const text = '# keep me\nunit: finance\ntasks:\n  "3.1":\n    state: done # and me\n';
    const out = recordReturn(text, { checkpoint: '2021-09-05', received: '2021-09-04', file: '县财政局.xlsx', sha256: SHA });
    expect(out.startsWith(text)).toBe(true);
    expect(readQuickYaml(out)).toMatchObject({ returns: [{ checkpoint: '2021-09-05', received: '2021-09-04', file: '县财政局.xlsx', sha256: SHA }] });
  });

  it('adds a second checkpoint after the first and replaces a re-submission for the same one', () => {
    let text = recordReturn('unit: finance\n', { checkpoint: '2021-09-05', received: '2021-09-04' });
    text = recordReturn(text, { checkpoint: '2021-12-05', received: '2021-12-01' });
    text = recordReturn(text, { checkpoint: '2021-09-05', received: '2021-09-05', file: 'again.xlsx' });
    expect(readQuickYaml(text)).toEqual({
      unit: 'finance',
      returns: [
        { checkpoint: '2021-09-05', received: '2021-09-05', file: 'again.xlsx' },
        { checkpoint: '2021-12-05', received: '2021-12-01' },
      ],
    });
  });

  it('keeps a file name that looks like YAML as text', () => {
    const out = recordReturn('unit: finance\n', { checkpoint: '2021-09-05', received: '2021-09-04', file: 'a: b # c\n- d.xlsx' });
    const read = readYamlFull(out);
    expect(read.ok && (read.value as { returns: { file: string }[] }).returns[0]!.file).toBe('a: b # c\n- d.xlsx');
  });
});
