/**
 * A fast reader for the plain subset of YAML that plan files are written in:
 * block mappings and sequences, one-line scalars and one-line flow sequences.
 *
 * It never decides that a file is wrong. On anything outside the subset, or
 * anything it is not certain about, it returns `undefined`, and the caller
 * reads the file with the full `yaml` parser, which gives the verdict and the
 * diagnostic. So the accept/reject verdict is always the strict parser's; this
 * reader only makes the common case fast (the `yaml` package reads ~5 MB/s and
 * costs ~50 ms to import; this reads plan files at ~60 MB/s).
 *
 * When it does return a value, that value must equal what `readYamlFull`
 * returns for the same text: tests/unit/quick-yaml.test.ts checks this on
 * every fixture, on a generated plan and on random mutations.
 *
 * It works on positions in the text and slices a string only for a key or a
 * value: a province is a million lines, and every intermediate string would
 * be garbage to collect.
 */

/** Thrown inside the reader to give up; never escapes this module. */
class Unsure {}
const UNSURE = new Unsure();

const SPACE = 32;
const HASH = 35;
const DQUOTE = 34;
const SQUOTE = 39;
const COLON = 58;
const DASH = 45;
const BACKSLASH = 92;
/** Containers deeper than this are left to the full reader, which refuses past 64 (LIMITS.depth). */
const MAX_LEVELS = 60;

export function readQuickYaml(text: string): unknown {
  try {
    return new QuickReader(text).read();
  } catch (e) {
    if (e === UNSURE) return undefined;
    throw e;
  }
}

/** A path inside a file as positions.ts asks for it: its steps joined by NUL. */
export const pathKey = (path: readonly (string | number)[]): string => path.map((p) => `\u0000${p}`).join('');

/**
 * Line and column of the keys (and sequence items) at the `wanted` paths, in
 * one pass of the quick reader; undefined when the file is not one it reads.
 * For positions.ts: a large plain file with thousands of diagnostics is
 * located without the `yaml` package.
 */
export function locateQuick(text: string, wanted: ReadonlySet<string>): Map<string, { line: number; col: number }> | undefined {
  try {
    const reader = new QuickReader(text, wanted);
    reader.read();
    return reader.found;
  } catch (e) {
    if (e === UNSURE) return undefined;
    throw e;
  }
}

class QuickReader {
  private readonly text: string;
  /** Per meaningful line: where its content starts and ends, and its indentation. */
  private starts: Int32Array;
  private ends: Int32Array;
  private indents: Int32Array;
  private readonly count: number;
  private pos = 0;
  /** Open mappings and sequences: bounded, so a deep file cannot exhaust the stack. */
  private levels = 0;
  /** Per meaningful line: its line number in the file (for locateQuick). */
  private lineNos: Int32Array;
  private lineStarts: Int32Array;
  /** The path of the value being read (pathKey form), and the positions asked for. */
  private path = '';
  readonly found = new Map<string, { line: number; col: number }>();

  constructor(
    input: string,
    private readonly wanted?: ReadonlySet<string>,
  ) {
    let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (text.includes('\t')) throw UNSURE;
    if (text.includes('\r')) {
      if (/\r(?!\n)/.test(text)) throw UNSURE;
      text = text.replace(/\r\n/g, '\n');
    }
    this.text = text;
    // Sized by a guess and grown when full: counting the lines first was a
    // second pass over every text.
    const guess = (text.length >> 5) + 16;
    this.starts = new Int32Array(guess);
    this.ends = new Int32Array(guess);
    this.indents = new Int32Array(guess);
    this.lineNos = new Int32Array(wanted ? guess : 0);
    this.lineStarts = new Int32Array(wanted ? guess : 0);
    let n = 0;
    let lineNo = 0;
    for (let from = 0; from <= text.length; ) {
      lineNo++;
      let to = text.indexOf('\n', from);
      if (to < 0) to = text.length;
      let start = from;
      while (start < to && text.charCodeAt(start) === SPACE) start++;
      let end = to;
      while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
      const c = text.charCodeAt(start);
      if (end > start && c !== HASH) {
        // Directives, document markers: not ours.
        if (c === 37 /* % */) throw UNSURE;
        if ((c === DASH || c === 46) && isDocumentMarker(text, start)) throw UNSURE;
        if (n === this.starts.length) this.grow();
        this.starts[n] = start;
        this.ends[n] = end;
        this.indents[n] = start - from;
        if (wanted) {
          this.lineNos[n] = lineNo;
          this.lineStarts[n] = from;
        }
        n++;
      }
      from = to + 1;
    }
    this.count = n;
  }

