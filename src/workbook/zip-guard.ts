/**
 * Checks a returned workbook's zip container BEFORE exceljs sees it: exceljs
 * inflates every part into memory, so a zip bomb or a million-row sheet must
 * be refused here, from a bounded inflate of exactly the bytes exceljs would
 * read. Also refuses what a form must never carry: macros and external links.
 *
 * exceljs reads through JSZip, which finds the last end record anywhere in the
 * file, shifts every offset when data was put before the archive, reads the
 * central directory for as long as entries follow, takes each part's name from
 * its local header and lets a later part of one name replace an earlier one.
 * A guard that read the archive any other way could pass one archive while the
 * library opened another, so an archive is accepted only when it has a single
 * reading: one end record ending the file, the directory right before it,
 * parts back to back from byte 0 in the directory's order, and each local
 * header agreeing with its directory entry.
 */
import { inflateRawSync } from 'node:zlib';
import { boundSheetXml, SHEET_LIMITS, type SheetProblem } from './sheet-bounds.js';

export const WORKBOOK_LIMITS = {
  /** Bytes of the file. A form of a few hundred tasks is well under 1 MB. */
  fileBytes: 16 * 1024 * 1024,
  /** Bytes of all parts once inflated (a 500-task form inflates to under 2 MB). */
  unpackedBytes: 24 * 1024 * 1024,
  /** Parts in the zip. */
  entries: 2000,
  ...SHEET_LIMITS,
};

export type ZipProblem =
  | { code: 'wb-not-a-workbook' }
  | { code: 'wb-too-large'; size: number; limit: number }
  | { code: 'wb-zip-bomb'; size: number; limit: number; part?: string }
  | { code: 'wb-zip-layout'; what: ZipLayoutFault; part?: string; offset?: number }
  | { code: 'wb-macros'; part: string }
  | { code: 'wb-external-links'; part: string }
  | SheetProblem;

/** Ways an archive could be read two ways; each is worded in messages.ts. */
export type ZipLayoutFault = 'prepended' | 'end-records' | 'zip64' | 'directory' | 'gap' | 'overlap' | 'order' | 'local-header' | 'duplicate' | 'encrypted' | 'method';

