/**
 * `plan summary`: the county office's checkpoint summary (落实情况通报) as an
 * OfficialDocument, written as Markdown, an HTML page or a GB/T 9704 .docx.
 */
import type { Scoreboard } from '../../ledger/score.js';
import type { Summary } from '../../ledger/summary.js';
import { scoreBlocks } from './score-section.js';
import { issuingOffice, shortName } from '../../ledger/units.js';
import type { PlanData } from '../../model.js';
import { documentDate, headingNumber, signatureDate, type Block, type OfficialDocument } from './document.js';
import { daysWord, reviewedStateWord, t } from '../labels.js';
import type { ReturnDecided, ReviewSection } from '../../ledger/summary.js';
import { LEAD_UNITS } from '../../model.js';
import type { Lang } from '../lang.js';

/** What the 报送情况 column says for a unit. */
export function returnedWord(line: Summary['units'][number], hasCheckpoint: boolean, lang: Lang): string {
  if (!hasCheckpoint || !line.reports) return '—';
  const on = line.reported?.on ?? line.returned?.received;
  if (on !== undefined) return lang === 'zh' ? `已报送（${on}）` : `reported ${on}`;
  return lang === 'zh' ? '未报送' : 'not reported';
}

/**
 * Units named as a clerk would: a group whose every member is in the list by
 * the group's name (各镇人民政府), a group of four or more missing a few
 * (under a quarter, at most two) as 各镇人民政府（林口镇除外）, the rest by
 * their short names, in the order of units.yaml; with the count when a group
 * stands for several.
 */
export function unitList(ids: string[], data: Pick<PlanData, 'units' | 'groups'>, lang: Lang): string {
  const left = new Set(ids);
  const names: string[] = [];
  const short = (id: string): string => {
    const u = data.units.find((x) => x.id === id);
    return u ? shortName(u) : id;
  };
  for (const g of data.groups) {
    if (g.members.length < 2 || !g.members.some((m) => left.has(m))) continue;
    const missing = g.members.filter((m) => !left.has(m));
    if (missing.length > 0 && (g.members.length < 4 || missing.length > 2 || missing.length * 4 >= g.members.length)) continue;
    const except = missing.map(short).join(lang === 'zh' ? '、' : ', ');
    names.push(missing.length === 0 ? g.name : lang === 'zh' ? `${g.name}（${except}除外）` : `${g.name} (except ${except})`);
    for (const m of g.members) left.delete(m);
  }
  for (const u of data.units) if (left.has(u.id)) names.push(shortName(u));
  const list = names.join(lang === 'zh' ? '、' : ', ');
  if (names.length === ids.length) return list;
  return lang === 'zh' ? `${list}（共${ids.length}个单位）` : `${list} (${ids.length} units)`;
}

