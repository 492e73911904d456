/**
 * Trimming given characters from the ends of a string, in one pass. A regex
 * like /[\s;；]+$/ retries from every character of a long run that is not at
 * the end (n² on a line of 200,000 spaces followed by a letter); this does not.
 */

export function trimEnd(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && (chars.includes(s[end - 1]!) || (chars.includes(' ') && /\s/.test(s[end - 1]!)))) end--;
  return s.slice(0, end);
}

export function trimStart(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && (chars.includes(s[start]!) || (chars.includes(' ') && /\s/.test(s[start]!)))) start++;
  return s.slice(start);
}
