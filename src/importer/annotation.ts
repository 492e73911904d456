/**
 * The owner-and-deadline annotation of a task paragraph, in the forms
 * documents use: in 〔…〕, （…）, (…), […], 【…】 or bare after the text;
 * labelled (牵头单位: …; 责任单位: …; 完成时限: …, with any of ;；,， or
 * nothing between labels) or a note of units with role words
 * (（县财政局、县审计局负责。列第一位者为牵头单位，下同）, （县发改局牵头负责）).
 */
import { ONGOING_WORDS, parseDeadline } from './deadline.js';
import { trimEnd } from './trim.js';
import { ownersOf, readClauses, splitTopLevel, splitUnits, type Owners } from './owners.js';

const PAIRS: Record<string, string> = { '〕': '〔', '）': '（', ')': '(', ']': '[', '】': '【' };
const OPENERS = new Set(Object.values(PAIRS));

const LEAD_LABELS = ['牵头单位', '牵头部门', '牵头责任单位', '主办单位', '主责单位'];
const RESPONSIBLE_LABELS = ['责任单位', '责任部门', '责任主体', '落实单位', '实施单位', '承办单位', '主体责任单位'];
const SUPPORT_LABELS = ['配合单位', '配合部门', '参与单位', '参与部门', '参加单位', '协办单位', '协作单位', '协同单位', '协助单位'];
const DEADLINE_LABELS = ['完成时限', '完成时间', '完成期限', '时间节点', '时限要求', '时间要求', '时间安排', '进度安排', '完成时间节点', '时限'];
export const LABELS = [...LEAD_LABELS, ...RESPONSIBLE_LABELS, ...SUPPORT_LABELS, ...DEADLINE_LABELS].sort((a, b) => b.length - a.length);
type LabelKind = 'lead' | 'responsible' | 'support' | 'deadline';
const KIND = new Map<string, LabelKind>([
  ...LEAD_LABELS.map((l) => [l, 'lead'] as const),
  ...RESPONSIBLE_LABELS.map((l) => [l, 'responsible'] as const),
  ...SUPPORT_LABELS.map((l) => [l, 'support'] as const),
  ...DEADLINE_LABELS.map((l) => [l, 'deadline'] as const),
]);
const LABEL_RE = new RegExp(`(${LABELS.join('|')})\\s*[:：]`, 'g');
// Without the g flag: test() on a global regex moves its lastIndex, which matchAll then inherits.
const HAS_LABEL = new RegExp(LABEL_RE.source);
const LABEL_AT_START = new RegExp(`^(?:${LABELS.join('|')})\\s*[:：]`);
/** 列第一位者为牵头单位 / 排在第一位的部门为牵头部门 / 下同: a rule about notes, not a unit. */
export const FIRST_LEADS_RULE = /(?:列|排|位)?(?:在)?(?:第一位|首位|第一)(?:的|者)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)/;
const RULE_SEGMENT = /牵头(?:单位|部门)$|^下同$|^(?:以下|下文)同$|第一位|首位/;
const ROLE_WORD = /牵头|负责|配合|参与|参加|协办|协助|落实|实施/;
const ROLE_END = /(?:牵头|负责|配合|参与|参加|协办|协助|落实|实施)$/;

export interface Annotation {
  /** The annotation as written, brackets included. */
  raw: string;
  /** The paragraph without it. */
  body: string;
  owners?: Owners;
  /** Labels said who leads and who is responsible (not a bare note read by convention). */
  labelled: boolean;
  deadline?: string;
  /** The note states 列第一位者为牵头单位. */
  statesRule?: boolean;
  /** The closing bracket is missing (a document cut off mid-annotation). */
  unclosed?: boolean;
}

