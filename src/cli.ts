/**
 * The command line: options become typed objects, and each command's module
 * is imported only when that command runs, so start-up stays small.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { isRealDate } from './calendar.js';
import type { Context } from './commands/context.js';
import { ownPackage } from './load/own-package.js';
import { checkpointDates, type PlanLocation } from './load/plan-folder.js';
import { filterWords, lightFromWord, stateFromWord } from './render/labels.js';
import { langFrom, langOf } from './render/messages.js';
import { parserMessage } from './render/parser-messages.js';
import { terminalSafe } from './render/text.js';
import type { Lang } from './render/lang.js';

export interface Ambient {
  argv: string[];
  env: NodeJS.ProcessEnv;
  now: Date;
  /** Where the plan folder is (found before parsing; see load/plan-folder.ts). */
  location?: PlanLocation;
  /** The plan's own language (`lang:` in plan.yaml). */
  planLang?: Lang;
}

// commander writes these headings itself; in Chinese help they are translated on the way out.
const HEADINGS: [RegExp, string][] = [
  [/^Usage:/gm, '用法：'],
  [/^Global Options:/gm, '全局选项：'],
  [/^Options:/gm, '选项：'],
  [/^Commands:/gm, '命令：'],
  [/^Arguments:/gm, '参数：'],
  [/\(default:\s+([^)]*)\)/g, '（默认：$1）'],
  [/\(choices:\s+([^)]*)\)/g, '（可选：$1）'],
  [/,\s+default:\s+/g, '；默认：'],
];

interface GlobalOptions {
  plan?: string;
  asOf?: string;
  lang?: string;
  color: boolean;
  verbose?: boolean;
}

/** The version in package.json, read only when asked for. */
function packageVersion(): string {
  return ownPackage().version;
}

