/**
 * Who does a task, as these documents write it: unit lists with role words
 * (县发改局牵头，县财政局、县审计局配合，各镇落实), qualifiers that are not part
 * of any name (等有关部门, 按职责分工负责, 分别负责), and the convention that
 * the first named unit of a bare list leads.
 *
 * Every regex here is anchored or bounded: no nested quantifiers over the same
 * characters, so a 200,000-character line costs linear time.
 */

import { trimEnd, trimStart } from './trim.js';

export interface Owners {
  lead: string[];
  responsible: string[];
  /** The lead list ended in 等… (an open list). */
  leadOpen: boolean;
  /** A 牵头 word said who leads; otherwise the lead is the first named unit by convention. */
  leadStated: boolean;
}

/** Role words at the end of a clause, longest first. */
const ROLE_TAIL =
  /(?:牵头负责|牵头抓总|牵头落实|牵头实施|牵头|按职责分工负责|按照职责分工负责|按职责分工抓好落实|按职责分工落实|按职责分工|按照职责分工|按职责负责|按职责|分别负责|分工负责|共同负责|各负其责|具体负责|负责落实|负责实施|负责|配合落实|配合实施|积极配合|协同配合|配合|协助|协办|参与|参加|抓好落实|组织实施|具体落实|督促落实|落实|实施)$/;
const LEAD_WORD = /牵头/;
const SUPPORT_WORD = /配合|协助|协办|参与|参加/;
/** 等, 等有关部门, 等相关单位, 等部门和单位 … at the end of a list: an open list. */
const OPEN_TAIL = /等(?:其他|其它|有关|相关)?(?:部门|单位|机构)?(?:和|及|与)?(?:有关|相关)?(?:部门|单位)?$/;
const LEADING = /^(?:由|请|要|并由|会同|和|及|以及|与)/;
/** What ends a unit's name. */
const UNIT_END =
  /(?:局|委|办|部|厅|院|署|会|中心|政府|办公室|公司|队|所|站|镇|乡|街道|单位|部门|集团|银行|行|社|联|团|中央|处|科|组|馆|校|台|区|县|市|省|室|司|指挥部|机关|企业|党委|党组|工委|园区|管委会|法院|检察院|监狱|医院|学校|总工会|妇联|团委|残联|科协|工商联|红十字会|供销社|小组|专班|机构|办事处|股)$/;

/** A name as the document writes a unit: ends like one, and holds no sentence. */
export function looksLikeUnit(name: string): boolean {
  if (name.length < 2 || name.length > 40) return false;
  if (/[。：:！？!?“”《》]/.test(name)) return false;
  if (/^各/.test(name)) return true;
  if (/(?:要求|应当|应该|必须|要把|要对|进行|开展|加强|推进|做好|的工作|确保|实现|完成|提高|建立|健全)/.test(name)) return false;
  return UNIT_END.test(name.replace(/[（(][^（()）]*[）)]$/, ''));
}

/** The name without role words and qualifiers; empty when nothing is left. */
export function cleanName(raw: string): string {
  let name = trimEnd(trimStart(raw.trim(), ' 、，,；;'), ' 、，,；;。.');
  for (let i = 0; i < 4; i++) {
    const before = name;
    name = name.replace(LEADING, '').replace(ROLE_TAIL, '').replace(OPEN_TAIL, '').replace(/(?:等)$/, '').trim();
    if (name === before) break;
  }
  return name;
}

/** Unit names in a list: split at 、 , ，; ; and at 和/及 between two names; qualifiers stripped. */
export function splitUnits(list: string): { names: string[]; open: boolean } {
  const text = trimEnd(list.trim(), '。.；;，, ');
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  // Separators inside brackets belong to the name (各区(县)政府).
  for (const ch of text) {
    if ('（([【〔'.includes(ch)) depth++;
    if ('）)]】〕'.includes(ch)) depth = Math.max(0, depth - 1);
    // Table cells list units one per line or with spaces between them.
    if (depth === 0 && '、,，;；/\n\t \u3000'.includes(ch)) {
      pieces.push(current);
      current = '';
    } else current += ch;
  }
  pieces.push(current);
  let open = false;
  const names: string[] = [];
  for (const piece of pieces) {
    for (const part of splitConjunctions(piece.trim())) {
      if (OPEN_TAIL.test(part) || /等(?:按职责|分别|共同|负责)/.test(part)) open = true;
      const name = cleanName(part);
      if (name && !/^(?:有关|相关|其他|其它)?(?:部门|单位)$/.test(name)) names.push(name);
      else if (name) {
        // 有关部门 on its own names no unit: the list stays open.
        open = true;
      }
    }
  }
  return { names: dedupe(names), open };
}

