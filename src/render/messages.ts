/**
 * Every word the tool prints, in Chinese and English. Diagnostics are data
 * (code + args); this is the one place that turns them into sentences.
 */
import type { Diagnostic } from '../diagnostic.js';
import { countOf } from './labels.js';
import type { Lang } from './lang.js';

type Template = (a: Record<string, string | number>) => string;

const hint = (a: Record<string, string | number>, lang: Lang): string =>
  a.hint === undefined ? '' : lang === 'zh' ? `（是否指 ${a.hint}？）` : ` (did you mean ${a.hint}?)`;

const DIAGNOSTICS: Record<string, { zh: Template; en: Template }> = {
  'file-missing': { zh: () => '缺少此文件。每个计划目录都需要 plan.yaml 和 units.yaml。', en: () => 'this file is missing; every plan folder needs plan.yaml and units.yaml' },
  'file-unreadable': { zh: (a) => `无法读取此文件（${reasonWords(a.reason, 'zh')}），请检查权限。`, en: (a) => `the file cannot be read (${reasonWords(a.reason, 'en')}); check its permissions` },
  'not-a-file': { zh: () => '这里应为 YAML 文件，实际是目录或特殊文件。', en: () => 'a YAML file is expected here, but this is a folder or a special file' },
  'not-a-folder': { zh: () => '这里应为目录。', en: () => 'a folder is expected here' },
  'file-too-large': { zh: (a) => `文件过大（${a.size} 字节，上限 ${a.limit}）。请拆分文件。`, en: (a) => `the file is too large (${a.size} bytes, limit ${a.limit}); split it` },
  'file-name-not-utf8': {
    zh: () => '文件名不是有效的 UTF-8 编码，无法读取。请用 UTF-8 重新命名该文件（如 单位编号.yaml）。',
    en: () => 'the file name is not valid UTF-8, so the file cannot be read; rename it in UTF-8 (e.g. <unit id>.yaml)',
  },
  'file-binary': { zh: () => '这是二进制文件，不是 YAML 文本（含 NUL 字节）。', en: () => 'this is a binary file, not YAML text (it contains a NUL byte)' },
  'file-not-utf8': { zh: () => '文件不是有效的 UTF-8 编码。请以 UTF-8 另存。', en: () => 'the file is not valid UTF-8; save it as UTF-8' },
  'file-empty': { zh: () => '文件为空（或只有注释）。', en: () => 'the file is empty (or holds only comments)' },
  'schema-required': { zh: (a) => `${a.where} 缺少必填字段 “${a.property}”。`, en: (a) => `${a.where}: the required field "${a.property}" is missing` },
  'schema-unknown-property': { zh: (a) => `未知字段 “${a.property}”（位于 ${a.where}），请检查拼写。`, en: (a) => `unknown field "${a.property}" in ${a.where}; check the spelling` },
  'schema-type': { zh: (a) => `${a.where} 的类型应为 ${typeZh(String(a.expected))}。`, en: (a) => `${a.where} must be ${typeEn(String(a.expected))}` },
  'schema-enum': { zh: (a) => `${a.where} 只能取以下值之一：${a.allowed}。`, en: (a) => `${a.where} must be one of: ${a.allowed}` },
  'schema-pattern': { zh: (a) => `${a.where} 应为${patternZh(String(a.kind))}。`, en: (a) => `${a.where} must be ${patternEn(String(a.kind))}` },
  schema: { zh: (a) => `${a.where}：${a.detail}`, en: (a) => `${a.where}: ${a.detail}` },
  'duplicate-unit-id': { zh: (a) => `单位或分组编号 “${a.id}” 重复。`, en: (a) => `the unit or group id "${a.id}" is used twice` },
  'duplicate-unit-name': { zh: (a) => `名称 “${a.name}” 同时指 ${a.other} 和 ${a.id}，无法区分。`, en: (a) => `the name "${a.name}" means both ${a.other} and ${a.id}` },
  'duplicate-task-id': { zh: (a) => `任务编号 “${a.id}” 重复（首次出现于 ${a.first}）。`, en: (a) => `the task id "${a.id}" is used twice (first in ${a.first})` },
  'unknown-unit': { zh: (a) => `未知的单位或分组 “${a.id}”${hint(a, 'zh')}。请在 units.yaml 中登记。`, en: (a) => `unknown unit or group "${a.id}"${hint(a, 'en')}; add it to units.yaml` },
  'unit-name-not-id': {
    zh: (a) => `“${a.value}” 是单位名称，此处应写单位编号${hint(a, 'zh')}。plan check --fix 可把名称改为编号。`,
    en: (a) => `"${a.value}" is a unit's name where its id belongs${hint(a, 'en')}; plan check --fix writes the ids`,
  },
  'group-no-members': {
    zh: (a) => `分组 ${a.group}（${a.name}）没有成员，其任务无人承担。请在 members 下列出它包含的单位。`,
    en: (a) => `the group ${a.group} (${a.name}) has no members, so its tasks fall to nobody; list its units under members`,
  },
  'task-no-unit': {
    zh: (a) => `任务 ${a.task} 的承担单位（${a.owners}）都是没有成员的分组，实际没有任何单位负责。`,
    en: (a) => `task ${a.task}: its owners (${a.owners}) are groups without members, so no unit is assigned`,
  },
  'task-no-owner': { zh: (a) => `任务 ${a.task} 没有牵头单位也没有责任单位。`, en: (a) => `task ${a.task} has neither a lead nor a responsible unit` },
  'task-no-deadline': {
    zh: (a) => `任务 ${a.task} 没有完成时限。请填写 deadline；若原文确无时限，写 ongoing: true 并注明 reviewOn 与 deadlineNote。`,
    en: (a) => `task ${a.task} has no deadline; add one, or if the source gives none, mark it ongoing: true with reviewOn and deadlineNote`,
  },
  'task-deadline-and-ongoing': { zh: (a) => `任务 ${a.task} 既有完成时限又标记为 ongoing，只能二选一。`, en: (a) => `task ${a.task} has a deadline and is marked ongoing; choose one` },
  'task-ongoing-incomplete': { zh: (a) => `任务 ${a.task} 标记为无时限（ongoing），但缺少 ${a.missing}。`, en: (a) => `task ${a.task} is marked ongoing but lacks ${a.missing}` },
  'title-too-long': { zh: (a) => `任务 ${a.task} 的标题有 ${a.length} 个字，上限 ${a.limit}。请缩短，正文写入 text。`, en: (a) => `task ${a.task}: the title has ${a.length} characters, more than ${a.limit}; shorten it and put the rest in text` },
  'text-too-long': { zh: (a) => `任务 ${a.task} 的正文有 ${a.length} 个字，上限 ${a.limit}。`, en: (a) => `task ${a.task}: the text has ${a.length} characters, more than ${a.limit}` },
  'invalid-date': { zh: (a) => `“${a.value}” 不是真实存在的日期。`, en: (a) => `"${a.value}" is not a real calendar date` },
  'unknown-timezone': { zh: (a) => `未知时区 “${a.value}”，应为 IANA 时区名，如 Asia/Shanghai。`, en: (a) => `unknown time zone "${a.value}"; use an IANA name such as Asia/Shanghai` },
  'no-checkpoints': {
    zh: () => '计划没有任何报送节点（checkpoints 为空）：不会要求任何单位报送进展。请对照原文的报送要求，在 plan.yaml 的 checkpoints 中添加，固定日期写作 - { date: 2026-06-30, reporters: [leads], recipient: <接收单位 id> }，按月报送写作 - { every: month, day: 5, reporters: [leads], recipient: <接收单位 id> }（按季度为 every: quarter）。',
    en: () => 'the plan has no checkpoint (checkpoints is empty): no unit is asked to report; add the reporting dates the document sets under checkpoints in plan.yaml, a date as - { date: 2026-06-30, reporters: [leads], recipient: <receiving unit id> }, a monthly report as - { every: month, day: 5, reporters: [leads], recipient: <receiving unit id> } (every: quarter for quarterly)',
  },
  'deadline-outside-span': {
    zh: (a) => `任务 ${a.task} 的完成时限 ${a.deadline} 不在计划期内（${a.start} 至 ${a.end || '…'}）。`,
    en: (a) => `task ${a.task}: the deadline ${a.deadline} lies outside the plan's span (${a.start} to ${a.end || '…'})`,
  },
  'status-file-name': { zh: (a) => `文件名对应单位 “${a.stem}”，但文件内写的是 “${a.unit}”。`, en: (a) => `the file name says unit "${a.stem}" but the file says "${a.unit}"` },
  'status-unknown-task': { zh: (a) => `没有编号为 “${a.task}” 的任务${hint(a, 'zh')}。`, en: (a) => `there is no task "${a.task}"${hint(a, 'en')}` },
  'status-not-assigned': { zh: (a) => `任务 ${a.task} 未分配给 ${a.unit}（既非牵头也非责任单位）。`, en: (a) => `task ${a.task} is not assigned to ${a.unit} (neither lead nor responsible)` },
  'done-no-completed': { zh: (a) => `任务 ${a.task} 标记为已完成，但没有完成日期（completed）。`, en: (a) => `task ${a.task} is done but has no completion date (completed)` },
  'deadline-workdays-no-calendar': {
    zh: (a) => `任务 ${a.task} 的完成时限按工作日计算，但 plan.yaml 未设定工作日历。请在 plan.yaml 中写 calendar: cn。`,
    en: (a) => `task ${a.task}: the deadline counts working days, but plan.yaml names no working calendar; add calendar: cn to plan.yaml`,
  },
  'deadline-workdays-no-start': {
    zh: (a) => `任务 ${a.task} 的完成时限从 ${a.from === 'signed' ? '成文日期（signed）' : '发布日期（published）'}起算，但 plan.yaml 未写该日期。请补上，或写明起算日期（from: YYYY-MM-DD）。`,
    en: (a) => `task ${a.task}: the deadline counts from the ${a.from === 'signed' ? 'signing date (signed)' : 'publishing date (published)'}, which plan.yaml does not give; add it, or give the start date (from: YYYY-MM-DD)`,
  },
  'setting-needs-calendar': {
    zh: (a) => `${a.setting} 需要工作日历：请在 plan.yaml 中写 calendar: cn，或删去 ${a.setting}。`,
    en: (a) => `${a.setting} needs a working calendar: add calendar: cn to plan.yaml, or remove ${a.setting}`,
  },
  'deadline-on-day-off': {
    zh: (a) => `任务 ${a.task} 的完成时限 ${a.date} 是法定节假日（${a.holiday}）。如应顺延至下一个工作日，请在 plan.yaml 中写 onHoliday: next-workday；保留原日期则可忽略此提示。`,
    en: (a) => `task ${a.task}: the deadline ${a.date} falls on a public holiday (${a.holidayEn}); to move deadlines off days off to the next working day, set onHoliday: next-workday in plan.yaml, or keep the date and ignore this`,
  },
  'checkpoint-on-holiday': {
    zh: (a) => `报送节点 ${a.date} 是法定节假日（${a.holiday}）。请核对日期。`,
    en: (a) => `the checkpoint ${a.date} falls on a public holiday (${a.holidayEn}); check the date`,
  },
  'calendar-year-uncovered': {
    zh: (a) => `${a.what}：${a.years} 年的节假日和调休安排尚无数据（${a.source}），该年的日期和工作日未经核实，不能按周一至周五计算。请更新 chinese-days（npm update chinese-days），或在 plan/holidays.yaml 中录入该年安排并写入 years。`,
    en: (a) => `${a.what}: there is no holiday and make-up day data for ${a.yearsEn} (${a.source}); dates and working days in it are unverified, not Monday to Friday. Update chinese-days (npm update chinese-days), or enter the year in plan/holidays.yaml and list it under years`,
  },
  'checkpoint-date-or-every': {
    zh: (a) => `第 ${a.entry} 个报送节点应写日期（date）或周期（every），二者只写其一。`,
    en: (a) => `checkpoint ${a.entry}: give either a date or a recurrence (every), not both or neither`,
  },
  'checkpoint-day-without-every': {
    zh: (a) => `第 ${a.entry} 个报送节点写了日期，day、offset、from、until 只用于周期（every）。`,
    en: (a) => `checkpoint ${a.entry} has a date: day, offset, from and until belong to a recurrence (every)`,
  },
  'checkpoint-day-and-offset': {
    zh: (a) => `第 ${a.entry} 个报送节点同时写了 day 和 offset，只能写其一。`,
    en: (a) => `checkpoint ${a.entry}: give day or offset, not both`,
  },
  'checkpoint-no-start': {
    zh: (a) => `第 ${a.entry} 个报送节点按周期重复，但不知从何时开始：请在 plan.yaml 中写 span.start 或 signed，或给该节点写 from。`,
    en: (a) => `checkpoint ${a.entry} recurs but has no start: give span.start or signed in plan.yaml, or from on the checkpoint`,
  },
  'checkpoint-no-end': {
    zh: (a) => `第 ${a.entry} 个报送节点按周期重复，但不知到何时为止：请在 plan.yaml 中写 span.end，或给该节点写 until。`,
    en: (a) => `checkpoint ${a.entry} recurs but has no end: give span.end in plan.yaml, or until on the checkpoint`,
  },
  'holiday-date-or-range': {
    zh: () => '每一项应写 date，或写 from 和 to（连续几天），二者只写其一。',
    en: () => 'each day needs a date, or from and to (a run of days), not both',
  },
  'holiday-range-backwards': { zh: (a) => `起止日期颠倒：${a.from} 晚于 ${a.to}。`, en: (a) => `the range runs backwards: ${a.from} is after ${a.to}` },
  'holiday-and-workday': { zh: (a) => `${a.date} 同时列为放假日和调休上班日，只能是其一。`, en: (a) => `${a.date} is listed both as a day off and as a working day` },
  'plan-signed-missing': { zh: () => '缺少成文日期（signed）：原文未写明，请按原件填写。', en: () => 'no signing date (signed): the document did not show it; fill it in from the original' },
  'group-members-unknown': {
    zh: (a) => `分组 ${a.group}（${a.name}）的成员未知：原文未列出。用 plan group add ${a.group} <单位> 逐个加入，列全后运行 plan group complete ${a.group}。`,
    en: (a) => `group ${a.group} (${a.name}) has unknown members: the document does not list them; add each with plan group add ${a.group} <unit>, then plan group complete ${a.group} once the list is whole`,
  },
  'group-members-incomplete': {
    zh: (a) => `分组 ${a.group}（${a.name}）已列 ${a.count} 个成员，尚未确认完整：列全后运行 plan group complete ${a.group}（或删除 membersUnknown）。`,
    en: (a) => `group ${a.group} (${a.name}) lists ${a.count} members but is not confirmed complete: once every member is listed, run plan group complete ${a.group} (or remove membersUnknown)`,
  },
  'done-no-evidence': { zh: (a) => `任务 ${a.task} 已完成，但未提供佐证材料（evidence）。`, en: (a) => `task ${a.task} is done but lists no evidence` },
  'completed-after-as-of': { zh: (a) => `任务 ${a.task} 的完成日期 ${a.completed} 晚于统计日期 ${a.asOf}。`, en: (a) => `task ${a.task}: the completion date ${a.completed} is after the as-of date ${a.asOf}` },
  'completed-in-future': {
    zh: (a) => `任务 ${a.task} 的完成日期 ${a.completed} 在今天（${a.today}）之后。请改为实际完成日期。`,
    en: (a) => `task ${a.task}: the completion date ${a.completed} is in the future (today is ${a.today}); write the day it was done`,
  },
  'review-not-required': {
    zh: (a) => `任务 ${a.task} 有审核记录，但 plan.yaml 未要求审核（review: required），这些记录不起作用。`,
    en: (a) => `task ${a.task} has review decisions, but plan.yaml does not ask for review (review: required); they have no effect`,
  },
  'review-out-of-order': { zh: (a) => `任务 ${a.task} 的审核记录 ${a.date} 早于前一条（${a.previous}），应按日期先后排列。`, en: (a) => `task ${a.task}: the review decision of ${a.date} comes before the previous one (${a.previous}); keep them in date order` },
  'reopen-without-decision': { zh: (a) => `任务 ${a.task} 在 ${a.date} 重新审核，但此前没有可撤销的审核决定。`, en: (a) => `task ${a.task}: reopened on ${a.date}, but there is no earlier decision to take back` },
  'review-without-claim': {
    zh: (a) => `任务 ${a.task} 的审核决定（${a.decision}，${a.date}）没有对应的报结记录${a.claim ? `：${a.claim} 没有记录单位报完成或不适用` : ''}。审核只能针对单位的报结。`,
    en: (a) => `task ${a.task}: the decision (${a.decision}, ${a.date}) is about no claim${a.claim ? `: nothing records the unit claiming done or not applicable on ${a.claim}` : ''}; the office decides only about a unit's claim`,
  },
  'review-before-claim': { zh: (a) => `任务 ${a.task} 的审核日期 ${a.date} 早于所审核的报结日期 ${a.claim}。`, en: (a) => `task ${a.task}: decided on ${a.date}, before the claim of ${a.claim} it decides` },
  'review-reason-missing': { zh: (a) => `任务 ${a.task} 的审核记录（${a.decision}）须写明理由（reason）。`, en: (a) => `task ${a.task}: a ${a.decision} decision needs a reason` },
  'extension-reason-missing': { zh: (a) => `任务 ${a.task} 的延期记录缺少理由：申请须写 reason，不予延期须写 decisionReason。`, en: (a) => `task ${a.task}: an extension record lacks its reason (reason for a request, decisionReason for a refusal)` },
  'extension-not-later': { zh: (a) => `任务 ${a.task} 的延期日期 ${a.to} 不晚于原完成时限 ${a.deadline}。`, en: (a) => `task ${a.task}: the extension to ${a.to} is not later than the deadline ${a.deadline}` },
  'extension-answer-without-decision': {
    zh: (a) => `任务 ${a.task} 的延期申请（${a.requested}）有审批日期、审批人或批准日期，却没有 decision（granted 或 denied）。`,
    en: (a) => `task ${a.task}: the request of ${a.requested} has an answer's date, author or date granted but no decision (granted or denied)`,
  },
  'extension-decision-undated': { zh: (a) => `任务 ${a.task} 的延期审批（${a.decision}）缺少审批日期（decided）。`, en: (a) => `task ${a.task}: the extension decision (${a.decision}) has no date (decided)` },
  'extension-decided-before-request': { zh: (a) => `任务 ${a.task} 的延期审批日期 ${a.decided} 早于申请日期 ${a.requested}。`, en: (a) => `task ${a.task}: the extension was decided on ${a.decided}, before it was requested (${a.requested})` },
  'extension-denied-with-date': { zh: (a) => `任务 ${a.task} 的延期申请未获批准，却写有批准日期（grantedTo）。`, en: (a) => `task ${a.task}: a refused extension has a date granted (grantedTo)` },
  'extension-out-of-order': { zh: (a) => `任务 ${a.task} 的延期申请 ${a.date} 早于前一条（${a.previous}），应按日期先后排列。`, en: (a) => `task ${a.task}: the request of ${a.date} comes before the previous one (${a.previous}); keep them in date order` },
  'extension-two-waiting': { zh: (a) => `任务 ${a.task} 有两条以上未审批的延期申请；每次只能有一条待审批。`, en: (a) => `task ${a.task} has more than one request for more time awaiting an answer; one at a time` },
  'decision-not-by-office': {
    zh: (a) => `提交 ${a.commit}（${a.author}）写入了${a.what}（任务 ${a.task}，${a.date}），但只有办公室维护人可以审核或批复延期。`,
    en: (a) => `commit ${a.commit} (${a.author}) wrote ${a.what} (task ${a.task}, ${a.date}); only the office's maintainers may decide a review or an extension`,
  },
  'not-applicable-no-reason': { zh: (a) => `任务 ${a.task} 标记为不适用，须说明理由（reason）。`, en: (a) => `task ${a.task} is not applicable; give a reason` },
  'yaml-key-not-string': {
    zh: (a) => `键 ${a.key} 会被 YAML 读作数字或其他非文本值（如 3.10 读作 3.1）。请加引号："${a.key}":`,
    en: (a) => `the key ${a.key} is read by YAML as a number or another non-text value (3.10 reads as 3.1); quote it: "${a.key}":`,
  },
  'control-character': {
    zh: (a) => `文件中含字符 ${a.char}（控制字符、零宽字符、双向控制符、分隔符或非字符：可能是终端转义序列、隐藏文字，或使 .docx/.xlsx/HTML 无法打开）。请删除它。`,
    en: (a) => `the file holds the character ${a.char} (a control, zero-width, bidirectional, separator or noncharacter: it may be a terminal escape sequence, hide text, or make a .docx, .xlsx or HTML unreadable); remove it`,
  },
  'control-character-escaped': {
    zh: (a) => `此处的转义写出了字符 ${a.char}（控制字符、零宽字符、双向控制符、分隔符或非字符）：它会隐藏或颠倒文字，或使 .docx/.xlsx/HTML 无法打开。请删除它。`,
    en: (a) => `this escape writes the character ${a.char} (a control, zero-width, bidirectional, separator or noncharacter), which hides or reorders text or makes a .docx, .xlsx or HTML unreadable; remove it`,
  },
  'more-problems': {
    zh: (a) => `此文件还有 ${a.count} 个问题未列出（每个文件最多列出 ${a.shown} 个）。`,
    en: (a) => `${a.count} more problems in this file are not listed (at most ${a.shown} per file)`,
  },
  'yaml-too-complex': {
    zh: (a) => `文件超过 ${a.limit} 个字符，且使用了简单块格式以外的 YAML（流式映射、锚点、多行字符串等）或含有语法错误。请改用 plan update 写出的简单块格式，或拆分文件。`,
    en: (a) => `the file is over ${a.limit} characters and uses YAML beyond the plain block style (flow mappings, anchors, multi-line strings…) or has a syntax error; write it in the plain block style plan update writes, or split it`,
  },
  'yaml-too-deep': { zh: (a) => `嵌套层级过深：${a.detail}`, en: (a) => `nesting too deep: ${a.detail}` },
  'yaml-alias-limit': { zh: (a) => `别名展开过多：${a.detail}`, en: (a) => `too many alias expansions: ${a.detail}` },
  'change-to-other-unit': {
    zh: (a) => `提交 ${a.commit}${a.merge ? '（合并）' : ''} 由 ${a.author} 修改了单位 ${a.unit} 的状态文件，但此人不是该单位或办公室的维护人（${a.owners}）。`,
    en: (a) => `commit ${a.commit}${a.merge ? ' (a merge)' : ''} by ${a.author} changes the status file of ${a.unit}, but the author is not among its maintainers or the office's (${a.owners})`,
  },
  'change-to-office-file': {
    zh: (a) => `提交 ${a.commit}${a.merge ? '（合并）' : ''} 由 ${a.author} 修改了此文件；计划、单位和任务文件只能由办公室维护人（${a.owners}）修改。`,
    en: (a) => `commit ${a.commit}${a.merge ? ' (a merge)' : ''} by ${a.author} changes this file; plan, units and task files are the office's to change (${a.owners})`,
  },
  'commit-unsigned': {
    zh: (a) => `提交 ${a.commit}${a.merge ? '（合并）' : ''}（作者 ${a.author}）没有签名；签名模式下每个提交都须由 units.yaml 登记的 signingKeys 之一签名。`,
    en: (a) => `commit ${a.commit}${a.merge ? ' (a merge)' : ''} (author ${a.author}) is not signed; in signed mode every commit must be signed with one of the signingKeys in units.yaml`,
  },
  'commit-signature-unverified': {
    zh: (a) => `提交 ${a.commit}${a.merge ? '（合并）' : ''}（作者 ${a.author}）的签名无法验证（git 状态 ${a.status}${a.key ? `，密钥 ${a.key}` : ''}）：签名无效、已过期，或密钥不在该提交之前的 units.yaml 所登记的 signingKeys 中。`,
    en: (a) => `commit ${a.commit}${a.merge ? ' (a merge)' : ''} (author ${a.author}) has a signature that does not verify (git status ${a.status}${a.key ? `, key ${a.key}` : ''}): it is bad or expired, or its key is not among the signingKeys units.yaml listed before the commit`,
  },
  'scoring-unknown-event': {
    zh: (a) => `未知的评分事件 “${a.event}”${hint(a, 'zh')}。可用事件：${a.events}。`,
    en: (a) => `unknown scoring event "${a.event}"${hint(a, 'en')}; the events are: ${a.events}`,
  },
  'scoring-per-not-late': { zh: (a) => `事件 ${a.event} 不按天数计，不能写 per（只有 closed-late、open-overdue、report-late 可按天或按周计分）。`, en: (a) => `${a.event} counts no days late, so it takes no per (only closed-late, open-overdue and report-late score per day or week)` },
  'scoring-days-not-late': { zh: (a) => `事件 ${a.event} 不按天数计，不能写 days（只有逾期类事件可按逾期天数分档）。`, en: (a) => `${a.event} counts no days late, so it takes no days band (only the late events have bands)` },
  'scoring-days-below-one': { zh: () => 'days 的 min、max 应为不小于 1 的整数（逾期天数从 1 算起）。', en: () => 'days min and max must be whole numbers of at least 1 (lateness starts at one day)' },
  'scoring-days-empty': { zh: (a) => `days 的 min（${a.min}）大于 max（${a.max}），本规则永不适用。`, en: (a) => `days min (${a.min}) is above max (${a.max}): the rule can never apply` },
  'scoring-cap-not-positive': { zh: (a) => `上限 ${a.cap} 应为正数：写最多可加或扣的分数，如 cap: 10。`, en: (a) => `the cap ${a.cap} must be positive: the most points it lets move either way, e.g. cap: 10` },
  'scoring-cap-without-per': { zh: (a) => `规则（${a.event}）没有 per，每次计分固定，cap 只会把分值截短；按天或按周计分时才需要 cap。`, en: (a) => `this ${a.event} rule has no per, so each occurrence scores its points once; a cap only cuts them short (caps are for per day or per week)` },
  'scoring-floor-above-ceiling': { zh: (a) => `最低分 floor（${a.floor}）高于最高分 ceiling（${a.ceiling}）。`, en: (a) => `floor (${a.floor}) is above ceiling (${a.ceiling})` },
  'scoring-overlap': {
    zh: (a) => `第 ${a.rule} 条规则与第 ${a.other} 条都适用于同一 ${a.event} 事件（角色或逾期天数区间重叠）。请用 role 或 days 把它们分开，或删去其一。`,
    en: (a) => `rule ${a.rule} and rule ${a.other} both apply to the same ${a.event} occurrence (their roles and bands of days meet); set them apart with role or days, or remove one`,
  },
  'change-without-maintainers': {
    zh: (a) => `提交 ${a.commit} 由 ${a.author} 修改了此文件，但 units.yaml 未登记其维护人。请在 units.yaml 中填写单位的 maintainers 和 office.maintainers。`,
    en: (a) => `commit ${a.commit} by ${a.author} changes this file, but units.yaml names no maintainers for it; add maintainers to the unit and office.maintainers in units.yaml`,
  },
};

