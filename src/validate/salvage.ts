/**
 * What can still be checked in a file whose shape is wrong. A schema error in
 * one task must not hide the problems of every other task, unit and status
 * entry (ESLint reports every problem in one run; so does `plan check`). The
 * items a schema error points into are set aside; the rest of the file goes on
 * to the rules. The ids of the items set aside are remembered, so the rules do
 * not report them again in other words ("unknown task" for a task whose entry
 * is broken).
 */
import type { Diagnostic } from '../diagnostic.js';

/** What a broken file still gives. */
export interface Salvaged<T> {
  /** The items with no schema error, with their index in the file. */
  kept: { item: T; index: number }[];
  /** Ids of the items set aside (those that have a string id). */
  setAsideIds: string[];
  /** An item set aside without a readable id, or the list itself unusable. */
  incomplete: boolean;
}

/**
 * Splits `list` (the value at `data[key]`) into the items no diagnostic points
 * into and the ids of the others. A diagnostic on the list itself or on the
 * file's root makes the list unusable only when the list is not a list.
 */
export function salvageList<T>(data: unknown, key: string, diagnostics: readonly Diagnostic[], idOf: (item: unknown) => unknown = defaultId): Salvaged<T> {
  const list = isObject(data) ? data[key] : undefined;
  if (!Array.isArray(list)) return { kept: [], setAsideIds: [], incomplete: true };
  const bad = new Set<number>();
  for (const d of diagnostics) {
    const [first, second] = d.path ?? [];
    if (first === key && typeof second === 'number') bad.add(second);
  }
  const kept: { item: T; index: number }[] = [];
  const setAsideIds: string[] = [];
  let incomplete = false;
  list.forEach((item, index) => {
    if (!bad.has(index) && isObject(item)) {
      kept.push({ item: item as T, index });
      return;
    }
    const id = idOf(item);
    if (typeof id === 'string') setAsideIds.push(id);
    else incomplete = true;
  });
  return { kept, setAsideIds, incomplete };
}

/** The keys of a mapping (status entries by task id) that no diagnostic points into. */
export function salvageMap(data: unknown, key: string, diagnostics: readonly Diagnostic[]): { kept: string[]; setAside: string[] } {
  const map = isObject(data) ? data[key] : undefined;
  if (!isObject(map)) return { kept: [], setAside: [] };
  const bad = new Set<string>();
  for (const d of diagnostics) {
    const [first, second] = d.path ?? [];
    if (first === key && second !== undefined) bad.add(String(second));
  }
  const kept: string[] = [];
  const setAside: string[] = [];
  for (const k in map) (bad.has(k) || !isObject(map[k]) ? setAside : kept).push(k);
  return { kept, setAside };
}

/** True when no diagnostic points at `key` itself or above it (the file's root). */
export function fieldIsSound(diagnostics: readonly Diagnostic[], key: string): boolean {
  return diagnostics.every((d) => {
    const path = d.path ?? [];
    if (path.length === 0) return d.code !== 'schema-type' && d.code !== 'file-empty';
    return path[0] !== key;
  });
}

/** The value at a path of keys, or undefined. */
export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = data;
  for (const step of path) {
    if (Array.isArray(node) && typeof step === 'number') node = node[step];
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, String(step))) node = node[String(step)];
    else return undefined;
  }
  return node;
}

function defaultId(item: unknown): unknown {
  return isObject(item) ? item.id : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
