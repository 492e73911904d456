/** The streamed JSON of `plan export` must be byte for byte what JSON.stringify(value, null, 2) gives. */
import { describe, expect, it } from 'vitest';
import { json } from '../../src/render/formats.js';
import { LazyArray, jsonPieces, writeJson } from '../../src/render/json-stream.js';

const identity = (x: unknown): unknown => x;

/** The same value with every LazyArray made into its array: what the export built before it streamed. */
function eager(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v instanceof LazyArray ? (v.items as unknown[]).map((i) => v.map(i)) : v]));
}

async function streamed(value: Record<string, unknown>): Promise<string> {
  const out: string[] = [];
  await writeJson(value, (text) => out.push(text));
  return out.join('');
}

async function* fromAsync<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

describe('streamed JSON', () => {
  it.each<[string, Record<string, unknown>]>([
    ['an empty object', {}],
    ['only values that JSON leaves out', { a: undefined, f: () => 1 }],
    ['empty and one-element arrays', { a: new LazyArray([], identity), b: new LazyArray([1], identity), c: [] }],
    [
      'nested objects, arrays, nulls, left-out fields and undefined elements',
      {
        asOf: '2021-12-01',
        plan: { id: 'p', span: null, checkpoints: [{ date: '2021-09-30', reporters: ['a', 'b'], recipient: null }], none: undefined },
        tasks: new LazyArray([{ id: '1', m: [{ on: 'x' }] }, { id: '2', m: [] }, undefined, { id: '4', x: undefined }], identity),
        last: 3,
      },
    ],
    [
      'Chinese text, line breaks, controls, quotes and line separators inside strings',
      { statuses: new LazyArray(['县财政局\n第二行', 'tab\there "quoted" \\ back', '\u001b[31mred\u0007', 'sep\u2028par\u2029', '𠀀'], (s) => ({ note: s, list: [s, { deep: [s] }] })) },
    ],
    ['a map to nothing in an array (null, as JSON.stringify writes it)', { a: new LazyArray([1, 2], () => undefined) }],
  ])('gives the same bytes as JSON.stringify for %s', async (_name, value) => {
    expect(await streamed(value)).toBe(json(eager(value)));
  });

  it("gives the same bytes when an array's items come one by one from an async source (the status files read again)", async () => {
    const items = [{ unit: 'a', note: '县财政局' }, undefined, { unit: 'b', note: null }];
    const value = { asOf: '2021-12-01', statuses: new LazyArray(fromAsync(items), identity, items.length), empty: new LazyArray(fromAsync([]), identity, 0) };
    expect(await streamed(value)).toBe(json({ asOf: '2021-12-01', statuses: items, empty: [] }));
  });

  it.each([1, 255, 256, 257, 512, 513])('gives the same bytes for %i elements, from an array and from an async source (batch edges)', async (n) => {
    const items = Array.from({ length: n }, (_, i) => (i % 7 === 3 ? undefined : { i, note: i % 2 ? '县财政局' : null, list: i % 3 ? [] : [i, { x: [] }] }));
    const expected = json({ statuses: items.map((x) => x ?? null) });
    expect(await streamed({ statuses: new LazyArray(items, identity) })).toBe(expected);
    expect(await streamed({ statuses: new LazyArray(fromAsync(items), identity, n) })).toBe(expected);
  });

  it('writes whole lines in batches, not one write per element, and the same bytes across batch ends', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ unit: `unit-${i}`, task: `${i % 97}.${i % 13}`, note: '推进政务公开标准化规范化'.repeat(i % 5) }));
    const value = { asOf: '2021-12-01', statuses: new LazyArray(items, identity) };
    const writes: string[] = [];
    await writeJson(value, (text) => writes.push(text));
    expect(writes.length).toBeGreaterThan(2);
    expect(writes.length).toBeLessThan(100);
    for (const w of writes) expect(w.endsWith('\n')).toBe(true);
    expect(writes.join('')).toBe(json(eager(value)));
    const pieces: string[] = [];
    for await (const piece of jsonPieces(value)) pieces.push(piece);
    expect(pieces.join('')).toBe(writes.join(''));
  });
});
