/**
 * The strict reader: the `yaml` package, with positions. It decides whether a
 * file is valid YAML and says where it is not. Loaded lazily, only for files
 * the quick reader leaves to it and for files that have a diagnostic.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** Limits that keep hostile files from exhausting time or memory. */
export const LIMITS = {
  /** Nesting depth of mappings and sequences. */
  depth: 64,
  /** Values produced by expanding aliases, each alias counting one at least (billion-laughs defence). */
  aliasNodes: 10_000,
  /**
   * Nesting the text may show before the parser is let near it: the `yaml`
   * parser recurses and keeps a stack per level, so 8 MB of `[` would exhaust
   * the heap. Far above `depth`, so that the rough count of the scan never
   * refuses a file the parser would accept.
   */
  scanDepth: 1000,
  /**
   * Characters the strict reader takes. The `yaml` package builds a node per
   * value and reads ~1 MB/s when memory is tight, so a large file it has to
   * read would take seconds. Plan files are plain block YAML (what `plan update`
   * writes), which the quick reader takes at any size; only a file beyond that
   * subset, or with an error, comes here, and over this size it is refused.
   */
  strictChars: 512 * 1024,
};

export interface YamlProblem {
  code: string;
  message: string;
  /** Arguments for the message in render/messages.ts, when the code has one. */
  args?: Record<string, string>;
  line: number;
  col: number;
}

export type FullRead = { ok: true; value: unknown } | { ok: false; problem: YamlProblem };

export interface ParsedDocument {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/**
 * Parses with positions. Duplicate keys are found by the Converter with a set:
 * the `yaml` package compares each key with every earlier one (quadratic).
 * Callers must have checked the text with `tooDeep` first.
 */
export function parseWithPositions(text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, strict: true, prettyErrors: false });
  return { doc, lineCounter };
}

/**
 * One linear pass over the text: where the nesting of flow brackets or of
 * block indentation first exceeds `limit`, or undefined. Quoted scalars and
 * comments are skipped; the count is rough, never lower than the real depth
 * of flow collections.
 */
export function tooDeep(text: string, limit = LIMITS.scanDepth): { line: number; col: number } | undefined {
  let flow = 0;
  let line = 1;
  let lineStart = 0;
  const indents: number[] = [];
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      atLineStart = true;
      continue;
    }
    if (atLineStart) {
      if (c === 32 || c === 13) continue;
      atLineStart = false;
      if (c === 35 /* # */) {
        i = skipLine(text, i);
        continue;
      }
      // Block structure: a stack of the indentations of open lines.
      const indent = i - lineStart;
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        // `- - - x` opens a level per dash.
        let j = i;
        while (text.charCodeAt(j) === 45 && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 10 || j + 1 === text.length)) {
          indents.push(indent + (j - i) + 1);
          j += 2;
        }
        if (indents.length > limit) return { line, col: i - lineStart + 1 };
      }
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++flow > limit) return { line, col: i - lineStart + 1 };
    } else if (c === 93 || c === 125) {
      if (flow > 0) flow--;
    } else if (c === 35 /* # */ && (i === 0 || text.charCodeAt(i - 1) === 32)) {
      i = skipLine(text, i);
    } else if ((c === 34 || c === 39) && startsScalar(text, i)) {
      const end = quoteEnd(text, i);
      // Only the quoted text is looked at: indexOf would run on to the next line end each time.
      for (let k = i; k < end; k++) {
        if (text.charCodeAt(k) === 10) {
          line++;
          lineStart = k + 1;
        }
      }
      i = end;
    }
  }
  return undefined;
}

function skipLine(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return (nl < 0 ? text.length : nl) - 1;
}

/** A quote opens a quoted scalar where a token starts: after a space, a line start or a flow indicator. */
function startsScalar(text: string, i: number): boolean {
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  return p === 32 || p === 10 || p === 91 || p === 123 || p === 44;
}

/** Index of the closing quote, or the end of the text. */
function quoteEnd(text: string, i: number): number {
  const q = text.charCodeAt(i);
  for (let k = i + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (q === 34 && c === 92) k++;
    else if (c === q) {
      if (q === 39 && text.charCodeAt(k + 1) === 39) k++;
      else return k;
    }
  }
  return text.length;
}

/**
 * Parsed documents of files the strict reader read, kept (up to KEEP_CHARS of
 * text) for positions.ts: a file with diagnostics is then not parsed twice,
 * which halves the time of a large hostile file. Plain files never get here.
 */
const KEEP_CHARS = 16 * 1024 * 1024;
const kept = new Map<string, { text: string; parsed: ParsedDocument }>();
let keptChars = 0;

function keep(file: string, text: string, parsed: ParsedDocument): void {
  const old = kept.get(file);
  if (old) {
    keptChars -= old.text.length;
    kept.delete(file);
  }
  if (text.length > KEEP_CHARS) return;
  for (const [name, entry] of kept) {
    if (keptChars + text.length <= KEEP_CHARS) break;
    kept.delete(name);
    keptChars -= entry.text.length;
  }
  kept.set(file, { text, parsed });
  keptChars += text.length;
}

/** The parsed document of `file` if it was read with this very text; else a new parse. */
export function parsedFor(file: string, text: string): ParsedDocument {
  const entry = kept.get(file);
  if (entry && entry.text === text) return entry.parsed;
  return parseWithPositions(text);
}

