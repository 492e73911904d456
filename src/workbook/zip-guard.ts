/**
 * Checks a returned workbook's zip container BEFORE exceljs sees it: exceljs
 * inflates every part into memory, so a zip bomb or a million-row sheet must
 * be refused from the central directory and from a bounded inflate here.
 * Also refuses what a form must never carry: macros and external links.
 */
import { inflateRawSync } from 'node:zlib';

export const WORKBOOK_LIMITS = {
  /** Bytes of the file. A form of a few hundred tasks is well under 1 MB. */
  fileBytes: 16 * 1024 * 1024,
  /** Bytes of all parts once inflated. */
  unpackedBytes: 64 * 1024 * 1024,
  /** Parts in the zip. */
  entries: 2000,
  /** Rows in one sheet. */
  rows: 20000,
};

export type ZipProblem =
  | { code: 'wb-not-a-workbook' }
  | { code: 'wb-too-large'; size: number; limit: number }
  | { code: 'wb-zip-bomb'; size: number; limit: number; part?: string }
  | { code: 'wb-macros'; part: string }
  | { code: 'wb-external-links'; part: string }
  | { code: 'wb-too-many-rows'; part: string; rows: number; limit: number };

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of the central directory, or undefined when this is not a zip. */
function centralDirectory(buf: Buffer): Entry[] | 'zip64' | undefined {
  // The end record is in the last 22 + 65535 bytes (its comment is at most 64 KiB).
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) return 'zip64';
  if (cdOffset + cdSize > buf.length) return undefined;
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return undefined;
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (compressed === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) return 'zip64';
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({ name, method, compressed, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The inflated bytes of one part, never more than its declared size. */
function inflate(buf: Buffer, e: Entry): Buffer | 'lies' | undefined {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) return undefined;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressed);
  if (e.method === 0) return data.length === e.size ? data : 'lies';
  if (e.method !== 8) return undefined;
  try {
    // A part that inflates beyond the size the directory declares lies about it.
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
    return out.length === e.size ? out : 'lies';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'lies' : undefined;
  }
}

/** Undefined when the file may be given to exceljs; otherwise the reason it may not. */
export function checkWorkbookZip(buf: Buffer, fileName: string): ZipProblem | undefined {
  if (buf.length > WORKBOOK_LIMITS.fileBytes) return { code: 'wb-too-large', size: buf.length, limit: WORKBOOK_LIMITS.fileBytes };
  if (/\.xlsm$|\.xltm$|\.xlsb$/i.test(fileName)) return { code: 'wb-macros', part: fileName };
  const entries = centralDirectory(buf);
  if (entries === 'zip64') return { code: 'wb-zip-bomb', size: Number.POSITIVE_INFINITY, limit: WORKBOOK_LIMITS.unpackedBytes };
  if (!entries || !entries.some((e) => e.name === '[Content_Types].xml') || !entries.some((e) => e.name === 'xl/workbook.xml')) return { code: 'wb-not-a-workbook' };
  if (entries.length > WORKBOOK_LIMITS.entries) return { code: 'wb-zip-bomb', size: entries.length, limit: WORKBOOK_LIMITS.entries };
  let total = 0;
  for (const e of entries) total += e.size;
  if (total > WORKBOOK_LIMITS.unpackedBytes) return { code: 'wb-zip-bomb', size: total, limit: WORKBOOK_LIMITS.unpackedBytes };
  for (const e of entries) {
    if (/(^|\/)vbaProject\.bin$/i.test(e.name) || /\.bin$/i.test(e.name) && /vba|macro/i.test(e.name)) return { code: 'wb-macros', part: e.name };
    if (/^xl\/externalLinks\//i.test(e.name)) return { code: 'wb-external-links', part: e.name };
  }
  for (const e of entries) {
    const out = inflate(buf, e);
    if (out === 'lies') return { code: 'wb-zip-bomb', size: e.size, limit: WORKBOOK_LIMITS.unpackedBytes, part: e.name };
    if (out === undefined) return { code: 'wb-not-a-workbook' };
    if (e.name === '[Content_Types].xml' && /macroEnabled/i.test(out.toString('utf8'))) return { code: 'wb-macros', part: e.name };
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      const rows = countRows(out);
      if (rows > WORKBOOK_LIMITS.rows) return { code: 'wb-too-many-rows', part: e.name, rows, limit: WORKBOOK_LIMITS.rows };
    }
  }
  return undefined;
}

function countRows(xml: Buffer): number {
  const needle = Buffer.from('<row');
  let n = 0;
  for (let i = xml.indexOf(needle); i >= 0; i = xml.indexOf(needle, i + 4)) {
    const next = xml[i + 4];
    // <row> or <row …>, not <rowBreaks>.
    if (next === 0x20 || next === 0x3e || next === 0x2f) n++;
  }
  return n;
}
