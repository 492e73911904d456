/**
 * Document bytes to text. Government files come as UTF-8 (with or without a
 * byte order mark), GB18030/GBK, and now and then UTF-16; line ends CRLF or LF.
 */
import { isUtf8 } from 'node:buffer';

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: 'binary' | 'unknown-encoding' | 'not-this-encoding'; encoding?: Encoding };

export function decodeDocument(bytes: Uint8Array, wanted: Encoding | 'auto' = 'auto'): Decoded {
  const decode = (encoding: Encoding, from = 0): Decoded => {
    try {
      const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
      return { ok: true, text: text.replace(/\r\n?/g, '\n'), encoding };
    } catch {
      return { ok: false, reason: 'not-this-encoding', encoding };
    }
  };
  if (wanted !== 'auto') return decode(wanted, wanted === 'utf-8' && bom(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0);
  if (bom(bytes, [0xef, 0xbb, 0xbf])) return decode('utf-8', 3);
  if (bom(bytes, [0xff, 0xfe])) return decode('utf-16le', 2);
  if (bom(bytes, [0xfe, 0xff])) return decode('utf-16be', 2);
  if (bytes.includes(0)) return { ok: false, reason: 'binary' };
  if (isUtf8(bytes)) return decode('utf-8');
  // Not UTF-8: GB18030 is a superset of GBK and GB2312, the usual alternatives.
  const gb = decode('gb18030');
  return gb.ok ? gb : { ok: false, reason: 'unknown-encoding' };
}

function bom(bytes: Uint8Array, mark: number[]): boolean {
  return mark.every((b, i) => bytes[i] === b);
}
