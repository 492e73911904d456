/**
 * A unit's name where its id belongs (`lead: [县财政局]`) is the commonest slip
 * of a clerk editing the files by hand. The schema rejects it (an id is ASCII);
 * here that rejection becomes "did you mean finance (县财政局)", with the id
 * `plan check --fix` writes in its place.
 */
import type { Diagnostic } from '../diagnostic.js';
import type { FileKind } from '../load/plan-files.js';
import type { Unit, UnitGroup } from '../model.js';
import { closest } from '../suggest.js';

/** Where a file holds a unit or group id. */
export function isUnitIdSlot(kind: FileKind, path: readonly (string | number)[]): boolean {
  const [a, b, c, d] = path;
  if (kind === 'tasks') return path.length === 4 && a === 'tasks' && typeof b === 'number' && (c === 'lead' || c === 'responsible') && typeof d === 'number';
  if (kind === 'units') return path.length === 4 && a === 'groups' && typeof b === 'number' && c === 'members' && typeof d === 'number';
  if (kind === 'plan') return a === 'checkpoints' && typeof b === 'number' && ((path.length === 4 && c === 'reporters' && typeof d === 'number') || (path.length === 3 && c === 'recipient'));
  return false;
}

export interface UnitDirectory {
  units: readonly Unit[];
  groups: readonly UnitGroup[];
}

/** The unit or group a name, short name or alias means exactly. */
export function idForName(dir: UnitDirectory, name: string): { id: string; label: string } | undefined {
  const wanted = name.trim();
  for (const u of dir.units) {
    if (u.name === wanted || u.short === wanted || u.aliases.includes(wanted)) return { id: u.id, label: u.short ?? u.name };
  }
  for (const g of dir.groups) {
    if (g.name === wanted || g.aliases.includes(wanted)) return { id: g.id, label: g.name };
  }
  return undefined;
}

/** "finance (县财政局)": an id with the name people know it by. */
export function idWithName(dir: UnitDirectory, id: string): string {
  const u = dir.units.find((x) => x.id === id);
  const label = u ? (u.short ?? u.name) : dir.groups.find((g) => g.id === id)?.name;
  return label && label !== id ? `${id} (${label})` : id;
}

/** The closest id or name to a value that is neither, as "id (name)". */
export function suggestUnit(dir: UnitDirectory, value: string): string | undefined {
  const owners = new Map<string, string>();
  for (const u of dir.units) for (const n of [u.id, u.name, ...(u.short ? [u.short] : []), ...u.aliases]) if (!owners.has(n)) owners.set(n, u.id);
  for (const g of dir.groups) for (const n of [g.id, g.name, ...g.aliases]) if (!owners.has(n)) owners.set(n, g.id);
  const best = closest(value, owners.keys());
  return best === undefined ? undefined : idWithName(dir, owners.get(best)!);
}

/**
 * The diagnostic for a value in an id slot that is not a known id: a name
 * (fixable), else an unknown unit with the closest suggestion.
 */
export function unitValueDiagnostic(dir: UnitDirectory, value: string, file: string, path: (string | number)[]): Diagnostic {
  const named = idForName(dir, value);
  if (named) {
    return { code: 'unit-name-not-id', severity: 'error', file, path, args: { value, hint: idWithName(dir, named.id) }, fix: { to: named.id } };
  }
  const hint = suggestUnit(dir, value);
  return { code: 'unknown-unit', severity: 'error', file, path, args: { id: value, ...(hint && { hint }) } };
}