export function buildProgram(ambient: Ambient): Command {
  const lang = langOf(ambient.argv, ambient.env, ambient.planLang);
  const zh = lang === 'zh';
  const w = (en: string, chinese: string): string => (zh ? chinese : en);
  // Examples in help and messages use the plan's own dates, not a year the plan does not cover.
  const today = ambient.now.toISOString().slice(0, 10);
  const exampleCheckpoint = (): string => {
    const dates = ambient.location?.found ? checkpointDates(ambient.location.dir) : [];
    return dates.find((d) => d >= today) ?? dates.at(-1) ?? today;
  };
  const asOfDate = (value: string): string => {
    if (!isRealDate(value)) throw new InvalidArgumentError(w(`expected a real date written YYYY-MM-DD, e.g. ${exampleCheckpoint()}`, `应为真实存在的日期，写作 YYYY-MM-DD，如 ${exampleCheckpoint()}。`));
    return value;
  };
  const wholeNumber = (value: string): number => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(w('expected a whole number', '应为非负整数。'));
    return Number(value);
  };
  // The words the tables show are accepted as well as the ids (render/labels.ts).
  const lightFilter = (value: string): string => {
    const light = lightFromWord(value);
    if (light === undefined) throw new InvalidArgumentError(w(`Allowed: ${filterWords('light', lang)}.`, `可选：${filterWords('light', lang)}。`));
    return light;
  };
  const stateFilter = (value: string): string => {
    const state = stateFromWord(value);
    if (state === undefined) throw new InvalidArgumentError(w(`Allowed: ${filterWords('state', lang)}.`, `可选：${filterWords('state', lang)}。`));
    return state;
  };
  const example = (...lines: string[]): string => `\n${w('Example:', '示例：')}\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
  const out = (s: string): string => (zh ? HEADINGS.reduce((text, [from, to]) => text.replace(from, to), s) : s);
  const program = new Command('plan')
    .description(w('plan-ledger: a county work plan (实施方案) as a ledger (工作台账) of tasks, owners and deadlines', 'plan-ledger：把实施方案变成工作台账——任务、牵头与责任单位、完成时限'))
    .option('--plan <dir>', w('plan folder (default: plan/ here or in the nearest folder above)', '计划目录（默认：当前或最近上级目录中的 plan/）'))
    .option('--as-of <date>', w('the date to report as of, YYYY-MM-DD (default: today in the plan’s time zone)', '统计日期 YYYY-MM-DD（默认：计划时区的今天）'), asOfDate)
    .addOption(new Option('--lang <lang>', w('language of labels and messages (default: the locale’s, else the plan’s lang)', '界面与提示语言（默认：按系统区域设置，否则按计划的 lang）')).choices(['zh', 'en']))
    .option('--no-color', w('no colours (also when NO_COLOR is set or output is not a terminal)', '不用颜色（设置 NO_COLOR 或输出不是终端时也不用）'))
    .option('--verbose', w('show stack traces for errors', '出错时显示调用栈'))
    .version(ambient.argv.some((a) => a === '-V' || a === '--version') ? packageVersion() : '', '-V, --version', w('print the version of plan-ledger', '显示 plan-ledger 的版本'))
    .exitOverride()
    // Every command's help lists the options it takes from `plan` itself.
    .configureHelp({ showGlobalOptions: true })
    .helpOption('-h, --help', w('display help', '显示帮助'))
    .helpCommand('help [command]', w('display help for a command', '显示某个命令的帮助'))
    .showHelpAfterError(w('(run plan --help for usage)', '（运行 plan --help 查看用法）'))
    .configureOutput({
      // commander echoes the arguments it rejects: they may hold escape sequences.
      writeErr: (s) => process.stderr.write(terminalSafe(out(s), false)),
      writeOut: (s) => process.stdout.write(out(s)),
      outputError: (s, write) => write(parserMessage(s, lang)),
    });

  const context = (command: Command): Context => {
    const g = command.optsWithGlobals<GlobalOptions>();
    const stdout = process.stdout;
    const forced = ambient.env.FORCE_COLOR !== undefined && ambient.env.FORCE_COLOR !== '0';
    return {
      planDir: g.plan ?? ambient.location?.dir ?? 'plan',
      ...(g.plan === undefined && ambient.location && !ambient.location.found && { planSearchedFrom: ambient.location.from }),
      ...(g.asOf !== undefined && { asOf: g.asOf }),
      lang: langFrom(g.lang, ambient.env, ambient.planLang),
      color: g.color && !ambient.env.NO_COLOR && (stdout.isTTY === true || forced),
      verbose: g.verbose === true,
      now: ambient.now,
      columns: terminalColumns(ambient.env, stdout.isTTY === true ? stdout.columns : undefined),
    };
  };

  program
    .command('check')
    .description(w('check the plan files: schemas and cross-file rules (for CI)', '检查计划文件：格式与跨文件规则（用于 CI）'))
    .addHelpText('after', example('plan check --format github --max-warnings 0'))
    .addOption(new Option('--format <format>', w('output format', '输出格式')).choices(['stylish', 'json', 'github', 'junit']).default('stylish'))
    .option('--max-warnings <n>', w('fail when there are more warnings than this', '警告多于此数时判为失败'), wholeNumber)
    .option('--since <rev>', w('also check every commit since this revision: status files changed only by their unit’s maintainers or the office, other plan files only by the office', '同时检查该版本以来的每个提交：状态文件只能由本单位维护人或办公室修改，其他计划文件只能由办公室修改'))
    .option('--signed', w('with --since: every commit must be signed by a key units.yaml lists (signingKeys); the key’s owner is judged, not the author', '与 --since 一起：每个提交须由 units.yaml 登记的密钥（signingKeys）签名，按密钥所属判断，而非作者'))
    .option('--fix', w('rewrite unit names and aliases written where an id belongs to the id, then check again', '把误写在编号位置的单位名称或别名改为编号，然后重新检查'))
    .action(async (options, command: Command) => (await import('./commands/check.js')).check(context(command), options));

  const reportFormat = (): Option => new Option('--format <format>', w('output format', '输出格式')).choices(['table', 'json', 'csv', 'md']).default('table');

  program
    .command('status')
    .description(w('deadline table: one row per task with owners, deadline, progress and light', '任务进度表：每项任务的牵头单位、完成时限、进度和状态灯'))
    .addHelpText('after', example(w('plan status --section 二(一) --light overdue', 'plan status --section 二(一) --light 逾期')))
    .addOption(new Option('--format <format>', w('output format (html: one page to open, print or attach)', '输出格式（html：可打开、打印或附送的单页）')).choices(['table', 'json', 'csv', 'md', 'html']).default('table'))
    .option('--unit <unit>', w('only tasks of this unit (id, name or alias)', '只看该单位的任务（编号、名称或别名）'))
    .option('--group <group>', w('only tasks of units in this group', '只看该分组各单位的任务'))
    .option('--section <section>', w('only tasks of this section, e.g. 二(一) or 2.1', '只看该部分的任务，如 二(一) 或 2.1'))
    .option('--light <light>', w('only tasks with this light: a word of the Light column (overdue, due soon, …) or its id (red, yellow, …)', '只看该状态灯的任务：状态灯一栏的词（逾期、临期……）或其编号（red、yellow……）'), lightFilter)
    .option('--state <state>', w('only tasks with an assignment in this state: a word of the tables (in progress, done, …) or its id', '只看有单位处于该进展的任务：表中的词（推进中、已完成……）或其编号'), stateFilter)
    .action(async (options, command: Command) => (await import('./commands/status.js')).status(context(command), options));

  program
    .command('overdue')
    .description(w('every overdue assignment, by unit or by task', '逾期清单：按单位或按任务列出'))
    .addHelpText('after', example('plan overdue --by task --fail'))
    .addOption(reportFormat())
    .addOption(new Option('--by <by>', w('group the list by', '分组方式')).choices(['unit', 'task']).default('unit'))
    .option('--unit <unit>', w('only this unit, or the units of this group', '只看该单位（或该分组各单位）'))
    .option('--fail', w('exit 1 when anything is overdue (for a scheduled CI job)', '有逾期时退出码为 1（用于定时 CI 任务）'))
    .action(async (options, command: Command) => (await import('./commands/overdue.js')).overdue(context(command), options));

  program
    .command('upcoming')
    .description(w('what falls due soon, by date', '即将到期：按日期列出'))
    .addHelpText('after', example('plan upcoming --within 30'))
    .addOption(reportFormat())
    .option('--within <days>', w('days ahead (default: the plan’s warning window)', '往后多少天（默认：计划的预警天数）'), wholeNumber)
    .action(async (options, command: Command) => (await import('./commands/upcoming.js')).upcoming(context(command), options));

  program
    .command('checklist')
    .description(w('everything one unit must do, with the checkpoints it reports at', '单位任务清单：该单位的全部任务与报送节点'))
    .addHelpText('after', example(w('plan checklist 县财政局', 'plan checklist 县财政局'), 'plan checklist --all --out reports/checklists/'))
    .argument('[unit]', w('unit id, name or alias, e.g. 县财政局', '单位编号、名称或别名，如 县财政局'))
    .addOption(reportFormat())
    .option('--all', w('one checklist per unit', '每个单位一份清单'))
    .option('--out <dir>', w('with --all: write one Markdown file per unit into this folder', '与 --all 一起：每个单位写一个 Markdown 文件到该目录'))
    .action(async (unit: string | undefined, options, command: Command) =>
      (await import('./commands/checklist.js')).checklist(context(command), unit, options),
    );

  program
    .command('report')
    .description(w('the progress report a unit hands in at a checkpoint: its tasks and what changed', '进展报告：报送节点时单位的任务情况与本期变化'))
    .addHelpText('after', () => example(`plan report 县财政局 --checkpoint ${exampleCheckpoint()} --out reports/`))
    .argument('<unit>', w('unit id, name or alias; a group gives one report per member', '单位编号、名称或别名；分组则每个成员一份'))
    .addOption(new Option('--format <format>', w('output format (docx: GB/T 9704 layout, needs --out)', '输出格式（docx：GB/T 9704 公文格式，须配 --out）')).choices(['md', 'json', 'docx']).default('md'))
    .option('--checkpoint <date>', w('the checkpoint, YYYY-MM-DD (default: the next one on or after the as-of date)', '报送节点 YYYY-MM-DD（默认：统计日期当天或之后的下一个）'), asOfDate)
    .option('--from <date>', w('with --to: a period that is not between checkpoints, YYYY-MM-DD (changes after this day)', '与 --to 一起：非报送节点的统计期间起点 YYYY-MM-DD（此日之后的变化）'), asOfDate)
    .option('--to <date>', w('with --from: the end of the period, YYYY-MM-DD', '与 --from 一起：统计期间终点 YYYY-MM-DD'), asOfDate)
    .option('--out <dir>', w('write one Markdown file per unit into this folder', '每个单位写一个 Markdown 文件到该目录'))
    .option('--force', w('report on an as-of date before the plan was signed', '统计日期早于计划成文日期时仍出具'))
    .action(async (unit: string, options, command: Command) => (await import('./commands/report.js')).report(context(command), unit, options));

  program
    .command('update')
    .description(w('record progress: set one unit’s entry for one task', '更新进展：记录某单位某项任务的进展'))
    .addHelpText('after', example(w('plan update 县财政局 2.1.3 --state in_progress --progress "预决算公开范围已扩大"', 'plan update 县财政局 2.1.3 --state 推进中 --progress "预决算公开范围已扩大"')))
    .argument('<unit>', w('unit id, name or alias', '单位编号、名称或别名'))
    .argument('<task>', w('task id, e.g. 2.1.3', '任务编号，如 2.1.3'))
    .option('--state <state>', w('the new state: not_started, in_progress, done, blocked, not_applicable, or the word the tables show', '新的进展状态：未启动、推进中、已完成、受阻、不适用（或其编号）'), stateFilter)
    .option('--progress <text>', w('what has been done', '进展情况'))
    .option('--evidence <url>', w('a link to evidence; may be given more than once', '佐证材料链接，可多次给出'), (url: string, list: string[] = []) => [...list, url])
    .option('--completed <date>', w('completion date, YYYY-MM-DD (done without it: the as-of date)', '完成日期 YYYY-MM-DD（不填则为统计日期）'), asOfDate)
    .option('--reason <text>', w('why the task is blocked or not applicable', '受阻或不适用的理由'))
    .option('--withdraw', w('take back a done or not applicable the office has not reviewed yet (review: required); --progress says why', '撤回尚未审核的报结（review: required 时）；--progress 可写明原因'))
    .option('--dry-run', w('show the change as a diff; write nothing', '只显示改动，不写入'))
    .option('--commit', w('commit the changed status file to git (message: unit, task, old → new state)', '把改动的状态文件提交到 git（说明：单位、任务、原状态 → 新状态）'))
    .option('--author <author>', w('with --commit: the commit’s author, "Name <mail>" (default: git config)', '与 --commit 一起：提交作者 "姓名 <邮箱>"（默认取 git 配置）'))
    .action(async (unit: string, task: string, options, command: Command) => (await import('./commands/update.js')).update(context(command), unit, task, options));

  program
    .command('review')
    .description(w('the office decides about a unit’s claim (accept 销号, return 退回, reopen) or answers a request for more time; --pending lists the queue', '审核：办公室对单位报结销号、退回或重新审核，审批延期申请；--pending 列出待审核事项'))
    .addHelpText('after', example('plan review --pending', 'plan review 县财政局 2.1.3 --accept --note "材料齐全"', 'plan review 县财政局 2.1.3 --return --reason "佐证不足"', 'plan review 县财政局 2.1.3 --grant-extension --to 2022-01-15', 'plan review --accept-all --unit 县财政局'))
    .argument('[unit]', w('unit id, name or alias', '单位编号、名称或别名'))
    .argument('[task]', w('task id, e.g. 2.1.3', '任务编号，如 2.1.3'))
    .option('--accept', w('close the claim (销号)', '销号：审核通过'))
    .option('--return', w('send the claim back (退回), with --reason: the unit’s task is in progress again', '退回：须写 --reason，该任务恢复为推进中'))
    .option('--reopen', w('take the last decision back, with --reason: the claim awaits review again', '重新审核：撤销上一次审核决定（须写 --reason），报结重新待审核'))
    .option('--grant-extension', w('grant the unit’s request for more time (--to: another date than the one asked for)', '批准延期申请（--to：批准与申请不同的日期）'))
    .option('--deny-extension', w('refuse the request for more time, with --reason', '不予延期（须写 --reason）'))
    .option('--to <date>', w('with --grant-extension: the date granted, YYYY-MM-DD', '与 --grant-extension 一起：批准延期至 YYYY-MM-DD'), asOfDate)
    .option('--note <text>', w('the office’s note on an acceptance or a grant', '销号或批准时的审核意见'))
    .option('--reason <text>', w('why: required with --return, --reopen and --deny-extension', '理由：--return、--reopen、--deny-extension 必填'))
    .option('--pending', w('list the claims and requests awaiting the office: dates, evidence, days waiting', '列出待审核的报结和待审批的延期申请：日期、佐证材料、已等待天数'))
    .option('--accept-all', w('with --unit: close every claim of the unit awaiting review (checked on paper), listing them', '与 --unit 一起：对该单位全部待审核报结销号（已线下核实），并列出'))
    .option('--unit <unit>', w('with --pending or --accept-all: only this unit (or group, for --pending)', '与 --pending 或 --accept-all 一起：只看该单位（--pending 也可为分组）'))
    .addOption(new Option('--format <format>', w('with --pending: output format', '与 --pending 一起：输出格式')).choices(['table', 'md', 'json']).default('table'))
    .option('--by <who>', w('who decides (default: git’s user.name and user.email, else the office)', '审核人（默认取 git 的 user.name 与 user.email，否则为办公室）'))
    .option('--dry-run', w('show the change as a diff; write nothing', '只显示改动，不写入'))
    .action(async (unit: string | undefined, task: string | undefined, options, command: Command) => (await import('./commands/review.js')).review(context(command), unit, task, options));

  program
    .command('extend')
    .description(w('record a unit’s request for more time (延期申请), before the deadline in force; the office answers with plan review', '延期申请：记录单位的延期申请（应在现行时限前提出），由办公室用 plan review 审批'))
    .addHelpText('after', example('plan extend 县财政局 2.1.3 --to 2022-01-31 --reason "资金未到位"'))
    .argument('<unit>', w('unit id, name or alias', '单位编号、名称或别名'))
    .argument('<task>', w('task id, e.g. 2.1.3', '任务编号，如 2.1.3'))
    .option('--to <date>', w('the date asked for, YYYY-MM-DD', '申请延期至 YYYY-MM-DD'), asOfDate)
    .option('--reason <text>', w('why more time is needed (required)', '申请理由（必填）'))
    .option('--late', w('ask after the deadline in force has passed (shown as a late request)', '在时限届满后申请（注明为逾期申请）'))
    .option('--by <who>', w('who asks (default: git’s user, else the unit)', '申请人（默认取 git 用户，否则为本单位）'))
    .option('--dry-run', w('show the change as a diff; write nothing', '只显示改动，不写入'))
    .action(async (unit: string, task: string, options, command: Command) => (await import('./commands/review.js')).extend(context(command), unit, task, options));

  program
    .command('history')
    .description(w('the recorded changes of one unit, for one task or all', '变更记录：某单位一项或全部任务的记录'))
    .addHelpText('after', example('plan history 县财政局 2.1.3'))
    .argument('<unit>', w('unit id, name or alias', '单位编号、名称或别名'))
    .argument('[task]', w('task id', '任务编号'))
    .addOption(new Option('--format <format>', w('output format', '输出格式')).choices(['table', 'json']).default('table'))
    .action(async (unit: string, task: string | undefined, options, command: Command) =>
      (await import('./commands/history.js')).history(context(command), unit, task, options),
    );

  program
    .command('import')
    .description(w('turn a work-plan document (text, HTML, .docx, PDF or a spreadsheet) into a draft plan folder', '导入文件：把实施方案（纯文本、HTML、.docx、PDF 或表格）转为计划目录草稿'))
    .addHelpText('after', example('plan import 实施方案.txt --out new-plan/plan --units plan/units.yaml'))
    .argument('<document>', w('the document as plain text: UTF-8, UTF-8 with BOM, GB18030/GBK or UTF-16', '纯文本文件：UTF-8（可带 BOM）、GB18030/GBK 或 UTF-16'))
    .option('--out <dir>', w('the plan folder to write', '要写入的计划目录'))
    .option('--units <file>', w('resolve unit names against this units.yaml (aliases too)', '按该 units.yaml 识别单位名称（含别名）'))
    .option('--office <name>', w('the issuing office’s full name (plan.yaml issuer), when the document’s is missing or short', '发文机关全称（写入 plan.yaml 的 issuer），用于原文缺少或只写简称时'))
    .option('--dry-run', w('print the report and the files; write nothing', '只显示报告和文件，不写入'))
    .option('--force', w('write into a folder that already holds a plan', '覆盖已有计划目录中的计划文件'))
    .addOption(new Option('--encoding <encoding>', w('the document’s encoding', '文件编码')).choices(['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be']).default('auto'))
    .action(async (document: string, options, command: Command) => (await import('./commands/import.js')).importPlan(context(command), document, options));

  program
    .command('export')
    .description(w('the resolved plan as JSON, a stable contract for scripts; or the ledger as a workbook (--format xlsx)', '导出整个计划为 JSON（供脚本使用的稳定格式），或导出工作台账 Excel 表（--format xlsx）'))
    .addHelpText('after', example('plan export --format xlsx --out 台账.xlsx'))
    .addOption(new Option('--format <format>', w('output format', '输出格式')).choices(['json', 'xlsx']).default('json'))
    .option('--out <file>', w('with --format xlsx: the workbook to write', '与 --format xlsx 一起：要写入的工作簿'))
    .option('--unit <unit>', w('with --format xlsx: only this unit', '与 --format xlsx 一起：只导出该单位'))
    .option('--group <group>', w('with --format xlsx: only the units of this group', '与 --format xlsx 一起：只导出该分组各单位'))
    .option('--include-contacts', w('include the units’ contact forms (personal data: names and phone numbers)', '包含联系人信息（个人信息：姓名和电话）'))
    .action(async (options, command: Command) => (await import('./commands/export.js')).exportPlan(context(command), options));

  program
    .command('forms')
    .description(w('one fill-in form (.xlsx) per unit for a checkpoint: its tasks, pre-filled, to return with progress', '填报表：每个单位一份 .xlsx，列出其任务并预填现状，供报送节点前填报'))
    .addHelpText('after', () => example(`plan forms --out forms/ --checkpoint ${exampleCheckpoint()}`))
    .option('--out <dir>', w('the folder to write the forms into', '填报表写入的目录'))
    .option('--unit <unit>', w('only this unit', '只为该单位生成'))
    .option('--group <group>', w('only the units of this group', '只为该分组各单位生成'))
    .option('--checkpoint <date>', w('the checkpoint, YYYY-MM-DD (default: the next one on or after the as-of date)', '报送节点 YYYY-MM-DD（默认：统计日期当天或之后的下一个）'), asOfDate)
    .action(async (options, command: Command) => (await import('./commands/forms.js')).forms(context(command), options));

  program
    .command('collect')
    .description(w('read returned forms into the ledger: each file checked whole, applied under the lock', '收集填报表：逐个文件整体检查，无误后写入台账'))
    .argument('<paths...>', w('returned forms (.xlsx), or folders holding them', '回收的填报表（.xlsx）或其所在目录'))
    .addHelpText('after', example('plan collect returned/ --dry-run'))
    .option('--dry-run', w('show the changes as a diff; write nothing', '只显示改动，不写入'))
    .option('--trust-unsigned', w("accept forms whose signature cannot be checked: made before forms were signed, or collected where the office's key (.plan-ledger/secret) is not", '接受无法核验签名的填报表：签名功能之前生成的，或在没有办公室密钥（.plan-ledger/secret）的电脑上收集'))
    .action(async (paths: string[], options, command: Command) => (await import('./commands/collect.js')).collect(context(command), paths, options));

  program
    .command('summary')
    .description(w('the county’s checkpoint summary (落实情况通报): figures, units, overdue items, problems, next steps', '落实情况通报：总体情况、各单位完成情况、逾期事项、存在问题、下步工作'))
    .addHelpText('after', () => example(`plan summary --format docx --out reports/通报.docx --checkpoint ${exampleCheckpoint()}`))
    .addOption(new Option('--format <format>', w('output format (docx: GB/T 9704 layout, needs --out)', '输出格式（docx：GB/T 9704 公文格式，须配 --out）')).choices(['md', 'html', 'docx']).default('md'))
    .option('--checkpoint <date>', w('summarise this checkpoint, as of its date unless --as-of is given', '按该报送节点汇总（未给 --as-of 时以节点日为统计日期）'), asOfDate)
    .option('--out <file>', w('write to this file', '写入该文件'))
    .option('--force', w('summarise an as-of date before the plan was signed', '统计日期早于计划成文日期时仍出具'))
    .action(async (options, command: Command) => (await import('./commands/summary.js')).summary(context(command), options));

  program
    .command('score')
    .description(w('考核评分: the units ranked by the office’s scoring rules (plan/scoring.yaml), every point explained from the record', '考核评分：按本单位的评分规则（plan/scoring.yaml）给各单位排名，每一分都可追溯到记录'))
    .addHelpText('after', example('plan score --to 2021-12-31', 'plan score --explain 县财政局 --format md'))
    .addOption(new Option('--format <format>', w('output format (xlsx: needs --out)', '输出格式（xlsx：须配 --out）')).choices(['table', 'md', 'json', 'csv', 'xlsx']).default('table'))
    .option('--from <date>', w('score events on or after this day, YYYY-MM-DD (default: from the start)', '只计该日及以后的事项 YYYY-MM-DD（默认：从头计）'), asOfDate)
    .option('--to <date>', w('the score as it stood on this day, YYYY-MM-DD (default: the as-of date)', '截至该日的得分 YYYY-MM-DD（默认：统计日期）'), asOfDate)
    .option('--explain <unit>', w('every line of one unit’s score: task, event, date, points, the rule and the record it comes from', '列出某单位得分的每一项：任务、事件、日期、分值、所依规则和所据记录'))
    .option('--out <file>', w('write to this file', '写入该文件'))
    .action(async (options, command: Command) => (await import('./commands/score.js')).score(context(command), options));

  program
    .command('remind')
    .description(w('催办 notices: one per unit with overdue or soon-due tasks, and the office’s list', '催办通知：给有逾期或临期任务的单位各一份，并列出催办情况'))
    .addHelpText('after', example('plan remind --within 7 --out notices/ --dry-run'))
    .addOption(new Option('--format <format>', w('notice format (text: to paste into a chat)', '通知格式（text：可粘贴到聊天工具）')).choices(['md', 'text', 'docx']).default('md'))
    .option('--within <days>', w('also remind of tasks due within this many days (default: the plan’s warning window)', '同时催办多少天内到期的任务（默认：计划的预警天数）'), wholeNumber)
    .option('--unit <unit>', w('only this unit, or the units of this group', '只催办该单位（或该分组各单位）'))
    .option('--out <dir>', w('write one notice per unit and the list into this folder', '每个单位一份通知，连同催办清单写入该目录'))
    .option('--dry-run', w('list what would be written; write nothing', '只列出将写入的内容，不写入'))
    .action(async (options, command: Command) => (await import('./commands/remind.js')).remind(context(command), options));

  program
    .command('calendar')
    .description(w('a unit’s deadlines and checkpoints as all-day calendar events (.ics) with reminders', '日历：单位的完成时限与报送节点（.ics 全天事件，带提醒）'))
    .addHelpText('after', example('plan calendar --unit 县财政局 --out finance.ics\nplan calendar --all --out calendars/'))
    .option('--unit <unit>', w('unit id, name or alias', '单位编号、名称或别名'))
    .option('--all', w('one calendar per unit with something to do, into the folder --out names (<unit id>.ics)', '每个有任务或报送节点的单位一份日历，写入 --out 指定的目录（<单位编号>.ics）'))
    .option('--out <file>', w('write the .ics file here (default: print it); with --all, the folder', '写入该 .ics 文件（默认：打印）；与 --all 同用时为目录'))
    .option('--remind <days>', w('reminders this many days before, at 09:00, comma-separated', '提前多少天提醒（当天 9:00），逗号分隔'), '7,1')
    .action(async (options, command: Command) => (await import('./commands/calendar-file.js')).calendar(context(command), options));

  program
    .command('site')
    .description(w('a static progress site: figures, charts, a page per unit and per task (works from file://)', '进展网站：总体情况、图表、每个单位和每项任务一页（静态，可直接打开）'))
    .addHelpText('after', example('plan site --out public/ --public'))
    .option('--out <dir>', w('the folder to write the site into', '网站写入的目录'))
    .option('--force', w('write into a folder that holds files the site did not write (they are left alone)', '目录中有非本网站写入的文件时仍然写入（这些文件保留不动）'))
    .option('--public', w('the edition for the public portal: no internal notes or internal evidence links', '公开版：不含内部备注和内部佐证链接'))
    .action(async (options, command: Command) => (await import('./commands/site.js')).site(context(command), options));

  program
    .command('codeowners')
    .description(w('write CODEOWNERS from the maintainers in units.yaml: each status file to its unit, the rest to the office', '按 units.yaml 中的维护人生成 CODEOWNERS：状态文件归本单位，其余归办公室'))
    .addOption(new Option('--forge <forge>', w('the forge’s CODEOWNERS dialect', 'CODEOWNERS 的平台格式')).choices(['github', 'gitlab', 'gitea']).default('github'))
    .option('--out <file>', w('write to this file (default: print)', '写入该文件（默认：输出到屏幕）'))
    .option('--check', w('write nothing; exit 1 when the file (--out, default CODEOWNERS) is out of date (for CI)', '不写入；文件（--out，默认 CODEOWNERS）过期时退出码为 1（用于 CI）'))
    .action(async (options, command: Command) => (await import('./commands/codeowners.js')).codeowners(context(command), options));

  program
    .command('init')
    .description(w('start a plan repository: plan/, reports/, .gitignore, package.json, the CI file, CODEOWNERS, README', '新建计划仓库：plan/、reports/、.gitignore、package.json、CI 文件、CODEOWNERS、README'))
    .argument('[dir]', w('the folder (default: here)', '目录（默认：当前目录）'))
    .option('--from <document>', w('import the plan from this document (as plan import does); without it: a small example', '从该文件导入计划（同 plan import）；不给则写一个小示例'))
    .option('--units <file>', w('with --from: resolve unit names against this units.yaml (as plan import --units)', '与 --from 一起：按该 units.yaml 识别单位名称（同 plan import --units）'))
    .addOption(new Option('--ci <forge>', w('the forge whose CI file to write', '为哪个平台写 CI 文件')).choices(['github', 'gitlab', 'gitea']).default('github'))
    .option('--office <full name>', w('the issuing office’s full name (plan.yaml issuer), as it signs the documents', '发文机关全称（plan.yaml 的 issuer），公文落款用'))
    .option('--package-spec <spec>', w('what the new package.json installs plan-ledger from (an npm spec; default: where this copy came from)', '新仓库 package.json 从何处安装 plan-ledger（npm 依赖写法；默认：本副本的来源）'))
    .action(async (dir: string | undefined, options, command: Command) => (await import('./commands/init.js')).init(context(command), dir, options));

  const unitCommand = program.command('unit').description(w('add, rename, remove a unit or give it aliases; every reference changes together', '新增、改编号、删除单位或添加别名：所有引用一并修改'));
  const dryRun = (): Option => new Option('--dry-run', w('show the changes as diffs; write nothing', '只显示改动，不写入'));
  unitCommand
    .command('add')
    .description(w('add a unit to units.yaml', '在 units.yaml 中新增单位'))
    .argument('<id>', w('its id: ASCII letters, digits, - and _ (also its status file’s name)', '编号：ASCII 字母、数字、- 和 _（也是状态文件名）'))
    .requiredOption('--name <name>', w('official full name', '正式全称'))
    .option('--short <name>', w('the name the document uses', '文件中使用的简称'))
    .addOption(new Option('--kind <kind>', w('kind of unit', '单位类型')).choices(['town', 'county-department', 'outside-body']).default('county-department'))
    .option('--alias <name>', w('another name; may be given more than once', '别名，可多次给出'), (v: string, l: string[] = []) => [...l, v])
    .option('--maintainer <who>', w('git e-mail or forge user name of a maintainer; may be given more than once', '维护人的 git 邮箱或平台用户名，可多次给出'), (v: string, l: string[] = []) => [...l, v])
    .option('--group <group>', w('also make it a member of this group; may be given more than once', '同时加入该分组，可多次给出'), (v: string, l: string[] = []) => [...l, v])
    .addOption(dryRun())
    .action(async (id: string, options, command: Command) => (await import('./commands/unit.js')).unitAdd(context(command), id, options));
  unitCommand
    .command('rename')
    .description(w('change a unit’s id in units.yaml, groups, tasks, checkpoints and its status file', '修改单位编号：units.yaml、分组、任务、报送节点及其状态文件一并修改'))
    .argument('<unit>', w('unit id, name or alias', '单位编号、名称或别名'))
    .argument('<new-id>', w('the new id', '新编号'))
    .addOption(dryRun())
    .action(async (unit: string, newId: string, options, command: Command) => (await import('./commands/unit.js')).unitRename(context(command), unit, newId, options));
  unitCommand
    .command('remove')
    .description(w('remove a unit, its group memberships and its status file (no task may name it)', '删除单位及其分组成员身份和状态文件（不得仍有任务直接列出它）'))
    .argument('<unit>', w('unit id, name or alias', '单位编号、名称或别名'))
    .addOption(dryRun())
    .action(async (unit: string, options, command: Command) => (await import('./commands/unit.js')).unitRemove(context(command), unit, options));
  unitCommand
    .command('alias')
    .description(w('give a unit more names to be found by', '为单位添加别名'))
    .argument('<unit>', w('unit id, name or alias', '单位编号、名称或别名'))
    .argument('<aliases...>', w('the new names', '新的别名'))
    .addOption(dryRun())
    .action(async (unit: string, aliases: string[], options, command: Command) => (await import('./commands/unit.js')).unitAlias(context(command), unit, aliases, options));

  const groupCommand = program.command('group').description(w('add a unit to a group or remove it', '把单位加入分组或移出分组'));
  for (const [verb, member] of [['add', true], ['remove', false]] as const) {
    groupCommand
      .command(verb)
      .description(member ? w('make a unit a member of a group', '把单位加入分组') : w('take a unit out of a group (refused while it reports on the group’s tasks)', '把单位移出分组（仍在填报该分组任务时拒绝）'))
      .argument('<group>', w('group id, name or alias', '分组编号、名称或别名'))
      .argument('<unit>', w('unit id, name or alias', '单位编号、名称或别名'))
      .addOption(dryRun())
      .action(async (group: string, unit: string, options, command: Command) => (await import('./commands/unit.js')).groupMember(context(command), group, unit, member, options));
  }
  groupCommand
    .command('complete')
    .description(w('say that a group’s member list is whole (an imported group stays a warning until then)', '确认分组成员已列全（导入的分组在此之前一直提示）'))
    .argument('<group>', w('group id, name or alias', '分组编号、名称或别名'))
    .addOption(dryRun())
    .action(async (group: string, options, command: Command) => (await import('./commands/unit.js')).groupComplete(context(command), group, options));
  const many = (v: string, l: string[] = []): string[] => [...l, v];
  unitCommand
    .command('maintainers')
    .description(w('list, add or remove who may change a unit’s status file (or, with --office, the plan’s own files)', '查看、添加或删除单位状态文件的维护人（--office：计划本身文件的维护人）'))
    .argument('[unit]', w('unit id, name or alias', '单位编号、名称或别名'))
    .option('--office', w('the office’s maintainers instead of a unit’s', '改为办公室的维护人'))
    .option('--add <who>', w('git e-mail or forge user name; may be given more than once', 'git 邮箱或平台用户名，可多次给出'), many)
    .option('--remove <who>', w('one to take off; may be given more than once', '要删除的维护人，可多次给出'), many)
    .addOption(dryRun())
    .action(async (unit: string | undefined, options, command: Command) => (await import('./commands/unit.js')).unitMaintainers(context(command), unit, options));

  return program;
}

/** `COLUMNS` wins; else the terminal's width; else 100 (not a terminal). */
function terminalColumns(env: NodeJS.ProcessEnv, ttyColumns: number | undefined): number {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv >= 20) return fromEnv;
  return ttyColumns && ttyColumns >= 20 ? ttyColumns : 100;
}
