/**
 * Reads a plan folder: plan.yaml, units.yaml, tasks/*.yaml, status/*.yaml.
 * Files are read and parsed one at a time, so a province-size folder never
 * holds all of its text in memory at once.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readBounded } from './bounded-read.js';
import { noControlBytes } from './control-bytes.js';
import { isAscii, isUtf8, transcode } from 'node:buffer';
import { basename, join } from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { readQuickYaml } from './quick-yaml.js';
import { codePointName, UNSAFE_IN_FILE, UNSAFE_IN_VALUE } from '../unsafe-text.js';

export type FileKind = 'plan' | 'units' | 'scoring' | 'tasks' | 'status' | 'holidays';

/** The office's scoring policy: optional, so listed only when it exists. */
export const SCORING_FILE = 'scoring.yaml';

/** A file that was read and parsed as YAML (its content is not yet checked). */
export interface SourceFile {
  kind: FileKind;
  file: string;
  /** For status files: the unit id the file name gives. */
  stem: string;
  data: unknown;
}

/** A file that could not be turned into data; the diagnostic says why. */
export interface BrokenFile {
  kind: FileKind;
  file: string;
  diagnostic: Diagnostic;
}

export const FILE_LIMITS = {
  /** Bytes in one file. A county's status file is a few kB; a province's ~80 kB. */
  bytes: 8 * 1024 * 1024,
};

export class PlanFolderMissing extends Error {
  constructor(readonly dir: string) {
    super(dir);
  }
}

/** A plan file to read: its kind, its path, and for status files the unit its name gives. */
export interface FileRef {
  kind: FileKind;
  file: string;
  stem: string;
  /** Text to read instead of the file's: an edit checked before it is written. */
  text?: string;
}

/**
 * The files of a plan folder, in the order they are read: plan.yaml,
 * units.yaml, scoring.yaml (when there is one), tasks/*.yaml, status/*.yaml
 * (each folder sorted by name).
 */
export function listPlanFiles(dir: string, pending?: { file: string; text: string }): { refs: FileRef[]; broken: BrokenFile[] } {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new PlanFolderMissing(dir);
  const refs: FileRef[] = [
    { kind: 'plan', file: join(dir, 'plan.yaml'), stem: 'plan' },
    { kind: 'units', file: join(dir, 'units.yaml'), stem: 'units' },
  ];
  if (existsSync(join(dir, SCORING_FILE))) refs.push({ kind: 'scoring', file: join(dir, SCORING_FILE), stem: 'scoring' });
  const broken: BrokenFile[] = [];
  for (const kind of ['tasks', 'status'] as const) {
    const listing = listYaml(join(dir, kind));
    if (!('names' in listing)) {
      if (listing.diagnostic) broken.push({ kind, file: join(dir, kind), diagnostic: listing.diagnostic });
      continue;
    }
    for (const name of listing.names) refs.push({ kind, file: join(dir, kind, name), stem: name.replace(/\.ya?ml$/, '') });
    for (const name of listing.undecodable) {
      broken.push({ kind, file: join(dir, kind, name), diagnostic: unreadable(join(dir, kind, name), 'file-name-not-utf8', {}) });
    }
  }
  if (pending) {
    // The plan as it would be after the edit: the pending text replaces the
    // file, or joins the status files when the file does not exist yet.
    const ref = refs.find((r) => r.file === pending.file);
    if (ref) ref.text = pending.text;
    else refs.push({ kind: 'status', file: pending.file, stem: basename(pending.file).replace(/\.ya?ml$/, ''), text: pending.text });
  }
  return { refs, broken };
}

/** YAML files in a folder, sorted so that every run reads them in one order. */
function listYaml(dir: string): { names: string[]; undecodable: string[] } | { diagnostic?: Diagnostic } {
  try {
    // Names as bytes: a name that is not UTF-8 would otherwise turn into one that does not exist (U+FFFD).
    const names: string[] = [];
    const undecodable: string[] = [];
    for (const raw of readdirSync(dir, { encoding: 'buffer' })) {
      const name = raw.toString('utf8');
      if (!/\.ya?ml$/.test(name) || name.startsWith('.')) continue;
      (isUtf8(raw) ? names : undecodable).push(name);
    }
    return { names: names.sort(), undecodable: undecodable.sort() };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A plan may have no status folder yet (nobody has reported) or no tasks folder.
    if (code === 'ENOENT') return {};
    return { diagnostic: unreadable(dir, code === 'ENOTDIR' ? 'not-a-folder' : 'file-unreadable', { reason: code ?? 'error' }) };
  }
}

