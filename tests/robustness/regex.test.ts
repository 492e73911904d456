/**
 * Every regular expression outside the importer that runs on data from the
 * user (plan files, arguments, file names), run through the code that uses it
 * on long adversarial input. Reviewed for super-linear backtracking: none has
 * nested or overlapping quantifiers; this test keeps it so. Each call must
 * finish well inside a second (the bound is generous for a busy machine).
 */
import { describe, expect, it } from 'vitest';
import { keyText } from '../../src/store/status-edit.js';
import { fsUsageError } from '../../src/errors.js';
import { compareIds } from '../../src/ledger/index.js';
import { readYamlFull, tooDeep } from '../../src/load/full-yaml.js';
import { readOne } from '../../src/load/plan-files.js';
import { readQuickYaml, resolvePlain } from '../../src/load/quick-yaml.js';
import { DIAGNOSTIC_FORMATS } from '../../src/render/diagnostics.js';
import { lineDiff } from '../../src/render/reports/diff.js';
import { csvCell, md } from '../../src/render/formats.js';
import { safeText, terminalSafe } from '../../src/render/text.js';
import { checkShape } from '../../src/validate/shape.js';

const N = 1_000_000;
// A quadratic pattern on inputs this long takes minutes; a linear one, milliseconds.
const BOUND_MS = 1500;

const PLAIN = (p: string) => p.padEnd(10);
describe('regular expressions on long adversarial input', () => {
  it.each([
    ['resolvePlain: digits then a letter (integer and float patterns)', () => resolvePlain(`${'1'.repeat(N)}x`)],
    ['resolvePlain: sign, digits, dot, no exponent digits', () => resolvePlain(`-${'1'.repeat(N)}.${'2'.repeat(N)}e`)],
    ['resolvePlain: octal and hex prefixes', () => [resolvePlain(`0o${'7'.repeat(N)}8`), resolvePlain(`0x${'f'.repeat(N)}g`)]],
    ['resolvePlain: .inf / .nan look-alikes', () => [resolvePlain(`.${'i'.repeat(N)}`), resolvePlain(`+.${'n'.repeat(N)}`)]],
    ['quick reader: CR not before LF, document markers, escapes', () => [readQuickYaml(`a: b${'\r'.repeat(N)}`), readQuickYaml(`a: "${'\\u00e9'.repeat(N / 6)}\\q"`), readQuickYaml(`${'-'.repeat(3)}${' '.repeat(N)}`)]],
    ['full reader: %YAML directives and the message cleanup', () => [readYamlFull('%YAML 1.2\n'.repeat(N / 40)), readYamlFull(`a: [${' at line 1, column 1'.repeat(N / 80)}`)]],
    ['nesting scan: quotes and comments', () => [tooDeep(`"${'\\'.repeat(N)}`), tooDeep(`'${"''".repeat(N / 2)}`), tooDeep(`a: b #${'['.repeat(N)}`)]],
    ['control characters in a plan file: CR runs', async () => readOne({ kind: 'status', file: 'x.yaml', stem: 'x', text: `${'\r'.repeat(N)}x` })],
    ['schema patterns: ids, links, dates, time zones', () => [
      checkShape('status', 'x.yaml', { unit: `${'a'.repeat(N)}!`, tasks: { [`${'a.'.repeat(N / 2)}!`]: { state: 'done', evidence: [`${'x'.repeat(N)} `], completed: `${'1'.repeat(N)}` } } }),
      checkShape('plan', 'plan.yaml', { timezone: `${'A/'.repeat(N / 2)}!` }),
    ]],
    ['CSV cells: formula prefixes, quotes, spaces', () => [csvCell(`=${' '.repeat(N)}`), csvCell('"'.repeat(N)), csvCell(`${' '.repeat(N)}x`)]],
    ['Markdown escaping', () => md('\\`*_'.repeat(N / 4))],
    ['terminal escaping', () => [safeText('\u001b['.repeat(N / 2)), terminalSafe(`${'\u001b[3'.repeat(N / 3)}\r`, true)]],
    ['diff line splitting', () => lineDiff('\r'.repeat(N), `${'\r'.repeat(N)}\n`, 'f', 'en')],
    ['task id comparison', () => compareIds(`${'1a'.repeat(N / 2)}`, `${'1a'.repeat(N / 2)}b`)],
    ['status keys as text', () => keyText({ value: 'x'.repeat(N) })],
    ['GitHub and JUnit diagnostic formats', () => Object.values(DIAGNOSTIC_FORMATS).map((f) => f({ diagnostics: [{ code: 'schema', severity: 'error', file: '%:,\r\n'.repeat(N / 20), args: { where: '\u0000'.repeat(N / 4), detail: '&<>"'.repeat(N / 16) } }], lang: 'en', paint: { red: PLAIN, yellow: PLAIN, green: PLAIN, dim: PLAIN, bold: PLAIN } } as never))],
    ['fs error mapping', () => fsUsageError(Object.assign(new Error('x'), { code: 'ENOSPC', syscall: 'write'.repeat(N) }))],
  ])('%s', async (name, f) => {
    const t = performance.now();
    await f();
    const ms = performance.now() - t;
    expect(ms, `${name} took ${ms.toFixed(0)} ms`).toBeLessThan(BOUND_MS);
  });
});
