/** A line diff of two texts, for `plan update --dry-run`: what would change, with some context. */

export function lineDiff(before: string, after: string, file: string, context = 2, lang: 'zh' | 'en' = 'en'): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence by dynamic programming: status files are small.
  const n = a.length;
  const m = b.length;
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
  const keep = ops.map((op, k) => op.kind !== ' ' || ops.slice(Math.max(0, k - context), k + context + 1).some((o) => o.kind !== ' '));
  const out = [`--- ${file}`, `+++ ${file} ${lang === 'zh' ? '（修改后）' : '(after the update)'}`];
  let gap = false;
  ops.forEach((op, k) => {
    if (!keep[k]) {
      if (!gap) out.push('@@');
      gap = true;
      return;
    }
    gap = false;
    out.push(`${op.kind}${op.line}`);
  });
  return `${out.join('\n')}\n`;
}
