/**
 * What form a document file is in, from its first bytes (magic numbers) and,
 * only where the bytes cannot tell, its name: a .doc renamed .txt is still a
 * .doc, and a .docx renamed .pdf is still a .docx.
 */

export type Form = 'pdf' | 'docx' | 'xlsx' | 'ole' | 'rtf' | 'zip' | 'html' | 'csv' | 'text';

const startsWith = (bytes: Uint8Array, mark: number[], at = 0): boolean => mark.every((b, i) => bytes[at + i] === b);

export function sniffForm(bytes: Uint8Array, fileName: string): Form {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole'; // .doc .wps .xls .et
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Entry names in the zip's headers say what the package holds.
    const names = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).toString('latin1');
    if (names.includes('word/')) return 'docx';
    if (names.includes('xl/')) return 'xlsx';
    const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - (1 << 16)))).toString('latin1');
    if (tail.includes('word/document.xml')) return 'docx';
    if (tail.includes('xl/workbook.xml')) return 'xlsx';
    return 'zip';
  }
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  if (/^\s*\{\\rtf/.test(head)) return 'rtf';
  if (/%PDF-/.test(head.slice(0, 1024))) return 'pdf';
  if (/<(?:!doctype\s+html|html|head|body|meta|div|table|p)[\s>]/i.test(head)) return 'html';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return 'text';
}