function typeEn(t: string): string {
  return { string: 'text', array: 'a list', object: 'a mapping (key: value)', boolean: 'true or false', integer: 'a whole number', number: 'a number' }[t] ?? t;
}
function typeZh(t: string): string {
  return { string: '文本', array: '列表', object: '映射（键: 值）', boolean: 'true 或 false', integer: '整数', number: '数字' }[t] ?? t;
}
function patternEn(kind: string): string {
  return { date: 'a date written YYYY-MM-DD', text: 'non-empty text', link: 'a link without spaces', timezone: 'an IANA time zone name', id: 'an ASCII id (letters, digits, - and _)' }[kind] ?? kind;
}
function patternZh(kind: string): string {
  return { date: ' YYYY-MM-DD 格式的日期', text: '非空文本', link: '不含空格的链接', timezone: ' IANA 时区名', id: 'ASCII 编号（字母、数字、- 和 _）' }[kind] ?? kind;
}

export function diagnosticMessage(d: Diagnostic, lang: Lang): string {
  const t = DIAGNOSTICS[d.code];
  if (t) return t[lang](d.args);
  // YAML syntax errors carry the parser's own words.
  if (d.code.startsWith('yaml-')) return lang === 'zh' ? `YAML 语法错误：${d.args.detail}` : `YAML syntax error: ${d.args.detail}`;
  return `${d.code} ${JSON.stringify(d.args)}`;
}

