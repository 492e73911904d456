/**
 * Diagnostics as text for people (stylish), scripts (json), GitHub workflow
 * annotations (github) and CI test reports (junit). Pure functions.
 */
import { countBySeverity, type Diagnostic } from '../diagnostic.js';
import { diagnosticMessage, label } from './messages.js';
import { padEnd, safeText } from './text.js';
import type { Lang } from './lang.js';
import type { Paint } from './lang.js';

export interface DiagnosticsView {
  diagnostics: Diagnostic[];
  lang: Lang;
  paint: Paint;
  /** For the clean summary line. */
  counts?: { tasks: number; units: number };
  /** Every file checked: JUnit gives each a test suite, with a passing test case when it is clean. */
  files?: string[];
}

export const DIAGNOSTIC_FORMATS = {
  stylish: stylish,
  json: (v: DiagnosticsView) => `${JSON.stringify(v.diagnostics.map((d) => toJson(d, v.lang)), null, 2)}\n`,
  github: github,
  junit: junit,
} as const;

export type DiagnosticFormat = keyof typeof DIAGNOSTIC_FORMATS;

function toJson(d: Diagnostic, lang: Lang): object {
  return {
    code: d.code,
    severity: d.severity,
    file: d.file,
    line: d.line ?? null,
    col: d.col ?? null,
    message: diagnosticMessage(d, lang),
    args: d.args,
  };
}

function where(d: Diagnostic): string {
  return d.line === undefined ? '' : `${d.line}:${d.col ?? 1}`;
}

function stylish(v: DiagnosticsView): string {
  const { diagnostics, lang, paint } = v;
  const { errors, warnings } = countBySeverity(diagnostics);
  if (diagnostics.length === 0) {
    return v.counts ? `${paint.green('✓')} ${label('clean', lang)(v.counts.tasks, v.counts.units)}\n` : '';
  }
  const out: string[] = [];
  let file = '';
  // A loop, not Math.max(...list): a province can have a million diagnostics.
  const posWidth = diagnostics.reduce((w, d) => Math.max(w, where(d).length), 0);
  for (const d of diagnostics) {
    if (d.file !== file) {
      if (file) out.push('');
      file = d.file;
      out.push(paint.bold(safeText(file)));
    }
    // Padded by display width: 错误 and 警告 are four columns wide, not two.
    const sev = d.severity === 'error' ? paint.red(padEnd(label('error', lang), 7)) : paint.yellow(padEnd(label('warning', lang), 7));
    out.push(`  ${paint.dim(where(d).padEnd(posWidth))}  ${sev}  ${safeText(diagnosticMessage(d, lang))}  ${paint.dim(d.code)}`);
  }
  out.push('', (errors > 0 ? paint.red : paint.yellow)(`✖ ${label('problems', lang)(errors, warnings)}`));
  return `${out.join('\n')}\n`;
}

/** GitHub workflow commands: data must be %-escaped so it cannot end the command. */
function github(v: DiagnosticsView): string {
  const esc = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string): string => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return v.diagnostics
    .map((d) => {
      const pos = d.line === undefined ? '' : `,line=${d.line},col=${d.col ?? 1}`;
      return `::${d.severity} file=${prop(safeText(d.file))}${pos},title=${prop(d.code)}::${esc(safeText(diagnosticMessage(d, v.lang)))}\n`;
    })
    .join('');
}

function xml(s: string): string {
  // Characters XML 1.0 cannot hold at all are dropped; the rest are escaped.
  // Line ends and tabs are written as references, so attribute values keep them.
  return s
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/**
 * One test suite per file checked, one test case per diagnostic (an error is a
 * failure; a warning passes and says so in system-out), and one passing test
 * case for a clean file, so the CI's test count is the plan's files. Counts on
 * every suite and on the whole are those of the cases they hold, as Jenkins,
 * GitLab and the JUnit XSD expect (tests, failures, errors, skipped).
 */
function junit(v: DiagnosticsView): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of v.files ?? []) byFile.set(f, []);
  for (const d of v.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  if (byFile.size === 0) byFile.set('plan', []);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, list] of byFile) {
    const cases: string[] = [];
    let fails = 0;
    if (list.length === 0) cases.push(`    <testcase name="${xml(file)}" classname="${xml(file)}" time="0"/>`);
    for (const d of list) {
      const name = `${where(d) || file} ${d.code}`;
      const msg = diagnosticMessage(d, v.lang);
      if (d.severity === 'error') {
        fails++;
        cases.push(`    <testcase name="${xml(name)}" classname="${xml(file)}" time="0"><failure type="${xml(d.code)}" message="${xml(msg)}">${xml(`${file}:${where(d)} ${msg}`)}</failure></testcase>`);
      } else {
        cases.push(`    <testcase name="${xml(name)}" classname="${xml(file)}" time="0"><system-out>${xml(`${label('warning', v.lang)}: ${msg}`)}</system-out></testcase>`);
      }
    }
    tests += cases.length;
    failures += fails;
    suites.push(`  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${fails}" errors="0" skipped="0" time="0">`, ...cases, '  </testsuite>');
  }
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="plan check" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">`, ...suites, '</testsuites>', ''].join('\n');
}
