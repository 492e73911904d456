/**
 * A fast reader for the plain subset of YAML that plan files are written in:
 * block mappings and sequences, one-line scalars and one-line flow sequences.
 *
 * It never decides that a file is wrong. On anything outside the subset, or
 * anything it is not certain about, it returns `undefined`, and the caller
 * reads the file with the full `yaml` parser, which gives the verdict and the
 * diagnostic. So the accept/reject verdict is always the strict parser's; this
 * reader only makes the common case fast (the `yaml` package reads ~5 MB/s and
 * costs ~50 ms to import, this reads plan files at well over 50 MB/s).
 *
 * When it does return a value, that value must equal what `readYamlFull`
 * returns for the same text: tests/unit/quick-yaml.test.ts checks this on
 * every fixture, on generated plans and on random mutations.
 */

interface Line {
  indent: number;
  content: string;
}

/** Thrown inside the reader to give up; never escapes this module. */
class Unsure {}
const UNSURE = new Unsure();

export function readQuickYaml(text: string): unknown {
  try {
    return parse(text);
  } catch (e) {
    if (e === UNSURE) return undefined;
    throw e;
  }
}

function parse(input: string): unknown {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.includes('\t')) throw UNSURE;
  if (text.includes('\r')) {
    if (/\r(?!\n)/.test(text)) throw UNSURE;
    text = text.replace(/\r\n/g, '\n');
  }
  const lines: Line[] = [];
  // Lines are found by index and sliced once, trimmed: a province is a
  // million lines, and every intermediate string is garbage to collect.
  for (let from = 0; from <= text.length; ) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    let indent = from;
    while (text.charCodeAt(indent) === 32 && indent < to) indent++;
    let end = to;
    while (end > indent && text.charCodeAt(end - 1) === 32) end--;
    const c = text.charCodeAt(indent);
    if (end > indent && c !== 35 /* # */) {
      const content = text.slice(indent, end);
      // Directives, document markers and anything exotic at a line start.
      if ((c === 45 || c === 46) && /^(?:---|\.\.\.)(?:\s|$)/.test(content)) throw UNSURE;
      if (c === 37 /* % */) throw UNSURE;
      lines.push({ indent: indent - from, content });
    }
    from = to + 1;
  }
  if (lines.length === 0) return null;
  const reader = new BlockReader(lines);
  const value = reader.block(lines[0]!.indent);
  if (reader.pos !== lines.length) throw UNSURE;
  return value;
}

class BlockReader {
  pos = 0;
  constructor(private readonly lines: Line[]) {}

  block(indent: number): unknown {
    const line = this.lines[this.pos]!;
    if (line.indent !== indent) throw UNSURE;
    return isSeqItem(line.content) ? this.sequence(indent) : this.mapping(indent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.pos < this.lines.length) {
      const line = this.lines[this.pos]!;
      if (line.indent < indent) break;
      if (line.indent > indent || isSeqItem(line.content)) throw UNSURE;
      const entry = splitEntry(line.content);
      if (!entry) throw UNSURE;
      const [key, rest] = entry;
      if (key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key)) throw UNSURE;
      this.pos++;
      out[key] = rest === '' ? this.nested(indent, true) : this.inlineValue(rest, indent);
    }
    return out;
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    while (this.pos < this.lines.length) {
      const line = this.lines[this.pos]!;
      if (line.indent < indent) break;
      if (line.indent > indent || !isSeqItem(line.content)) throw UNSURE;
      const after = line.content.slice(1);
      const item = startSpaces(after);
      if (item === '' || item.startsWith('#')) {
        this.pos++;
        out.push(this.nested(indent, false));
        continue;
      }
      if (isSeqItem(item)) throw UNSURE;
      if (splitEntry(item)) {
        // `- key: value` opens a mapping whose keys line up with `key`.
        const column = indent + 1 + (after.length - item.length);
        this.lines[this.pos] = { indent: column, content: item };
        out.push(this.mapping(column));
      } else {
        this.pos++;
        out.push(this.inlineValue(item, indent));
      }
    }
    return out;
  }

  /** The value of `key:` or `-` with nothing after it: a nested block or null. */
  private nested(indent: number, inMapping: boolean): unknown {
    const next = this.lines[this.pos];
    if (!next || next.indent < indent) return null;
    if (next.indent > indent) return this.block(next.indent);
    // A sequence may sit at the same indentation as its mapping key.
    if (inMapping && isSeqItem(next.content)) return this.sequence(indent);
    return null;
  }

  private inlineValue(rest: string, indent: number): unknown {
    const value = scalarOrFlow(rest);
    // A more indented line after a one-line value would continue it (a
    // multi-line scalar) or be an error; either way, not ours to judge.
    const next = this.lines[this.pos];
    if (next && next.indent > indent) throw UNSURE;
    return value;
  }
}

function isSeqItem(content: string): boolean {
  return content === '-' || content.startsWith('- ');
}

