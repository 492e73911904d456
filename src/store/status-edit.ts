/**
 * One unit's entry for one task, changed through the YAML document so that
 * comments, key order and every other entry stay as they were. Pure: text in,
 * text out.
 */
import { Document, isAlias, isMap, isNode, isScalar, isSeq, parseDocument, Scalar, visit, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { IsoDate, TaskState } from '../model.js';

export interface StatusChange {
  state?: TaskState;
  progress?: string;
  evidence: string[];
  completed?: IsoDate;
  reason?: string;
  /** The returned form the change comes from (`plan collect`): named in the history record. */
  source?: { file: string; sha256: string };
}

export interface EditResult {
  text: string;
  from: TaskState;
  to: TaskState;
  /** False when the entry already said all this: `text` is the original, and no history is recorded. */
  changed: boolean;
}

const HEADER = (unit: string): string =>
  `# yaml-language-server: $schema=../../src/validate/schemas/status.schema.json\n# Progress of ${unit} (进展情况), kept with \`plan update\`.\n`;

const OUTPUT = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * Applies `change` as of `asOf`; `original` is the file's text, or undefined for a new file.
 * The file's byte order mark and line ends (CRLF or LF) are kept; the new lines use them too.
 */
export function editStatus(original: string | undefined, unit: string, task: string, change: StatusChange, asOf: IsoDate): EditResult {
  let states = { from: 'not_started' as TaskState, to: 'not_started' as TaskState };
  const edited = editEntry(original, unit, task, (doc, entry) => {
    const before = entry.items.length > 0 ? fieldsOf(doc, entry) : undefined;
    const applied = applyChange(doc, entry, change, asOf);
    states = { from: applied.from, to: applied.to };
    if (before !== undefined && before === fieldsOf(doc, entry)) return false;
    recordHistory(doc, entry, change, asOf, states.from, states.to, applied.droppedReason);
    return true;
  });
  return { text: edited.text, changed: edited.changed, ...states };
}

/**
 * Any edit of one entry, as `plan update` makes them (the office's review
 * records and extension requests too): `apply` changes the entry's map and
 * says whether it changed anything. The byte order mark and line ends are kept,
 * and only the entry's own lines change where the layout allows.
 */
export function editEntry(original: string | undefined, unit: string, task: string, apply: (doc: Document, entry: YAMLMap) => boolean): { text: string; changed: boolean } {
  const bom = original?.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = original === undefined ? undefined : original.slice(bom.length);
  const eol = body !== undefined && isCrlf(body) ? '\r\n' : '\n';
  // Edited with LF line ends, written back with the file's own.
  const edited = editLf(body === undefined ? undefined : body.replace(/\r\n/g, '\n'), unit, task, apply);
  if (!edited.changed) return { text: original ?? edited.text, changed: false };
  return { text: bom + (eol === '\n' ? edited.text : edited.text.replace(/\n/g, eol)), changed: true };
}

/** CRLF when most line ends are CRLF (a file of mixed ends comes out with one kind). */
function isCrlf(text: string): boolean {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf;
}

/** The text a mapping key holds: `3.10:` is "3.10", never the number 3.1. */
export function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  return typeof key.value === 'string' ? key.value : (key.source ?? String(key.value));
}

