/**
 * Characters no plan text may hold, shared by the loader (which refuses them)
 * and every writer (which never lets one through, whatever reached it):
 *
 * - what XML forbids, which makes a .docx, .xlsx, HTML or SVG unreadable: C0
 *   controls but tab, LF and CR; U+FFFE, U+FFFF; a lone surrogate;
 * - the other noncharacters (U+FDD0–U+FDEF, U+nFFFE/U+nFFFF of every plane);
 * - what hides or reorders text: C1 controls, DEL, the bidirectional marks,
 *   embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A–U+202E,
 *   U+2066–U+2069), the zero-width characters (U+200B–U+200D, U+2060, U+FEFF)
 *   and the line and paragraph separators (U+2028, U+2029).
 */

/** High surrogates of the planes' last two code points (U+1FFFE … U+10FFFF). */
const PLANE_ENDS = Array.from({ length: 16 }, (_, n) => String.fromCharCode(0xd83f + n * 0x40)).join('');
const CHARS = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060\\u2066-\\u2069\\ufdd0-\\ufdef\\ufffe\\uffff';
const PAIRS = `[${PLANE_ENDS}][\\udffe\\udfff]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]`;

/** In a value as read (after YAML's escapes): all of the above, U+FEFF anywhere. */
export const UNSAFE_IN_VALUE = new RegExp(`[${CHARS}\\ufeff]|${PAIRS}`);
/** In a file's raw text: the same, but a byte order mark may open the file, and a CR must end a line. */
export const UNSAFE_IN_FILE = new RegExp(`[${CHARS}]|(?<!^)\\ufeff|${PAIRS}|\\r(?!\\n)`);
const UNSAFE_ALL = new RegExp(`[${CHARS}\\ufeff]|${PAIRS}`, 'g');

/** `U+XXXX` of the character at `index` (a whole pair when it is one). */
export function codePointName(text: string, index: number): string {
  const cp = text.codePointAt(index) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text with every unsafe character replaced, for writers: `show` says how (default: dropped). */
export function withoutUnsafe(text: string, show: (c: string) => string = () => ''): string {
  return text.replace(UNSAFE_ALL, show);
}
