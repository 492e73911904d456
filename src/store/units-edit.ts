/**
 * The edits behind `plan unit …` and `plan group …`, one plan file at a time,
 * through the YAML document so that comments, key order, quoting and flow
 * lists stay as they were. Pure: text in, text out (or unchanged).
 *
 * Where a unit id can stand: units.yaml (units[].id, groups[].id,
 * groups[].members), plan.yaml (checkpoints[].reporters, checkpoints[].recipient),
 * tasks/*.yaml (tasks[].lead, tasks[].responsible) and status/<unit>.yaml
 * (`unit:` and the file's name).
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Document } from 'yaml';
import type { FileKind } from '../load/plan-files.js';
import { MEMBERS_UNKNOWN_NOTES } from '../importer/notes.js';

const OUTPUT = { lineWidth: 0, flowCollectionPadding: false } as const;

export class PlanFileUnusable extends Error {}

function load(text: string): Document.Parsed {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) throw new PlanFileUnusable(doc.errors[0]?.message ?? 'not a mapping');
  return doc;
}

function dump(doc: Document.Parsed, original: string): string {
  const out = doc.toString(OUTPUT);
  // A file written with CRLF stays CRLF.
  return original.includes('\r\n') ? out.replace(/\r?\n/g, '\r\n') : out;
}

/** The items of a list at `key` of every mapping in the list at `listKey`. */
function* mapsIn(doc: Document.Parsed, listKey: string): Generator<YAMLMap> {
  const list: unknown = (doc.contents as YAMLMap).get(listKey, true);
  if (!isSeq(list)) return;
  for (const item of list.items) if (isMap(item)) yield item;
}

/** Sets every scalar equal to `from` to `to`, in place; returns how many. */
function renameScalars(node: unknown, from: string, to: string): number {
  if (isScalar(node)) {
    if (String(node.value) === from) {
      node.value = to;
      return 1;
    }
    return 0;
  }
  if (isSeq(node)) return node.items.reduce<number>((n, item) => n + renameScalars(item, from, to), 0);
  return 0;
}

/** Every reference to the id `from` in one plan file becomes `to`; undefined when the file does not name it. */
export function renameIdIn(kind: FileKind, text: string, from: string, to: string): string | undefined {
  // The scoring policy names events and roles, never a unit.
  if (kind === 'scoring') return undefined;
  const doc = load(text);
  let changed = 0;
  if (kind === 'units') {
    for (const listKey of ['units', 'groups']) {
      for (const item of mapsIn(doc, listKey)) {
        changed += renameScalars(item.get('id', true), from, to);
        if (listKey === 'groups') changed += renameScalars(item.get('members', true), from, to);
      }
    }
  } else if (kind === 'plan') {
    for (const cp of mapsIn(doc, 'checkpoints')) {
      changed += renameScalars(cp.get('reporters', true), from, to);
      changed += renameScalars(cp.get('recipient', true), from, to);
    }
  } else if (kind === 'tasks') {
    for (const task of mapsIn(doc, 'tasks')) {
      changed += renameScalars(task.get('lead', true), from, to);
      changed += renameScalars(task.get('responsible', true), from, to);
    }
  } else {
    changed += renameScalars((doc.contents as YAMLMap).get('unit', true), from, to);
  }
  return changed > 0 ? dump(doc, text) : undefined;
}

export interface NewUnit {
  id: string;
  name: string;
  short?: string;
  kind: string;
  aliases: string[];
  maintainers: string[];
}

/** Appends a unit to units.yaml, in the style of the units before it. */
export function addUnit(text: string, unit: NewUnit): string {
  const doc = load(text);
  let units: unknown = (doc.contents as YAMLMap).get('units', true);
  if (!isSeq(units)) {
    units = new YAMLSeq();
    (doc.contents as YAMLMap).set('units', units);
  }
  const item = new YAMLMap();
  item.set('id', unit.id);
  item.set('name', unit.name);
  if (unit.short !== undefined) item.set('short', unit.short);
  if (unit.aliases.length > 0) item.set('aliases', flowList(unit.aliases));
  item.set('kind', unit.kind);
  if (unit.maintainers.length > 0) item.set('maintainers', flowList(unit.maintainers));
  (units as YAMLSeq).items.push(item);
  return dump(doc, text);
}

