import { describe, expect, it } from 'vitest';
import { editStatus } from '../../src/store/status-edit.js';
import { lineDiff } from '../../src/render/reports/diff.js';

describe('editing a status file', () => {
  it('writes a new file with a schema line and a quoted key', () => {
    const { text, from, to } = editStatus(undefined, 'finance', '3.1', { state: 'done', evidence: ['https://a.example/x'] }, '2021-09-04');
    expect([from, to]).toEqual(['not_started', 'done']);
    expect(text).toBe(
      '# yaml-language-server: $schema=../../src/validate/schemas/status.schema.json\n# Progress of finance (进展情况), kept with `plan update`.\nunit: finance\ntasks:\n  "3.1":\n    state: done\n    evidence: [https://a.example/x]\n    completed: 2021-09-04\n    updated: 2021-09-04\n    history:\n      - date: 2021-09-04\n        from: not_started\n        to: done\n',
    );
  });

  it('appends to a file without a final newline', () => {
    const { text } = editStatus('unit: finance\ntasks:\n  "3.1":\n    state: in_progress', 'finance', '3.3', { state: 'in_progress', evidence: [] }, '2021-09-04');
    expect(text).toBe('unit: finance\ntasks:\n  "3.1":\n    state: in_progress\n  "3.3":\n    state: in_progress\n    updated: 2021-09-04\n    history:\n      - date: 2021-09-04\n        from: not_started\n        to: in_progress\n');
  });

  it('handles a flow-style tasks map by writing the document anew', () => {
    const { text } = editStatus('unit: finance\ntasks: {}\n', 'finance', '3.1', { state: 'blocked', reason: '等待', evidence: [] }, '2021-09-04');
    expect(text).toBe('unit: finance\ntasks: {"3.1": {state: blocked, reason: 等待, updated: 2021-09-04, history: [{date: 2021-09-04, from: not_started, to: blocked, note: 等待}]}}\n');
  });

  it('keeps other keys of the entry in their order and keeps their comments', () => {
    const original = 'unit: finance\ntasks:\n  "2.1.3":\n    progress: 旧 # 注\n    state: in_progress\n    reason: x\n';
    const { text } = editStatus(original, 'finance', '2.1.3', { progress: '新', evidence: [] }, '2021-09-04');
    expect(text.split('\n').slice(0, 6)).toEqual(['unit: finance', 'tasks:', '  "2.1.3":', '    progress: 新 # 注', '    state: in_progress', '    reason: x']);
  });
});

describe('line diff', () => {
  it('shows removed lines before added ones, with context', () => {
    expect(lineDiff('a\nb\nc\nd\ne\nf\ng\n', 'a\nb\nc\nD\ne\nf\ng\n', 'f.yaml', 'en', 1)).toBe('--- f.yaml\n+++ f.yaml (after the update)\n@@\n c\n-d\n+D\n e\n@@\n');
    // A Chinese run's header is Chinese (plan collect --dry-run and plan unit --dry-run said it in English).
    expect(lineDiff('a\n', 'b\n', 'f.yaml', 'zh').split('\n')[1]).toBe('+++ f.yaml （修改后）');
  });
});
