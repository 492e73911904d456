/**
 * Task tables (任务分工表, 重点任务清单): 序号 | 重点任务 | 具体措施 | 牵头单位 |
 * 责任单位/配合单位 | 完成时限, with header rows repeated on every page, merged
 * cells already spread to every row they cover (by the reader), and section
 * rows (一、…) spanning the whole width.
 */
import type { Cell } from './types.js';

export interface TableRow {
  /** 1-based row in the table. */
  row: number;
  seq?: string;
  /** 重点任务 when the table also has 具体措施. */
  heading?: string;
  text: string;
  lead?: string;
  responsible?: string;
  support?: string;
  deadline?: string;
}

export interface ReadTable {
  rows: TableRow[];
  /** Section rows met inside the table, by the row they precede. */
  sections: { beforeRow: number; text: string }[];
  /** Why the table was not read as a task table. */
  skipped?: 'no-header' | 'no-owner-column';
}

type Column = 'seq' | 'task' | 'measure' | 'lead' | 'responsible' | 'support' | 'deadline';

/** What a header cell names: 责任单位, 责任股室, 承办单位 … are all who is responsible, and so on. */
export function columnOf(header: string): Column | undefined {
  const h = header.replace(/\s+/g, '');
  // Header cells are short labels; a longer cell is data (县发改局牵头，…).
  if (!h || h.length > 12) return undefined;
  if (/^(?:序号|编号|序|号|No\.?)$/i.test(h)) return 'seq';
  // 牵头领导, 责任领导, 责任人: people, not units.
  if (/领导|责任人|联系人|负责人|电话|备注|分管/.test(h)) return undefined;
  if (/牵头|主办|主责/.test(h)) return 'lead';
  if (/配合|参与|参加|协办|协助|协同|协作/.test(h)) return 'support';
  if (/责任|承办|落实|实施|主体|单位|部门|股室|科室|处室|机构/.test(h)) return 'responsible';
  if (/时限|时间|期限|日期|节点|进度|时序/.test(h)) return 'deadline';
  if (/措施|举措|内容|要求|具体|做法|分解/.test(h)) return 'measure';
  if (/任务|事项|工作|项目|目标|类别|领域/.test(h)) return 'task';
  return undefined;
}

function headerOf(cells: string[]): (Column | undefined)[] | undefined {
  const cols = cells.map(columnOf);
  const owner = cols.some((c) => c === 'lead' || c === 'responsible' || c === 'support');
  const task = cols.some((c) => c === 'task' || c === 'measure');
  return owner && task ? cols : undefined;
}

/** A cell that only numbers its row: 1, 2., （3）. */
const SEQ_CELL = /^[（(]?\d{1,3}[）)]?[.．、]?$/;

/**
 * A header cell spanning a number column and a text column (具体要求 over 1 | 开展…): of the columns one
 * header names, the one whose cells are all row numbers is the 序号.
 */
function numberColumnUnderSpan(header: (Column | undefined)[], names: string[], data: string[][]): void {
  if (header.includes('seq')) return;
  for (let c = 0; c < header.length; c++) {
    const kind = header[c];
    const shared = names.some((n, k) => k !== c && n === names[c] && n !== '');
    if (!(kind === undefined && !names[c]) && !(shared && (kind === 'task' || kind === 'measure'))) continue;
    // Section rows (one value across the width) are no data rows.
    const values = data.filter((r) => new Set(r.filter(Boolean)).size > 1).map((r) => r[c] ?? '').filter(Boolean);
    if (values.length > 0 && values.filter((v) => SEQ_CELL.test(v)).length >= values.length * 0.8) {
      header[c] = 'seq';
      return;
    }
  }
}

/** Merged cells a form could not mark (a PDF, aligned text): an empty 重点任务 cell under a merged one takes its value. */
function fillMerged(header: (Column | undefined)[], row: string[], above: string[] | undefined): void {
  if (!above || !header.includes('measure')) return;
  header.forEach((kind, c) => {
    if (kind === 'task' && !row[c] && above[c]) row[c] = above[c]!;
  });
}

export function readTable(input: (string | Cell)[][]): ReadTable {
  const rows = input.map((r) => r.map((c) => (typeof c === 'string' ? c : c.text)));
  const out: ReadTable = { rows: [], sections: [] };
  let header: (Column | undefined)[] | undefined;
  let headerKey = '';
  let above: string[] | undefined;
  rows.forEach((cells, i) => {
    const clean = cells.map((c) => c.replace(/\s+/g, ' ').trim());
    const key = clean.join('|').replace(/\s+/g, '');
    if (!header) {
      header = headerOf(clean);
      if (header) {
        headerKey = key;
        numberColumnUnderSpan(header, clean.map((c) => c.replace(/\s+/g, '')), rows.slice(i + 1).map((r) => r.map((c) => c.replace(/\s+/g, ''))));
      }
      return;
    }
    // The header repeated at the top of each page.
    if (key === headerKey || headerOf(clean)) return;
    const filled = clean.filter(Boolean);
    if (filled.length === 0) return;
    // A row spanning the whole width (merged): a section of the table.
    if (new Set(filled).size === 1 && (clean.length >= 3 ? filled.length >= clean.length - 1 || /^[一二三四五六七八九十]{1,3}[、.．]|^[（(][一二三四五六七八九十]{1,3}[）)]/.test(filled[0]!) : false)) {
      out.sections.push({ beforeRow: out.rows.length, text: filled[0]! });
      return;
    }
    fillMerged(header, clean, above);
    above = clean;
    const get = (col: Column): string | undefined => {
      const values = header!.map((c, k) => (c === col ? clean[k] ?? '' : '')).filter(Boolean);
      return values.length > 0 ? values.join('，') : undefined;
    };
    const task = get('task');
    const measure = get('measure');
    const text = measure ?? task;
    if (!text) return;
    const row: TableRow = { row: i + 1, text };
    const seq = get('seq');
    if (seq) row.seq = seq;
    if (measure && task && task !== measure) row.heading = task;
    const lead = get('lead');
    if (lead) row.lead = lead;
    const responsible = get('responsible');
    if (responsible) row.responsible = responsible;
    const support = get('support');
    if (support) row.support = support;
    const deadline = get('deadline');
    if (deadline) row.deadline = deadline;
    out.rows.push(row);
  });
  if (!header) out.skipped = 'no-header';
  return out;
}
