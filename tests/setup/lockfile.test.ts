/**
 * package-lock.json must be what `npm install` would write for package.json,
 * or a fresh clone's `git status` is dirty after install. npm keeps a copy of
 * package.json's own fields in the lock's root entry; `npm ci` does not compare
 * them, so drift there goes unseen until someone runs `npm install`.
 * (.ci/run also lets npm recompute the whole lock and fails on any change.)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  name: string;
  version: string;
  packages: Record<string, Record<string, unknown> & { dev?: boolean; version?: string }>;
};
const root = lock.packages['']!;

describe('package-lock.json', () => {
  it('carries package.json’s name, version, dependencies, bin and engines', () => {
    expect(lock.name).toBe(pkg.name);
    expect(lock.version).toBe(pkg.version);
    for (const field of ['name', 'version', 'dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'bin', 'engines']) {
      expect(root[field], field).toEqual(pkg[field]);
    }
  });

  it('installs every direct dependency, production ones not marked dev', () => {
    for (const [name, dev] of [
      ...Object.keys((pkg.dependencies ?? {}) as object).map((n) => [n, false] as const),
      ...Object.keys((pkg.devDependencies ?? {}) as object).map((n) => [n, true] as const),
    ]) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry, name).toBeDefined();
      if (!dev) expect(entry!.dev, name).toBeUndefined();
    }
  });
});

describe('scripts/check-lock.sh (run by .ci/run)', () => {
  const run = (dir?: string) =>
    spawnSync('bash', [join(ROOT, 'scripts/check-lock.sh'), ...(dir ? [dir] : [])], { encoding: 'utf8', env: { ...process.env, npm_config_prefer_offline: 'true' }, timeout: 60_000 });

  it('passes the repository, and fails a lock that has drifted from package.json, leaving it as it was', () => {
    expect(run().status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'plan-lock-'));
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    // The drift this repository had: ajv listed as a production dependency, no bin.
    const drifted = structuredClone(lock) as typeof lock & { packages: Record<string, any> };
    const rootEntry = drifted.packages['']!;
    rootEntry.dependencies = { ...rootEntry.dependencies, ajv: rootEntry.devDependencies.ajv };
    delete rootEntry.devDependencies.ajv;
    delete rootEntry.bin;
    const text = `${JSON.stringify(drifted, null, 2)}\n`;
    writeFileSync(join(dir, 'package-lock.json'), text);
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('package-lock.json is out of step with package.json');
    expect(readFileSync(join(dir, 'package-lock.json'), 'utf8')).toBe(text);
  });
});
