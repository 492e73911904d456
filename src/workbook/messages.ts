/**
 * What `plan collect` says about a returned form, in Chinese and English.
 * Every problem names the file and, where there is one, the sheet and cell:
 * `县财政局.xlsx 台账!E7: "完成了" is not a state; choose 未启动/…`.
 */
import type { FormProblem } from './read-form.js';
import { stateChoices } from './words.js';
import { safeText } from '../render/text.js';
import type { Lang } from '../render/lang.js';

type Text = (a: Record<string, string | number>, lang: Lang) => string;

const mb = (n: string | number): string => (typeof n === 'number' ? `${Math.round(n / 1048576)} MB` : n);

const MESSAGES: Record<string, { zh: Text; en: Text }> = {
  'wb-not-a-workbook': { zh: () => '不是 Excel 工作簿（.xlsx）；请用 plan forms 生成的填报表填写后报送', en: () => 'not an Excel workbook (.xlsx); fill in the form made by plan forms and return that' },
  'wb-too-large': { zh: (a) => `文件有 ${mb(a.size!)}，超过上限 ${mb(a.limit!)}`, en: (a) => `the file is ${mb(a.size!)}, over the limit of ${mb(a.limit!)}` },
  'wb-zip-bomb': {
    zh: (a) => `解压后${a.part ? ` ${a.part}` : ''}将达 ${mb(a.size!)}（上限 ${mb(a.limit!)}，或压缩包声明的大小不实）：可能是“压缩炸弹”，未打开`,
    en: (a) => `it would unpack${a.part ? ` ${a.part}` : ''} to ${mb(a.size!)} (limit ${mb(a.limit!)}, or the zip misstates its sizes): a possible zip bomb, not opened`,
  },
  'wb-macros': { zh: (a) => `含宏（${a.part}）；请另存为不含宏的 .xlsx 工作簿`, en: (a) => `it holds macros (${a.part}); save it as a macro-free .xlsx workbook` },
  'wb-external-links': { zh: (a) => `含外部链接（${a.part}）；请删除指向其他工作簿的链接后再报送`, en: (a) => `it links to other workbooks (${a.part}); remove the external links and return it again` },
  'wb-too-many-rows': { zh: (a) => `${a.part} 有 ${a.rows} 行，填报表至多 ${a.limit} 行`, en: (a) => `${a.part} has ${a.rows} rows; a form has at most ${a.limit}` },
  'form-no-meta': { zh: () => '不是 plan forms 生成的填报表（缺少隐藏的 plan-ledger 工作表）', en: () => 'not a form made by plan forms (its hidden plan-ledger sheet is missing)' },
  'form-version': { zh: (a) => `填报表格式版本 ${a.version} 无法识别；请用 plan forms 重新生成`, en: (a) => `form version ${a.version} is not known; make the form again with plan forms` },
  'form-other-plan': { zh: (a) => `这是计划 “${a.plan}” 的填报表，不是本计划（${a.expected}）的`, en: (a) => `this is a form of plan "${a.plan}", not of this plan (${a.expected})` },
  'form-unknown-unit': { zh: (a) => `填报表所属单位 “${a.unit}” 不在 units.yaml 中`, en: (a) => `the form's unit "${a.unit}" is not in units.yaml` },
  'form-unknown-checkpoint': { zh: (a) => `报送节点 ${a.checkpoint} 不是本计划的报送节点`, en: (a) => `checkpoint ${a.checkpoint} is not a checkpoint of this plan` },
  'form-no-sheet': { zh: (a) => `找不到工作表 “${a.sheet}”`, en: (a) => `sheet "${a.sheet}" is missing` },
  'form-extra-sheet': { zh: (a) => `多出的工作表 “${a.sheet}” 不属于填报表；请删除后再报送`, en: (a) => `sheet "${a.sheet}" is not part of the form; delete it and return the form again` },
  'form-stale': {
    zh: (a) =>
      `填报表制于 ${a.made}，此后本单位的任务已变更（${[a.changed && `修改：${a.changed}`, a.removed && `删除或不再分配：${a.removed}`, a.added && `新增：${a.added}`].filter(Boolean).join('；')}）；请用 plan forms 重新生成并填写`,
    en: (a) =>
      `the form was made on ${a.made} and these tasks have changed since: ${[a.changed, a.removed && `${a.removed} (removed or no longer the unit's)`, a.added && `${a.added} (new)`].filter(Boolean).join(', ')}; make a new form with plan forms`,
  },
  'form-stale-ok': {
    zh: (a) => `填报表制于 ${a.made}，此后计划有变更，但本单位的任务未变：按任务编号写入`,
    en: (a) => `the form was made on ${a.made}; the plan changed since, but none of this unit's tasks did: applied by task id`,
  },
  'form-merged': { zh: () => '合并了单元格；请取消合并后再报送', en: () => 'cells are merged; unmerge them and return the form again' },
  'form-formula': { zh: (a) => `含公式 ${a.formula}；请直接填写内容，不要用公式`, en: (a) => `holds a formula (${a.formula}); type the value itself, not a formula` },
  'form-cell-error': { zh: (a) => `单元格是错误值 ${a.error}`, en: (a) => `the cell holds the error ${a.error}` },
  'form-outside': { zh: () => '表格以外的单元格有内容；请只填写白底各列', en: () => 'a cell outside the table has content; fill in only the white columns' },
  'form-row-no-task': { zh: () => '此行没有任务编号却填了内容；请勿增加行', en: () => 'this row has content but no task id; do not add rows' },
  'form-hidden-row': { zh: (a) => `第 ${a.row} 行被隐藏；请取消隐藏，使报送的内容都可见`, en: (a) => `row ${a.row} is hidden; unhide it so that everything returned can be seen` },
  'form-unknown-task': { zh: (a) => `“${a.task}” 不是 ${a.unit} 的任务`, en: (a) => `"${a.task}" is not one of ${a.unit}'s tasks` },
  'form-duplicate-task': { zh: (a) => `任务 ${a.task} 出现了两次`, en: (a) => `task ${a.task} appears twice` },
  'form-no-state': { zh: (_a, l) => `状态为空；请选择 ${stateChoices(l).join('/')}`, en: (_a, l) => `the state is empty; choose ${stateChoices(l).join('/')}` },
  'form-bad-state': {
    zh: (a) => `“${a.value}” 不是有效状态；请选择 ${stateChoices('zh').join('/')}`,
    en: (a) => `"${a.value}" is not a state; choose ${stateChoices('zh').join('/')}`,
  },
  'form-control-char': { zh: (a) => `含控制字符 ${a.char}；请删除`, en: (a) => `holds a control character (${a.char}); remove it` },
  'form-formula-prefix': {
    zh: (a) => `以 “${a.prefix}” 开头，在电子表格中会被当作公式；请改写开头`,
    en: (a) => `begins with "${a.prefix}", which a spreadsheet takes for a formula; begin the text otherwise`,
  },
  'form-evidence-space': {
    zh: (a) => `佐证材料 “${a.item}” 中有空格；请每行填写一个链接或文件名，名称中不要有空格`,
    en: (a) => `the evidence "${a.item}" has a space in it; write one link or file name a line, without spaces`,
  },
  'form-text-too-long': { zh: (a) => `内容有 ${a.length} 字，超过上限 ${a.limit}`, en: (a) => `the text has ${a.length} characters, over the limit of ${a.limit}` },
  'form-bad-date': { zh: (a) => `“${a.value}” 不是日期；请写成 YYYY-MM-DD，如 2021-09-03`, en: (a) => `"${a.value}" is not a date; write it YYYY-MM-DD, e.g. 2021-09-03` },
  'form-date-future': { zh: (a) => `完成日期 ${a.date} 晚于统计日期 ${a.asOf}`, en: (a) => `completion date ${a.date} is after the as-of date ${a.asOf}` },
  'form-needs-reason': { zh: () => '不适用须写明原因', en: () => 'not applicable needs a reason' },
  'form-done-no-date': { zh: () => '已完成须填写完成日期', en: () => 'done needs its completion date (完成日期)' },
  'form-older-than-entry': {
    zh: (a) => `任务 ${a.task} 在台账中已于 ${a.updated} 更新，晚于本表生成日期 ${a.made}；本表会覆盖该更新。请用 plan forms 重新生成填报表后填写`,
    en: (a) => `task ${a.task} changed in the ledger on ${a.updated}, after this form was made (${a.made}); the form would undo that change. Make a new form with plan forms and fill that one`,
  },
  'form-task-missing': { zh: (a) => `填报表中没有任务 ${a.task} 的行；该任务保持不变`, en: (a) => `the form has no row for task ${a.task}; it stays as it was` },
};

/** `file sheet!cell: message`, made safe to print. */
export function formProblemText(p: FormProblem, file: string, lang: Lang): string {
  const text = MESSAGES[p.code];
  const message = text ? text[lang](p.args, lang) : `${p.code} ${JSON.stringify(p.args)}`;
  const place = p.sheet === undefined ? '' : ` ${p.sheet}${p.cell === undefined ? '' : `!${p.cell}`}`;
  return safeText(`${file}${place}: ${message}`);
}
