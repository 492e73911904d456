/** Escaping for the file formats reports are written in. */
import { safeText } from './text.js';

/**
 * A CSV cell. Text from the data that a spreadsheet would read as a formula
 * (= + - @, tab, carriage return, also behind invisible characters) is
 * prefixed with ' so it stays text.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  // Seen through what hides in front of it: a zero-width or bidirectional mark, a space, a byte order mark.
  const safe = /^[\s\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csv(header: string[], rows: (string | number | null | undefined)[][]): string {
  // The BOM lets spreadsheet programs on Chinese Windows open UTF-8 as UTF-8.
  return `\ufeff${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Text from the data inside Markdown: no markup, no HTML, no line breaks, no
 * controls — escaped only where Markdown would act on it, so a reader of the
 * plain file sees 二(一), not 二\(一\). Inline markup (\ ` * _ [ ] | ~), HTML
 * and entities (< > &) everywhere; a heading, list or quote marker only where
 * it could start a block: at the start of the text.
 */
export function md(s: string): string {
  return safeText(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/^(\s*)(#{1,6}|[-+])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)([-=])(?=[-=\s]*$)/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** A link from the data: an autolink when it is a plain web address (nothing to escape inside), else escaped text. */
export function mdLink(url: string): string {
  return /^https?:\/\/[^\s<>\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+$/.test(url) ? `<${url}>` : md(url);
}

export function mdTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header.map(md)), line(header.map(() => '---')), ...rows.map((r) => line(r))].join('\n');
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
