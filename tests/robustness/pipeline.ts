/** The whole read path in this process: list, read, validate, locate. What `plan check` runs. */
import { locateDiagnostics } from '../../src/load/positions.js';
import { listPlanFiles } from '../../src/load/plan-files.js';
import { validatePlan, type Validated } from '../../src/validate/index.js';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export async function checkInProcess(dir: string, asOf = '2021-09-01'): Promise<Validated> {
  const result = await validatePlan(dir, listPlanFiles(dir), { asOf, now: new Date() });
  await locateDiagnostics(result.diagnostics);
  return result;
}

/** Names, sizes and modification times of everything under a folder: to prove nothing was written. */
export function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const s = statSync(p, { throwIfNoEntry: false });
      if (!s) {
        out.push(`${p} (dangling)`);
        continue;
      }
      out.push(`${p} ${s.size} ${s.mtimeMs}`);
      if (s.isDirectory()) walk(p);
    }
  };
  try {
    walk(dir);
  } catch {
    out.push('(unreadable)');
  }
  return out;
}