export interface ZipPart {
  /** As JSZip names it: UTF-8 when the entry says so, otherwise each byte one character. */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  localOffset: number;
  /** Where the compressed bytes start. */
  dataStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const EOCD_BYTES = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

const layout = (what: ZipLayoutFault, part?: string, offset?: number): ZipProblem => ({ code: 'wb-zip-layout', what, ...(part !== undefined && { part }), ...(offset !== undefined && { offset }) });

const nameOf = (buf: Buffer, start: number, length: number, flags: number): string => buf.toString(flags & 0x0800 ? 'utf8' : 'latin1', start, start + length);

/**
 * The parts of the archive, read the one way it can be read; a problem when
 * the layout leaves room for a second reading or this is not a zip at all.
 */
export function readZipLayout(buf: Buffer): ZipPart[] | ZipProblem {
  if (buf.length < 22) return { code: 'wb-not-a-workbook' };
  // JSZip takes the last end-record signature in the whole file.
  const eocd = buf.lastIndexOf(EOCD_BYTES);
  if (eocd < 0 || eocd + 22 > buf.length) return { code: 'wb-not-a-workbook' };
  if (buf.readUInt32LE(0) !== LOCAL) return buf.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])) > 0 ? layout('prepended', undefined, buf.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) : { code: 'wb-not-a-workbook' };
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const countHere = buf.readUInt16LE(eocd + 8);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  const commentLength = buf.readUInt16LE(eocd + 20);
  if (count === 0xffff || countHere === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return layout('zip64');
  // The end record's comment runs to the end of the file: nothing after it, no second archive.
  if (eocd + 22 + commentLength !== buf.length) return layout('end-records', undefined, eocd);
  if (disk !== 0 || cdDisk !== 0 || countHere !== count) return layout('directory');
  if (cdOffset + cdSize !== eocd) {
    // Another end record before this one: two archives in one file.
    const other = buf.lastIndexOf(EOCD_BYTES, eocd - 1);
    if (other >= 0 && other + 22 <= eocd && other >= eocd - 22 - 0xffff) return layout('end-records', undefined, other);
    // Data before the archive: JSZip would shift every offset by it, this guard would not.
    return layout(cdOffset + cdSize < eocd ? 'prepended' : 'directory', undefined, eocd - cdOffset - cdSize);
  }

  const parts: ZipPart[] = [];
  const names = new Set<string>();
  let p = cdOffset;
  // JSZip reads entries while the signature holds, whatever the count says.
  while (p + 4 <= eocd && buf.readUInt32LE(p) === CENTRAL) {
    if (p + 46 > eocd) return layout('directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const diskStart = buf.readUInt16LE(p + 34);
    const localOffset = buf.readUInt32LE(p + 42);
    const end = p + 46 + nameLength + extraLength + commentLen;
    if (end > eocd) return layout('directory');
    const name = nameOf(buf, p + 46, nameLength, flags);
    if (compressed === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff || diskStart !== 0) return layout('zip64', name);
    // An Info-ZIP Unicode path (0x7075) would give JSZip another name than the one read here.
    if (hasExtra(buf, p + 46 + nameLength, extraLength, [0x7075, 0x0001])) return layout('local-header', name);
    if (flags & 0x0001) return layout('encrypted', name);
    if (method !== 0 && method !== 8) return layout('method', name);
    // exceljs drops a leading slash: "/xl/workbook.xml" and "xl/workbook.xml" are one part to it.
    const key = name.replace(/^\//, '');
    if (names.has(key)) return layout('duplicate', name);
    names.add(key);
    parts.push({ name, method, flags, crc, compressed, size, localOffset, dataStart: 0 });
    if (parts.length > WORKBOOK_LIMITS.entries) return { code: 'wb-zip-bomb', size: parts.length, limit: WORKBOOK_LIMITS.entries };
    p = end;
  }
  if (p !== eocd || parts.length !== count) return layout('directory');

  // The parts lie back to back from byte 0, in the directory's order, each as its directory entry says.
  let at = 0;
  for (const part of parts) {
    if (part.localOffset !== at) return layout(part.localOffset < at ? (part.localOffset + 30 > at ? 'overlap' : 'order') : 'gap', part.name, part.localOffset);
    const l = part.localOffset;
    if (l + 30 > cdOffset || buf.readUInt32LE(l) !== LOCAL) return layout('local-header', part.name, l);
    const localFlags = buf.readUInt16LE(l + 6);
    const localNameLength = buf.readUInt16LE(l + 26);
    const localExtraLength = buf.readUInt16LE(l + 28);
    const dataStart = l + 30 + localNameLength + localExtraLength;
    if (dataStart > cdOffset) return layout('local-header', part.name, l);
    // JSZip names the part by its local header: the two names must be the same bytes.
    const localName = nameOf(buf, l + 30, localNameLength, part.flags);
    if (localName !== part.name || buf.readUInt16LE(l + 8) !== part.method || (localFlags & 0x0809) !== (part.flags & 0x0809)) return layout('local-header', part.name, l);
    const descriptor = (part.flags & 0x0008) !== 0;
    // Without a data descriptor the local header states crc and sizes itself; they must agree.
    if (!descriptor && (buf.readUInt32LE(l + 14) !== part.crc || buf.readUInt32LE(l + 18) !== part.compressed || buf.readUInt32LE(l + 22) !== part.size)) return layout('local-header', part.name, l);
    part.dataStart = dataStart;
    at = dataStart + part.compressed;
    if (at > cdOffset) return layout('overlap', part.name, l);
    if (descriptor) {
      // crc, compressed and inflated size, with or without the optional signature.
      const signed = at + 16 <= cdOffset && buf.readUInt32LE(at) === DESCRIPTOR;
      const d = signed ? at + 4 : at;
      if (d + 12 > cdOffset || buf.readUInt32LE(d) !== part.crc || buf.readUInt32LE(d + 4) !== part.compressed || buf.readUInt32LE(d + 8) !== part.size) return layout('local-header', part.name, at);
      at = d + 12;
    }
  }
  if (at !== cdOffset) return layout('gap', undefined, at);
  // A second end record, or a ZIP64 one, anywhere but inside a part's own bytes.
  for (const sig of [EOCD, ZIP64_LOCATOR, ZIP64_END]) {
    const needle = Buffer.alloc(4);
    needle.writeUInt32LE(sig);
    for (let i = buf.indexOf(needle); i >= 0 && i < eocd; i = buf.indexOf(needle, i + 1)) {
      if (!parts.some((part) => i >= part.dataStart && i + 4 <= part.dataStart + part.compressed)) return layout(sig === EOCD ? 'end-records' : 'zip64', undefined, i);
    }
  }
  return parts;
}

function hasExtra(buf: Buffer, start: number, length: number, ids: number[]): boolean {
  for (let q = start; q + 4 <= start + length; ) {
    if (ids.includes(buf.readUInt16LE(q))) return true;
    q += 4 + buf.readUInt16LE(q + 2);
  }
  return false;
}

/**
 * The inflated bytes of one part, never more than `budget`: inflation stops
 * there, whatever the part declares. 'lies' when it inflates to other than
 * its declared size; undefined when the bytes are not a deflate stream.
 */
export function inflatePart(buf: Buffer, part: ZipPart, budget: number): Buffer | 'lies' | 'over' | undefined {
  const data = buf.subarray(part.dataStart, part.dataStart + part.compressed);
  if (part.size > budget) return 'over';
  if (part.method === 0) return data.length === part.size ? data : 'lies';
  try {
    // One byte past the declared size is enough to know the part lies about it.
    const out = inflateRawSync(data, { maxOutputLength: part.size + 1 });
    return out.length === part.size ? out : 'lies';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'lies' : undefined;
  }
}

/** Each part's inflated bytes, inflated within the archive's budget; a problem at the first part that breaks it. */
export function inflateParts(buf: Buffer, parts: ZipPart[], limit: number, each: (part: ZipPart, bytes: Buffer) => ZipProblem | undefined): ZipProblem | undefined {
  let declared = 0;
  for (const part of parts) declared += part.size;
  if (declared > limit) return { code: 'wb-zip-bomb', size: declared, limit };
  let left = limit;
  for (const part of parts) {
    const out = inflatePart(buf, part, left);
    if (out === 'lies' || out === 'over') return { code: 'wb-zip-bomb', size: part.size, limit, part: part.name };
    if (out === undefined) return layout('method', part.name);
    left -= out.length;
    const problem = each(part, out);
    if (problem) return problem;
  }
  return undefined;
}

/** Undefined when the file may be given to exceljs; otherwise the reason it may not. */
export function checkWorkbookZip(buf: Buffer, fileName: string): ZipProblem | undefined {
  if (buf.length > WORKBOOK_LIMITS.fileBytes) return { code: 'wb-too-large', size: buf.length, limit: WORKBOOK_LIMITS.fileBytes };
  if (/\.xlsm$|\.xltm$|\.xlsb$/i.test(fileName)) return { code: 'wb-macros', part: fileName };
  const parts = readZipLayout(buf);
  if (!Array.isArray(parts)) return parts;
  const names = new Set(parts.map((e) => e.name.replace(/^\//, '')));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) return { code: 'wb-not-a-workbook' };
  for (const e of parts) {
    if (/(^|\/)vbaProject\.bin$/i.test(e.name) || (/\.bin$/i.test(e.name) && /vba|macro/i.test(e.name))) return { code: 'wb-macros', part: e.name };
    if (/(^|\/)externalLinks\//i.test(e.name)) return { code: 'wb-external-links', part: e.name };
  }
  let elements = 0;
  return inflateParts(buf, parts, WORKBOOK_LIMITS.unpackedBytes, (part, out) => {
    if (part.name.replace(/^\//, '') === '[Content_Types].xml' && /macroEnabled/i.test(out.toString('utf8'))) return { code: 'wb-macros', part: part.name };
    // Media are handed over as bytes; every other part is XML that exceljs parses into objects.
    if (/\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|bin)$/i.test(part.name)) return undefined;
    const bounded = boundSheetXml(out, part.name, WORKBOOK_LIMITS.elements - elements);
    if (typeof bounded !== 'number') return bounded;
    elements += bounded;
    return undefined;
  });
}
