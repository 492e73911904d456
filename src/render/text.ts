/**
 * Text for a terminal: display width (a CJK character takes two columns),
 * cutting by width, and keeping the data's own control characters from
 * acting on the reader's terminal.
 */
import { withoutUnsafe } from '../unsafe-text.js';

// C0 and C1 controls, DEL, and the bidirectional overrides that can make
// text display in an order other than the one it has.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * One line of data made safe to print: controls shown as \xNN / \uNNNN,
 * newlines as spaces. Every writer of a foreign format (HTML, SVG, .docx) goes
 * through it, so it also shows what XML forbids and what hides text
 * (unsafe-text.ts) however it reached the data.
 */
export function safeText(s: string): string {
  const shown = s.replace(UNSAFE, (c) => {
    if (c === '\n') return ' ';
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return withoutUnsafe(shown, (c) => (c.length === 2 ? `\\U${c.codePointAt(0)!.toString(16).padStart(8, '0')}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

// Everything unsafe except the line end; a CR is kept only before LF (CSV lines end in CRLF).
const UNSAFE_OUTPUT = /\u001b\[(?:1|2|22|31|32|33|39)m|\r\n|[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The last guard of a whole output on its way to a terminal (print() applies
 * it when stdout is one): text already made safe with safeText passes
 * unchanged; a control character that reached the output any other way (a
 * CSV or JSON cell from the data) is shown as \uNNNN, which is also a valid
 * escape inside a JSON string. Only the tool's own colours (bold, dim, red,
 * green, yellow and their resets) are kept, and only when colour is on.
 */
export function terminalSafe(text: string, colour: boolean): string {
  return text.replace(UNSAFE_OUTPUT, (m) => {
    if (m === '\r\n' || (colour && m.length > 1)) return m;
    if (m.length > 1) return `\\u001b${m.slice(1)}`;
    return `\\u${m.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Columns a code point takes in a terminal. */
function cellWidth(code: number): number {
  if (code < 0x300) return 1;
  // Combining marks and zero-width characters.
  if ((code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f) || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export function displayWidth(s: string): number {
  // By char code rather than `for (const ch of s)`: a long table measures
  // millions of cells, mostly ASCII, and the string iterator was most of that.
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x300) {
      w++;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      w += cellWidth(((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000);
      i++;
    } else {
      w += cellWidth(c);
    }
  }
  return w;
}

/** Cut to at most `width` columns, ending in … when cut; never splits a character. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  if (width <= 0) return '';
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = cellWidth(ch.codePointAt(0)!);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

const NO_LINE_START = /^[、，。；：！？）」』】〕》,.;:!?)\]]$/;

/** Wraps text to a width by display columns (Chinese has no spaces to break at). */
export function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const ch of safeText(text)) {
    if (displayWidth(line + ch) > width) {
      // A line does not begin with closing punctuation (、，。): the character before it moves down too.
      const chars = [...line];
      const carry = NO_LINE_START.test(ch) && chars.length > 1 ? chars.pop()! : '';
      lines.push(chars.join(''));
      line = carry;
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

const PHRASE_END = new Set(['、', '，', '。', '；', '：', ',', ';']);
const OPEN = new Set(['（', '(', '《', '“']);
const CLOSE = new Set(['）', ')', '》', '”']);

/**
 * Wraps a sentence to a width between its phrases: after a space or a
 * phrase's punctuation (、，；：), never inside brackets — "（10 个单位中 8 个）"
 * and "(8 of 10)" stay on one line. A phrase wider than the line is cut by
 * display width.
 */
export function wrapPhrases(text: string, width: number): string {
  // Each phrase with the separator that followed it in the text: a space, or nothing after punctuation.
  const phrases: { text: string; space: boolean }[] = [];
  let phrase = '';
  let depth = 0;
  for (const ch of safeText(text)) {
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch) && depth > 0) depth--;
    if (depth === 0 && ch === ' ') {
      if (phrase !== '') phrases.push({ text: phrase, space: true });
      else if (phrases.length > 0) phrases.at(-1)!.space = true;
      phrase = '';
      continue;
    }
    phrase += ch;
    if (depth === 0 && PHRASE_END.has(ch)) {
      phrases.push({ text: phrase, space: false });
      phrase = '';
    }
  }
  if (phrase !== '') phrases.push({ text: phrase, space: false });
  const lines: string[] = [];
  let line = '';
  let sep = '';
  for (const p of phrases) {
    const joined = line === '' ? p.text : line + sep + p.text;
    if (line !== '' && displayWidth(joined) > width) {
      lines.push(line);
      line = p.text;
    } else line = joined;
    sep = p.space ? ' ' : '';
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => (displayWidth(l) > width ? wrap(l, width, '') : l)).join('\n');
}
