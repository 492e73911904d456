/** The report `plan import` prints: what it found, and every passage it could not read with certainty. */
import { countOf } from './labels.js';
import type { ImportReport } from '../importer/index.js';
import type { Lang } from './messages.js';
import { safeText } from './text.js';

const PROBLEM_WORDS: Record<string, { zh: string; en: string }> = {
  'no-annotation': { zh: '像是任务，但没有〔牵头单位/责任单位/完成时限〕标注，未导入', en: 'looks like a task but has no annotation; not imported' },
  'unsplit-annotation': { zh: '标注无法拆分为牵头单位、责任单位和完成时限', en: 'an annotation that could not be split into lead, responsible and deadline' },
  'unknown-deadline': { zh: '完成时限无法识别为日期，未填 deadline（plan check 会报错）', en: 'a deadline that is not a date this tool reads; no deadline set (plan check will flag it)' },
  'unclosed-annotation': { zh: '标注没有闭合括号（文件可能被截断）', en: 'an annotation without its closing bracket (is the document cut off?)' },
  'no-deadline': { zh: '原文没有完成时限：作为持续推进任务，在报送节点检查', en: 'no deadline in the source: kept as ongoing, reviewed at the checkpoints' },
  'missing-fact': { zh: '未找到文件信息', en: 'not found in the document' },
  'first-named-lead': { zh: '只列单位、未写明“列第一位者为牵头单位”：全部作为责任单位', en: 'units only, and the document does not say the first named leads: all taken as responsible' },
};

export function importReport(r: ImportReport, encoding: string, lang: Lang): string {
  const zh = lang === 'zh';
  const total = r.sections.reduce((n, s) => n + s.tasks, 0);
  const out = [zh ? `导入报告（编码 ${encoding}）` : `Import report (encoding ${encoding})`, ''];
  out.push(zh ? `任务：共 ${total} 项` : `Tasks: ${total}`);
  for (const s of r.sections) out.push(`  ${safeText(s.section)} ${safeText(s.heading)}: ${s.tasks}`);
  out.push(
    zh
      ? `完成时限：${r.deadlines.dates} 项为日期，${r.deadlines.ongoing} 项为持续性要求，${r.deadlines.missing} 项原文未规定，${r.deadlines.unknown} 项无法识别`
      : `Deadlines: ${countOf(r.deadlines.dates, 'date')}, ${r.deadlines.ongoing} ongoing by their words, ${r.deadlines.missing} not given in the source, ${r.deadlines.unknown} not understood`,
  );
  out.push(zh ? `单位：已识别 ${r.unitsResolved.length}，新建 ${r.unitsCreated.length}；新建分组 ${r.groupsCreated.length}` : `Units: ${r.unitsResolved.length} resolved, ${r.unitsCreated.length} created; groups created: ${r.groupsCreated.length}`);
  if (r.unitsCreated.length > 0) out.push(`  ${zh ? '新建单位' : 'new units'}: ${safeText(r.unitsCreated.join('、'))}`);
  // A group without members assigns its tasks to nobody; plan check refuses the plan until they are listed.
  if (r.groupsCreated.length > 0) out.push(`  ${zh ? '新建分组' : 'new groups'}: ${safeText(r.groupsCreated.join('、'))}${zh ? '（原文未列成员，请在 units.yaml 中填写 members）' : ' (the document does not list their members: fill in members in units.yaml)'}`);
  if (r.problems.length > 0) {
    out.push('', zh ? `需要核对的段落（${r.problems.length}）：` : `Passages to check (${r.problems.length}):`);
    for (const p of r.problems) out.push(`  ${zh ? '第' : 'line '}${p.line}${zh ? '行' : ''}: ${PROBLEM_WORDS[p.kind]![lang]} — ${safeText(p.text)}`);
  } else out.push('', zh ? '没有需要核对的段落。' : 'Nothing uncertain.');
  return out.join('\n');
}
