/** A line diff of two texts, for `plan update --dry-run`: what would change, with some context. */
import { safeText } from '../text.js';

/** Above this many cells the middle is shown as removed then added, not aligned line by line. */
const MAX_CELLS = 4_000_000;

export function lineDiff(before: string, after: string, file: string, lang: 'zh' | 'en', context = 2): string {
  // CRLF files diff like LF ones; a line's data is made safe for the terminal.
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  // An update changes one entry: the common head and tail are skipped in linear time,
  // and only the lines between them are aligned.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: { kind: ' ' | '-' | '+'; line: string }[] = [];
  for (let k = 0; k < head; k++) ops.push({ kind: ' ', line: a[k]! });
  ops.push(...align(a.slice(head, a.length - tail), b.slice(head, b.length - tail)));
  for (let k = a.length - tail; k < a.length; k++) ops.push({ kind: ' ', line: a[k]! });

  // A line is shown when a change lies within `context` lines of it.
  const near = new Uint8Array(ops.length);
  ops.forEach((op, k) => {
    if (op.kind === ' ') return;
    for (let c = Math.max(0, k - context); c <= Math.min(ops.length - 1, k + context); c++) near[c] = 1;
  });
  const out = [`--- ${safeText(file)}`, `+++ ${safeText(file)} ${lang === 'zh' ? '（修改后）' : '(after the update)'}`];
  let gap = false;
  ops.forEach((op, k) => {
    if (!near[k]) {
      if (!gap) out.push('@@');
      gap = true;
      return;
    }
    gap = false;
    out.push(`${op.kind}${safeText(op.line)}`);
  });
  return `${out.join('\n')}\n`;
}

/** Longest common subsequence by dynamic programming, on the changed middle only. */
function align(a: string[], b: string[]): { kind: ' ' | '-' | '+'; line: string }[] {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) return [...a.map((line) => ({ kind: '-' as const, line })), ...b.map((line) => ({ kind: '+' as const, line }))];
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const ops: { kind: ' ' | '-' | '+'; line: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i++]! });
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: '-', line: a[i++]! });
    else ops.push({ kind: '+', line: b[j++]! });
  }
  return ops;
}