export async function readOne({ kind, file, stem, text }: FileRef): Promise<SourceFile | BrokenFile> {
  const decoded = text === undefined ? readDecoded(file) : { text };
  if (!('text' in decoded)) return { kind, file, diagnostic: decoded };
  const read = decoded.text;
  // Raw control characters (in a comment, say) would act on a terminal that shows the file.
  const control = decoded.bytes && noControlBytes(decoded.bytes) ? undefined : firstControl(read);
  if (control !== undefined) {
    return { kind, file, diagnostic: { code: 'control-character', severity: 'error', file, ...lineOfText(read, control), args: { char: codePointName(read, control) } } };
  }
  let data = readQuickYaml(read);
  if (data === undefined) {
    // The strict reader is loaded only when a file needs it (see quick-yaml.ts).
    const { readYamlFull } = await import('./full-yaml.js');
    const full = readYamlFull(read, file);
    if (!full.ok) {
      const p = full.problem;
      return {
        kind,
        file,
        diagnostic: { code: p.code, severity: 'error', file, line: p.line, col: p.col, args: { detail: p.message, ...p.args } },
      };
    }
    data = full.value;
  }
  // The raw text is clean; only a double-quoted escape ("\u202e", "\uFFFE", "\x1b") can write such a character.
  if (read.includes('\\')) {
    const bad = firstUnsafeValue(data);
    if (bad) {
      const char = codePointName(bad.text, bad.index);
      const at = escapeOf(read, bad.text.codePointAt(bad.index)!);
      const where = at === undefined ? { path: bad.path } : lineOfText(read, at);
      return { kind, file, diagnostic: { code: 'control-character-escaped', severity: 'error', file, ...where, args: { char } } };
    }
  }
  return { kind, file, stem, data };
}

/** The file's text, or the reason it cannot be read as a UTF-8 text file. */
export function readText(file: string): string | Diagnostic {
  const read = readDecoded(file);
  return 'text' in read ? read.text : read;
}

/** The file's text and its bytes (valid UTF-8), or the reason it cannot be read. */
function readDecoded(file: string): { text: string; bytes?: Buffer } | Diagnostic {
  const read = readBounded(file, FILE_LIMITS.bytes);
  if (!read.ok) {
    if (read.problem === 'missing') return { code: 'file-missing', severity: 'error', file, args: {}, unreadable: true };
    if (read.problem === 'not-a-file') return unreadable(file, 'not-a-file', {});
    if (read.problem === 'too-large') return unreadable(file, 'file-too-large', { size: read.size ?? 0, limit: FILE_LIMITS.bytes });
    return unreadable(file, 'file-unreadable', { reason: read.code ?? 'error' });
  }
  const bytes = read.bytes;
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ...unreadable(file, 'file-binary', {}), ...lineOf(bytes, nul) };
  if (!isUtf8(bytes)) return { ...unreadable(file, 'file-not-utf8', {}), ...lineOf(bytes, firstInvalidUtf8(bytes)) };
  return { text: decodeUtf8(bytes), bytes };
}

/**
 * The text of bytes already known to be UTF-8. Plan files are mostly Chinese,
 * which `toString('utf8')` decodes at ~330 MB/s; `transcode` to UTF-16 and a
 * copy of that into a string gives the same text ~6× faster (measured on the
 * 5,000 province status files, 373 MB: 1,140 → 165 ms). Pure ASCII is faster
 * the plain way, and `transcode` needs Node's ICU (a build without it has none).
 * The price: a UTF-16 buffer per file outside the JS heap until it is collected;
 * a province `plan status` peaked at ~50 MB more resident memory (~470 → ~530 MB).
 */
function decodeUtf8(bytes: Buffer): string {
  if (transcode === undefined || isAscii(bytes)) return bytes.toString('utf8');
  return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
}

/**
 * The characters of unsafe-text.ts: no plan file needs them, raw or written
 * as an escape in a double-quoted string.
 */
function firstControl(text: string): number | undefined {
  const m = UNSAFE_IN_FILE.exec(text);
  return m ? m.index : undefined;
}

/** The first string (key or value) of the data holding an unsafe character, with its path. */
function firstUnsafeValue(data: unknown, path: (string | number)[] = []): { path: (string | number)[]; text: string; index: number } | undefined {
  if (typeof data === 'string') {
    const m = UNSAFE_IN_VALUE.exec(data);
    return m ? { path, text: data, index: m.index } : undefined;
  }
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      const found = firstUnsafeValue(data[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      const m = UNSAFE_IN_VALUE.exec(key);
      if (m) return { path: [...path, key], text: key, index: m.index };
      const found = firstUnsafeValue(value, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Where in the raw text an escape (`\u202e`, `\x00`, `\L`, …) writes the code point `cp`; undefined when none does. */
function escapeOf(text: string, cp: number): number | undefined {
  const NAMED: Record<string, number> = { '0': 0, a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, e: 27, N: 0x85, _: 0xa0, L: 0x2028, P: 0x2029 };
  const re = /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?|U([0-9a-fA-F]{8})|([0abtnvfreN_LP]))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let got: number;
    if (m[5] !== undefined) got = NAMED[m[5]]!;
    else if (m[2] !== undefined && m[3] !== undefined) {
      const hi = parseInt(m[2], 16);
      const lo = parseInt(m[3], 16);
      got = hi >= 0xd800 && hi <= 0xdbff ? 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00) : hi;
    } else got = parseInt(m[1] ?? m[2] ?? m[4]!, 16);
    if (got === cp) return m.index;
  }
  return undefined;
}

function lineOfText(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

function unreadable(file: string, code: string, args: Record<string, string | number>): Diagnostic {
  return { code, severity: 'error', file, args, unreadable: true };
}

function lineOf(bytes: Buffer, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}

function firstInvalidUtf8(bytes: Buffer): number {
  // The longest prefix without an invalid sequence, found by halving. With
  // `stream` a prefix that merely ends inside a character does not fail.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