function editLf(original: string | undefined, unit: string, task: string, apply: (doc: Document, entry: YAMLMap) => boolean): { text: string; changed: boolean } {
  const text = original ?? `${HEADER(unit)}unit: ${unit}\ntasks:\n`;
  // The plan was checked before (keys are unique); the `yaml` package's own check is quadratic.
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message);
  const root: unknown = doc.contents;
  if (!isMap(root)) throw new Error('the status file is not a mapping');
  const tasksNode: unknown = root.get('tasks', true);
  const tasks = isMap(tasksNode) ? tasksNode : undefined;
  const pair = tasks?.items.find((p) => keyText(p.key) === task);
  // An entry that is an alias, holds anchors or aliases, or is anchored itself
  // is made plain data first: editing it in place would change the entries
  // that share its nodes. The document is then written whole.
  const shared = pair !== undefined && sharesNodes(doc, pair.value);
  if (shared) pair.value = plainCopy(doc, pair.value);
  const existing = pair && isMap(pair.value) ? pair.value : undefined;
  const entry = existing ?? new YAMLMap();
  if (!apply(doc, entry)) return { text, changed: false };

  // The common cases change only the entry's own lines and leave every other
  // byte of the file as it was: the entry is spliced into the original text.
  if (!shared && tasks && !tasks.flow && tasks.items.length > 0 && tasks.range) {
    if (existing && !existing.flow && existing.range) {
      const [start, end] = existing.range;
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      // Comments before the entry's first line stay in the text around it.
      entry.commentBefore = null;
      return { text: text.slice(0, lineStart) + serialize(entry, start - lineStart) + text.slice(end), changed: true };
    }
    if (!pair) {
      const firstKey = (tasks.items[0]!.key as { range?: number[] }).range?.[0] ?? 0;
      const indent = firstKey - (text.lastIndexOf('\n', firstKey - 1) + 1);
      const at = tasks.range[1];
      const before = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
      // Ids such as 3.1 would read as numbers if written plain.
      const added = `${before}${' '.repeat(indent)}${JSON.stringify(task)}:\n${serialize(entry, indent + 2)}`;
      return { text: text.slice(0, at) + added + text.slice(at), changed: true };
    }
  }

  // Anything else (a new file, an empty or flow-style tasks map, shared nodes): the whole document.
  if (pair) pair.value = entry;
  else {
    let map = tasks;
    if (!map) {
      map = new YAMLMap();
      root.set('tasks', map);
    }
    const key = new Scalar(task);
    key.type = Scalar.QUOTE_DOUBLE;
    map.add(doc.createPair(key, entry));
  }
  return { text: doc.toString(OUTPUT), changed: true };
}

/** Whether `value` is an alias, is anchored, or holds an anchor or an alias. */
function sharesNodes(doc: Document, value: unknown): boolean {
  if (isAlias(value)) return true;
  if (!isNode(value)) return false;
  let found = false;
  visit(value, (_key, node) => {
    if (isAlias(node) || (isNode(node) && (node as { anchor?: string }).anchor)) {
      found = true;
      return visit.BREAK;
    }
    return undefined;
  });
  if (!found) return false;
  // Aliases elsewhere that point into this entry get a copy of what they point at.
  const inside = new Set<unknown>();
  visit(value, (_key, node) => {
    inside.add(node);
  });
  visit(doc, {
    Alias(_key, alias) {
      if (inside.has(alias)) return undefined;
      const target = alias.resolve(doc);
      return target && inside.has(target) ? plainCopy(doc, target) : undefined;
    },
  });
  return true;
}

/** The node's value as fresh nodes, without anchors or aliases. */
function plainCopy(doc: Document, value: unknown): Node {
  const target = isAlias(value) ? value.resolve(doc) : value;
  const data: unknown = isNode(target) ? target.toJS(doc) : null;
  return doc.createNode(data, { aliasDuplicateObjects: false }) as Node;
}