/** `score`: the units' scores, when the plan has a scoring policy (the section 考核情况). */
export function summaryDocument(s: Summary, lang: Lang, score?: { board: Scoreboard; rulesFile: string }): OfficialDocument {
  const zh = lang === 'zh';
  const { plan, groups } = s.ledger.data;
  const asOf = documentDate(s.ledger.asOf, lang);
  const name = (id: string): string => {
    const unit = s.ledger.unitsById.get(id);
    return unit ? shortName(unit) : id;
  };
  let section = 0;
  const heading = (zhText: string, enText: string): Block => ({ kind: 'heading', level: 1, text: `${headingNumber(++section, 1, lang)}${zh ? zhText : enText}` });
  const blocks: Block[] = [];

  if (s.checkpoint) {
    const groupName = (id: string): string => groups.find((g) => g.id === id)?.name ?? name(id);
    // `leads` is every lead unit; `leads:<group>` the lead units of a group (县直各牵头单位).
    const to = s.checkpoint.reporters.map((r) => {
      if (r === LEAD_UNITS) return zh ? '各牵头单位' : 'the lead units';
      if (r.startsWith(`${LEAD_UNITS}:`)) {
        const group = groupName(r.slice(LEAD_UNITS.length + 1));
        return zh ? `${group}中的各牵头单位` : `the lead units among ${group}`;
      }
      return groupName(r);
    });
    blocks.push({ kind: 'addressee', text: `${to.join(zh ? '，' : ', ')}${zh ? '：' : ':'}` });
  }
  blocks.push({
    kind: 'paragraph',
    text: zh
      ? `根据《${plan.title}》（${plan.document}）要求，现将截至${asOf}各单位任务推进落实情况通报如下。`
      : `As required by ${plan.title} (${plan.document}), this is how the units stood on ${asOf}.`,
  });

  blocks.push(heading('总体情况', 'Overall'));
  blocks.push({
    kind: 'paragraph',
    text: zh
      ? `方案共${s.tasks}项任务，分解到${s.units.filter((u) => u.assigned > 0).length}个单位共${s.assignments}项（次）。截至${asOf}，${overallZh(s)}`
      : `The plan has ${s.tasks} tasks, assigned to ${s.units.filter((u) => u.assigned > 0).length} units as ${s.assignments} assignments. On ${asOf}, ${overallEn(s)}`,
  });
  if (s.review?.required) {
    blocks.push({
      kind: 'paragraph',
      text: zh
        ? `以上完成数只计经审核销号的事项；${s.review.pending.length > 0 ? `另有${s.review.pending.length}项（次）单位已报结、待审核，不计入完成` : '目前无待审核事项'}。`
        : `Done counts only what the office has closed after review; ${s.review.pending.length > 0 ? `${s.review.pending.length} more claimed by their units await review and are not counted` : 'nothing awaits review'}.`,
    });
  }

  blocks.push(heading('各单位完成情况', 'By unit'));
  const hasCheckpoint = s.checkpoint !== undefined;
  if (s.checkpoint) {
    const returned = s.units.filter((u) => u.reports && (u.reported || u.returned)).length;
    const owed = s.units.filter((u) => u.reports).length;
    blocks.push({
      kind: 'paragraph',
      text: zh
        ? `${documentDate(s.checkpoint.date, lang)}报送节点应报送${owed}个单位，已报送${returned}个。`
        : `For the checkpoint of ${s.checkpoint.date}, ${returned} of ${owed} units have reported.`,
    });
  }
  blocks.push({
    kind: 'table',
    header: zh ? ['单位', '任务数', '已完成', '完成率', '逾期', '受阻', '报送情况'] : ['Unit', 'Assigned', 'Done', 'Done %', 'Overdue', 'Blocked', 'Reported'],
    numeric: [1, 2, 3, 4, 5],
    wrap: ['once', 'never', 'never', 'never', 'never', 'never', 'never'],
    rows: s.units.map((u) => [
      shortName(u.unit),
      String(u.assigned),
      String(u.closed),
      `${u.assigned === 0 ? 0 : Math.round((u.closed / u.assigned) * 100)}%`,
      String(u.overdue),
      String(u.blocked),
      returnedWord(u, hasCheckpoint, lang),
    ]),
  });

  blocks.push(heading('逾期未完成事项', 'Overdue'));
  if (s.overdueByTask.length === 0) blocks.push({ kind: 'paragraph', text: zh ? '无逾期未完成事项。' : 'Nothing is overdue.' });
  else {
    // One row a task, naming its late units: each row stands alone on whichever page it falls.
    blocks.push({
      kind: 'table',
      header: zh ? ['编号', '任务', '完成时限', '逾期天数', '未完成单位'] : ['ID', 'Task', 'Deadline', 'Days overdue', 'Units late'],
      numeric: [3],
      wrap: ['never', 'free', 'never', 'never', 'list'],
      rows: s.overdueByTask.map(({ row, items }) => [
        row.task.id,
        row.task.title,
        row.task.deadline ?? '—',
        String(Math.max(...items.map((a) => a.daysOverdue))),
        unitList(
          items.map((a) => a.unit.id),
          s.ledger.data,
          lang,
        ),
      ]),
    });
  }

  if (s.review) {
    blocks.push(heading('审核与延期', 'Review and extensions'));
    blocks.push(...reviewBlocks(s.review, lang));
  }

  blocks.push(heading('存在的问题', 'Problems reported'));
  if (s.problems.length === 0) blocks.push({ kind: 'paragraph', text: zh ? '各单位未报告受阻或不适用事项。' : 'No unit reported a task as blocked or not applicable.' });
  else {
    // Units that said the same of the same task in one item.
    const same = new Map<string, { problem: (typeof s.problems)[number]; units: string[] }>();
    for (const p of s.problems) {
      const key = JSON.stringify([p.assignment.task.id, p.assignment.state, p.reason ?? null]);
      const entry = same.get(key);
      if (entry) entry.units.push(p.assignment.unit.id);
      else same.set(key, { problem: p, units: [p.assignment.unit.id] });
    }
    blocks.push({
      kind: 'list',
      items: [...same.values()].map(({ problem: { assignment: a, reason }, units }) => {
        const said = reason === undefined ? (zh ? '未说明原因' : 'no reason given') : `“${reason}”`;
        return `${unitList(units, s.ledger.data, lang)} · ${a.task.id} ${a.task.title}（${reviewedStateWord(a, lang)}）${zh ? '：' : ': '}${said}`;
      }),
    });
  }

  if (score) blocks.push(heading('考核情况', 'Assessment'), ...scoreBlocks(score.board, score.rulesFile, lang));

  blocks.push(heading('下步工作', 'Next'));
  for (const d of s.ahead) {
    // A part moved here by an extension names its units: 2.3.1 …（县城管局，延期）.
    const tasks = d.tasks
      .map((x) => `${x.row.task.id} ${x.row.task.title}${x.extended ? (zh ? `（${x.extended.map(shortName).join('、')}，延期）` : ` (${x.extended.map(shortName).join(', ')}, extended)`) : ''}`)
      .join(zh ? '；' : '; ');
    blocks.push({
      kind: 'paragraph',
      text: zh
        ? `${documentDate(d.date, lang)}前应完成${d.tasks.length}项任务（${tasks}），${d.open > 0 ? `尚有${d.open}项（次）未完成，请相关单位抓紧推进` : '各单位均已完成'}。`
        : `By ${d.date}, ${d.tasks.length} task${d.tasks.length === 1 ? '' : 's'} fall${d.tasks.length === 1 ? 's' : ''} due (${tasks}); ${d.open > 0 ? `${d.open} assignment${d.open === 1 ? ' is' : 's are'} still open` : 'every unit has done its part'}.`,
    });
  }
  const next = s.ledger.nextCheckpoint;
  if (next) {
    const to = next.recipient ? shortName(next.recipient) : next.checkpoint.recipient;
    blocks.push({
      kind: 'paragraph',
      text: zh
        ? `下一报送节点为${documentDate(next.checkpoint.date, lang)}（${daysWord(next.daysLeft, lang, s.ledger.dayUnit)}），${next.reporters.length}个单位须将任务推进落实情况报${to}。`
        : `The next checkpoint is ${next.checkpoint.date} (${daysWord(next.daysLeft, lang, s.ledger.dayUnit)}): ${next.reporters.length} units report to ${to}.`,
    });
  }
  if (s.ahead.length === 0 && !next) blocks.push({ kind: 'paragraph', text: zh ? '方案所列时限均已届满，无后续报送节点。' : 'No deadline or checkpoint lies ahead.' });

  // Signed by the office in its full name, dated in Chinese numerals.
  blocks.push({ kind: 'signature', lines: [issuingOffice(s.ledger.data, s.recipient), signatureDate(s.ledger.asOf, lang)] });

  return {
    lang,
    title: zh ? `关于《${plan.title}》落实情况的通报` : `Progress of ${plan.title}`,
    subtitle: [zh ? `（截至${asOf}）` : `(as of ${asOf})`],
    blocks,
    generator: `${t('generated', lang)} · ${t('asOf', lang)} ${s.ledger.asOf}`,
  };
}

