/**
 * The owner-and-deadline annotation that ends a task paragraph, in the forms
 * documents use: 〔…〕, （…）, (…), […], 【…】; labelled (牵头单位: …; 责任单位: …;
 * 完成时限: …) or, where the document says the first named unit leads, only
 * the units (（县财政局、县审计局负责）).
 */

const PAIRS: Record<string, string> = { '〕': '〔', '）': '（', ')': '(', ']': '[', '】': '【' };
const OPENERS = new Set(Object.values(PAIRS));

export const LABELS = ['牵头单位', '责任单位', '配合单位', '完成时限', '完成时间', '时间节点', '时限'] as const;
export type Label = (typeof LABELS)[number];
const LABEL_RE = new RegExp(`(${LABELS.join('|')})\\s*[:：]`, 'g');
// Without the g flag: test() on a global regex moves its lastIndex, which matchAll then inherits.
const HAS_LABEL = new RegExp(LABEL_RE.source);

export interface Annotation {
  /** The annotation as written, brackets included. */
  raw: string;
  /** The paragraph without it. */
  body: string;
  fields: Partial<Record<'lead' | 'responsible' | 'deadline', string>>;
  /** Units only, no labels: `（A、B负责）`. */
  unitsOnly?: string;
  /** The closing bracket is missing (a document cut off mid-annotation). */
  unclosed?: boolean;
}

/** The annotation at the end of a paragraph, if it has one. */
export function findAnnotation(paragraph: string): Annotation | undefined {
  const text = paragraph.replace(/[。；;\s]+$/, '');
  const close = text[text.length - 1];
  if (close !== undefined && PAIRS[close]) {
    const open = PAIRS[close]!;
    // Walk back to the matching opener: unit names may hold brackets (各区(县)政府).
    let depth = 0;
    for (let i = text.length - 1; i >= 0; i--) {
      if (text[i] === close) depth++;
      else if (text[i] === open && --depth === 0) {
        const inner = text.slice(i + 1, -1);
        const parsed = parseInner(inner);
        if (!parsed) return undefined;
        return { raw: text.slice(i), body: text.slice(0, i).trim(), ...parsed };
      }
    }
    return undefined;
  }
  // An opener with a label and no closer: the document stops inside the annotation.
  for (let i = text.length - 1; i >= 0; i--) {
    if (OPENERS.has(text[i]!)) {
      const inner = text.slice(i + 1);
      if (!HAS_LABEL.test(inner)) return undefined;
      const parsed = parseInner(inner);
      return parsed ? { raw: text.slice(i), body: text.slice(0, i).trim(), ...parsed, unclosed: true } : undefined;
    }
  }
  return undefined;
}

/** A line that is only labels (牵头单位：县财政局), written after its task. */
export function labelLine(line: string): Annotation['fields'] | undefined {
  const t = line.trim();
  if (!new RegExp(`^(${LABELS.join('|')})\\s*[:：]`).test(t)) return undefined;
  return parseInner(t)?.fields;
}

function parseInner(inner: string): Pick<Annotation, 'fields' | 'unitsOnly'> | undefined {
  const fields: Annotation['fields'] = {};
  const found = [...inner.matchAll(LABEL_RE)];
  if (found.length === 0) {
    const m = /^(.+?)(?:共同)?负责$/.exec(inner.trim());
    return m ? { fields, unitsOnly: m[1]! } : undefined;
  }
  found.forEach((match, k) => {
    const start = match.index! + match[0].length;
    const end = k + 1 < found.length ? found[k + 1]!.index! : inner.length;
    const value = inner.slice(start, end).replace(/[\s;；,，。、]+$/, '').trim();
    const label = match[1] as Label;
    const key = label === '牵头单位' ? 'lead' : label === '责任单位' || label === '配合单位' ? 'responsible' : 'deadline';
    // 配合单位 join the responsible units after any 责任单位.
    fields[key] = fields[key] && key === 'responsible' ? `${fields[key]}、${value}` : value;
  });
  return { fields };
}

/** Unit names in a list: split at 、 , ，; a trailing 等相关部门 makes the list open. */
export function splitUnits(list: string): { names: string[]; open: boolean } {
  let text = list.trim();
  const open = /等(?:相关|有关|其他)?(?:部门|单位)$/.test(text);
  if (open) text = text.replace(/等(?:相关|有关|其他)?(?:部门|单位)$/, '');
  const names: string[] = [];
  let depth = 0;
  let current = '';
  // Separators inside brackets belong to the name.
  for (const ch of text) {
    if ('（([【〔'.includes(ch)) depth++;
    if ('）)]】〕'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、,，;；'.includes(ch)) {
      if (current.trim()) names.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) names.push(current.trim());
  return { names, open };
}
