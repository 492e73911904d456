/**
 * Whether a plan file's UTF-8 bytes hold none of the characters it may not
 * hold raw (UNSAFE_IN_FILE in unsafe-text.ts): C0 and C1 controls other than
 * tab and line ends, DEL, a CR that ends no line, the bidirectional marks,
 * zero-width characters, separators and noncharacters.
 *
 * Looked for in the bytes, four at a time, before the text is searched: the
 * regular expression over the decoded text took 445 ms on the 5,000 province
 * status files (373 MB), this ~230 ms. It answers exactly what the expression
 * would (tests/unit/plan-files.test.ts); when it finds one, the expression
 * runs on the text to say where.
 */

/** The bytes must be valid UTF-8 (checked before). */
export function noControlBytes(bytes: Buffer): boolean {
  const n = bytes.length;
  // Whole 32-bit words from the first aligned byte on; the bytes around them one by one.
  const head = Math.min(n, (4 - (bytes.byteOffset & 3)) & 3);
  const count = (n - head) >>> 2;
  const words = count === 0 ? new Uint32Array(0) : new Uint32Array(bytes.buffer, bytes.byteOffset + head, count);
  for (let k = 0; k < head; k++) if (suspect(bytes, k)) return false;
  for (let w = 0; w < words.length; w++) {
    const x = words[w]!;
    const y = x ^ 0x7f7f7f7f;
    // Some byte is below 0x20 (a tab or line end, most often) or is 0x7f: look at each.
    if ((((x - 0x20202020) & ~x) | ((y - 0x01010101) & ~y)) & 0x80808080) {
      const at = head + w * 4;
      for (let k = at; k < at + 4; k++) if (suspect(bytes, k)) return false;
    }
  }
  for (let k = head + words.length * 4; k < n; k++) if (suspect(bytes, k)) return false;
  return noMultiByteControls(bytes);
}

/** A one-byte control (C0 but tab and LF, a CR not before LF, DEL). */
function suspect(bytes: Buffer, k: number): boolean {
  const c = bytes[k]!;
  if (c >= 32) return c === 127;
  if (c === 9 || c === 10) return false;
  return c !== 13 || bytes[k + 1] !== 10;
}

/**
 * The multi-byte ones, by their UTF-8 lead byte: C1 controls (C2 80–9F),
 * U+061C (D8 9C), U+200B–U+200F, U+2028–U+202E (E2 80 8B–8F, A8–AE),
 * U+2060, U+2066–U+2069 (E2 81 A0, A6–A9), U+FDD0–U+FDEF (EF B7 90–AF),
 * U+FEFF after the file's first character (EF BB BF), U+FFFE/U+FFFF
 * (EF BF BE–BF), and the planes' last two code points (F0–F4 x?F BF BE–BF).
 * A lead byte only ever leads a character, so finding it by byte is safe.
 * E2 and EF are common in Chinese text (“”…— and the full-width ，。：), so
 * their next bytes are compared before anything else.
 */
function noMultiByteControls(bytes: Buffer): boolean {
  for (let i = bytes.indexOf(0xc2); i >= 0; i = bytes.indexOf(0xc2, i + 1)) {
    const next = bytes[i + 1]!;
    if (next >= 0x80 && next <= 0x9f) return false;
  }
  for (let i = bytes.indexOf(0xd8); i >= 0; i = bytes.indexOf(0xd8, i + 1)) if (bytes[i + 1] === 0x9c) return false;
  for (let i = bytes.indexOf(0xe2); i >= 0; i = bytes.indexOf(0xe2, i + 1)) {
    const second = bytes[i + 1];
    const third = bytes[i + 2]!;
    if (second === 0x80 && ((third >= 0x8b && third <= 0x8f) || (third >= 0xa8 && third <= 0xae))) return false;
    if (second === 0x81 && (third === 0xa0 || (third >= 0xa6 && third <= 0xa9))) return false;
  }
  for (let i = bytes.indexOf(0xef); i >= 0; i = bytes.indexOf(0xef, i + 1)) {
    const second = bytes[i + 1];
    if (second === 0xbc || second === 0xbd) continue; // full-width forms, the common case
    const third = bytes[i + 2]!;
    if (second === 0xb7 && third >= 0x90 && third <= 0xaf) return false;
    if (second === 0xbb && third === 0xbf && i > 0) return false;
    if (second === 0xbf && (third === 0xbe || third === 0xbf)) return false;
  }
  for (let lead = 0xf0; lead <= 0xf4; lead++) {
    for (let i = bytes.indexOf(lead); i >= 0; i = bytes.indexOf(lead, i + 1)) {
      if ((bytes[i + 1]! & 0x0f) === 0x0f && bytes[i + 2] === 0xbf && (bytes[i + 3] === 0xbe || bytes[i + 3] === 0xbf)) return false;
    }
  }
  return true;
}