  private grow(): void {
    const double = (a: Int32Array): Int32Array => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = double(this.starts);
    this.ends = double(this.ends);
    this.indents = double(this.indents);
    if (this.wanted) {
      this.lineNos = double(this.lineNos);
      this.lineStarts = double(this.lineStarts);
    }
  }

  read(): unknown {
    if (this.count === 0) return null;
    const value = this.block(this.indents[0]!);
    if (this.pos !== this.count) throw UNSURE;
    return value;
  }

  private block(indent: number): unknown {
    if (this.indents[this.pos] !== indent) throw UNSURE;
    return this.isSeqItem(this.starts[this.pos]!, this.ends[this.pos]!) ? this.sequence(indent) : this.mapping(indent, this.starts[this.pos]!);
  }

  /** Records where the value at `path` starts, if positions.ts asked for it; `at` is on the current line. */
  private mark(path: string, at: number, line = this.pos): void {
    if (!this.wanted!.has(path)) return;
    this.found.set(path, { line: this.lineNos[line]!, col: at - this.lineStarts[line]! + 1 });
  }

  private isSeqItem(start: number, end: number): boolean {
    return this.text.charCodeAt(start) === DASH && (start + 1 === end || this.text.charCodeAt(start + 1) === SPACE);
  }

  /** A block mapping whose first key starts at `first` (inside a `- ` item, mid-line). */
  private mapping(indent: number, first: number): Record<string, unknown> {
    if (++this.levels > MAX_LEVELS) throw UNSURE;
    const out: Record<string, unknown> = {};
    let start = first;
    while (this.pos < this.count) {
      const lineIndent = this.indents[this.pos]!;
      if (lineIndent < indent) break;
      const end = this.ends[this.pos]!;
      if (lineIndent > indent || this.isSeqItem(start, end)) throw UNSURE;
      const colon = this.keyEnd(start, end);
      const key = this.keyText(start, colon);
      const parent = this.path;
      if (this.wanted) this.mark(`${parent}\u0000${key}`, start);
      if (key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key)) throw UNSURE;
      // A plain key that YAML reads as a number, a boolean or null (`3.10:`) is the full reader's to refuse.
      if (this.text.charCodeAt(start) !== DQUOTE && this.text.charCodeAt(start) !== SQUOTE && typeof resolvePlain(key) !== 'string') throw UNSURE;
      this.pos++;
      let value = colon + 1;
      while (value < end && this.text.charCodeAt(value) === SPACE) value++;
      if (this.wanted) this.path = `${parent}\u0000${key}`;
      out[key] = value >= end || this.text.charCodeAt(value) === HASH ? this.nested(indent, true) : this.inlineValue(value, end, indent);
      this.path = parent;
      if (this.pos < this.count) start = this.starts[this.pos]!;
    }
    this.levels--;
    return out;
  }

  private sequence(indent: number): unknown[] {
    if (++this.levels > MAX_LEVELS) throw UNSURE;
    const out: unknown[] = [];
    while (this.pos < this.count) {
      const lineIndent = this.indents[this.pos]!;
      if (lineIndent < indent) break;
      const start = this.starts[this.pos]!;
      const end = this.ends[this.pos]!;
      if (lineIndent > indent || !this.isSeqItem(start, end)) throw UNSURE;
      let item = start + 1;
      while (item < end && this.text.charCodeAt(item) === SPACE) item++;
      const parent = this.path;
      if (this.wanted) {
        this.path = `${parent}\u0000${out.length}`;
        this.mark(this.path, item < end ? item : start);
      }
      if (item >= end || this.text.charCodeAt(item) === HASH) {
        this.pos++;
        out.push(this.nested(indent, false));
      } else if (this.isSeqItem(item, end)) {
        throw UNSURE;
      } else if (this.looksLikeEntry(item, end)) {
        // `- key: value` opens a mapping whose keys line up with `key`.
        const column = indent + (item - start);
        this.indents[this.pos] = column;
        out.push(this.mapping(column, item));
      } else {
        this.pos++;
        out.push(this.inlineValue(item, end, indent));
      }
      this.path = parent;
    }
    this.levels--;
    return out;
  }

  /** The value of `key:` or `-` with nothing after it: a nested block or null. */
  private nested(indent: number, inMapping: boolean): unknown {
    if (this.pos >= this.count) return null;
    const next = this.indents[this.pos]!;
    if (next < indent) return null;
    if (next > indent) return this.block(next);
    // A sequence may sit at the same indentation as its mapping key.
    if (inMapping && this.isSeqItem(this.starts[this.pos]!, this.ends[this.pos]!)) return this.sequence(indent);
    return null;
  }

  private inlineValue(start: number, end: number, indent: number): unknown {
    const value = this.scalarOrFlow(start, end);
    // A more indented line after a one-line value would continue it (a
    // multi-line scalar) or be an error; either way, not ours to judge.
    if (this.pos < this.count && this.indents[this.pos]! > indent) throw UNSURE;
    return value;
  }

  private looksLikeEntry(start: number, end: number): boolean {
    try {
      this.keyEnd(start, end);
      return true;
    } catch (e) {
      if (e === UNSURE) return false;
      throw e;
    }
  }

  /** Position of the `:` that ends the key starting at `start`. */
  private keyEnd(start: number, end: number): number {
    const t = this.text;
    const first = t.charCodeAt(start);
    let colon: number;
    if (first === DQUOTE || first === SQUOTE) {
      colon = this.quotedEnd(start, end);
      if (t.charCodeAt(colon) !== COLON) throw UNSURE;
    } else {
      if (startsLikeIndicator(t, start, end)) throw UNSURE;
      colon = -1;
      for (let i = start; i < end; i++) {
        const c = t.charCodeAt(i);
        if (c === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SPACE)) {
          colon = i;
          break;
        }
        if ((c === HASH && t.charCodeAt(i - 1) === SPACE) || isFlowIndicator(c)) throw UNSURE;
      }
      if (colon <= start || t.charCodeAt(colon - 1) === SPACE) throw UNSURE;
    }
    if (colon + 1 < end && t.charCodeAt(colon + 1) !== SPACE) throw UNSURE;
    return colon;
  }

  private keyText(start: number, colon: number): string {
    const first = this.text.charCodeAt(start);
    return first === DQUOTE || first === SQUOTE ? this.quoted(start, colon) : this.text.slice(start, colon);
  }

  /** One-line value: quoted or plain scalar, or a flow sequence of scalars. */
  private scalarOrFlow(start: number, end: number): unknown {
    const t = this.text;
    const c = t.charCodeAt(start);
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.quotedEnd(start, end);
      this.expectEnd(close, end);
      return this.quoted(start, close);
    }
    if (c === 91 /* [ */) return this.flowSequence(start, end);
    if (startsLikeIndicator(t, start, end)) throw UNSURE;
    // One pass, bounded by the line: a comment (` #`) ends the value; `: ` inside it is not ours.
    let stop = end;
    for (let i = start + 1; i < end; i++) {
      const ch = t.charCodeAt(i);
      if (ch === SPACE) {
        if (t.charCodeAt(i + 1) === HASH) {
          stop = i;
          break;
        }
      } else if (ch === COLON && t.charCodeAt(i + 1) === SPACE) throw UNSURE;
    }
    while (stop > start && t.charCodeAt(stop - 1) === SPACE) stop--;
    if (t.charCodeAt(stop - 1) === COLON) throw UNSURE;
    return plainValue(t, start, stop);
  }

  private flowSequence(start: number, end: number): unknown[] {
    const t = this.text;
    const out: unknown[] = [];
    let i = start + 1;
    while (i < end && t.charCodeAt(i) === SPACE) i++;
    if (t.charCodeAt(i) === 93 /* ] */) {
      this.expectEnd(i + 1, end);
      return out;
    }
    for (;;) {
      while (i < end && t.charCodeAt(i) === SPACE) i++;
      // A one-line value: its line was consumed, so it is the previous one.
      if (this.wanted) this.mark(`${this.path}\u0000${out.length}`, i, this.pos - 1);
      const c = t.charCodeAt(i);
      if (c === DQUOTE || c === SQUOTE) {
        const close = this.quotedEnd(i, end);
        out.push(this.quoted(i, close));
        i = close;
      } else {
        // Up to `,` or `]`, in one pass: `a:b` and `a#b` are plain text in flow
        // context; `a: b`, `a:`, ` #` and brackets are not ours.
        let j = i;
        for (; j < end; j++) {
          const ch = t.charCodeAt(j);
          if (ch === 44 /* , */ || ch === 93 /* ] */) break;
          if (ch === 91 || ch === 123 || ch === 125) throw UNSURE;
          if (ch === COLON) {
            const next = t.charCodeAt(j + 1);
            if (j + 1 === end || next === SPACE || next === 44 || next === 93) throw UNSURE;
          } else if (ch === HASH && t.charCodeAt(j - 1) === SPACE) throw UNSURE;
        }
        let stop = j;
        while (stop > i && t.charCodeAt(stop - 1) === SPACE) stop--;
        if (stop === i || startsLikeIndicator(t, i, stop)) throw UNSURE;
        out.push(resolvePlain(t.slice(i, stop)));
        i = j;
      }
      while (i < end && t.charCodeAt(i) === SPACE) i++;
      if (t.charCodeAt(i) === 44) {
        i++;
        continue;
      }
      if (t.charCodeAt(i) === 93) {
        this.expectEnd(i + 1, end);
        return out;
      }
      throw UNSURE;
    }
  }

  /** After a closed value only spaces and a ` #` comment may follow. */
  private expectEnd(from: number, end: number): void {
    if (from >= end) return;
    const t = this.text;
    if (t.charCodeAt(from) !== SPACE) throw UNSURE;
    let i = from;
    while (i < end && t.charCodeAt(i) === SPACE) i++;
    if (i < end && t.charCodeAt(i) !== HASH) throw UNSURE;
  }

  /** Position just after the closing quote of the scalar opening at `start`. */
  private quotedEnd(start: number, end: number): number {
    const t = this.text;
    if (t.charCodeAt(start) === SQUOTE) {
      for (let i = start + 1; i < end; i++) {
        if (t.charCodeAt(i) === SQUOTE) {
          if (t.charCodeAt(i + 1) === SQUOTE && i + 1 < end) i++;
          else return i + 1;
        }
      }
      throw UNSURE;
    }
    for (let i = start + 1; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === BACKSLASH) i++;
      else if (c === DQUOTE) return i + 1;
    }
    throw UNSURE;
  }

  /** The value of a quoted scalar spanning [start, close). */
  private quoted(start: number, close: number): string {
    const t = this.text;
    const inner = t.slice(start + 1, close - 1);
    if (t.charCodeAt(start) === SQUOTE) return inner.includes("''") ? inner.replace(/''/g, "'") : inner;
    return inner.includes('\\') ? unescape(inner) : inner;
  }
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' };

