/**
 * What `plan collect` says about a returned form, in Chinese and English.
 * Every problem names the file and, where there is one, the sheet and cell:
 * `县财政局.xlsx 台账!E7: "完成了" is not a state; choose 未启动/…`.
 */
import type { FormProblem } from './read-form.js';
import { stateChoices } from './words.js';
import { safeText } from '../render/text.js';
import { reasonWords } from '../render/messages.js';
import type { Lang } from '../render/lang.js';

type Text = (a: Record<string, string | number>, lang: Lang) => string;

const mb = (n: string | number): string => (typeof n !== 'number' ? n : n >= 1048576 ? `${Math.round(n / 1048576)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`);

const MESSAGES: Record<string, { zh: Text; en: Text }> = {
  'wb-not-a-workbook': { zh: () => '不是 Excel 工作簿（.xlsx）；请用 plan forms 生成的填报表填写后报送', en: () => 'not an Excel workbook (.xlsx); fill in the form made by plan forms and return that' },
  'wb-ods-no-soffice': {
    zh: () => '这是 OpenDocument 表格（.ods），本机没有安装 LibreOffice，无法读取。请在 LibreOffice Calc 或 WPS 表格中打开它，选择 文件 → 另存为，文件类型选 “Excel 2007-365 (.xlsx)”（WPS：“Microsoft Excel 文件 (*.xlsx)”），遇到格式提示时选择保留 Excel 格式，然后报送该 .xlsx 文件',
    en: () => 'it is an OpenDocument spreadsheet (.ods) and LibreOffice is not installed here to read it. Open it in LibreOffice Calc or WPS, choose File → Save As, file type "Excel 2007-365 (.xlsx)" (WPS: "Microsoft Excel File (*.xlsx)"), keep the Excel format when asked, and return that .xlsx',
  },
  'wb-ods-convert': {
    zh: (a) => `LibreOffice 未能把这个 .ods 转换为 .xlsx（${a.detail}）。请在 LibreOffice Calc 或 WPS 中打开它，另存为 “Excel 2007-365 (.xlsx)” 后报送`,
    en: (a) => `LibreOffice could not convert this .ods to .xlsx (${a.detail}). Open it in LibreOffice Calc or WPS, save it as "Excel 2007-365 (.xlsx)" and return that`,
  },
  'wb-unreadable': { zh: (a) => `无法读取此文件：${reasonWords(a.reason, 'zh')}`, en: (a) => `the file cannot be read: ${reasonWords(a.reason, 'en')}` },
  'wb-too-large': { zh: (a) => `文件有 ${mb(a.size!)}，超过上限 ${mb(a.limit!)}`, en: (a) => `the file is ${mb(a.size!)}, over the limit of ${mb(a.limit!)}` },
  'wb-zip-bomb': {
    zh: (a) => `解压后${a.part ? ` ${a.part}` : ''}将达 ${mb(a.size!)}（上限 ${mb(a.limit!)}，或压缩包声明的大小不实）：可能是“压缩炸弹”，未打开`,
    en: (a) => `it would unpack${a.part ? ` ${a.part}` : ''} to ${mb(a.size!)} (limit ${mb(a.limit!)}, or the zip misstates its sizes): a possible zip bomb, not opened`,
  },
  'wb-macros': { zh: (a) => `含宏（${a.part}）；请另存为不含宏的 .xlsx 工作簿`, en: (a) => `it holds macros (${a.part}); save it as a macro-free .xlsx workbook` },
  'wb-external-links': { zh: (a) => `含外部链接（${a.part}）；请删除指向其他工作簿的链接后再报送`, en: (a) => `it links to other workbooks (${a.part}); remove the external links and return it again` },
  'wb-zip-layout': {
    zh: (a) => `${LAYOUT[a.what as string]?.zh(a) ?? a.what}：同一文件可被读成两个不同的工作簿，未打开。请用 Excel、WPS 或 LibreOffice 打开后另存为 .xlsx 再报送`,
    en: (a) => `${LAYOUT[a.what as string]?.en(a) ?? a.what}: the file could be read as two different workbooks, so it was not opened. Open it in Excel, WPS or LibreOffice, save it as .xlsx and return that`,
  },
  'wb-sheet-bounds': { zh: (a) => BOUNDS[a.what as string]?.zh(a) ?? String(a.what), en: (a) => BOUNDS[a.what as string]?.en(a) ?? String(a.what) },
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
  'form-extension-needs-date': { zh: () => '写了延期理由，却没有申请延期至的日期；请填写日期（YYYY-MM-DD）', en: () => 'a reason for more time is given but no date; give the date asked for (YYYY-MM-DD)' },
  'form-extension-closed': { zh: () => '已报完成或不适用的任务无需申请延期；请删除延期申请，或把状态改为推进中', en: () => 'a task claimed done or not applicable needs no more time; remove the request or set the state back to in progress' },
  'form-extension-needs-reason': { zh: () => '申请延期须写明理由', en: () => 'a request for more time needs a reason' },
  'form-extension-waiting': {
    zh: (a) => `已有 ${a.requested} 申请延期至 ${a.to} 的申请待审批；请等办公室答复后再申请`,
    en: (a) => `the request of ${a.requested} (until ${a.to}) still awaits the office; wait for its answer before asking again`,
  },
  'form-extension-no-deadline': { zh: () => '此项任务没有完成时限，无需申请延期', en: () => 'this task has no deadline to extend' },
  'form-extension-not-later': { zh: (a) => `申请延期至 ${a.to} 不晚于 ${a.deadline}；请填写更晚的日期`, en: (a) => `${a.to} is not later than ${a.deadline}; ask for a later date` },
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
    zh: (a) => `任务 ${a.task} 在本表 ${a.made} 生成之后已在台账中更新${a.updated ? `（最近一次 ${a.updated}）` : ''}，本表仍是更新前的内容，会覆盖该更新。请用 plan forms 重新生成填报表后填写`,
    en: (a) => `task ${a.task} changed in the ledger after this form was made on ${a.made}${a.updated ? ` (last on ${a.updated})` : ''}; the form shows it as it was and would undo that change. Make a new form with plan forms and fill that one`,
  },
  'form-unsigned': {
    zh: () => '填报表没有签名（是签名功能启用之前生成的）：无法确认它出自本办公室、未被改动。请用 plan forms 重新生成；确需收集时加 --trust-unsigned',
    en: () => 'the form is not signed (it was made before forms were signed), so nothing shows it is the office\'s and unchanged; make a new one with plan forms, or collect it with --trust-unsigned',
  },
  'form-unsigned-accepted': { zh: () => '填报表没有签名，按 --trust-unsigned 未经核验收集', en: () => 'the form is not signed; collected unverified (--trust-unsigned)' },
  'form-not-verified': { zh: () => '此处没有办公室密钥，填报表的签名未核验（--trust-unsigned）', en: () => "the office's key is not here: the form's signature was not checked (--trust-unsigned)" },
  'form-signature': {
    zh: () => '签名不符：隐藏工作表在生成后被改动过（如所属单位、报送节点或任务），或由另一把办公室密钥生成。请用 plan forms 重新生成填报表',
    en: () => "the signature does not match: the hidden sheet was changed after the form was made (its unit, checkpoint or tasks, say), or another office key made it. Make a new form with plan forms",
  },
  'form-unit-renamed': { zh: (a) => `填报表所属单位 “${a.old}” 已改编号为 ${a.unit}：写入 ${a.unit}`, en: (a) => `the form's unit "${a.old}" has been renamed ${a.unit}: recorded for ${a.unit}` },
  'form-made-future': { zh: (a) => `填报表的生成日期 ${a.made} 晚于统计日期 ${a.asOf}`, en: (a) => `the form says it was made on ${a.made}, after the as-of date ${a.asOf}` },
  'form-meta-value': { zh: (a) => `隐藏工作表的 ${a.key} 值 “${a.value}” 无效；请用 plan forms 重新生成`, en: (a) => `the hidden sheet's ${a.key} "${a.value}" is not valid; make the form again with plan forms` },
  'form-meta-twice': { zh: (a) => `隐藏工作表中 ${a.key} “${a.value}” 出现了两次`, en: (a) => `the hidden sheet gives ${a.key} "${a.value}" twice` },
  'form-meta-unknown': { zh: (a) => `隐藏工作表中有未知的一行 “${a.key}”`, en: (a) => `the hidden sheet has a row it should not: "${a.key}"` },
  'form-meta-missing': { zh: (a) => `隐藏工作表缺少 ${a.key}；请用 plan forms 重新生成`, en: (a) => `the hidden sheet has no ${a.key}; make the form again with plan forms` },
  'form-header-row': {
    zh: (a) => `第 ${a.row} 行应为表头（${a.expected}），却是 “${a.value}”：表格的位置与隐藏工作表不符`,
    en: (a) => `row ${a.row} should be the table's header (${a.expected}) but holds "${a.value}": the table is not where the hidden sheet says`,
  },
  'form-evidence-unsplit': {
    zh: (a) => `佐证材料 “${a.item}” 按一项记录：其中并非每一段都是链接或文件名。若是多项，请每行写一项`,
    en: (a) => `the evidence "${a.item}" is kept as one item: not every piece of it is a link or a file name. If it is several, write one a line`,
  },
  'form-blank': {
    zh: (a) => `填报表与 ${a.made} 生成时完全相同，没有填写任何内容：不作为报送记录`,
    en: (a) => `nothing on the form differs from what plan forms wrote on ${a.made}: it is not recorded as a return`,
  },
  'form-task-missing': { zh: (a) => `填报表中没有任务 ${a.task} 的行；该任务保持不变`, en: (a) => `the form has no row for task ${a.task}; it stays as it was` },
};

