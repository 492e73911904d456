/**
 * `plan remind`: a 催办 notice to one unit (its overdue and soon-due tasks),
 * from the office that receives the plan's reports, and the office's list of
 * who was reminded of what.
 */
import type { Assignment, Ledger } from '../../ledger/index.js';
import type { MilestoneDue } from '../../ledger/milestones.js';
import { issuingOffice, shortName } from '../../ledger/units.js';
import type { Unit } from '../../model.js';
import { documentDate, signatureDate, type Block, type OfficialDocument } from './document.js';
import { md, mdTable } from '../formats.js';
import { daysWord, deadlineCell, extendedWord, reviewedStateWord, roleWord, stateWord, t } from '../labels.js';
import { renderTable } from '../table.js';
import type { Lang } from '../lang.js';

export interface Reminder {
  unit: Unit;
  items: Assignment[];
  /** Milestones due within the window, or passed while the unit has not started. */
  milestones: MilestoneDue[];
  overdue: number;
  dueSoon: number;
  /** Returned by the office and not yet claimed again (may be neither overdue nor due soon). */
  returned?: number;
  /** Where the notice is (or would be) written; undefined when printed. */
  file?: string;
}

/** Who sends the notices: the recipient of the plan's reports (县政府办公室). */
export function noticeSender(ledger: Ledger): { name: string; unit?: Unit } {
  const cps = ledger.data.plan.checkpoints;
  const id = ledger.nextCheckpoint?.checkpoint.recipient ?? cps[cps.length - 1]?.recipient;
  const unit = id === undefined ? undefined : ledger.unitsById.get(id);
  // The full name the office signs with, whatever units.yaml calls the recipient.
  const name = issuingOffice(ledger.data, unit);
  return unit ? { name, unit } : { name };
}

/**
 * The office's own line for replies, only as the plan records it: the
 * office block of the sender's contact form, never a person's name or mobile.
 */
function officeContact(unit: Unit | undefined, lang: Lang): string | undefined {
  const office = unit?.contact?.office;
  if (!office) return undefined;
  const parts = [office.phone && `${lang === 'zh' ? '电话' : 'phone'} ${office.phone}`, office.email && `${lang === 'zh' ? '邮箱' : 'e-mail'} ${office.email}`].filter((x): x is string => !!x);
  return parts.length === 0 ? undefined : `${lang === 'zh' ? '联系方式：' : 'Contact: '}${parts.join(lang === 'zh' ? '，' : ', ')}`;
}

export function noticeDocument(r: Reminder, ledger: Ledger, within: number, lang: Lang): OfficialDocument {
  const zh = lang === 'zh';
  const { plan } = ledger.data;
  const sender = noticeSender(ledger);
  const asOf = documentDate(ledger.asOf, lang);
  const blocks: Block[] = [{ kind: 'addressee', text: `${r.unit.name}${zh ? '：' : ':'}` }];
  const days = ledger.dayUnit === 'workdays' ? (zh ? '个工作日' : ' working days') : zh ? '天' : ' days';
  if (r.items.length > 0) {
    blocks.push(
      {
        kind: 'paragraph',
        text: zh
          ? `根据《${plan.title}》（${plan.document}）要求，截至${asOf}，你单位承担的以下${r.items.length}项任务${r.overdue === r.items.length ? '已逾期未完成' : r.overdue > 0 ? `中有${r.overdue}项已逾期未完成` : ''}${r.dueSoon > 0 ? `${r.overdue > 0 ? '，' : '中'}有${r.dueSoon}项将于${within}${days}内到期` : ''}。请抓紧办理，按时限完成，并将办理情况报${sender.name}。`
          : `Under ${plan.title} (${plan.document}), on ${asOf} your unit has ${r.items.length} ${r.items.length === 1 ? 'task' : 'tasks'} open${openParts(r.overdue, r.dueSoon, `${within}${days}`)}. Please complete ${r.items.length === 1 ? 'it' : 'them'} and report to ${sender.name}.`,
      },
      {
        kind: 'table',
        // The id before the title and the deadline in force with how far it is (2021-04-23（逾252天）): the room goes to the titles.
        header: [t('task', lang), t('role', lang), t('deadline', lang), t('state', lang)],
        wrap: ['free', 'never', 'once', 'never'],
        rows: r.items.map((a) => [`${a.task.id} ${a.task.title}`, roleWord(a.role, lang), a.deadline === null ? '—' : zh ? `${deadlineCell(a, lang, '—')}（${daysWord(ledger.daysTo(a.deadline), lang, ledger.dayUnit)}）` : `${deadlineCell(a, lang, '—')} (${daysWord(ledger.daysTo(a.deadline), lang, ledger.dayUnit)})`, reviewedStateWord(a, lang)]),
      },
    );
  }
  // The office's word the unit must act on: why a claim came back, which deadline an extension moved.
  const returned = r.items.filter((a) => a.review === 'returned');
  if (returned.length > 0) {
    blocks.push({ kind: 'paragraph', text: zh ? '以下事项经审核退回，请按意见补充完善后重新报结：' : 'These were returned after review; act on the reasons and claim them again:' });
    blocks.push({ kind: 'list', items: returned.map((a) => `${a.task.id} ${a.task.title}${zh ? '：' : ': '}${a.returnReason ?? '—'}`) });
  }
  const extended = r.items.filter((a) => a.originalDeadline !== undefined);
  if (extended.length > 0) blocks.push({ kind: 'paragraph', text: zh ? '以下事项已批准延期，请按延期后的时限办理：' : 'These have more time granted; they are due on the later date:' });
  if (extended.length > 0) blocks.push({ kind: 'list', items: extended.map((a) => `${a.task.id} ${a.task.title}${zh ? '：' : ': '}${extendedWord(a, lang)}`) });
  if (r.milestones.length > 0) {
    const passed = r.milestones.filter((m) => m.daysLeft < 0).length;
    blocks.push(
      {
        kind: 'paragraph',
        text: zh
          ? `${r.items.length > 0 ? '' : `根据《${plan.title}》（${plan.document}）要求，截至${asOf}，`}你单位承担任务的以下${r.milestones.length}个阶段性节点${passed > 0 ? `中有${passed}个已过而任务尚未启动` : `将于${within}${days}内到来`}${passed > 0 && passed < r.milestones.length ? '，其余将于期内到来' : ''}，请按节点要求推进。`
          : `${r.items.length > 0 ? '' : `Under ${plan.title} (${plan.document}), on ${asOf} `}${r.milestones.length} milestones of your unit's tasks ${passed > 0 ? `include ${passed} passed with the task not started` : `fall within ${within}${days}`}; please keep to them.`,
      },
      {
        kind: 'table',
        header: [t('id', lang), t('task', lang), t('milestone', lang), zh ? '日期' : 'Date', zh ? '逾期/剩余' : 'Overdue / left', t('state', lang)],
        rows: r.milestones.map((m) => [m.task.id, m.task.title, m.text, m.date, daysWord(m.daysLeft, lang, ledger.dayUnit), stateWord(m.open[0]!.state, lang)]),
      },
    );
  }
  const next = ledger.nextCheckpoint;
  if (next && next.reporters.some((u) => u.id === r.unit.id)) {
    blocks.push({
      kind: 'paragraph',
      text: zh
        ? `请于${documentDate(next.checkpoint.date, lang)}前将任务推进落实情况报${next.recipient?.name ?? sender.name}。`
        : `Report your progress to ${next.recipient?.name ?? sender.name} by ${next.checkpoint.date}.`,
    });
  }
  const contact = officeContact(sender.unit, lang);
  if (contact) blocks.push({ kind: 'paragraph', text: contact });
  blocks.push({ kind: 'signature', lines: [sender.name, signatureDate(ledger.asOf, lang)] });
  return {
    lang,
    title: zh ? '催办通知' : 'Reminder',
    subtitle: [zh ? `（${plan.document}落实情况）` : `(${plan.document})`],
    blocks,
    generator: `${t('generated', lang)} · ${t('asOf', lang)} ${ledger.asOf}`,
  };
}