/** `key: rest` → [key, rest]; undefined when the line is not a plain entry. */
function splitEntry(content: string): [string, string] | undefined {
  let key: string;
  let after: number;
  const first = content[0];
  if (first === '"' || first === "'") {
    const quoted = readQuoted(content, 0);
    if (!quoted) return undefined;
    key = quoted.value;
    after = quoted.end;
    if (content[after] !== ':') return undefined;
  } else {
    if (startsLikeIndicator(content)) return undefined;
    let colon = -1;
    for (let i = 0; i < content.length; i++) {
      const c = content[i];
      if (c === '#' && content[i - 1] === ' ') return undefined;
      if (c === ':' && (i + 1 === content.length || content[i + 1] === ' ')) {
        colon = i;
        break;
      }
    }
    if (colon <= 0) return undefined;
    key = content.slice(0, colon);
    if (key !== endSpaces(key) || /[[\]{},]/.test(key)) return undefined;
    after = colon;
  }
  const rest = content.slice(after + 1);
  if (rest !== '' && rest[0] !== ' ') return undefined;
  const trimmed = startSpaces(rest);
  return [key, trimmed.startsWith('#') ? '' : trimmed];
}

function startsLikeIndicator(s: string): boolean {
  const c = s[0]!;
  if ('[]{},#&*!|>\'"%@`'.includes(c)) return true;
  // `-`, `?` and `:` start a plain scalar only when a non-space follows.
  return (c === '-' || c === '?' || c === ':') && (s.length === 1 || s[1] === ' ');
}

/** One-line value: quoted or plain scalar, or a flow sequence of scalars. */
function scalarOrFlow(s: string): unknown {
  const c = s[0];
  if (c === '"' || c === "'") {
    const quoted = readQuoted(s, 0);
    if (!quoted) throw UNSURE;
    expectEnd(s, quoted.end);
    return quoted.value;
  }
  if (c === '[') return flowSequence(s);
  if (startsLikeIndicator(s)) throw UNSURE;
  let end = s.length;
  const hash = s.indexOf(' #');
  if (hash >= 0) end = hash;
  const plain = endSpaces(s.slice(0, end));
  if (plain.includes(': ') || plain.endsWith(':')) throw UNSURE;
  return resolvePlain(plain);
}

function flowSequence(s: string): unknown[] {
  const out: unknown[] = [];
  let i = 1;
  const skip = (): void => {
    while (s[i] === ' ') i++;
  };
  skip();
  if (s[i] === ']') return expectEnd(s, i + 1), out;
  for (;;) {
    skip();
    const c = s[i];
    if (c === '"' || c === "'") {
      const quoted = readQuoted(s, i);
      if (!quoted) throw UNSURE;
      out.push(quoted.value);
      i = quoted.end;
    } else {
      let j = i;
      while (j < s.length && s[j] !== ',' && s[j] !== ']') j++;
      const plain = endSpaces(s.slice(i, j));
      // `a:b` and `a#b` are plain text in flow context; `a: b`, `a:` and ` #` are not ours.
      if (plain === '' || /[[\]{}]|:$|: | #/.test(plain) || startsLikeIndicator(plain)) throw UNSURE;
      out.push(resolvePlain(plain));
      i = j;
    }
    skip();
    if (s[i] === ',') {
      i++;
      continue;
    }
    if (s[i] === ']') return expectEnd(s, i + 1), out;
    throw UNSURE;
  }
}

/** After a closed value only spaces and a ` #` comment may follow. */
function expectEnd(s: string, from: number): void {
  const rest = s.slice(from);
  if (rest === '') return;
  if (rest[0] !== ' ') throw UNSURE;
  const t = startSpaces(rest);
  if (t !== '' && !t.startsWith('#')) throw UNSURE;
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' };

function readQuoted(s: string, start: number): { value: string; end: number } | undefined {
  let out = '';
  let i = start + 1;
  if (s[start] === "'") {
    for (;;) {
      const close = s.indexOf("'", i);
      if (close < 0) return undefined;
      if (s[close + 1] !== "'") return { value: out + s.slice(i, close), end: close + 1 };
      out += s.slice(i, close + 1);
      i = close + 2;
    }
  }
  for (;;) {
    // Copy runs between escapes whole: building the string a character at a
    // time made this the slowest part of reading a province.
    let j = i;
    while (j < s.length && s.charCodeAt(j) !== 34 && s.charCodeAt(j) !== 92) j++;
    if (j >= s.length) return undefined;
    out += s.slice(i, j);
    if (s.charCodeAt(j) === 34) return { value: out, end: j + 1 };
    const e = s[j + 1] ?? '';
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(j + 2, j + 6))) {
      const code = parseInt(s.slice(j + 2, j + 6), 16);
      // Lone surrogates are where parsers differ; leave them to the full one.
      if (code >= 0xd800 && code <= 0xdfff) return undefined;
      out += String.fromCharCode(code);
      i = j + 6;
      continue;
    }
    const mapped = ESCAPES[e];
    if (mapped === undefined) return undefined;
    out += mapped;
    i = j + 2;
  }
}

/** YAML 1.2 core schema resolution of a plain scalar, as the `yaml` package does it. */
export function resolvePlain(s: string): unknown {
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  const c = s.charCodeAt(0);
  // Only strings that start like a number can be one: skip the regexes otherwise.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return s;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s[0] === '-' ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(s)) return NaN;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return parseFloat(s);
  return s;
}

// YAML's white space is space and tab only; String.prototype.trim would also
// take U+00A0 and other Unicode spaces, which YAML keeps as text.
function endSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return s.slice(0, end);
}

function startSpaces(s: string): string {
  let start = 0;
  while (start < s.length && s.charCodeAt(start) === 32) start++;
  return s.slice(start);
}
