/** The report `plan import` prints: what it found, and every passage it could not read with certainty. */
import { colon, countOf, workdayRuleWords } from '../labels.js';
import type { ImportReport, Problem } from '../../importer/types.js';
import { safeText } from '../text.js';
import type { Lang } from '../lang.js';

const PROBLEM_WORDS: Record<string, { zh: string; en: string }> = {
  'no-annotation': { zh: '像是任务，但没有〔牵头单位/责任单位/完成时限〕标注，未导入', en: 'looks like a task but has no annotation; not imported' },
  'unsplit-annotation': { zh: '标注无法拆分为牵头单位、责任单位和完成时限', en: 'an annotation that could not be split into lead, responsible and deadline' },
  'unknown-deadline': { zh: '完成时限无法识别为日期：未填 deadline，暂作持续推进任务在报送节点检查，请按原文填写', en: 'a deadline that is not a date this tool reads; no deadline set: kept as ongoing, reviewed at the checkpoints, until a person sets it' },
  'unclosed-annotation': { zh: '标注没有闭合括号（文件可能被截断）', en: 'an annotation without its closing bracket (is the document cut off?)' },
  'no-deadline': { zh: '原文没有完成时限：作为持续推进任务，在报送节点检查', en: 'no deadline in the source: kept as ongoing, reviewed at the checkpoints' },
  'missing-fact': { zh: '缺少文件信息', en: 'a fact of the document is missing' },
  'unread-table': { zh: '表格没有“任务”列和“牵头/责任单位”列，未导入', en: 'a table without a task column and a 牵头/责任单位 column; not imported' },
  'relative-no-signed': { zh: '时限相对于印发日期，但未找到成文日期，未填 deadline', en: 'a deadline counted from the signing date, which was not found; no deadline set' },
  'no-tasks': { zh: '没有找到任何任务，未写入文件', en: 'no task found; nothing written' },
  'no-review-dates': { zh: '原文既无报送节点也无年份：持续推进任务的检查日期为占位日期，请按实际填写 reviewOn', en: 'the source gives neither checkpoints nor a year: ongoing tasks are reviewed on placeholder dates; set reviewOn' },
  'empty-task': { zh: '标注之前没有任务文字，未导入', en: 'an annotation with no task text before it; not imported' },
  'no-owner': { zh: '原文未写明责任单位：暂记为“（原文未写明责任单位）”分组，请填写', en: 'the source names no owner: the placeholder group （原文未写明责任单位） stands in; name the units' },
  'unread-checkpoint': { zh: '像是报送要求（报送时间、报送单位、接收单位），但未能完整读取，报送节点可能缺失：请核对 plan.yaml 的 checkpoints', en: 'reads like a reporting duty (when, who reports, to whom) but could not be read whole; a checkpoint may be missing: check checkpoints in plan.yaml' },
  'annex-task': { zh: '附件任务表中的一行在正文中未找到，未导入：如是正文以外的任务，请补入任务文件', en: 'a row of an annex task table the body does not have; not imported: add it to a task file if it is a task of its own' },
  'first-named-lead': { zh: '只列单位、未写明“列第一位者为牵头单位”：全部作为责任单位', en: 'units only, and the document does not say the first named leads: all taken as responsible' },
};