/** Labels for headings, columns and summaries. */
const LABELS = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  problems: { zh: (e: number, w: number) => `共 ${e + w} 个问题（${e} 个错误，${w} 个警告）`, en: (e: number, w: number) => `${e + w} problem${e + w === 1 ? '' : 's'} (${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'})` },
  clean: { zh: (t: number, u: number) => `检查通过：${t} 项任务，${u} 个单位，无问题。`, en: (t: number, u: number) => `plan is clean: ${countOf(t, 'task')}, ${countOf(u, 'unit')}, no problems` },
  fixed: {
    zh: (n: number, files: string[]) => `已把 ${n} 处单位名称改为编号：${files.join('、')}`,
    en: (n: number, files: string[]) => `fixed ${n} unit name${n === 1 ? '' : 's'} written for ${n === 1 ? 'an id' : 'ids'} in ${files.join(', ')}`,
  },
  journalFinished: {
    zh: (files: string[]) => `上一次修改多个文件的命令中途被终止，已先按其日志完成该修改：${files.join('、')}`,
    en: (files: string[]) => `an earlier edit of several files was stopped halfway; it was finished from its journal first: ${files.join(', ')}`,
  },
  authorIsFreeText: {
    zh: '注意：以上按提交的作者字段判断修改人；作者字段可以随意填写，只有代码托管平台的代码所有者（CODEOWNERS）规则能真正约束。要按签名判断，请用 --signed（或在 plan.yaml 中写 ownership: signed）并在 units.yaml 中登记 signingKeys。',
    en: 'note: who made each commit is taken from its author field, which anyone can write; only the forge\'s code owners enforce it. To judge by signature, use --signed (or ownership: signed in plan.yaml) with signingKeys in units.yaml',
  },
  asOfBeforeSigned: {
    zh: (asOf: string, signed: string) => `警告：统计日期 ${asOf} 早于计划成文日期 ${signed}，此前没有任何事项到期。`,
    en: (asOf: string, signed: string) => `warning: the as-of date ${asOf} is before the plan was signed on ${signed}; nothing was due before it`,
  },
  tooManyWarnings: { zh: (n: number, max: number) => `警告数 ${n} 超过上限 --max-warnings ${max}。`, en: (n: number, max: number) => `${countOf(n, 'warning')} exceed${n === 1 ? 's' : ''} --max-warnings ${max}` },
  scoringExampleLeftOut: {
    zh: (file: string) => `未列出考核情况：${file} 是 plan init 写的示例（example: true），不是本单位的考核办法。按本单位办法修改规则后，删去 example: true 一行即采用。`,
    en: (file: string) => `the scores are left out: ${file} is the example plan init wrote (example: true), not your office's scheme. Once its rules are your office's, delete the line example: true to adopt them`,
  },
  scoringExampleRanks: {
    zh: (file: string) => `注意：以下按 ${file} 中的示例规则（example: true）评分，不是本单位的考核办法。按本单位办法修改规则后，删去 example: true 一行即采用。`,
    en: (file: string) => `note: these scores follow the example rules in ${file} (example: true), not your office's scheme. Once its rules are your office's, delete the line example: true to adopt them`,
  },
  codeownersNoMaintainers: { zh: (units: string) => `警告：以下单位未登记维护人（maintainers），其状态文件只能由办公室修改：${units}`, en: (units: string) => `warning: these units have no maintainers, so only the office can change their status files: ${units}` },
  codeownersNoOffice: { zh: (_: string) => '警告：units.yaml 未登记办公室维护人（office.maintainers），计划、单位和任务文件无人负责。', en: (_: string) => 'warning: units.yaml names no office maintainers (office.maintainers); nobody owns the plan, units and task files' },
  codeownersGiteaEmail: { zh: (mails: string) => `警告：Gitea 的 CODEOWNERS 只认用户名和团队，以下邮箱未写入：${mails}`, en: (mails: string) => `warning: Gitea's CODEOWNERS takes user names and teams only; these e-mail addresses are left out: ${mails}` },
} as const;