/**
 * 和/及/与 join two names (县委宣传部和县融媒体中心, 财政部等和各省级人民政府)
 * but are also inside names (住房和城乡建设局): split only where the left side
 * is already a whole unit name or ends in 等.
 */
function splitConjunctions(piece: string): string[] {
  // A name is short: a long piece is prose, not a list to split (and splitting it would cost n²).
  if (piece.length > 120) return [piece];
  const out: string[] = [];
  let rest = piece;
  for (let guard = 0; guard < 20; guard++) {
    let cut = -1;
    for (let i = 1; i < rest.length - 1; i++) {
      const ch = rest[i]!;
      if (ch !== '和' && ch !== '及' && ch !== '与') continue;
      const left = rest.slice(0, i);
      const right = rest.slice(i + 1).replace(/^以?及?/, '');
      // 各有关部门和单位 is one name: a bare 部门/单位 after 和 is no unit of its own.
      if (GENERIC.test(cleanName(right))) continue;
      if ((/等$/.test(left) || looksLikeUnit(cleanName(left))) && looksLikeUnit(cleanName(right.split(/[和及与]/)[0] ?? right) || right)) {
        cut = i;
        break;
      }
    }
    if (cut < 0) break;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1).replace(/^以?及/, '');
  }
  out.push(rest);
  return out;
}

/** Words that name no unit by themselves: 单位, 有关部门. */
const GENERIC = /^(?:有关|相关|其他|其它)?(?:部门|单位|机构)$/;

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}

/** A clause of an owners list, with the role its words give it. */
interface Clause {
  names: string[];
  open: boolean;
  role: 'lead' | 'support' | 'plain';
}

/**
 * Clauses like 县发改局牵头，县财政局、县教育局等有关部门参加，各镇落实: split at
 * ，；。 where a clause ends in a role word; a list separated by commas with no
 * role word (各镇人民政府,县政府各直属单位) stays one clause.
 */
export function readClauses(text: string): Clause[] | undefined {
  // 县发改局（牵头）、县财政局: the role in brackets after the name.
  const segments = splitTopLevel(text.replace(/[（(]\s*(牵头|配合|参与|协办)\s*[）)]\s*[、，,]?/g, '$1，'), '，,；;。');
  const clauses: Clause[] = [];
  let pending: string[] = [];
  const flush = (raw: string[], tail: string): void => {
    const joined = raw.join('、');
    const { names, open } = splitUnits(joined);
    if (names.length === 0) return;
    const role = LEAD_WORD.test(tail) ? 'lead' : SUPPORT_WORD.test(tail) ? 'support' : 'plain';
    clauses.push({ names, open, role });
  };
  for (const seg of segments) {
    const s = seg.trim();
    if (!s) continue;
    const tail = ROLE_TAIL.exec(s)?.[0];
    if (tail !== undefined) {
      flush([...pending, s], tail);
      pending = [];
    } else pending.push(s);
  }
  if (pending.length > 0) flush(pending, '');
  if (clauses.length === 0) return undefined;
  if (!clauses.every((c) => c.names.every(looksLikeUnit))) return undefined;
  return clauses;
}

/**
 * Owners from clauses. With a 牵头 word the 牵头 clauses lead and the rest are
 * responsible; without one, `firstLeads` decides: the first named unit leads
 * (the convention, or the document's 列第一位者为牵头单位) or all are responsible.
 */
export function ownersOf(clauses: Clause[], firstLeads: boolean): Owners {
  const leadClauses = clauses.filter((c) => c.role === 'lead');
  const all = clauses.flatMap((c) => c.names);
  if (leadClauses.length > 0) {
    const lead = dedupe(leadClauses.flatMap((c) => c.names));
    return {
      lead,
      responsible: dedupe(clauses.filter((c) => c.role !== 'lead').flatMap((c) => c.names)).filter((n) => !lead.includes(n)),
      leadOpen: leadClauses.some((c) => c.open),
      leadStated: true,
    };
  }
  if (!firstLeads || all.length === 0) return { lead: [], responsible: dedupe(all), leadOpen: false, leadStated: false };
  // Supporting clauses (配合) never hold the lead; the first plain clause does.
  const firstPlain = clauses.find((c) => c.role !== 'support');
  if (!firstPlain) return { lead: [], responsible: dedupe(all), leadOpen: false, leadStated: false };
  const lead = firstPlain.names.slice(0, 1);
  return { lead, responsible: dedupe(all.filter((n) => n !== lead[0])), leadOpen: false, leadStated: false };
}

/** `text` split at the given separators outside brackets. */
export function splitTopLevel(text: string, separators: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('（([【〔'.includes(ch)) depth++;
    if ('）)]】〕'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(ch)) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}
