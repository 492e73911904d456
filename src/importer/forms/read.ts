/**
 * A document's bytes, in whatever form they came, to text and tables for the
 * importer. Each form's library is loaded only when a document of that form
 * comes in, so other commands (and plain-text imports) start as fast as before.
 */
import { decodeDocument, type Encoding } from '../decode.js';
import { documentOfText } from '../document.js';
import type { SourceDocument } from '../types.js';
import { sniffForm, type Form } from './sniff.js';
import { inflatedSize } from './zip-limits.js';

/** A .docx or .xlsx inflating beyond this is refused before it is unpacked. */
export const INFLATED_LIMIT = 30 * 1024 * 1024;

export type Read =
  | { ok: true; source: SourceDocument; form: Form; encoding?: Encoding }
  | { ok: false; reason: 'old-office' | 'rtf' | 'zip' | 'needs-ocr' | 'inflates-too-much' | 'corrupt'; form: Form; detail?: string }
  | { ok: false; reason: 'binary' | 'unknown-encoding' | 'not-this-encoding'; form: Form; encoding?: Encoding };

export async function readForm(bytes: Buffer, fileName: string, encoding: Encoding | 'auto'): Promise<Read> {
  const form = sniffForm(bytes, fileName);
  if (form === 'ole') return { ok: false, reason: 'old-office', form };
  if (form === 'rtf') return { ok: false, reason: 'rtf', form };
  if (form === 'zip') return { ok: false, reason: 'zip', form };
  if (form === 'docx' || form === 'xlsx') {
    const size = inflatedSize(bytes);
    if (size === undefined) return { ok: false, reason: 'corrupt', form, detail: 'no zip directory' };
    if (size > INFLATED_LIMIT) return { ok: false, reason: 'inflates-too-much', form, detail: String(size) };
    try {
      if (form === 'docx') return { ok: true, form, source: await (await import('./docx.js')).readDocx(bytes) };
      return { ok: true, form, source: await (await import('./sheet.js')).readXlsx(bytes) };
    } catch (e) {
      return { ok: false, reason: 'corrupt', form, detail: (e as Error).message.split('\n')[0]!.slice(0, 200) };
    }
  }
  if (form === 'pdf') {
    const { readPdf, NeedsOcr } = await import('./pdf.js');
    try {
      return { ok: true, form, source: await readPdf(bytes) };
    } catch (e) {
      if (e instanceof NeedsOcr) return { ok: false, reason: 'needs-ocr', form };
      return { ok: false, reason: 'corrupt', form, detail: (e as Error).message.split('\n')[0]!.slice(0, 200) };
    }
  }
  const decoded = decodeDocument(bytes, encoding);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, form, ...(decoded.encoding && { encoding: decoded.encoding }) };
  if (form === 'html') {
    const { readHtml, HtmlTooDeep } = await import('./html.js');
    try {
      return { ok: true, form, encoding: decoded.encoding, source: await readHtml(decoded.text) };
    } catch (e) {
      if (e instanceof HtmlTooDeep) return { ok: false, reason: 'corrupt', form, detail: e.message };
      throw e;
    }
  }
  if (form === 'csv') return { ok: true, form, encoding: decoded.encoding, source: (await import('./sheet.js')).readCsv(decoded.text) };
  return { ok: true, form, encoding: decoded.encoding, source: documentOfText(decoded.text) };
}
