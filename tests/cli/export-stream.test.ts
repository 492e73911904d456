/**
 * `plan export` writes its JSON element by element (issue 15: a city plan's
 * export no longer holds the whole text in memory). What a script reads must
 * not change: the bytes are JSON.stringify(value, null, 2) of what it parses to.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the generator is a plain script without types.
import { generatePlan } from '../../scripts/gen.mjs';
import { EMBEDDED_PLAN, plan } from '../helpers.js';

describe('plan export --format json, streamed', () => {
  it('on a generated plan large enough to be written in many pieces, is the indented JSON of its own value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-export-'));
    generatePlan({ tasks: 20, units: 60, out: dir, seed: 11 });
    const r = plan(['export', '--format', 'json', '--plan', dir, '--as-of', '2021-12-01']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(4 * 65_536);
    const value = JSON.parse(r.stdout);
    expect(r.stdout).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(Object.keys(value)).toEqual(['asOf', 'plan', 'units', 'groups', 'tasks', 'statuses']);
    expect(value.units).toHaveLength(60);
    expect(value.tasks).toHaveLength(20);
    expect(value.statuses.length).toBeGreaterThan(60);
  });

  it('on the embedded plan with contacts asked for, the same', () => {
    const r = plan(['export', '--include-contacts', '--plan', EMBEDDED_PLAN, '--as-of', '2021-09-06']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`);
  });
});
