/**
 * package-lock.json must be what `npm install` would write for package.json,
 * or a fresh clone's `git status` is dirty after install. npm keeps a copy of
 * package.json's own fields in the lock's root entry; `npm ci` does not compare
 * them, so drift there goes unseen until someone runs `npm install`.
 * (.ci/run also lets npm recompute the whole lock and fails on any change.)
 */
import { readFileSync } from 'node:fs';
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
