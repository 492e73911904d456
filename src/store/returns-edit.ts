/**
 * Marks a unit's form as received for a checkpoint: the `returns:` list of
 * its status file. Like status-edit.ts, the text is spliced so that comments
 * and every other line stay as they were. Pure: text in, text out.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { FormReturn } from '../model.js';

/** One item of the list, every line indented by `indent`. */
function item(r: Omit<FormReturn, 'unit'>, indent: number): string {
  const pad = ' '.repeat(indent);
  const lines = [`${pad}- checkpoint: ${r.checkpoint}`, `${pad}  received: ${r.received}`];
  // JSON strings are valid YAML double-quoted scalars: any file name stays text.
  if (r.file !== undefined) lines.push(`${pad}  file: ${JSON.stringify(r.file)}`);
  if (r.sha256 !== undefined) lines.push(`${pad}  sha256: ${JSON.stringify(r.sha256)}`);
  return `${lines.join('\n')}\n`;
}

/** The text with `r` recorded; a later form for the same checkpoint replaces the earlier record. */
export function recordReturn(text: string, r: Omit<FormReturn, 'unit'>): string {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message);
  const root: unknown = doc.contents;
  if (!isMap(root)) throw new Error('the status file is not a mapping');
  const node: unknown = root.get('returns', true);
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
    if (node !== undefined) throw new Error('the status file has an empty returns key');
    const sep = text === '' || text.endsWith('\n') ? '' : '\n';
    return `${text}${sep}returns:\n${item(r, 2)}`;
  }
  if (!isSeq(node) || node.flow || !node.range) throw new Error('returns is not a block list');
  const existing = node.items.find((i) => isMap(i) && String((i.get('checkpoint', true) as { value?: unknown } | undefined)?.value) === r.checkpoint);
  const first = node.items[0] as { range?: number[] } | undefined;
  const firstAt = first?.range?.[0] ?? node.range[0];
  // The dash sits two columns before the item's first key.
  const indent = Math.max(0, firstAt - (text.lastIndexOf('\n', firstAt - 1) + 1) - 2);
  if (existing && isMap(existing) && existing.range) {
    const start = text.lastIndexOf('\n', existing.range[0] - 1) + 1;
    let end = existing.range[2];
    if (text[end - 1] !== '\n') end = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end) + 1;
    return text.slice(0, start) + item(r, indent) + text.slice(end);
  }
  let at = node.range[2];
  if (at > 0 && text[at - 1] !== '\n') {
    const nl = text.indexOf('\n', at);
    at = nl < 0 ? text.length : nl + 1;
  }
  const before = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  return text.slice(0, at) + before + item(r, indent) + text.slice(at);
}