/** The escapes plan files use; any other is left to the full parser. */
function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.length === 5) {
      const code = parseInt(e.slice(1), 16);
      // Lone surrogates are where parsers differ.
      if (code >= 0xd800 && code <= 0xdfff) throw UNSURE;
      return String.fromCharCode(code);
    }
    const mapped = ESCAPES[e];
    if (mapped === undefined) throw UNSURE;
    return mapped;
  });
}

/** `---` or `...` at `start`, followed by a space, a line end or the end of the text. */
function isDocumentMarker(t: string, start: number): boolean {
  const c = t.charCodeAt(start);
  if (t.charCodeAt(start + 1) !== c || t.charCodeAt(start + 2) !== c) return false;
  const after = t.charCodeAt(start + 3);
  return start + 3 >= t.length || after === SPACE || after === 10;
}

/** Characters that cannot start a plain scalar, by code (ASCII). */
const INDICATOR = new Uint8Array(128);
for (const c of '[]{},#&*!|>\'"%@`') INDICATOR[c.charCodeAt(0)] = 1;

function startsLikeIndicator(t: string, start: number, end: number): boolean {
  const c = t.charCodeAt(start);
  if (c < 128 && INDICATOR[c] === 1) return true;
  // `-`, `?` and `:` start a plain scalar only when a non-space follows.
  return (c === DASH || c === 63 /* ? */ || c === COLON) && (start + 1 === end || t.charCodeAt(start + 1) === SPACE);
}