/** How sure each way of reading owners is. */
const HOW: Record<ImportReport['tasks'][number]['how'], { zh: string; en: string }> = {
  annotation: { zh: '标注写明，确定', en: 'labelled: sure' },
  'label-lines': { zh: '单独成行的标签，确定', en: 'label lines: sure' },
  table: { zh: '表格各列，确定', en: 'table columns: sure' },
  'note-rule': { zh: '按原文“列第一位者为牵头单位”，确定', en: 'first named leads, as the document says: sure' },
  'note-convention': { zh: '原文未说明，按惯例以第一个单位为牵头，请核对', en: 'first named taken as lead by convention (the document states no rule): check' },
};
/** The same, when the deadline is not read for sure: the owners are, the whole reading is not. */
const HOW_OWNERS: Record<ImportReport['tasks'][number]['how'], { zh: string; en: string }> = {
  annotation: { zh: '责任单位取自标注', en: 'owners labelled' },
  'label-lines': { zh: '责任单位取自单独成行的标签', en: 'owners from label lines' },
  table: { zh: '责任单位取自表格各列', en: 'owners from table columns' },
  'note-rule': { zh: '按原文“列第一位者为牵头单位”', en: 'first named leads, as the document says' },
  'note-convention': HOW['note-convention'],
};
const HOW_DEADLINE = { zh: '时限取自正文句子，请核对', en: 'deadline read from the sentence: check' };
const HOW_RECURRING = {
  zh: (words: string) => `时限“${words}”为周期性要求，已记为持续推进并在各周期的时限检查，请核对`,
  en: (words: string) => `the deadline "${words}" recurs: kept as ongoing, reviewed at each period's date; check`,
};

const FACT_WORDS = {
  number: { zh: '未找到文号', en: 'no document number (文号) found' },
  signed: { zh: '未找到成文日期', en: 'no signing date (成文日期) found' },
  issuer: { zh: '未找到发文机关', en: 'no issuing office found' },
};

/** The passage or value of a problem, with the words of its kind in the chosen language. */
function detail(p: Problem, lang: Lang): string {
  const zh = lang === 'zh';
  if (p.fact) return FACT_WORDS[p.fact][lang];
  if (p.table) return zh ? `表${p.table.index}（${p.table.rows} 行）：${p.text}` : `table ${p.table.index} (${p.table.rows} rows): ${p.text}`;
  if (p.seen) {
    const s = p.seen;
    const parts = zh
      ? [`${s.lines} 行非空文字`, ...(s.html ? ['看起来是 HTML 标记'] : []), `${s.headings} 个编号标题`, s.roleWords ? '出现“牵头/责任单位/负责”等字样，但不在可识别的标注中' : '没有“牵头单位/责任单位/负责”标注', ...(s.tables > 0 ? [`${s.tables} 个表格，均无“任务”列和“牵头/责任单位”列`] : [])]
      : [`${s.lines} non-empty lines`, ...(s.html ? ['it looks like HTML markup'] : []), `${s.headings} numbered headings`, s.roleWords ? 'the words 牵头/责任单位/负责 occur but in no annotation this tool reads' : 'no 牵头单位/责任单位/负责 annotations', ...(s.tables > 0 ? [`${s.tables} tables, none with a task column and a 牵头/责任单位 column`] : [])];
    return parts.join(zh ? '；' : '; ');
  }
  return p.text;
}

/** The annexes: not read as tasks, and whether their task tables only repeat the body's. */
function annexWords(a: NonNullable<ImportReport['annex']>, lang: Lang): string {
  const zh = lang === 'zh';
  const head = zh ? `附件（第${a.line}行起）未作为任务导入` : `Annexes (from line ${a.line}) not read as tasks`;
  if (a.rows === 0) return zh ? `${head}：其中没有任务表。` : `${head}: they hold no task table.`;
  const unmatched = a.rows - a.repeated;
  if (zh) return `${head}：任务表 ${a.tables} 个、共 ${a.rows} 行，${unmatched === 0 ? '均与正文任务相同' : `${a.repeated} 行与正文任务相同，${unmatched} 行在正文中未找到（见需要核对的段落）`}。`;
  return `${head}: ${countOf(a.tables, 'table')} of ${countOf(a.rows, 'row')}, ${unmatched === 0 ? 'all repeating tasks of the body' : `${a.repeated} repeating tasks of the body, ${unmatched} not in the body (see the passages to check)`}.`;
}

/** What was read: a text file by its encoding, any other by its type (.docx, .pdf), an HTML page by both. */
function sourceWords(source: { form: string; encoding?: string | undefined }, lang: Lang): string {
  const zh = lang === 'zh';
  const type = source.form === 'text' ? undefined : `.${source.form}`;
  const encoding = source.encoding;
  return [type && (zh ? `文件类型 ${type}` : `file type ${type}`), encoding && (zh ? `编码 ${encoding}` : `encoding ${encoding}`)].filter(Boolean).join(zh ? '，' : ', ');
}