const part = (a: Record<string, string | number>): string => (a.part === undefined ? '' : ` ${a.part}`);
const at = (a: Record<string, string | number>): string => (a.offset === undefined ? '' : `（${a.offset}）`);
const atEn = (a: Record<string, string | number>): string => (a.offset === undefined ? '' : ` (at byte ${a.offset})`);

/** How a zip's layout could be read two ways (zip-guard.ts). */
const LAYOUT: Record<string, { zh: (a: Record<string, string | number>) => string; en: (a: Record<string, string | number>) => string }> = {
  prepended: { zh: (a) => `压缩包之前有多余的数据${at(a)}`, en: (a) => `there is data before the zip archive${atEn(a)}` },
  'end-records': { zh: (a) => `压缩包有多个结束记录或结束记录之后还有数据${at(a)}`, en: (a) => `the zip has more than one end record, or data after it${atEn(a)}` },
  zip64: { zh: (a) => `压缩包使用 ZIP64 格式${part(a)}，填报表不会是这种格式`, en: (a) => `the zip uses ZIP64${part(a)}, which a form never does` },
  directory: { zh: () => '压缩包的目录与其结束记录不符', en: () => "the zip's directory does not match its end record" },
  gap: { zh: (a) => `压缩包的各部分之间有多余的数据${part(a)}${at(a)}`, en: (a) => `there are stray bytes between the zip's parts${part(a)}${atEn(a)}` },
  overlap: { zh: (a) => `压缩包的部分${part(a)}与其他部分重叠`, en: (a) => `the zip's part${part(a)} overlaps another` },
  order: { zh: (a) => `压缩包的部分${part(a)}与目录的顺序不一致`, en: (a) => `the zip's part${part(a)} is out of the directory's order` },
  'local-header': { zh: (a) => `压缩包的部分${part(a)}的本地文件头与目录不一致`, en: (a) => `the local header of the zip's part${part(a)} disagrees with its directory` },
  duplicate: { zh: (a) => `压缩包中${part(a)} 出现两次`, en: (a) => `the zip holds${part(a)} twice` },
  encrypted: { zh: (a) => `压缩包的部分${part(a)}已加密`, en: (a) => `the zip's part${part(a)} is encrypted` },
  method: { zh: (a) => `压缩包的部分${part(a)}的压缩方式无法识别或数据损坏`, en: (a) => `the zip's part${part(a)} is compressed in an unknown way or damaged` },
};

