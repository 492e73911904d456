/**
 * A .docx (Word 2007+ or WPS saved as .docx): paragraphs and tables through
 * mammoth, which turns the document into HTML with merged cells as
 * rowspan/colspan; the HTML reader does the rest.
 */
import type { SourceDocument } from '../types.js';
import { readHtml } from './html.js';

export async function readDocx(bytes: Buffer): Promise<SourceDocument> {
  const mammoth = (await import('mammoth')).default;
  const { value } = await mammoth.convertToHtml({ buffer: bytes }, { ignoreEmptyParagraphs: true });
  return readHtml(value);
}