export function importReport(r: ImportReport, source: { form: string; encoding?: string | undefined }, lang: Lang): string {
  const zh = lang === 'zh';
  const total = r.sections.reduce((n, s) => n + s.tasks, 0);
  const read = sourceWords(source, lang);
  const out = [zh ? `导入报告${read ? `（${read}）` : ''}` : `Import report${read ? ` (${read})` : ''}`, ''];
  out.push(zh ? `任务：共 ${total} 项` : `Tasks: ${total}`);
  for (const s of r.sections) out.push(`  ${safeText(s.section)} ${safeText(s.heading)}${colon(lang)}${s.tasks}`);
  out.push(
    zh
      ? `完成时限：${r.deadlines.dates} 项为日期，${r.deadlines.ongoing} 项为持续性要求，${r.deadlines.missing} 项原文未规定，${r.deadlines.unknown} 项无法识别`
      : `Deadlines: ${countOf(r.deadlines.dates, 'date')}, ${r.deadlines.ongoing} ongoing by their words, ${r.deadlines.missing} not given in the source, ${r.deadlines.unknown} not understood`,
  );
  out.push(zh ? `单位：已识别 ${r.unitsResolved.length}，新建 ${r.unitsCreated.length}；新建分组 ${r.groupsCreated.length}` : `Units: ${r.unitsResolved.length} resolved, ${r.unitsCreated.length} created; groups created: ${r.groupsCreated.length}`);
  if (r.unitsCreated.length > 0) out.push(`  ${zh ? '新建单位：' : 'new units: '}${safeText(r.unitsCreated.join('、'))}`);
  // Written with membersUnknown: plan check warns until the county lists the members.
  if (r.groupsCreated.length > 0) out.push(`  ${zh ? '新建分组：' : 'new groups: '}${safeText(r.groupsCreated.join('、'))}${zh ? '（原文未列成员，请在 units.yaml 中填写 members）' : ' (the document does not list their members: fill in members in units.yaml)'}`);
  if (r.annex) out.push(annexWords(r.annex, lang));
  if (r.tasks.length > 0) {
    out.push('', zh ? '逐项读取结果：' : 'Tasks as read:');
    for (const t of r.tasks) {
      const who = [
        t.lead.length > 0 ? `${zh ? '牵头' : 'lead'} ${t.lead.join('、')}` : '',
        t.responsible.length > 0 ? `${zh ? '责任' : 'responsible'} ${t.responsible.join('、')}` : '',
      ].filter(Boolean);
      const deadline = t.rule ? workdayRuleWords(t.rule, lang) : t.deadline === 'ongoing' ? (zh ? '持续推进' : 'ongoing') : (t.deadline ?? (zh ? '无' : 'none'));
      const caveat = t.deadlineFrom === 'sentence' ? HOW_DEADLINE[lang] : t.deadlineFrom === 'recurring' ? HOW_RECURRING[lang](t.deadlineWords ?? '') : '';
      const how = [caveat ? HOW_OWNERS[t.how][lang] : HOW[t.how][lang], caveat].filter(Boolean).join(zh ? '；' : '; ');
      out.push(`  ${safeText(t.id)}  ${zh ? '第' : 'line '}${t.line}${zh ? '行' : ''}  ${safeText(who.join(' · '))} · ${zh ? '时限' : 'deadline'} ${deadline}  [${how}]`);
    }
  }
  if (r.problems.length > 0) {
    out.push('', zh ? `需要核对的段落（${r.problems.length}）：` : `Passages to check (${r.problems.length}):`);
    for (const p of r.problems) out.push(`  ${zh ? '第' : 'line '}${p.line}${zh ? '行：' : ': '}${PROBLEM_WORDS[p.kind]![lang]} — ${safeText(detail(p, lang))}`);
  } else out.push('', zh ? '没有需要核对的段落。' : 'Nothing uncertain.');
  return out.join('\n');
}