/** 审核与延期: what the office closed, returned (with its reasons) and has yet to review; extensions granted, refused and asked. */
function reviewBlocks(r: ReviewSection, lang: Lang): Block[] {
  const zh = lang === 'zh';
  const what = (a: { unit: Parameters<typeof shortName>[0]; task: { id: string; title: string } }): string => `${shortName(a.unit)} · ${a.task.id} ${a.task.title}`;
  const blocks: Block[] = [];
  if (r.required) {
    blocks.push({
      kind: 'paragraph',
      text: tally(
        [
          { n: r.accepted.length, zh: '经审核销号', none: '销号', en: (n) => `${n} closed after review` },
          { n: r.returns.length, zh: '退回', none: '退回', en: (n) => `${n} returned` },
          { n: r.pending.length, zh: '待审核', none: '待审核', en: (n) => `${n} awaiting review` },
        ],
        zh ? '无报结事项' : 'No unit has claimed a task done yet',
        lang,
      ),
    });
    if (r.returns.length > 0) {
      blocks.push({ kind: 'paragraph', text: zh ? '退回事项及理由：' : 'Returned, and why:' });
      blocks.push({ kind: 'list', items: r.returns.map((x) => `${what(x.assignment)}${zh ? '：' : ': '}${x.decision.reason ?? (zh ? '未写明理由' : 'no reason recorded')}${returnWhen(x, lang)}`) });
    }
    if (r.pending.length > 0) {
      blocks.push({ kind: 'paragraph', text: zh ? '待审核事项：' : 'Awaiting review:' });
      blocks.push({ kind: 'list', items: r.pending.map((a) => `${what(a)}${a.claimed ? (zh ? `（${a.claimed}报结）` : ` (claimed ${a.claimed})`) : ''}`) });
    }
  }
  const granted = r.granted.map(({ assignment: a, extension: x }) => {
    const original = a.task.deadline ?? t('noDeadline', lang);
    const to = x.grantedTo ?? x.to;
    return `${what(a)}${zh ? `：原定 ${original}，延期至 ${to}（${x.decided}批准；理由：${x.reason}）` : `: due ${to}, extended from ${original} (granted ${x.decided}; asked because: ${x.reason})`}`;
  });
  const denied = r.denied.map(({ assignment: a, extension: x }) => `${what(a)}${zh ? `：申请延期至 ${x.to}，不予延期（${x.decided}；${x.decisionReason ?? ''}）` : `: asked until ${x.to}, refused (${x.decided}; ${x.decisionReason ?? ''})`}`);
  const asked = r.asked.map(({ assignment: a, extension: x }) => `${what(a)}${zh ? `：${x.requested}申请延期至 ${x.to}${x.late ? '（逾期申请）' : ''}，待审批` : `: asked on ${x.requested} until ${x.to}${x.late ? ' (late)' : ''}, awaiting an answer`}`);
  blocks.push({
    kind: 'paragraph',
    text: tally(
      [
        { n: granted.length, zh: '批准延期', none: '批准延期', en: (n) => `${n} extension${n === 1 ? '' : 's'} granted` },
        { n: denied.length, zh: '不予延期', none: '不予延期', en: (n) => `${n} extension${n === 1 ? '' : 's'} refused` },
        { n: asked.length, zh: '待审批', none: '待审批', en: (n) => `${n} request${n === 1 ? '' : 's'} awaiting an answer` },
      ],
      zh ? '无延期申请' : 'No unit has asked for more time',
      lang,
    ),
  });
  if (granted.length > 0) blocks.push({ kind: 'list', items: granted });
  if (denied.length > 0) blocks.push({ kind: 'list', items: denied });
  if (asked.length > 0) blocks.push({ kind: 'list', items: asked });
  return blocks;
}