/** The annotation of a paragraph, if it has one. */
export function findAnnotation(paragraph: string): Annotation | undefined {
  const text = trimEnd(paragraph, '。；; ');
  const close = text[text.length - 1];
  if (close !== undefined && PAIRS[close]) {
    const open = PAIRS[close]!;
    // Walk back to the matching opener: unit names may hold brackets (各区(县)政府).
    let depth = 0;
    for (let i = text.length - 1; i >= 0; i--) {
      if (text[i] === close) depth++;
      else if (text[i] === open && --depth === 0) {
        const parsed = parseInner(text.slice(i + 1, -1));
        if (parsed) return { raw: text.slice(i), body: text.slice(0, i).trim(), ...parsed };
        break;
      }
    }
  }
  // An opener with a label and no closer: the document stops inside the annotation.
  const lastOpen = lastOpenerWithLabel(text);
  if (lastOpen !== undefined) {
    const parsed = parseInner(text.slice(lastOpen + 1));
    if (parsed) return { raw: text.slice(lastOpen), body: text.slice(0, lastOpen).trim(), ...parsed, unclosed: true };
  }
  // Labels written bare after the task's text: ……。牵头单位：县发改局；完成时限：2021年底前
  const bare = firstTopLevelLabel(text);
  if (bare !== undefined && bare > 0) {
    const parsed = parseInner(text.slice(bare));
    if (parsed) return { raw: text.slice(bare), body: trimEnd(text.slice(0, bare), '；;，, ').trim(), ...parsed };
  }
  // A labelled or role note inside the paragraph: 1.加强领导（县发改局牵头）。具体……
  for (const { start, end } of bracketGroups(text)) {
    const inner = text.slice(start + 1, end);
    if (!HAS_LABEL.test(inner) && !ROLE_WORD.test(inner)) continue;
    const parsed = parseInner(inner);
    if (parsed?.owners && (parsed.owners.lead.length > 0 || parsed.owners.responsible.length > 0)) {
      return { raw: text.slice(start, end + 1), body: `${text.slice(0, start)}${text.slice(end + 1)}`.replace(/^[。；;]+/, '').trim(), ...parsed };
    }
  }
  return undefined;
}

/** A line that is only labels (牵头单位：县财政局), written after its task. */
export function labelLine(line: string): Annotation | undefined {
  const t = line.trim().replace(/^[〔（(【\[]/, '').replace(/[〕）)】\]]$/, '');
  if (!LABEL_AT_START.test(t)) return undefined;
  const parsed = parseInner(t);
  return parsed ? { raw: line.trim(), body: '', ...parsed } : undefined;
}

function lastOpenerWithLabel(text: string): number | undefined {
  for (let i = text.length - 1; i >= 0; i--) {
    if (OPENERS.has(text[i]!)) {
      // Only an opener after which nothing closes.
      const rest = text.slice(i + 1);
      if (/[〕）)\]】]/.test(rest)) return undefined;
      return HAS_LABEL.test(rest) ? i : undefined;
    }
  }
  return undefined;
}

/** Index of the first label outside brackets, preceded by the end of a sentence or clause. */
function firstTopLevelLabel(text: string): number | undefined {
  let depth = 0;
  LABEL_RE.lastIndex = 0;
  const positions = [...text.matchAll(LABEL_RE)].map((m) => m.index!);
  if (positions.length === 0) return undefined;
  let p = 0;
  for (let i = 0; i < text.length && p < positions.length; i++) {
    if (i === positions[p]) {
      if (depth === 0 && (i === 0 || /[。；;，,\s）)〕】\]]/.test(text[i - 1]!))) return i;
      p++;
    }
    const ch = text[i]!;
    if ('（([【〔'.includes(ch)) depth++;
    if ('）)]】〕'.includes(ch)) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Top-level bracket groups of a paragraph, in order. */
function bracketGroups(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPENERS.has(ch)) {
      if (depth === 0) start = i;
      depth++;
    } else if (PAIRS[ch] && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start, end: i });
    }
  }
  return out;
}

type Parsed = Omit<Annotation, 'raw' | 'body'>;

