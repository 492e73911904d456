/**
 * Text whose line breaks were lost (copied from a web page, extracted from a
 * PDF): one long line holding many headings and label lines, labels running
 * into the next task (完成时限：2021年底前2.推进……). Break it again before each
 * heading and each label that stands outside brackets.
 *
 * One pass over the characters with sticky patterns of bounded length: linear.
 */
import { LABELS } from './annotation.js';

const SECTION_AT = /[一二三四五六七八九十]{1,3}[、,，](?![一二三四五六七八九十])/y;
const GROUP_AT = /[（(][一二三四五六七八九十]{1,3}[）)]/y;
const NUMBER_AT = /\d{1,2}[.．、](?![\d])/y;
const SUB_AT = /[（(]\d{1,2}[）)]/y;
/** Task labels, and the metadata labels of a portal page (标题：…发文字号：…成文日期：…). */
const LABEL_AT = new RegExp(`(?:${[...LABELS, '标题', '发文机关', '发文字号', '成文日期', '发布日期', '索引号', '主题分类'].join('|')})\\s*[:：]`, 'y');
/** What may stand just before a heading that starts a new paragraph. */
const END_BEFORE = /[。；;！!？?）)〕】\]\s：:]/;

/** What a bracket holds when it is a task's owner note. */
const OWNER_NOTE = /负责|牵头|配合|责任单位|完成时限/;

/** Lines longer than this that hold several headings are broken again. */
const LONG = 200;

/**
 * A heading run into the unit list or deadline before it (责任单位：区住建局三、优化营商环境): the list ends
 * where a heading marker follows the end of a unit's name or of a deadline, and the heading starts a line.
 */
const LIST_THEN_HEADING = new RegExp(
  `((?:${LABELS.join('|')})\\s*[:：][^。；;:：]{1,200}?(?:[局委办部厅院署会心府室司队所站镇乡处科股组馆校台社行]|前|底|内|止))(?=[一二三四五六七八九十]{1,3}[、,，](?![一二三四五六七八九十])|[（(][一二三四五六七八九十]{1,3}[）)]|\\d{1,2}[.．、](?!\\d))`,
  'g',
);

export function headingsOutOfLists(line: string): string[] {
  if (!/[:：]/.test(line) || !/[一二三四五六七八九十][、,，]|[（(][一二三四五六七八九十]|\d[.．、]/.test(line)) return [line];
  LIST_THEN_HEADING.lastIndex = 0;
  const cuts = [...line.matchAll(LIST_THEN_HEADING)].map((m) => m.index! + m[1]!.length);
  if (cuts.length === 0) return [line];
  const out: string[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(line.slice(from, c));
    from = c;
  }
  out.push(line.slice(from));
  return out;
}

export function unflatten(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.length < LONG) {
      out.push(...headingsOutOfLists(line));
      continue;
    }
    const pieces = breakLine(line);
    // A long paragraph with one heading at its start is an ordinary paragraph.
    out.push(...(pieces.length < 3 ? [line] : pieces).flatMap(headingsOutOfLists));
  }
  return out;
}

function breakLine(line: string): string[] {
  const cuts: number[] = [];
  let depth = 0;
  // Inside a label just matched (完成时限：), its tail (时限：) is no new label.
  let labelUntil = 0;
  let opened = 0;
  for (let i = 1; i < line.length; i++) {
    const ch = line[i]!;
    const prev = line[i - 1]!;
    if (depth === 0) {
      const at = (re: RegExp): boolean => {
        re.lastIndex = i;
        return re.test(line);
      };
      const afterEnd = END_BEFORE.test(prev);
      // A number may also follow the last word of a label's value (年底前2.推进): not a digit, not a letter.
      const afterWord = !/[\d.．A-Za-z第共近约]/.test(prev);
      // （一） starts a part even straight after a heading's words (二、重点任务（一）提升…).
      LABEL_AT.lastIndex = i;
      const label = i >= labelUntil ? LABEL_AT.exec(line) : null;
      if (label) labelUntil = i + label[0].length;
      if ((afterEnd && (at(SECTION_AT) || at(SUB_AT))) || at(GROUP_AT) || (afterWord && at(NUMBER_AT) && !/[第]/.test(line[i - 2] ?? '')) || label) cuts.push(i);
    }
    if ('（([【〔'.includes(ch)) {
      if (depth === 0) opened = i;
      depth++;
    }
    if ('）)]】〕'.includes(ch)) {
      depth = Math.max(0, depth - 1);
      // An owner note ends its task: what follows it (加强…) is the next paragraph.
      if (depth === 0 && i - opened < 200 && OWNER_NOTE.test(line.slice(opened, i)) && i + 1 < line.length && !/[。；;，,、）)（(〔【\[]/.test(line[i + 1]!)) cuts.push(i + 1);
    }
  }
  const pieces: string[] = [];
  let from = 0;
  for (const c of cuts) {
    pieces.push(line.slice(from, c).trim());
    from = c;
  }
  pieces.push(line.slice(from).trim());
  return pieces.filter(Boolean);
}