/** What an entry says, apart from when it was updated and its history: to tell a change from a repeat. */
function fieldsOf(doc: Document, entry: YAMLMap): string {
  const data = entry.toJS(doc) as Record<string, unknown>;
  delete data.updated;
  delete data.history;
  return JSON.stringify(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One entry as block YAML, every line indented by `indent`. */
function serialize(entry: YAMLMap, indent: number): string {
  const alone = new Document();
  alone.contents = entry;
  const pad = ' '.repeat(indent);
  return alone
    .toString(OUTPUT)
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

/** The states whose entry says why (受阻原因, 不适用理由): any other state has no reason. */
const WITH_REASON = new Set<TaskState>(['blocked', 'not_applicable']);

function applyChange(doc: Document, entry: YAMLMap, change: StatusChange, asOf: IsoDate): { from: TaskState; to: TaskState; droppedReason?: string } {
  const from = (scalarValue(entry, 'state') as TaskState | undefined) ?? 'not_started';
  const to = change.state ?? from;
  set(doc, entry, 'state', to);
  if (change.progress !== undefined) set(doc, entry, 'progress', change.progress);
  if (change.evidence.length > 0) {
    const listNode: unknown = entry.get('evidence', true);
    let seq: YAMLSeq;
    if (isSeq(listNode)) seq = listNode;
    else {
      seq = new YAMLSeq();
      seq.flow = true;
      entry.set('evidence', seq);
    }
    const have = new Set(seq.items.map((i) => (isScalar(i) ? String(i.value) : '')));
    for (const url of change.evidence) if (!have.has(url)) seq.add(doc.createNode(url));
  }
  if (to === 'done') {
    // Done without a date is done on the as-of date; done again after a reopening is done anew.
    if (change.completed !== undefined) set(doc, entry, 'completed', change.completed);
    else if (entry.get('completed') === undefined || from !== 'done') set(doc, entry, 'completed', asOf);
  } else {
    // A task that is not done has no completion date: reopening drops it.
    entry.delete('completed');
  }
  if (change.reason !== undefined) set(doc, entry, 'reason', change.reason);
  // A task that moves on from 受阻/不适用 no longer has that reason: left in place, the ledger, the
  // workbook and the next form would show it as the reason of a task in progress. Its history keeps it.
  const reason = scalarValue(entry, 'reason');
  if (change.reason === undefined && !WITH_REASON.has(to) && typeof reason === 'string') {
    entry.delete('reason');
    return { from, to, droppedReason: reason };
  }
  return { from, to };
}

function recordHistory(doc: Document, entry: YAMLMap, change: StatusChange, asOf: IsoDate, from: TaskState, to: TaskState, droppedReason?: string): void {
  set(doc, entry, 'updated', asOf);
  const historyNode: unknown = entry.get('history', true);
  let history: YAMLSeq;
  if (isSeq(historyNode)) history = historyNode;
  else {
    history = new YAMLSeq();
    entry.set('history', history);
  }
  const record: Record<string, string> = { date: asOf, from, to };
  // The record keeps the completion date the entry now has when it differs from the record's date.
  const completed = scalarValue(entry, 'completed');
  if (to === 'done' && typeof completed === 'string' && completed !== asOf) record.completed = completed;
  // Entering 受阻/不适用 with both a progress note and a reason, the record keeps both; leaving it,
  // the reason the entry drops is kept here unless an earlier record already holds it.
  const notes = [change.progress, change.reason].filter((x): x is string => x !== undefined);
  const kept = history.items.some((r) => isMap(r) && scalarValue(r, 'note') !== undefined && String(scalarValue(r, 'note')).includes(droppedReason ?? '\u0000'));
  if (droppedReason !== undefined && !kept) notes.push(droppedReason);
  if (notes.length > 0) record.note = notes.join('；');
  if (change.source) {
    record.file = change.source.file;
    record.sha256 = change.source.sha256;
  }
  history.add(doc.createNode(record));
  // Keys added above went after the history; the history reads best last.
  const at = entry.items.findIndex((p) => isScalar(p.key) && p.key.value === 'history');
  entry.items.push(...entry.items.splice(at, 1));
}

function scalarValue(map: YAMLMap, key: string): unknown {
  const node: unknown = map.get(key, true);
  return isScalar(node) ? node.value : undefined;
}

/** Sets a value, keeping the node (and any comment on it) when the key is there. */
function set(doc: Document, map: YAMLMap, key: string, value: string): void {
  const node: unknown = map.get(key, true);
  if (isScalar(node)) node.value = value;
  else map.set(key, doc.createNode(value));
}
