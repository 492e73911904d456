/**
 * OpenDocument spreadsheets (.ods) returned for forms: recognised by name or
 * by their uncompressed `mimetype` part, and their container checked (one
 * reading of the zip, every part inflating within the limit) before
 * LibreOffice is given one (commands/ods.ts converts it to .xlsx).
 */
import { inflateParts, readZipLayout, WORKBOOK_LIMITS, type ZipProblem } from './zip-guard.js';

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/** Whether the bytes are an OpenDocument spreadsheet (by name, or by its uncompressed `mimetype` part). */
export function isOds(name: string, bytes: Buffer): boolean {
  if (/\.ods$/i.test(name)) return true;
  return bytes.length > 38 + ODS_MIME.length && bytes.toString('latin1', 30, 38) === 'mimetype' && bytes.toString('latin1', 38, 38 + ODS_MIME.length) === ODS_MIME;
}

export type OdsProblem = { code: 'wb-ods-no-soffice' } | { code: 'wb-ods-convert'; detail: string };

/** Undefined when the container may be given to LibreOffice: a zip bomb never reaches it. */
export function checkOdsContainer(bytes: Buffer): ZipProblem | undefined {
  const parts = readZipLayout(bytes);
  if (!Array.isArray(parts)) return parts;
  return inflateParts(bytes, parts, WORKBOOK_LIMITS.unpackedBytes, () => undefined);
}
