/**
 * JSON written piece by piece, byte for byte what `json()` (JSON.stringify with
 * two-space indent) gives for the same value. A city plan's export is tens of
 * megabytes of text: built as one object and one string it held the data three
 * times over (the plan, the mapped copy, the string) and took the process past
 * 200 MB; written an element at a time only the plan itself stays in memory.
 */

/**
 * An array whose elements are made (by `map`) only when they are written; its
 * items may also come one by one from an async source (a plan's status files
 * read again as they are written), which then says how many it will give.
 */
export class LazyArray<T> {
  readonly count: number;
  constructor(
    readonly items: readonly T[] | AsyncIterable<T>,
    readonly map: (item: T) => unknown,
    count?: number,
  ) {
    this.count = Array.isArray(items) ? items.length : (count ?? 0);
  }
}

/** Re-indents an element's own JSON to sit `depth` levels in; JSON strings hold no raw line breaks, so every \n is layout. */
function indented(text: string, pad: string): string {
  return text.replace(/\n/g, `\n${pad}`);
}

/** Elements stringified together (see `elements`): one call per this many instead of one each. */
const BATCH = 256;

/**
 * Array elements as they stand two levels in (the items of a top-level
 * field's array), comma-separated, in one JSON.stringify call: `[[a, b]]` is
 * written with its elements indented four spaces, so dropping the two outer
 * brackets' lines leaves them exactly where they go. An element that
 * stringifies to nothing becomes null, as in any array. A call per element and
 * a re-indent of each cost ~3x as much (a province's million statuses).
 */
function elements(batch: unknown[], more: boolean): string {
  const text = JSON.stringify([batch], null, 2);
  // "[\n  [\n" … "\n  ]\n]"
  return `${text.slice(6, -6)}${more ? ',' : ''}\n`;
}

/**
 * The text of a top-level object, in pieces that each end at a line break
 * (so a terminal filter applied piece by piece sees whole lines). Values that
 * JSON.stringify leaves out (undefined, functions) are left out here too; a
 * LazyArray element that stringifies to nothing becomes null, as in an array.
 */
export async function* jsonPieces(value: Readonly<Record<string, unknown>>): AsyncGenerator<string> {
  const fields: [string, string | LazyArray<unknown>][] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v instanceof LazyArray) {
      fields.push([key, v]);
      continue;
    }
    const text = JSON.stringify(v, null, 2) as string | undefined;
    if (text !== undefined) fields.push([key, text]);
  }
  if (fields.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{\n';
  for (const [i, [key, v]] of fields.entries()) {
    const head = `  ${JSON.stringify(key)}: `;
    const comma = i < fields.length - 1 ? ',' : '';
    if (typeof v === 'string') {
      yield `${head}${indented(v, '  ')}${comma}\n`;
    } else if (v.count === 0) {
      yield `${head}[]${comma}\n`;
    } else {
      yield `${head}[\n`;
      let batch: unknown[] = [];
      let written = 0;
      for await (const item of v.items) {
        batch.push(v.map(item));
        if (batch.length === BATCH) {
          written += batch.length;
          yield elements(batch, written < v.count);
          batch = [];
        }
      }
      if (batch.length > 0) yield elements(batch, false);
      yield `  ]${comma}\n`;
    }
  }
  yield '}\n';
}

/** Writes the pieces through `write` in batches of about 64 KB (one write per element would be a system call each). */
export async function writeJson(value: Readonly<Record<string, unknown>>, write: (text: string) => void): Promise<void> {
  let batch = '';
  for await (const piece of jsonPieces(value)) {
    batch += piece;
    if (batch.length >= 65_536) {
      write(batch);
      batch = '';
    }
  }
  if (batch !== '') write(batch);
}