function parseInner(inner: string): Parsed | undefined {
  const found = [...inner.matchAll(LABEL_RE)];
  if (found.length === 0) return parseNote(inner);
  const lead: string[] = [];
  const responsible: string[] = [];
  let leadOpen = false;
  let deadline: string | undefined;
  let leadFromRoles: string[] = [];
  let tailDeadline: string | undefined;
  const before = trimEnd(inner.slice(0, found[0]!.index!), ' ;；,，。');
  const note = before ? parseNote(before) : undefined;
  found.forEach((match, k) => {
    const start = match.index! + match[0].length;
    const end = k + 1 < found.length ? found[k + 1]!.index! : inner.length;
    let value = trimEnd(inner.slice(start, end), ' ;；,，。、').trim();
    const kind = KIND.get(match[1]!)!;
    if (kind === 'deadline') {
      deadline = deadline === undefined ? value.replace(/[，,；;。]?\s*下同$/, '') : `${deadline}，${value}`;
      return;
    }
    // A list of units ends at its sentence: 责任单位：县税务局。长期坚持 — what follows the 。 is no unit;
    // if it is a deadline with no label of its own, it is the task's.
    const [units, ...rest] = splitTopLevel(value, '。');
    if (rest.length > 0) {
      value = units!.trim();
      const tail = rest.map((x) => x.trim()).filter((x) => x !== '' && isDeadlineSegment(x));
      if (tail.length > 0) tailDeadline ??= tail.join('，');
    }
    const clauses = readClauses(value);
    if (kind === 'lead') {
      const { names, open } = clauses ? { names: clauses.filter((c) => c.role !== 'support').flatMap((c) => c.names), open: clauses.some((c) => c.open && c.role !== 'support') } : splitUnits(value);
      lead.push(...names);
      leadOpen ||= open;
      if (clauses) responsible.push(...clauses.filter((c) => c.role === 'support').flatMap((c) => c.names));
      return;
    }
    if (kind === 'responsible' && clauses?.some((c) => c.role === 'lead')) {
      // 责任单位：县扶贫办牵头，县教育局等有关部门参加，各镇落实
      const o = ownersOf(clauses, false);
      leadFromRoles = o.lead;
      responsible.push(...o.responsible);
      leadOpen ||= o.leadOpen;
      return;
    }
    responsible.push(...(clauses ? clauses.flatMap((c) => c.names) : splitUnits(value).names));
  });
  if (lead.length === 0 && leadFromRoles.length > 0) lead.push(...leadFromRoles);
  if (note?.owners) {
    // 县发改局牵头；完成时限：2021年底前
    if (lead.length === 0) lead.push(...note.owners.lead);
    responsible.unshift(...note.owners.responsible);
  }
  const dedupe = (l: string[]): string[] => [...new Set(l)];
  const leads = dedupe(lead);
  return {
    owners: { lead: leads, responsible: dedupe(responsible), leadOpen, leadStated: leads.length > 0 },
    labelled: true,
    ...(deadline !== undefined && { deadline }),
    ...(note?.deadline !== undefined && deadline === undefined && { deadline: note.deadline }),
    ...(tailDeadline !== undefined && deadline === undefined && note?.deadline === undefined && { deadline: tailDeadline }),
  };
}

/**
 * A note of units, role words, deadlines and rules: 县财政局、县审计局负责。列第一位者
 * 为牵头单位，下同 / 县发改局牵头，县财政局配合，2021年底前完成. Sentences after the
 * units that are none of these are the note's own words and are left alone.
 */
/** A segment of a note that is a deadline (2021年底前, 长期坚持, 每季度), not units. */
function isDeadlineSegment(seg: string): boolean {
  const asDeadline = parseDeadline(seg, { year: 2000, signed: '2000-01-01' });
  const looks = asDeadline.kind === 'date' || (asDeadline.kind === 'ongoing' && ONGOING_WORDS.test(seg) && seg.length <= 12) || /^(?:长期|持续)/.test(seg);
  return looks && /\d|年|月|季度|长期|持续|常态|定期|每/.test(seg) && !readClauses(seg);
}

function parseNote(inner: string): Parsed | undefined {
  const segments = splitTopLevel(inner, '，,；;。').map((s) => s.trim()).filter(Boolean);
  if (segments.length === 0) return undefined;
  const ownerSegments: string[] = [];
  const deadlines: string[] = [];
  let statesRule = false;
  let ownersDone = false;
  let sawRole = false;
  for (const seg of segments) {
    if (FIRST_LEADS_RULE.test(seg) || RULE_SEGMENT.test(seg)) {
      statesRule ||= FIRST_LEADS_RULE.test(seg);
      ownersDone = ownerSegments.length > 0;
      continue;
    }
    if (isDeadlineSegment(seg)) {
      deadlines.push(seg);
      ownersDone = ownerSegments.length > 0;
      continue;
    }
    if (ownersDone) continue;
    // After the clause that ends in 负责/牵头…, only more role clauses are owners; a sentence is the note's own words.
    if (sawRole && !readClauses(seg)) {
      ownersDone = true;
      continue;
    }
    ownerSegments.push(seg);
    if (ROLE_END.test(seg)) sawRole = true;
  }
  if (ownerSegments.length === 0) return undefined;
  const clauses = readClauses(ownerSegments.join('，'));
  if (!clauses) return undefined;
  const owners = ownersOf(clauses, true);
  return { owners, labelled: false, ...(deadlines.length > 0 && { deadline: deadlines.join('，') }), ...(statesRule && { statesRule }) };
}