function listRows(reminders: Reminder[], lang: Lang): string[][] {
  const stage = (m: MilestoneDue): string => `${m.task.id}${lang === 'zh' ? '（阶段）' : ' (milestone)'}`;
  return reminders.map((r) => [shortName(r.unit), String(r.overdue), String(r.dueSoon), [...r.items.map((a) => a.task.id), ...r.milestones.map(stage)].join(lang === 'zh' ? '、' : ', '), r.file ?? '—']);
}

const listHeader = (lang: Lang): string[] =>
  lang === 'zh' ? ['单位', '逾期', '临期', '事项', '文件'] : ['Unit', 'Overdue', 'Due soon', 'Tasks', 'File'];

function listTotal(reminders: Reminder[], lang: Lang, dryRun: boolean): string {
  const n = reminders.length;
  const items = reminders.reduce((s, r) => s + r.items.length, 0);
  if (lang === 'zh') return n === 0 ? '没有需要催办的单位。' : `${dryRun ? '将' : '已'}向 ${n} 个单位催办 ${items} 项（次）。`;
  return n === 0 ? 'No unit has anything to be reminded of.' : `${dryRun ? 'Would remind' : 'Reminded'} ${n} unit${n === 1 ? '' : 's'} of ${items} assignment${items === 1 ? '' : 's'}.`;
}

/** For the terminal. */
export function reminderListTable(reminders: Reminder[], lang: Lang, columns: number, dryRun: boolean): string {
  if (reminders.length === 0) return listTotal(reminders, lang, dryRun);
  const table = renderTable(
    listHeader(lang).map((header, i) => ({ header, ...(i === 1 || i === 2 ? { align: 'right' as const } : {}), ...(i === 3 ? { flex: true } : {}) })),
    listRows(reminders, lang),
    columns,
  );
  return `${table}\n\n${listTotal(reminders, lang, dryRun)}`;
}

/** For the office's files. */
export function reminderListMarkdown(reminders: Reminder[], ledger: Ledger, lang: Lang): string {
  const title = lang === 'zh' ? `催办情况 · ${ledger.asOf}` : `Reminders · ${ledger.asOf}`;
  return `# ${md(title)}\n\n${mdTable(listHeader(lang), listRows(reminders, lang).map((r) => r.map(md)))}\n\n${listTotal(reminders, lang, false)}\n`;
}

/** ": 2 overdue and 1 due within 14 days", leaving out a count of none. */
function openParts(overdue: number, dueSoon: number, within: string): string {
  const parts = [overdue > 0 ? `${overdue} overdue` : '', dueSoon > 0 ? `${dueSoon} due within ${within}` : ''].filter(Boolean);
  return parts.length > 0 ? `: ${parts.join(' and ')}` : '';
}