/** Removes the unit from units.yaml and from every group's members. */
export function removeUnit(text: string, id: string): string {
  const doc = load(text);
  const units: unknown = (doc.contents as YAMLMap).get('units', true);
  if (isSeq(units)) units.items = units.items.filter((u) => !(isMap(u) && String((u.get('id', true) as Scalar | undefined)?.value) === id));
  for (const group of mapsIn(doc, 'groups')) {
    const members: unknown = group.get('members', true);
    if (isSeq(members)) members.items = members.items.filter((m) => !(isScalar(m) && String(m.value) === id));
  }
  return dump(doc, text);
}

/** Adds names to a unit's aliases (those it already has are skipped). */
export function addAliases(text: string, id: string, aliases: string[]): string {
  const doc = load(text);
  for (const unit of mapsIn(doc, 'units')) {
    if (String((unit.get('id', true) as Scalar | undefined)?.value) !== id) continue;
    const list = listAt(unit, 'aliases');
    const have = new Set(list.items.map((a) => (isScalar(a) ? String(a.value) : '')));
    for (const alias of aliases) if (!have.has(alias)) list.items.push(doc.createNode(alias));
  }
  return dump(doc, text);
}

/** Adds a unit to a group's members, or removes it; the text is unchanged when there is nothing to do. */
export function setMembership(text: string, groupId: string, unitId: string, member: boolean): string {
  const doc = load(text);
  for (const group of mapsIn(doc, 'groups')) {
    if (String((group.get('id', true) as Scalar | undefined)?.value) !== groupId) continue;
    const seq = listAt(group, 'members');
    const has = seq.items.some((m) => isScalar(m) && String(m.value) === unitId);
    if (member && !has) seq.items.push(doc.createNode(unitId));
    if (!member && has) seq.items = seq.items.filter((m) => !(isScalar(m) && String(m.value) === unitId));
  }
  return dump(doc, text);
}

/**
 * Adds and removes maintainers of one unit (`unit`: its id) or of the office
 * (`unit` undefined: the `office:` block, made if missing).
 */
export function setMaintainers(text: string, unit: string | undefined, add: string[], remove: string[]): string {
  const doc = load(text);
  let owner: YAMLMap | undefined;
  if (unit === undefined) {
    const office: unknown = (doc.contents as YAMLMap).get('office', true);
    if (isMap(office)) owner = office;
    else {
      owner = new YAMLMap();
      (doc.contents as YAMLMap).set('office', owner);
    }
  } else {
    for (const u of mapsIn(doc, 'units')) if (String((u.get('id', true) as Scalar | undefined)?.value) === unit) owner = u;
  }
  if (owner === undefined) return text;
  const seq = listAt(owner, 'maintainers');
  const gone = new Set(remove);
  seq.items = seq.items.filter((m) => !(isScalar(m) && gone.has(String(m.value))));
  const have = new Set(seq.items.map((m) => (isScalar(m) ? String(m.value) : '')));
  for (const who of add) if (!have.has(who)) seq.items.push(doc.createNode(who));
  return dump(doc, text);
}

/** The office says a group's members are all listed: `membersUnknown` goes, and with it plan import's note asking for them. */
export function completeGroup(text: string, groupId: string): string {
  const doc = load(text);
  for (const group of mapsIn(doc, 'groups')) {
    if (String((group.get('id', true) as Scalar | undefined)?.value) !== groupId) continue;
    if (group.has('membersUnknown')) group.delete('membersUnknown');
    const note: unknown = group.get('note');
    if (typeof note === 'string' && MEMBERS_UNKNOWN_NOTES.includes(note.trim())) group.delete('note');
  }
  return dump(doc, text);
}

/** The list at `key` of a mapping, made (as a flow list, `[a, b]`) when missing. */
function listAt(map: YAMLMap, key: string): YAMLSeq {
  const list: unknown = map.get(key, true);
  if (isSeq(list)) return list;
  const made = flowList([]);
  map.set(key, made);
  return made;
}

function flowList(values: string[]): YAMLSeq {
  const seq = new YAMLSeq();
  seq.flow = true;
  for (const v of values) seq.items.push(new Scalar(v));
  return seq;
}
