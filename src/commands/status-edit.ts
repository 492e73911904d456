/**
 * One unit's entry for one task, changed through the YAML document so that
 * comments, key order and every other entry stay as they were. Pure: text in,
 * text out.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
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
}

const HEADER = (unit: string): string =>
  `# yaml-language-server: $schema=../../src/validate/schemas/status.schema.json\n# Progress of ${unit} (进展情况), kept with \`plan update\`.\n`;

const OUTPUT = { lineWidth: 0, flowCollectionPadding: false } as const;

/** Applies `change` as of `asOf`; `original` is the file's text, or undefined for a new file. */
export function editStatus(original: string | undefined, unit: string, task: string, change: StatusChange, asOf: IsoDate): EditResult {
  const text = original ?? `${HEADER(unit)}unit: ${unit}\ntasks:\n`;
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message);
  const root: unknown = doc.contents;
  if (!isMap(root)) throw new Error('the status file is not a mapping');
  const tasksNode: unknown = root.get('tasks', true);
  const tasks = isMap(tasksNode) ? tasksNode : undefined;
  const pair = tasks?.items.find((p) => isScalar(p.key) && (String(p.key.value) === task || p.key.source === task));
  const existing = pair && isMap(pair.value) ? pair.value : undefined;
  const entry = existing ?? new YAMLMap();
  const { from, to } = applyChange(doc, entry, change, asOf);

  // The common cases change only the entry's own lines and leave every other
  // byte of the file as it was: the entry is spliced into the original text.
  if (tasks && !tasks.flow && tasks.items.length > 0 && tasks.range) {
    if (existing && !existing.flow && existing.range) {
      const [start, end] = existing.range;
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      // Comments before the entry's first line stay in the text around it.
      entry.commentBefore = null;
      return { text: text.slice(0, lineStart) + serialize(entry, start - lineStart) + text.slice(end), from, to };
    }
    if (!pair) {
      const firstKey = (tasks.items[0]!.key as { range?: number[] }).range?.[0] ?? 0;
      const indent = firstKey - (text.lastIndexOf('\n', firstKey - 1) + 1);
      const at = tasks.range[1];
      const before = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
      // Ids such as 3.1 would read as numbers if written plain.
      const added = `${before}${' '.repeat(indent)}${JSON.stringify(task)}:\n${serialize(entry, indent + 2)}`;
      return { text: text.slice(0, at) + added + text.slice(at), from, to };
    }
  }

  // Anything else (a new file, an empty or flow-style tasks map): the whole document.
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
  return { text: doc.toString(OUTPUT), from, to };
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

function applyChange(doc: Document, entry: YAMLMap, change: StatusChange, asOf: IsoDate): { from: TaskState; to: TaskState } {
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
  // Done without a date is done on the as-of date.
  if (change.completed !== undefined) set(doc, entry, 'completed', change.completed);
  else if (to === 'done' && entry.get('completed') === undefined) set(doc, entry, 'completed', asOf);
  if (change.reason !== undefined) set(doc, entry, 'reason', change.reason);
  set(doc, entry, 'updated', asOf);

  const historyNode: unknown = entry.get('history', true);
  let history: YAMLSeq;
  if (isSeq(historyNode)) history = historyNode;
  else {
    history = new YAMLSeq();
    entry.set('history', history);
  }
  const record: Record<string, string> = { date: asOf, from, to };
  const note = change.progress ?? change.reason;
  if (note !== undefined) record.note = note;
  if (change.source) {
    record.file = change.source.file;
    record.sha256 = change.source.sha256;
  }
  history.add(doc.createNode(record));
  // Keys added above went after the history; the history reads best last.
  const at = entry.items.findIndex((p) => isScalar(p.key) && p.key.value === 'history');
  entry.items.push(...entry.items.splice(at, 1));
  return { from, to };
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