function isFlowIndicator(c: number): boolean {
  return c === 91 || c === 93 || c === 123 || c === 125 || c === 44;
}

/**
 * A plain scalar's value; a string is copied out of the text. V8 makes a
 * slice of 13 characters or more a view into the whole text, so a state
 * (`not_applicable`), a unit id or a checksum kept from a file would keep its
 * whole text in memory: 300 province status files with one `not_applicable`
 * each held 44 MB after reading instead of 17 (copying costs the reader ~2 %).
 * Quoted scalars are texts (progress, reasons) and items of flow sequences
 * links (evidence), kept only with the rest of their file's details: copying
 * those too cost 9 % of the reader.
 */
function plainValue(t: string, start: number, stop: number): unknown {
  const value = resolvePlain(t.slice(start, stop));
  // Joined to a space, the slice is copied into a new string, of which the result is a slice.
  return typeof value === 'string' && value.length >= 13 ? ` ${value}`.slice(1) : value;
}

const NUMBER_GOES_ON = '.eExo';

/** YAML 1.2 core schema resolution of a plain scalar, as the `yaml` package does it. */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Only these first characters can start a null, a boolean or a number.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) {
    if (c !== 126 && c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70) return s;
    if (s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
    if (s === 'true' || s === 'True' || s === 'TRUE') return true;
    if (s === 'false' || s === 'False' || s === 'FALSE') return false;
    return s;
  }
  // Every number below is a sign, digits, then the end or one of `.eExo`:
  // a date (2021-03-15) is told from them without running the patterns.
  let i = c === 43 || c === 45 ? 1 : 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i < s.length && !NUMBER_GOES_ON.includes(s[i]!)) return s;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s[0] === '-' ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(s)) return NaN;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return parseFloat(s);
  return s;
}