export function label<K extends keyof typeof LABELS>(key: K, lang: Lang): (typeof LABELS)[K]['en'] {
  return LABELS[key][lang] as (typeof LABELS)[K]['en'];
}

/** File-system errors that are the user's situation, not a bug (see fsUsageError in errors.ts). */
const FS_REASON: Record<string, { zh: string; en: string }> = {
  ENOSPC: { zh: '磁盘已满', en: 'the disk is full' },
  EDQUOT: { zh: '超出磁盘配额', en: 'the disk quota is exceeded' },
  EROFS: { zh: '文件系统只读', en: 'the file system is read-only' },
  EACCES: { zh: '没有权限', en: 'permission denied' },
  EPERM: { zh: '不允许此操作', en: 'operation not permitted' },
  EEXIST: { zh: '已存在同名文件', en: 'a file of that name exists' },
  ENOTDIR: { zh: '路径中有一项不是目录', en: 'a part of the path is not a folder' },
  EISDIR: { zh: '这是一个目录', en: 'it is a folder' },
  ELOOP: { zh: '符号链接过多或不允许跟随符号链接', en: 'a symlink is in the way' },
  ENAMETOOLONG: { zh: '路径过长', en: 'the path is too long' },
  EMFILE: { zh: '打开的文件过多', en: 'too many open files' },
  EIO: { zh: '输入输出错误', en: 'an input/output error' },
  ENOENT: { zh: '路径不存在', en: 'no such file or folder' },
  ENFILE: { zh: '系统打开的文件过多', en: 'the system has too many files open' },
  EBUSY: { zh: '文件正被占用', en: 'the file is in use' },
  ETXTBSY: { zh: '文件正被占用', en: 'the file is in use' },
  EAGAIN: { zh: '暂时无法访问，请稍后重试', en: 'it is busy for now; try again' },
  EINVAL: { zh: '该路径不能这样使用', en: 'the path cannot be used this way' },
  ENXIO: { zh: '设备不存在', en: 'no such device' },
  ENODEV: { zh: '设备不存在', en: 'no such device' },
  EFBIG: { zh: '文件过大', en: 'the file is too large' },
  EOVERFLOW: { zh: '文件过大', en: 'the file is too large' },
  ENOTEMPTY: { zh: '目录不为空', en: 'the folder is not empty' },
  EXDEV: { zh: '不能跨磁盘移动', en: 'it cannot be moved across disks' },
  ESTALE: { zh: '网络文件已失效', en: 'the network file is no longer there' },
  ETIMEDOUT: { zh: '操作超时', en: 'it timed out' },
  ECONNRESET: { zh: '连接被重置', en: 'the connection was reset' },
};

