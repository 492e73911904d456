import { describe, expect, it } from 'vitest';
import type { Commit } from '../../src/load/git-log.js';
import { judgeCommits, namesAuthor, openpgpFingerprint, ownerTable, sshFingerprint } from '../../src/validate/authorship.js';
import { renameIdIn, setMembership } from '../../src/store/units-edit.js';

describe('who a maintainer entry names', () => {
  it('compares e-mail addresses without case, user names by name or no-reply address, never teams', () => {
    expect(namesAuthor('li@finance.example', 'X', 'LI@FINANCE.example')).toBe(true);
    expect(namesAuthor('li@finance.example', 'li@finance.example', 'other@x')).toBe(false);
    expect(namesAuthor('@licai', 'licai', 'whatever@x')).toBe(true);
    expect(namesAuthor('licai', 'Someone', '123+licai@users.noreply.github.com')).toBe(true);
    expect(namesAuthor('licai', 'Someone', 'licai@noreply.gitea.example')).toBe(true);
    expect(namesAuthor('licai', 'Someone', 'licai@evil.example')).toBe(false);
    expect(namesAuthor('@org/team', 'org/team', 'x@y')).toBe(false);
  });
});

describe('unit edits through the YAML document', () => {
  it('changes only the references, keeping comments, quotes and flow lists', () => {
    const text = '# head\nsection: "1"\ntasks:\n  - id: "1.1" # keep\n    lead: ["finance", towns]\n    responsible:\n      - finance # inline\n      - financex\n';
    expect(renameIdIn('tasks', text, 'finance', 'fin')).toBe('# head\nsection: "1"\ntasks:\n  - id: "1.1" # keep\n    lead: ["fin", towns]\n    responsible:\n      - fin # inline\n      - financex\n');
    expect(renameIdIn('tasks', text, 'nobody', 'x')).toBeUndefined();
  });

  it('keeps CRLF line ends', () => {
    const text = 'units: []\r\ngroups:\r\n  - id: towns\r\n    name: 各镇\r\n    members: [a]\r\n';
    expect(setMembership(text, 'towns', 'b', true)).toBe('units: []\r\ngroups:\r\n  - id: towns\r\n    name: 各镇\r\n    members: [a, b]\r\n');
  });
});

describe('the owner table and the judgement of one commit (pure)', () => {
  const table = ownerTable({ office: { maintainers: ['office@x'] }, units: [{ id: 'finance', maintainers: ['li@x'] }, { id: 'east', maintainers: ['wang@x'] }] });
  const commit = (author: string, paths: string[], extra: Partial<Commit> = {}): Commit => ({
    sha: 'a'.repeat(40),
    parents: ['p'.repeat(40)],
    authorName: author,
    authorEmail: author,
    changes: paths.map((path) => ({ status: 'M', path, blob: 'b'.repeat(40), mode: '100644' })),
    ...extra,
  });
  const judge = (c: Commit, t = table) => judgeCommits([c], { planPath: 'plan', shownAs: 'plan', ownersAt: () => t }).map((d) => [d.code, d.file]);

  it('a unit may change its own status file; everything else, inside the plan or out, is the office’s', () => {
    expect(judge(commit('li@x', ['plan/status/finance.yaml']))).toEqual([]);
    expect(judge(commit('li@x', ['plan/status/east.yaml', 'plan/tasks/1.yaml', 'package.json', '.npmrc', '.github/actions/a.yml', 'plan/status/finance.yml']))).toEqual([
      ['change-to-other-unit', 'plan/status/east.yaml'],
      ['change-to-office-file', 'plan/tasks/1.yaml'],
      ['change-to-office-file', 'package.json'],
      ['change-to-office-file', '.npmrc'],
      ['change-to-office-file', '.github/actions/a.yml'],
      ['change-to-office-file', 'plan/status/finance.yml'],
    ]);
    expect(judge(commit('office@x', ['plan/units.yaml', 'package-lock.json', 'plan/status/east.yaml']))).toEqual([]);
  });

  it('a symlink at a unit’s own status path is not its status file', () => {
    const c = commit('li@x', []);
    c.changes = [{ status: 'T', path: 'plan/status/finance.yaml', blob: 'c'.repeat(40), mode: '120000' }];
    expect(judge(c)).toEqual([['change-to-office-file', 'plan/status/finance.yaml']]);
  });

  it('a merge is exempt only for the paths it took from a side that wrote them', () => {
    const merge = commit('wang@x', ['plan/status/finance.yaml', 'plan/tasks/1.yaml'], { parents: ['p'.repeat(40), 'q'.repeat(40)], broughtIn: new Set(['plan/status/finance.yaml']) });
    expect(judge(merge)).toEqual([['change-to-office-file', 'plan/tasks/1.yaml']]);
  });

  it('a root commit, or one whose parent has no usable units.yaml, names nobody', () => {
    expect(judge(commit('office@x', ['plan/plan.yaml'], { parents: [] }))).toEqual([['change-without-maintainers', 'plan/plan.yaml']]);
    expect(judge(commit('office@x', ['plan/plan.yaml']), ownerTable('not a mapping'))).toEqual([['change-without-maintainers', 'plan/plan.yaml']]);
  });

  it('reads an SSH key’s fingerprint as ssh-keygen prints it, and refuses a key under the wrong type', () => {
    const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl comment';
    expect(sshFingerprint(key)).toBe('SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU');
    expect(sshFingerprint(key.replace('ssh-ed25519', 'ssh-rsa'))).toBeUndefined();
    expect(sshFingerprint('not a key')).toBeUndefined();
    expect(openpgpFingerprint('4F2A 91C3 0B7E 55D1 8C20  6A1F 3E9D 7B44 12AC 90E5')).toBe('4F2A91C30B7E55D18C206A1F3E9D7B4412AC90E5');
    expect(openpgpFingerprint('4F2A91C3')).toBeUndefined();
  });
});
