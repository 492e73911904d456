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
  /** Nodes produced by expanding aliases (billion-laughs defence). */
  aliasNodes: 10_000,
};

export interface YamlProblem {
  code: string;
  message: string;
  line: number;
  col: number;
}

export type FullRead = { ok: true; value: unknown } | { ok: false; problem: YamlProblem };

export interface ParsedDocument {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export function parseWithPositions(text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, strict: true, prettyErrors: false });
  return { doc, lineCounter };
}

export function readYamlFull(text: string): FullRead {
  let parsed: ParsedDocument;
  try {
    parsed = parseWithPositions(text);
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
    return { ok: true, value: new Converter(doc, lineCounter).value(doc.contents, 0) };
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
 * Turns the document into plain data. Unlike `doc.toJS()`, mapping keys keep
 * their source text (`3.10:` stays "3.10", not 3.1), `__proto__` is an own
 * property, and depth and alias expansion are bounded.
 */
class Converter {
  private aliasNodes = 0;
  private insideAlias = 0;
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter,
  ) {}

  value(node: unknown, depth: number): unknown {
    if (node === null || node === undefined) return null;
    if (depth > LIMITS.depth) this.fail(node, 'yaml-too-deep', `nesting is deeper than ${LIMITS.depth} levels`);
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) this.fail(node, 'yaml-alias', 'the alias points at no anchor');
      this.insideAlias++;
      try {
        return this.value(target, depth + 1);
      } finally {
        this.insideAlias--;
      }
    }
    if (isScalar(node)) {
      const v = node.value;
      if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
      this.fail(node, 'yaml-type', 'this value has a type plan files do not use');
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = pair.key;
        if (!isScalar(key)) this.fail(pair.key ?? node, 'yaml-key', 'a mapping key must be a plain value');
        const name = typeof key.value === 'string' ? key.value : (key.source ?? String(key.value));
        const value = this.value(pair.value, depth + 1);
        if (name === '__proto__') Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
        else out[name] = value;
      }
      this.count(node);
      return out;
    }
    if (isSeq(node)) {
      const out = node.items.map((item) => this.value(item, depth + 1));
      this.count(node);
      return out;
    }
    return this.fail(node, 'yaml-type', 'this value has a type plan files do not use');
  }

  private count(node: unknown): void {
    if (this.insideAlias > 0 && ++this.aliasNodes > LIMITS.aliasNodes) {
      this.fail(node, 'yaml-alias-limit', `aliases expand to more than ${LIMITS.aliasNodes} values`);
    }
  }

  private fail(node: unknown, code: string, message: string): never {
    const offset = (node as Node | undefined)?.range?.[0] ?? 0;
    const at = this.lineCounter.linePos(offset);
    throw new ConvertError({ code, message, line: at.line, col: at.col });
  }
}
