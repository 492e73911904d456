/**
 * Hostile plan files, generated: each is small enough to pass the size limit
 * and built to exhaust time, memory or the stack of a careless reader.
 * Used by hostile.test.ts and by scripts that measure them.
 */
export interface HostileCase {
  name: string;
  /** Path inside the plan folder. */
  file: string;
  text: () => string;
}

const status = (body: string): string => `unit: finance\ntasks:\n${body}`;

function repeat(n: number, f: (i: number) => string, sep = ''): string {
  const parts: string[] = new Array(n);
  for (let i = 0; i < n; i++) parts[i] = f(i);
  return parts.join(sep);
}

export const HOSTILE: HostileCase[] = [
  { name: '25,000 aliases to a plain scalar', file: 'status/finance.yaml', text: () => status(`  "2.1.3":\n    state: in_progress\n    progress: &p 进展\n    evidence: [${repeat(25_000, () => '*p', ', ')}]\n`) },
  { name: '25,000 aliases to a scalar, one per line', file: 'status/finance.yaml', text: () => status(`  "2.1.3":\n    state: in_progress\n    progress: &p 进展\n    evidence:\n${repeat(25_000, () => '      - *p\n')}`) },
  { name: 'aliases to a list, nested (billion laughs)', file: 'status/finance.yaml', text: () => `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${repeat(10, () => '*a', ', ')}]\nc: &c [${repeat(10, () => '*b', ', ')}]\nd: &d [${repeat(10, () => '*c', ', ')}]\ne: &e [${repeat(10, () => '*d', ', ')}]\nf: [${repeat(10, () => '*e', ', ')}]\n` },
  { name: '8 MB of [', file: 'status/finance.yaml', text: () => '['.repeat(8_000_000) },
  { name: '3 MB of {', file: 'tasks/hostile.yaml', text: () => '{'.repeat(3_000_000) },
  { name: '1 MB of "- " (nested block sequences on one line)', file: 'status/finance.yaml', text: () => '- '.repeat(500_000) },
  { name: 'block mappings 2,500 levels deep', file: 'status/finance.yaml', text: () => repeat(2500, (i) => `${' '.repeat(i * 2)}a:\n`) },
  { name: 'block sequences 3,000 levels deep', file: 'tasks/hostile.yaml', text: () => repeat(3000, (i) => `${' '.repeat(i)}-\n`) },
  { name: '20,000 unknown task keys', file: 'status/finance.yaml', text: () => status(repeat(20_000, (i) => `  "x${i}":\n    state: done\n    completed: 2021-09-01\n`)) },
  { name: '40,000 unknown task keys', file: 'status/finance.yaml', text: () => status(repeat(40_000, (i) => `  "x${i}":\n    state: done\n`)) },
  { name: '40,000 entries with a wrong state', file: 'status/finance.yaml', text: () => status(repeat(40_000, (i) => `  "x${i}":\n    state: finished\n`)) },
  { name: 'a flow mapping with 30,000 keys', file: 'status/finance.yaml', text: () => `unit: finance\ntasks: {${repeat(30_000, (i) => `"x${i}": {state: done}`, ', ')}}\n` },
  { name: '20,000 unquoted number keys', file: 'status/finance.yaml', text: () => status(repeat(20_000, (i) => `  3.${i}:\n    state: done\n`)) },
  { name: 'a line of 200,000 spaces', file: 'status/finance.yaml', text: () => `unit: finance${' '.repeat(200_000)}x\ntasks:\n` },
  { name: '2,000 lines of 2,000 spaces', file: 'tasks/hostile.yaml', text: () => repeat(2000, () => `${' '.repeat(2000)}\n`) + 'a: 1\n' },
  { name: 'a key of 1,000,000 characters', file: 'status/finance.yaml', text: () => status(`  "${'x'.repeat(1_000_000)}":\n    state: done\n`) },
  { name: 'a plain scalar of 3,000,000 characters with ": " at the end', file: 'tasks/hostile.yaml', text: () => `a: ${'x'.repeat(3_000_000)}: b\n` },
  { name: 'a comment line of 5,000,000 "#"', file: 'status/finance.yaml', text: () => `unit: finance\n${'#'.repeat(5_000_000)}\ntasks: 5\n` },
  { name: '100,000 anchors', file: 'tasks/hostile.yaml', text: () => repeat(100_000, (i) => `k${i}: &a${i} v\n`) },
  { name: '200,000 one-character lines of "-"', file: 'status/finance.yaml', text: () => repeat(200_000, () => '-\n') },
  { name: 'an unclosed double quote over 4 MB with backslashes', file: 'status/finance.yaml', text: () => `unit: "${'\\\\a'.repeat(1_300_000)}` },
  { name: '60,000 duplicate keys', file: 'status/finance.yaml', text: () => status(repeat(60_000, () => `  "2.1.3":\n    state: done\n`)) },
  { name: '140,000 unknown task keys in 7.5 MB of plain YAML', file: 'status/finance.yaml', text: () => status(repeat(140_000, (i) => `  "x${i}":\n    state: done\n    completed: 2021-09-01\n`)) },
  { name: 'a flow mapping just under the strict reader limit (21,000 keys)', file: 'status/finance.yaml', text: () => `unit: finance\ntasks: {${repeat(21_000, (i) => `"x${i}": {state: done}`, ', ')}}\n` },
  { name: 'anchors and aliases just under the strict reader limit', file: 'tasks/hostile.yaml', text: () => `a: &a x\n${repeat(20_000, (i) => `k${i}: [&b${i} v, *a]\n`)}` },
  { name: '3,000,000 characters of flow mappings over the strict reader limit', file: 'status/finance.yaml', text: () => `unit: finance\ntasks: {${repeat(120_000, (i) => `"x${i}": {state: done}`, ', ')}}\n` },
  { name: 'a control character in a comment (ESC sequences)', file: 'status/finance.yaml', text: () => `# \u001b]0;pwned\u0007\u001b[2J\nunit: finance\ntasks:\n` },
];