/** A reason that may be a system error code (ENOENT) in words; any other text as it is. */
export function reasonWords(reason: string | number | undefined, lang: 'zh' | 'en'): string {
  const r = String(reason ?? '');
  return /^E[A-Z0-9]+$/.test(r) || r === 'error' ? fsReason(r, lang) : r;
}

/** A file-system error code in words; a code not listed is described, never shown bare. */
export function fsReason(code: string, lang: 'zh' | 'en'): string {
  const known = FS_REASON[code];
  if (known) return known[lang];
  if (code === 'error' || code === '') return lang === 'zh' ? '未知的系统错误' : 'an unknown system error';
  return lang === 'zh' ? `系统错误（代码 ${code}）` : `a system error (code ${code})`;
}

type UsageText = (a: Record<string, string | number>) => [message: string, hint?: string];

/** Mistakes in how the tool was called (UsageError codes), each with what to do. */
const USAGE: Record<string, { zh: UsageText; en: UsageText }> = {
  'plan-changed': {
    zh: (a) => [`计划文件在读取期间被修改：“${a.file}”。`, '输出不完整，请重新运行（多半是有单位正在 plan update）。'],
    en: (a) => [`a plan file changed while it was being read: "${a.file}"`, 'the output is incomplete; run the command again (a unit was probably running plan update)'],
  },
  'no-scoring-rules': {
    zh: (a) => [`没有评分规则文件 “${a.file}”：考核评分的办法由本单位制定，plan-ledger 不替您拟定。`, `请按本单位的考核办法写 ${a.file}，例如：\n${a.example}\n（plan init 会写一个示例；plan check 检查该文件）`],
    en: (a) => [`no scoring rules at "${a.file}": the scheme is your office's to set, and plan-ledger sets none`, `write ${a.file} from your office's scheme, for example:\n${a.example}\n(plan init writes an example; plan check checks the file)`],
  },
  'score-unit-not-scored': {
    zh: (a) => [`${a.unit} 截至 ${a.to} 不参与评分：没有分配给它的任务，也不在任何报送节点报送（或其 since 晚于该日）。`],
    en: (a) => [`${a.unit} is not scored on ${a.to}: no task is assigned to it and it reports at no checkpoint (or its since: is later)`],
  },
  'scoring-range': { zh: (a) => [`--from ${a.from} 晚于 --to ${a.to}。`, '请给出起点不晚于终点的区间。'], en: (a) => [`--from ${a.from} is after --to ${a.to}`, 'give a period whose start is not after its end'] },
  'no-plan-folder': {
    zh: (a) => [`找不到计划目录 “${a.dir}”。`, '请在计划仓库根目录运行，或用 --plan <目录> 指定。'],
    en: (a) => [`no plan folder at "${a.dir}"`, 'run this in the plan repository, or name the folder with --plan <dir>'],
  },
  'no-plan-found': {
    zh: (a) => [`找不到计划目录：${a.from} 及其上级各目录中都没有 plan/plan.yaml。`, '请在计划仓库内运行，或用 --plan <目录> 指定。'],
    en: (a) => [`no plan folder: looked for plan/plan.yaml in ${a.from} and every folder above it`, 'run this inside a plan repository, or name the folder with --plan <dir>'],
  },
  'unknown-unit': {
    zh: (a) => [`未知的单位 “${a.name}”${a.hint ? `，是否指 “${a.hint}”？` : '。'}`, '单位可写编号、全称、简称或别名（见 plan/units.yaml）。'],
    en: (a) => [`unknown unit "${a.name}"${a.hint ? `; did you mean "${a.hint}"?` : ''}`, 'name a unit by its id, full name, short name or alias (see plan/units.yaml)'],
  },
  'unknown-section': {
    zh: (a) => [`计划中没有 “${a.section}” 这一部分。`, `可选的部分：${a.sections}`],
    en: (a) => [`the plan has no section "${a.section}"`, `its sections: ${a.sections}`],
  },
  'unit-is-group': { zh: (a) => [`“${a.name}” 是分组，请指定其中一个单位。`], en: (a) => [`"${a.name}" is a group; name one of its units`] },
  'unknown-task': {
    zh: (a) => [`没有编号为 “${a.task}” 的任务${a.hint ? `，是否指 ${a.hint}？` : '。'}`],
    en: (a) => [`there is no task "${a.task}"${a.hint ? `; did you mean ${a.hint}?` : ''}`],
  },
  'review-no-claim': {
    zh: (a) => [`${a.unit} · ${a.task} 没有待审核的报结（现为 ${a.state}${a.review ? `，${a.review}` : ''}）。`, 'plan review --pending 列出待审核的事项。'],
    en: (a) => [`${a.unit} · ${a.task} has no claim awaiting review (it is ${a.state}${a.review ? `, ${a.review}` : ''})`, 'plan review --pending lists what awaits review'],
  },
  'review-nothing-to-reopen': {
    zh: (a) => [`${a.unit} · ${a.task} 没有可重新审核的决定（尚未审核、已重新审核，或退回后单位已重新报结）。`],
    en: (a) => [`${a.unit} · ${a.task} has no decision to reopen (none yet, reopened already, or the unit has claimed again since the return)`],
  },
  'review-needs-action': {
    zh: () => ['请指定一种操作：--accept、--return、--reopen、--grant-extension 或 --deny-extension；或用 --pending 查看待审核事项。', 'plan review 县财政局 2.1.3 --accept'],
    en: () => ['name one action: --accept, --return, --reopen, --grant-extension or --deny-extension; or list the queue with --pending', 'plan review 县财政局 2.1.3 --accept'],
  },
  'review-one-action': { zh: (a) => [`一次只能做一种操作（给出了：${a.actions}）。`], en: (a) => [`one action at a time (given: ${a.actions})`] },
  'review-needs-reason': { zh: (a) => [`${a.action} 须用 --reason 写明理由。`], en: (a) => [`${a.action} needs a reason: --reason "…"`] },
  'review-needs-target': {
    zh: () => ['请给出单位和任务编号，如 plan review 县财政局 2.1.3 --accept；或用 --pending、--accept-all --unit。'],
    en: () => ['name the unit and the task, e.g. plan review 县财政局 2.1.3 --accept; or use --pending, or --accept-all --unit'],
  },
  'review-accept-all-needs-unit': { zh: () => ['--accept-all 须用 --unit 指定单位。'], en: () => ['--accept-all needs --unit <unit>'] },
  'review-not-required': {
    zh: () => ['本计划不要求审核（plan.yaml 中 review 不是 required），单位报完成即为完成。', '如需审核，请在 plan.yaml 中写 review: required。'],
    en: () => ['this plan asks for no review (plan.yaml review is not required): a unit’s done is the record', 'to review claims, write review: required in plan.yaml'],
  },
  'withdraw-no-claim': {
    zh: (a) => [`${a.unit} · ${a.task} 没有可撤回的报结：只有尚未审核的完成或不适用可以撤回（现为 ${a.state}）。`],
    en: (a) => [`${a.unit} · ${a.task} has no claim to withdraw: only a done or not applicable the office has not decided can be withdrawn (it is ${a.state})`],
  },
  'extension-no-deadline': { zh: (a) => [`${a.unit} · ${a.task} 没有完成时限，无需申请延期。`], en: (a) => [`${a.unit} · ${a.task} has no deadline to extend`] },
  'extension-closed': { zh: (a) => [`${a.unit} · ${a.task} 已报结（${a.state}），无需申请延期。`], en: (a) => [`${a.unit} · ${a.task} is claimed closed (${a.state}); there is nothing to extend`] },
  'extension-waiting': { zh: (a) => [`${a.unit} · ${a.task} 已有一条延期申请待审批；请等办公室答复。`], en: (a) => [`${a.unit} · ${a.task} has a request for more time awaiting the office already`] },
  'extension-not-later': { zh: (a) => [`延期至 ${a.to} 不晚于现行时限 ${a.deadline}。`], en: (a) => [`${a.to} is not later than the deadline in force, ${a.deadline}`] },
  'extension-late': {
    zh: (a) => [`${a.unit} · ${a.task} 的时限 ${a.deadline} 已过（${a.asOf}）：延期应在到期前申请。`, '确需逾期后申请，请加 --late（将注明为逾期申请）。'],
    en: (a) => [`the deadline of ${a.unit} · ${a.task}, ${a.deadline}, has passed (${a.asOf}): ask before it passes`, 'to ask all the same, add --late (the request is shown as late)'],
  },
  'extension-no-request': { zh: (a) => [`${a.unit} · ${a.task} 没有待审批的延期申请。`, 'plan extend 记录单位的申请。'], en: (a) => [`${a.unit} · ${a.task} has no request for more time awaiting an answer`, 'plan extend records a unit’s request'] },
  'extension-needs-to': { zh: () => ['请用 --to <日期> 写明申请延期至哪天。'], en: () => ['name the date asked for with --to <date>'] },
  'task-not-assigned': {
    zh: (a) => [`任务 ${a.task} 未分配给 ${a.unit}。`, `plan checklist ${a.unitId} 列出它的任务。`],
    en: (a) => [`task ${a.task} is not assigned to ${a.unit}`, `plan checklist ${a.unitId} lists its tasks`],
  },
  'nothing-to-change': {
    zh: () => ['没有要修改的内容。', '请给出 --state、--progress、--evidence、--completed 或 --reason。'],
    en: () => ['nothing to change', 'give --state, --progress, --evidence, --completed or --reason'],
  },
  'lock-timeout': {
    zh: (a) => [`无法锁定 ${a.file}：另一个 plan update（进程 ${a.holder}）正在写入。`, `请稍后重试；若该进程已不存在，删除 ${a.lockFile}。`],
    en: (a) => [`could not lock ${a.file}: another plan update (process ${a.holder}) is writing it`, `try again in a moment; if that process is gone, delete ${a.lockFile}`],
  },
  'status-unreadable': { zh: (a) => [`无法读取 ${a.file}（${reasonWords(a.reason, 'zh')}）。`], en: (a) => [`cannot read ${a.file} (${reasonWords(a.reason, 'en')})`] },
  'checklist-needs-unit': {
    zh: () => ['请指定单位，或使用 --all。', 'plan checklist 县财政局 · plan checklist --all --out reports/checklists/'],
    en: () => ['name a unit, or use --all', 'plan checklist 县财政局 · plan checklist --all --out reports/checklists/'],
  },
  'document-not-a-file': {
    zh: (a) => [`${a.file}：不是普通文件（设备、管道或目录），不能导入。`, '请给出保存在磁盘上的文件。'],
    en: (a) => [`${a.file}: not a regular file (a device, pipe or folder); it cannot be imported`, 'name a document saved on disk'],
  },
  'document-too-large': {
    zh: (a) => [`${a.file}：文件大小超过 ${a.limit} MB 的导入上限，未读取。`, '工作方案文件通常不到 5 MB；请确认文件是否正确，或拆分后再导入。'],
    en: (a) => [`${a.file}: larger than the import limit of ${a.limit} MB; not read`, 'a work-plan document is usually under 5 MB; check it is the right file, or split it'],
  },
  'document-old-office': {
    zh: (a) => [`${a.file}：这是旧版 Word/WPS/Excel 二进制文件（.doc/.wps/.xls/.et），无法直接读取。`, `请另存为 .docx/.xlsx，或运行：soffice --headless --convert-to docx "${a.file}"`],
    en: (a) => [`${a.file}: an old binary Word/WPS/Excel file (.doc/.wps/.xls/.et), which is not read directly`, `save it as .docx/.xlsx, or convert it: soffice --headless --convert-to docx "${a.file}"`],
  },
  'document-rtf': {
    zh: (a) => [`${a.file}：这是 RTF 文件，无法直接读取。`, `请另存为 .docx，或运行：soffice --headless --convert-to docx "${a.file}"`],
    en: (a) => [`${a.file}: an RTF file, which is not read directly`, `save it as .docx, or convert it: soffice --headless --convert-to docx "${a.file}"`],
  },
  'document-zip': {
    zh: (a) => [`${a.file}：这是压缩包，不是 .docx 或 .xlsx 文档。`, '请解压后导入其中的文档。'],
    en: (a) => [`${a.file}: a zip archive, not a .docx or .xlsx document`, 'unpack it and import the document inside'],
  },
  'document-needs-ocr': {
    zh: (a) => [`${a.file}：PDF 中没有文字层（可能是扫描件），无法读取文字。`, '请先做文字识别（OCR，例如 ocrmypdf --language chi_sim），或取得原始 Word/网页版本后再导入。'],
    en: (a) => [`${a.file}: the PDF has no text layer (a scan?), so there is no text to read`, 'run OCR on it first (e.g. ocrmypdf --language chi_sim), or import the Word or web version instead'],
  },
  'document-inflates-too-much': {
    zh: (a) => [`${a.file}：解压后超过 ${a.limit} MB，未读取。`, '请确认文件是否正确。'],
    en: (a) => [`${a.file}: it inflates to more than ${a.limit} MB; not read`, 'check it is the right file'],
  },
  'document-corrupt': {
    zh: (a) => [`${a.file}：${a.form} 文件已损坏或无法解析（${a.detail}）。`, '请用 Word/WPS 打开后重新保存，或另存为其他格式后导入。'],
    en: (a) => [`${a.file}: the ${a.form} file is damaged or cannot be parsed (${a.detail})`, 'open and save it again in Word/WPS, or save it in another form and import that'],
  },
  'import-needs-out': { zh: () => ['请用 --out <目录> 指定输出目录，或用 --dry-run 预览。'], en: () => ['name the folder to write with --out <dir>, or preview with --dry-run'] },
  'document-unreadable': { zh: (a) => [`无法读取文件 “${a.file}”（${reasonWords(a.reason, 'zh')}）。`], en: (a) => [`cannot read "${a.file}" (${reasonWords(a.reason, 'en')})`] },
  'document-binary': {
    zh: (a) => [`${a.file}：这是二进制文件，不是纯文本。`, '请另存为 UTF-8 纯文本。'],
    en: (a) => [`${a.file}: it is a binary file, not plain text`, 'save it as UTF-8 plain text'],
  },
  'document-encoding': {
    zh: (a) => [a.encoding ? `${a.file}：内容不是有效的 ${a.encoding} 编码。` : `${a.file}：编码无法识别（既不是 UTF-8 也不是 GB18030/GBK）。`, '请另存为 UTF-8 纯文本，或用 --encoding 指定编码。'],
    en: (a) => [a.encoding ? `${a.file}: it is not valid ${a.encoding}` : `${a.file}: its encoding is neither UTF-8 nor GB18030/GBK`, 'save it as UTF-8 plain text, or name its encoding with --encoding'],
  },
  'out-not-empty': {
    zh: (a) => [`目录 “${a.dir}” 已存在且不为空。`, '换一个目录，或用 --force 覆盖其中的计划文件（status/ 不动）。'],
    en: (a) => [`"${a.dir}" exists and is not empty`, 'choose another folder, or use --force to replace its plan files (status/ is left alone)'],
  },
  'report-unknown-checkpoint': {
    zh: (a) => [`${a.date} 不是本计划的报送节点；报送节点为：${a.checkpoints}。`, '其他日期的报告请给出统计期间：--from <日期> --to <日期>。'],
    en: (a) => [`${a.date} is not a checkpoint of the plan; its checkpoints are ${a.checkpoints}`, 'for a report over another period give --from <date> --to <date>'],
  },
  'report-unit-not-at-checkpoint': {
    zh: (a) => [`${a.unit} 不在 ${a.date} 报送；它的报送节点为：${a.checkpoints}。`, '或用 --from <日期> --to <日期> 给出统计期间。'],
    en: (a) => [`${a.unit} does not report at ${a.date}; it reports at ${a.checkpoints}`, 'or give a period with --from <date> --to <date>'],
  },
  'report-unit-reports-nowhere': {
    zh: (a) => [`${a.unit} 不在本计划的任何报送节点报送（不是报送单位，或是接收单位）。`, '如需该单位某一期间的报告，请用 --from <日期> --to <日期>。'],
    en: (a) => [`${a.unit} reports at no checkpoint of the plan (it is not among the reporters, or it receives the reports)`, 'for a report over a period give --from <date> --to <date>'],
  },
  'report-group-reports-nowhere': {
    zh: (a) => [`“${a.name}” 中没有单位在${a.date ? ` ${a.date} ` : '任何报送节点'}报送。`, '请用 --from <日期> --to <日期> 给出统计期间。'],
    en: (a) => [`no unit of "${a.name}" reports at ${a.date || 'any checkpoint'}`, 'give a period with --from <date> --to <date>'],
  },
  'report-no-checkpoint-ahead': {
    zh: (a) => [`${a.asOf} 之后 ${a.unit} 没有报送节点（其节点为：${a.checkpoints}）。`, '用 --checkpoint <日期> 选一个节点，或用 --from <日期> --to <日期> 给出统计期间。'],
    en: (a) => [`${a.unit} has no checkpoint on or after ${a.asOf} (its checkpoints: ${a.checkpoints})`, 'pick one with --checkpoint <date>, or give a period with --from <date> --to <date>'],
  },
  'report-period-incomplete': { zh: () => ['统计期间须同时给出 --from 和 --to。'], en: () => ['a period needs both --from and --to'] },
  'report-period-order': { zh: (a) => [`--from ${a.from} 晚于 --to ${a.to}。`], en: (a) => [`--from ${a.from} is after --to ${a.to}`] },
  'report-period-and-checkpoint': { zh: () => ['--checkpoint 与 --from/--to 只能二选一。'], en: () => ['give either --checkpoint or --from/--to, not both'] },
  'completed-needs-done': {
    zh: (a) => [`--completed 只用于已完成的任务；任务 ${a.task} 在此次修改后不是已完成。`, '同时给出 --state done，或去掉 --completed。'],
    en: (a) => [`--completed is for a task that is done; task ${a.task} would not be done after this change`, 'add --state done, or leave out --completed'],
  },
  'lock-lost': {
    zh: (a) => [`${a.file} 的锁在写入期间被另一个进程取走；本次修改可能未保存。`, '请用 plan history 核对后重试。'],
    en: (a) => [`the lock on ${a.file} was taken by another process while this one wrote; this change may not be saved`, 'check with plan history and try again'],
  },
  'fs-error': {
    zh: (a) => [`无法${a.op === 'write' ? '写入' : '读取'} ${a.path}：${fsReason(String(a.code), 'zh')}。`, a.op === 'write' ? '没有文件被写成半截；已有文件保持原样。' : '请检查该路径。'],
    en: (a) => [`cannot ${a.op === 'write' ? 'write' : 'read'} ${a.path}: ${fsReason(String(a.code), 'en')}`, a.op === 'write' ? 'no file was left half-written; the file there is as it was' : 'check that path'],
  },
  'docx-needs-out': { zh: () => ['.docx 须写入文件：请用 --out <文件> 指定。'], en: () => ['a .docx is written to a file: name it with --out <file>'] },
  'remind-needs-out': { zh: () => ['.docx 催办通知须写入目录：请用 --out <目录> 指定，或用 --dry-run 预览。'], en: () => ['docx notices are written to a folder: name it with --out <dir>, or preview with --dry-run'] },
  'calendar-needs-unit': { zh: () => ['请用 --unit <单位> 指定单位，或用 --all --out <目录> 为每个单位各写一份。', 'plan calendar --unit 县财政局 --out finance.ics'], en: () => ['name the unit with --unit <unit>, or write one per unit with --all --out <dir>', 'plan calendar --unit 县财政局 --out finance.ics'] },
  'as-of-before-signed': {
    zh: (a) => [`统计日期 ${a.asOf} 早于计划成文日期 ${a.signed}，此前没有任何事项到期，不能据此出具文件。`, '确需出具请加 --force'],
    en: (a) => [`the as-of date ${a.asOf} is before the plan was signed on ${a.signed}; nothing was due before it, so no document is made for it`, 'add --force to make it anyway'],
  },
  'calendar-all-needs-out': { zh: () => ['--all 需要用 --out <目录> 指定写入的目录。', 'plan calendar --all --out calendars/'], en: () => ['--all needs the folder to write into: --out <dir>', 'plan calendar --all --out calendars/'] },
  'calendar-all-and-unit': { zh: () => ['--all 与 --unit 只能用其一。'], en: () => ['give --all or --unit, not both'] },
  'bad-remind-days': { zh: (a) => [`--remind “${a.value}” 应为以逗号分隔的天数，如 7,1。`], en: (a) => [`--remind "${a.value}" must be days separated by commas, e.g. 7,1`] },
  'document-too-many-blocks': {
    zh: (a) => [`文档 “${a.file}”（${a.size} 字节）有 ${a.count} 行正文和表格行，超过导入上限 ${a.limit}。`, '工作方案通常只有几百到几千项任务；请按章节拆分文档后分别导入。'],
    en: (a) => [`the document "${a.file}" (${a.size} bytes) has ${a.count} lines and table rows, more than an import takes (${a.limit})`, 'a work plan has hundreds to a few thousand tasks; split the document by section and import the parts'],
  },
  'site-out-unsafe': {
    zh: (a) => [`不能把网站写入 “${a.dir}”：它是根目录、主目录、顶层目录，或包含当前目录或计划目录。`, '请指定一个专用的子目录，如 --out public/。'],
    en: (a) => [`will not write the site into "${a.dir}": it is the root, the home folder, a top-level folder, or holds the current folder or the plan`, 'name a folder of its own, e.g. --out public/'],
  },
  'site-out-symlink': {
    zh: (a) => [`“${a.link}” 是符号链接：网站不会通过符号链接写入。`, `请删除该链接，或用一个真实目录作为 --out（${a.dir}）。`],
    en: (a) => [`"${a.link}" is a symlink: the site is never written through one`, `remove the link, or name a real folder with --out (${a.dir})`],
  },
  'site-out-foreign': {
    zh: (a) => [`目录 “${a.dir}” 中有 ${a.count} 个文件不是网站写入的（${a.files}）。`, '请换一个空目录；或确认无误后加 --force（这些文件保留不动）。'],
    en: (a) => [`the folder "${a.dir}" holds ${a.count} file(s) the site did not write (${a.files})`, 'name an empty folder, or add --force to write beside them (they are left alone)'],
  },
  'site-needs-out': { zh: () => ['请用 --out <目录> 指定网站目录。', 'plan site --out public/'], en: () => ['name the folder for the site with --out <dir>', 'plan site --out public/'] },
  'cannot-write': {
    zh: (a) => [`无法写入 “${a.file}”（${reasonWords(a.reason, 'zh')}）。`, '请给出一个可写入的文件路径（而不是目录）。'],
    en: (a) => [`cannot write "${a.file}" (${reasonWords(a.reason, 'en')})`, 'name a file you may write to (not a folder)'],
  },
  'units-file-unusable': { zh: (a) => [`--units 文件 “${a.file}” 无法使用（见上）。`], en: (a) => [`the --units file "${a.file}" cannot be used (see above)`] },
  'xlsx-needs-out': { zh: () => ['Excel 工作簿请用 --out <文件> 指定写入位置。', 'plan export --format xlsx --out 台账.xlsx'], en: () => ['a workbook goes to a file: name it with --out <file>', 'plan export --format xlsx --out 台账.xlsx'] },
  'forms-needs-out': { zh: () => ['请用 --out <目录> 指定填报表的写入目录。', 'plan forms --out forms/'], en: () => ['name the folder for the forms with --out <dir>', 'plan forms --out forms/'] },
  'no-checkpoint': {
    zh: (a) => [`${a.asOf} 之后没有报送节点。`, '请用 --checkpoint <日期> 指定报送节点（见 plan.yaml 的 checkpoints）。'],
    en: (a) => [`there is no checkpoint on or after ${a.asOf}`, 'name one with --checkpoint <date> (see checkpoints in plan.yaml)'],
  },
  'unknown-checkpoint': {
    zh: (a) => [`${a.date} 不是本计划的报送节点。`, `报送节点：${a.dates}`],
    en: (a) => [`${a.date} is not a checkpoint of this plan`, `checkpoints: ${a.dates}`],
  },
  'collect-nothing': {
    zh: (a) => [`在 ${a.paths} 中没有找到填报表（.xlsx）。`, 'plan collect forms/ 或 plan collect 县财政局.xlsx'],
    en: (a) => [`no returned form (.xlsx) found in ${a.paths}`, 'plan collect forms/ or plan collect finance.xlsx'],
  },
  'collect-path-missing': { zh: (a) => [`找不到 “${a.path}”。`], en: (a) => [`"${a.path}" does not exist`] },
  'collect-no-secret': {
    zh: (a) => [`此处没有办公室的填报表密钥 ${a.file}，无法核验填报表的签名，未收集任何文件。`, '请在生成填报表的电脑上收集，或把那里的 .plan-ledger/secret 复制到此处（权限 600）；确需不经核验收集时加 --trust-unsigned。'],
    en: (a) => [`the office's form key ${a.file} is not here, so no form's signature can be checked; nothing was collected`, 'collect on the machine that made the forms, or copy its .plan-ledger/secret here (mode 600); to collect without checking, add --trust-unsigned'],
  },
  'secret-unusable': {
    zh: (a) => [`填报表密钥 ${a.file} 无法使用（${a.problem === 'not-a-key' ? '内容不是 plan forms 生成的密钥' : a.problem === 'too-large' ? '文件过大，不是密钥' : a.problem === 'not-a-file' ? '不是普通文件' : fsReason(String(a.problem), 'zh')}）。`, '请从生成填报表的电脑复制原密钥；若已丢失，删除该文件后 plan forms 会生成新密钥，之前发出的填报表须重新生成。'],
    en: (a) => [`the form key ${a.file} cannot be used (${a.problem === 'not-a-key' ? 'it is not a key plan forms made' : a.problem === 'too-large' ? 'it is too large to be a key' : a.problem === 'not-a-file' ? 'it is not a regular file' : fsReason(String(a.problem), 'en')})`, 'copy the key from the machine that made the forms; if it is lost, delete the file: plan forms makes a new key, and forms sent before must be made again'],
  },
  'not-a-git-repository': {
    zh: (a) => [`计划目录 “${a.dir}” 不在 git 仓库中。`, '先运行 git init（或 plan init），或去掉 --since / --commit。'],
    en: (a) => [`the plan folder "${a.dir}" is not in a git repository`, 'run git init (or plan init) first, or leave out --since / --commit'],
  },
  'journal-unusable': {
    zh: (a) => [`无法使用修改日志 “${a.file}”（${a.reason}）。`, '该文件不是本工具写入的完整日志。请用 git status / git diff 检查计划文件，确认无误后删除该日志文件。'],
    en: (a) => [`the edit journal "${a.file}" cannot be used (${a.reason})`, 'it is not a whole journal this tool wrote; check the plan files (git status, git diff) and remove the journal once they are right'],
  },
  'journal-conflict': {
    zh: (a) => [`修改日志 “${a.file}” 未能完成：“${a.changed}” 已被改动，既不是修改前也不是修改后的内容。`, '请用 git status / git diff 检查计划文件，确认无误后删除该日志文件。'],
    en: (a) => [`the edit journal "${a.file}" was not finished: "${a.changed}" has changed since, to neither its old nor its new content`, 'check the plan files (git status, git diff) and remove the journal once they are right'],
  },
  'unknown-revision': {
    zh: (a) => [`git 不认识版本 “${a.rev}”。`, 'CI 中请先获取完整历史（如 fetch-depth: 0 或 GIT_DEPTH: 0），再给出目标分支，如 origin/main。'],
    en: (a) => [`git does not know the revision "${a.rev}"`, 'in CI fetch the whole history first (fetch-depth: 0, GIT_DEPTH: 0) and name the target branch, e.g. origin/main'],
  },
  'git-unavailable': {
    zh: (a) => [`无法运行 git（${a.reason === 'ENOENT' ? '找不到 git 程序' : reasonWords(a.reason, 'zh')}）。`, '请安装 git 并确保它在 PATH 中。'],
    en: (a) => [`cannot run git (${a.reason === 'ENOENT' ? 'no git program was found' : reasonWords(a.reason, 'en')})`, 'install git and put it on PATH'],
  },
  'commit-failed': { zh: (a) => [`已写入 ${a.file}，但 git 提交失败：${a.reason}`, '文件已更新；请手动 git commit。'], en: (a) => [`${a.file} was written, but the git commit failed: ${a.reason}`, 'the file is updated; commit it by hand'] },
  'plan-exists': {
    zh: (a) => [`“${a.dir}” 已有计划，plan init 不会覆盖它。`, '换一个目录；要换掉计划本身，用 plan import <文件> --out plan --force。'],
    en: (a) => [`"${a.dir}" already holds a plan; plan init does not overwrite it`, 'choose another folder; to replace the plan itself use plan import <document> --out plan --force'],
  },
  'init-file-exists': {
    zh: (a) => [`已存在：${a.files}，plan init 不会覆盖。`, '换一个目录，或先移走这些文件。'],
    en: (a) => [`already there: ${a.files}; plan init does not overwrite them`, 'choose another folder, or move these files away first'],
  },
  'bad-unit-id': {
    zh: (a) => [`“${a.id}” 不能作单位编号。`, '编号只用 ASCII 字母、数字、- 和 _，以字母或数字开头，如 finance、town-linkou。'],
    en: (a) => [`"${a.id}" cannot be a unit id`, 'use ASCII letters, digits, - and _, starting with a letter or digit, e.g. finance, town-linkou'],
  },
  'unit-exists': { zh: (a) => [`“${a.id}” 已被某个单位或分组使用（或已有其状态文件）。`, '换一个编号。'], en: (a) => [`"${a.id}" is already a unit or group (or has a status file)`, 'choose another id'] },
  'group-add-unknown-unit': {
    zh: (a) => [`未知的单位 “${a.name}”${a.hint ? `，是否指 “${a.hint}”？` : '。'}`, `单位可写编号、全称、简称或别名（见 plan/units.yaml）。若是新单位，先登记并同时加入本组（请核对全称、编号和类型）：\n  ${a.command}`],
    en: (a) => [`unknown unit "${a.name}"${a.hint ? `; did you mean "${a.hint}"?` : ''}`, `name a unit by its id, full name, short name or alias (see plan/units.yaml); a new unit is added first, to the group at the same time (check its full name, id and kind):\n  ${a.command}`],
  },
  'unknown-group': {
    zh: (a) => [`未知的分组 “${a.name}”${a.hint ? `，是否指 “${a.hint}”？` : '。'}`, '分组可写编号、名称或别名（见 plan/units.yaml 的 groups）。'],
    en: (a) => [`unknown group "${a.name}"${a.hint ? `; did you mean "${a.hint}"?` : ''}`, 'name a group by its id, name or alias (see groups in plan/units.yaml)'],
  },
  'group-complete-empty': {
    zh: (a) => [`分组 ${a.group}（${a.name}）还没有成员，不能确认完整。`, `先用 plan group add ${a.group} <单位> 加入成员。`],
    en: (a) => [`group ${a.group} (${a.name}) has no members yet, so it cannot be complete`, `add them first: plan group add ${a.group} <unit>`],
  },
  'maintainers-whom': {
    zh: () => ['请指定一个单位，或用 --office 指办公室（二者取一）。', '例：plan unit maintainers 县财政局 --add li@example.gov.cn；plan unit maintainers --office --add wang@example.gov.cn'],
    en: () => ['name one unit, or --office for the office (one of the two)', 'e.g. plan unit maintainers finance --add li@example.gov.cn; plan unit maintainers --office --add wang@example.gov.cn'],
  },
  'bad-maintainer': {
    zh: (a) => [`“${a.who}” 不能作维护人。`, '写 git 提交用的邮箱（li@example.gov.cn）或平台用户名（@li-county）。'],
    en: (a) => [`"${a.who}" cannot be a maintainer`, 'write the e-mail address git commits carry (li@example.gov.cn) or a forge user name (@li-county)'],
  },
  'unit-in-use': {
    zh: (a) => [`${a.unit} 仍被直接列为以下任务或报送节点的单位：${a.where}。`, '先在这些任务中改由其他单位承担（或用 plan unit rename 改编号），再删除。'],
    en: (a) => [`${a.unit} is still named by these tasks or checkpoints: ${a.where}`, 'give them to another unit first (or use plan unit rename), then remove it'],
  },
  'plan-file-unusable': { zh: (a) => [`计划文件无法按 YAML 修改：${a.reason}`, '先运行 plan check 并修正。'], en: (a) => [`a plan file cannot be edited as YAML: ${a.reason}`, 'run plan check and fix it first'] },
  'bad-author': { zh: (a) => [`--author “${a.author}” 格式不对。`, '写成 "姓名 <邮箱>"。'], en: (a) => [`--author "${a.author}" is not in the expected form`, 'write it as "Name <mail@example.org>"'] },
};

export function usageMessage(code: string, args: Record<string, string | number>, lang: Lang): { message: string; hint?: string } {
  const text = USAGE[code];
  if (!text) return { message: `${code} ${JSON.stringify(args)}` };
  const [message, hint] = text[lang](args);
  return hint === undefined ? { message } : { message, hint };
}

/** The language asked for on the command line (`--lang zh`, `--lang=zh`), else the locale's, else the plan's. */
export function langOf(argv: readonly string[], env: NodeJS.ProcessEnv, planLang?: Lang): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return langFrom(given, env, planLang);
}

/**
 * `--lang`; else the locale, when it names Chinese or English; else the plan's
 * own default (`lang:` in plan.yaml); else English. The locale is the first of
 * LC_ALL, LC_MESSAGES, LANG that is set (POSIX order); `C`, `POSIX` and
 * `C.UTF-8` name no language, so a clerk on such a machine reads the plan's.
 */
export function langFrom(option: string | undefined, env: NodeJS.ProcessEnv, planLang?: Lang): Lang {
  if (option === 'zh' || option === 'en') return option;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (/^zh/i.test(locale)) return 'zh';
  if (/^en/i.test(locale)) return 'en';
  return planLang ?? 'en';
}