/** What a sheet holds beyond a form's bounds (sheet-bounds.ts); the part and cell are in the place. */
const BOUNDS: Record<string, { zh: (a: Record<string, string | number>) => string; en: (a: Record<string, string | number>) => string }> = {
  rows: { zh: (a) => `行数超过 ${a.limit}，填报表至多 ${a.limit} 行`, en: (a) => `it has more than ${a.limit} rows; a form has at most ${a.limit}` },
  row: { zh: (a) => `用到第 ${a.value} 行，填报表至多 ${a.limit} 行；请删除表格以下的内容`, en: (a) => `it reaches row ${a.value}; a form has at most ${a.limit} rows. Delete what is below the table` },
  column: { zh: (a) => `用到第 ${a.value} 列，填报表至多 ${a.limit} 列；请删除表格右侧的内容`, en: (a) => `it reaches column ${a.value}; a form has at most ${a.limit} columns. Delete what is right of the table` },
  cells: { zh: (a) => `单元格超过 ${a.limit} 个，填报表不会有这么多`, en: (a) => `it has more than ${a.limit} cells, which no form has` },
  area: { zh: (a) => `合并或设置了数据验证的区域超过 ${a.limit} 个单元格`, en: (a) => `its merged or validated ranges cover more than ${a.limit} cells` },
  elements: { zh: (a) => `工作簿的 XML 元素超过 ${a.limit} 个，填报表不会有这么多`, en: (a) => `the workbook holds more than ${a.limit} XML elements, which no form does` },
  ref: { zh: (a) => `“${a.value}” 不是有效的单元格地址`, en: (a) => `"${a.value}" is not a cell reference` },
  text: { zh: (a) => `一段内容长达 ${a.value} KB，超过上限 ${a.limit} KB（一个单元格至多 20000 字）`, en: (a) => `a run of text is ${a.value} KB, over the limit of ${a.limit} KB (a cell holds at most 20,000 characters)` },
};

/** `file sheet!cell: message`, made safe to print. */
export function formProblemText(p: FormProblem, file: string, lang: Lang): string {
  const text = MESSAGES[p.code];
  const message = text ? text[lang](p.args, lang) : `${p.code} ${JSON.stringify(p.args)}`;
  const place = p.sheet === undefined ? '' : ` ${p.sheet}${p.cell === undefined ? '' : `!${p.cell}`}`;
  return safeText(`${file}${place}: ${message}`);
}