export function readYamlFull(text: string, file?: string): FullRead {
  const deep = tooDeep(text);
  if (deep) return fail('yaml-too-deep', `nesting is deeper than ${LIMITS.depth} levels`, deep.line, deep.col);
  if (text.length > LIMITS.strictChars) {
    return { ok: false, problem: { code: 'yaml-too-complex', message: `over ${LIMITS.strictChars} characters outside plain block YAML`, line: 1, col: 1, args: { limit: String(LIMITS.strictChars) } } };
  }
  let parsed: ParsedDocument;
  try {
    parsed = parseWithPositions(text);
    if (file !== undefined) keep(file, text, parsed);
  } catch (e) {
    if (e instanceof RangeError) return fail('yaml-too-deep', 'nesting is too deep to read', 1, 1);
    throw e;
  }
  const { doc, lineCounter } = parsed;
  // Warnings (an unknown tag such as !!js/function, say) are errors here: a plan
  // file must mean one thing to every reader.
  const first = doc.errors[0] ?? doc.warnings[0];
  if (first) {
    const at = lineCounter.linePos(first.pos[0]);
    return fail(`yaml-${first.code.toLowerCase().replace(/_/g, '-')}`, firstLine(first.message), at.line, at.col);
  }
  const repeated = repeatedYamlDirective(text);
  if (repeated) return fail('yaml-directive', 'the %YAML directive is given more than once', repeated, 1);
  try {
    return { ok: true, value: new Converter(lineCounter).value(doc.contents, 0) };
  } catch (e) {
    if (e instanceof ConvertError) return { ok: false, problem: e.problem };
    if (e instanceof RangeError) return fail('yaml-too-deep', 'nesting is too deep to read', 1, 1);
    throw e;
  }
}

function fail(code: string, message: string, line: number, col: number): FullRead {
  return { ok: false, problem: { code, message, line, col } };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The spec forbids two %YAML directives for one document; `yaml` lets it pass. */
function repeatedYamlDirective(text: string): number | undefined {
  let seen = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('---')) return undefined;
    if (/^%YAML\b/.test(line)) {
      if (seen) return i + 1;
      seen = true;
    }
  }
  return undefined;
}

class ConvertError extends Error {
  constructor(readonly problem: YamlProblem) {
    super(problem.message);
  }
}

/**
 * Turns the document into plain data. Unlike `doc.toJS()`, mapping keys are
 * the text the file holds and must be strings (`3.10:` is the number 3.1 to
 * YAML: an error with a hint to quote it), `__proto__` is an own property,
 * duplicate keys are found with a set, anchors are looked up in a table built
 * as the walk goes (the `yaml` package searches the whole document for each
 * alias), and depth and alias expansion are bounded: every alias and every
 * value reached through one counts.
 */
class Converter {
  private aliasNodes = 0;
  private insideAlias = 0;
  private readonly anchors = new Map<string, unknown>();
  constructor(private readonly lineCounter: LineCounter) {}

  value(node: unknown, depth: number): unknown {
    if (node === null || node === undefined) return null;
    if (depth > LIMITS.depth) this.fail(node, 'yaml-too-deep', `nesting is deeper than ${LIMITS.depth} levels`);
    if (this.insideAlias > 0) this.count(node);
    if (isAlias(node)) {
      if (this.insideAlias === 0) this.count(node);
      const target = this.anchors.get(node.source);
      if (!target) this.fail(node, 'yaml-alias', 'the alias points at no anchor');
      this.insideAlias++;
      try {
        return this.value(target, depth + 1);
      } finally {
        this.insideAlias--;
      }
    }
    // An anchor counts from where it is defined; inside an expansion it is defined already.
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor && this.insideAlias === 0) this.anchors.set(anchor, node);
    if (isScalar(node)) {
      const v = node.value;
      if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
      this.fail(node, 'yaml-type', 'this value has a type plan files do not use');
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        if (!isScalar(key)) this.fail(pair.key ?? node, 'yaml-key', 'a mapping key must be a plain value');
        if (typeof key.value !== 'string') {
          const text = key.source ?? String(key.value);
          this.fail(key, 'yaml-key-not-string', `the key ${text} is read as a ${key.value === null ? 'null' : typeof key.value}, not as text; quote it: "${text}":`, { key: text });
        }
        const name = key.value;
        if (seen.has(name)) this.fail(key, 'yaml-duplicate-key', 'Map keys must be unique');
        seen.add(name);
        const value = this.value(pair.value, depth + 1);
        if (name === '__proto__') Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
        else out[name] = value;
      }
      return out;
    }
    if (isSeq(node)) return node.items.map((item) => this.value(item, depth + 1));
    return this.fail(node, 'yaml-type', 'this value has a type plan files do not use');
  }

  private count(node: unknown): void {
    if (++this.aliasNodes > LIMITS.aliasNodes) {
      this.fail(node, 'yaml-alias-limit', `aliases expand to more than ${LIMITS.aliasNodes} values`);
    }
  }

  private fail(node: unknown, code: string, message: string, args?: Record<string, string>): never {
    const offset = (node as Node | undefined)?.range?.[0] ?? 0;
    const at = this.lineCounter.linePos(offset);
    throw new ConvertError({ code, message, line: at.line, col: at.col, ...(args && { args }) });
  }
}