/** When a return was decided and, once the unit claimed again, that it did: （2026-07-06退回，2026-09-22已重新报结）. */
function returnWhen(x: ReturnDecided, lang: Lang): string {
  const again = x.claimedAgain;
  if (lang === 'zh') return `（${x.decision.date}退回${again ? `，${again.on ?? ''}已重新报结` : ''}）`;
  return ` (returned ${x.decision.date}${again ? `; claimed again${again.on ? ` ${again.on}` : ''}` : ''})`;
}

type Overall = { closed: number; percent: number; tasksClosed: number; overdue: number; overdueUnits: number; blocked: number };

/** The overall sentence as a person says it: a count of none is said as none, or left out, never 其中0项. */
function overallZh(s: Overall): string {
  const done = s.closed === 0 ? '尚无已完成事项' : `已完成（含不适用）${s.closed}项（次），完成率${s.percent}%${s.tasksClosed > 0 ? `，其中${s.tasksClosed}项任务已全部完成` : ''}`;
  const late = s.overdue === 0 ? '无逾期未完成事项' : `逾期未完成${s.overdue}项（次），涉及${s.overdueUnits}个单位`;
  return `${done}；${late}${s.blocked > 0 ? `；受阻${s.blocked}项（次）` : ''}。`;
}

function overallEn(s: Overall): string {
  const done = s.closed === 0 ? 'nothing was done yet' : `${s.closed} ${s.closed === 1 ? 'was' : 'were'} done or not applicable (${s.percent}%)${s.tasksClosed > 0 ? `, and ${s.tasksClosed} ${s.tasksClosed === 1 ? 'task was' : 'tasks were'} done by every unit` : ''}`;
  const late = s.overdue === 0 ? 'nothing was overdue' : `${s.overdue} assignments of ${s.overdueUnits} ${s.overdueUnits === 1 ? 'unit were' : 'units were'} overdue`;
  return `${done}; ${late}${s.blocked > 0 ? `; ${s.blocked} were blocked` : ''}.`;
}

type Count = { n: number; zh: string; none: string; en: (n: number) => string };

/**
 * A tally as a person says it: the counts there are, then the kinds there are none of in one phrase
 * (经审核销号3项（次）；无退回、待审核事项。), and one sentence when there is nothing at all; never 0项.
 */
function tally(counts: Count[], nothing: string, lang: Lang): string {
  const some = counts.filter((c) => c.n > 0);
  const none = counts.filter((c) => c.n === 0);
  if (some.length === 0) return `${nothing}${lang === 'zh' ? '。' : '.'}`;
  if (lang === 'zh') return `${some.map((c) => `${c.zh}${c.n}项（次）`).join('，')}${none.length > 0 ? `；无${none.map((c) => c.none).join('、')}事项` : ''}。`;
  const noneEn = none.map((c) => c.en(0).replace(/^0 (extensions? |requests? )?/, ''));
  return `${some.map((c) => c.en(c.n)).join(', ')}${none.length > 0 ? `; none ${noneEn.join(' or ')}` : ''}.`;
}
