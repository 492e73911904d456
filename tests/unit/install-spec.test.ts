import { describe, expect, it } from 'vitest';
import { fromResolved, gitUrl } from '../../src/load/own-package.js';

describe('what a new plan repository installs plan-ledger from (plan init)', () => {
  it('the registry’s version when npm fetched this copy from a registry', () => {
    expect(fromResolved({ resolved: 'https://registry.npmjs.org/plan-ledger/-/plan-ledger-0.1.0.tgz' }, '/p', '0.1.0')).toEqual({ spec: '^0.1.0', from: 'registry' });
    expect(fromResolved({ resolved: 'https://npm.example.cn/repository/npm/plan-ledger/-/plan-ledger-0.1.0.tgz' }, '/p', '0.1.0').from).toBe('registry');
  });
  it('the tarball or folder on this machine, made absolute', () => {
    expect(fromResolved({ resolved: 'file:../tmp/plan-ledger-0.1.0.tgz' }, '/work/county', '0.1.0')).toEqual({ spec: 'file:/work/tmp/plan-ledger-0.1.0.tgz', from: 'file' });
    expect(fromResolved({ resolved: '../plan-ledger', link: true }, '/work/county', '0.1.0')).toEqual({ spec: 'file:/work/plan-ledger', from: 'file' });
  });
  it('the git repository and commit, as npm recorded them', () => {
    const r = 'git+ssh://git@git.example.cn/office/plan-ledger.git#0123456789abcdef0123456789abcdef01234567';
    expect(fromResolved({ resolved: r }, '/p', '0.1.0')).toEqual({ spec: r, from: 'git' });
  });
  it('nothing recorded: a guess, said to be one', () => {
    expect(fromResolved({}, '/p', '0.1.0')).toEqual({ spec: '^0.1.0', from: 'guess' });
  });
  it('a remote npm can fetch: scp-like addresses become ssh URLs', () => {
    expect(gitUrl('git@git.example.cn:office/plan-ledger.git')).toBe('git+ssh://git@git.example.cn/office/plan-ledger.git');
    expect(gitUrl('https://git.example.cn/office/plan-ledger.git')).toBe('git+https://git.example.cn/office/plan-ledger.git');
  });
});
