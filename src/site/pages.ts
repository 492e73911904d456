/**
 * The progress site's pages: a home page (figures, charts, the task list), a
 * page per unit (its checklist and history) and a page per task (its units
 * and their states). Pure: ledger in, files (path and text) out.
 */
import { dayNumber } from '../calendar.js';
import { checklistFor } from '../ledger/checklist.js';
import { type Assignment, type Ledger, type Light, type TaskRow } from '../ledger/index.js';
import { shortName } from '../ledger/units.js';
import type { Unit } from '../model.js';
import { html } from '../render/reports/html.js';
import { assignmentLightWord, assignmentStateWord, colon, daysWord, deadlineCell, deadlineWords, extendedWord, lightWord, reviewedStateWord, rowDaysWord, roleWord, stagesWord, stateWord, t } from '../render/labels.js';
import { isDone } from '../ledger/index.js';
import { reviewQueue } from '../ledger/queue.js';
import { askedWord } from '../render/reports/queue.js';
import { stagesOf } from '../ledger/milestones.js';
import { barChart, timelineChart, trendChart, type TimelineEntry } from './charts.js';
import { completionTrend, keyFigures, sectionProgress, timeline, unitProgress } from './figures.js';
import { isInternalLink, safeHref, withoutCredentials } from './privacy.js';
import { SITE_CSS } from './style.js';
import { scorePage, type SiteScores } from './score-page.js';
import type { Lang } from '../render/lang.js';

export interface SiteOptions {
  lang: Lang;
  /** The edition for the public portal: no internal notes, no internal evidence. */
  public: boolean;
  /** 考核评分: on the internal site, and on the public one only when scoring.yaml says public: true (the command decides). */
  score?: SiteScores;
}

export interface SiteFile {
  path: string;
  text: string;
}

/**
 * Light colours, all with at least 4.5:1 contrast on white. A light the
 * ledger gains later (e.g. blocked) needs only an entry here; until then it
 * is drawn in the neutral grey.
 */
const LIGHT_COLOURS: Partial<Record<string, string>> = { red: '#c62828', yellow: '#8a5300', green: '#2e7d32', 'done-late': '#7a5c00', ongoing: '#546e7a', blocked: '#6a1b9a', awaiting: '#1565c0' };
export const lightColour = (light: Light): string => LIGHT_COLOURS[light] ?? '#5f6368';

const unitFile = (u: Unit): string => `units/${u.id}.html`;
const taskFile = (id: string): string => `tasks/${id}.html`;

interface Page {
  /** Path of the page from the site's root, to make links relative. */
  path: string;
  title: string;
  body: string;
}

export function buildSite(ledger: Ledger, o: SiteOptions): SiteFile[] {
  const pages: Page[] = [homePage(ledger, o)];
  for (const u of ledger.data.units) if (ledger.rows.some((r) => r.assignments.some((a) => a.unit.id === u.id))) pages.push(unitPage(ledger, u, o));
  for (const r of ledger.rows) pages.push(taskPage(ledger, r, o));
  // The office's queue is its working list: in the internal edition only.
  if (hasQueue(ledger, o)) pages.push(queuePage(ledger, o));
  if (o.score) pages.push(scorePage(o.score, o));
  return [{ path: 'style.css', text: SITE_CSS.trimStart() }, ...pages.map((p) => ({ path: p.path, text: layout(ledger, p, o) }))];
}

const hasQueue = (ledger: Ledger, o: SiteOptions): boolean => !o.public && (ledger.data.plan.review === 'required' || ledger.rows.some((r) => ledger.hasExtensions(r.task)));

function layout(ledger: Ledger, p: Page, o: SiteOptions): string {
  const { plan } = ledger.data;
  const zh = o.lang === 'zh';
  const root = '../'.repeat(p.path.split('/').length - 1);
  return `<!DOCTYPE html>
<html lang="${zh ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="plan-ledger">
<title>${html(p.title)}</title>
<link rel="stylesheet" href="${root}style.css">
</head>
<body>
<a class="skip" href="#main">${zh ? '跳到正文' : 'Skip to content'}</a>
<header class="site">
<div><a href="${root}index.html">${html(plan.title)}</a></div>
<p>${html(plan.document)} · ${html(plan.issuer)} · ${html(t('asOf', o.lang))} ${html(ledger.asOf)}</p>
<nav aria-label="${zh ? '站点导航' : 'Site'}"><ul><li><a href="${root}index.html">${zh ? '总览' : 'Overview'}</a></li><li><a href="${root}index.html#units">${zh ? '各单位' : 'Units'}</a></li><li><a href="${root}index.html#tasks">${zh ? '各项任务' : 'Tasks'}</a></li>${hasQueue(ledger, o) ? `<li><a href="${root}review/index.html">${html(t('reviewTitle', o.lang))}</a></li>` : ''}${o.score ? `<li><a href="${root}score.html">${zh ? '考核评分' : 'Scores'}</a></li>` : ''}</ul></nav>
</header>
<main id="main">
${p.body}
</main>
<footer class="site">${html(t('generated', o.lang))} · ${html(t('asOf', o.lang))} ${html(ledger.asOf)}${o.public ? (zh ? ' · 公开版' : ' · public edition') : ''}</footer>
</body>
</html>
`;
}

const light = (l: Light, lang: Lang, allClosed = false): string => `<span class="light" style="color:${lightColour(l)}">${html(lightWord(l, lang, allClosed))}</span>`;
/** An assignment's light: a closed one says so (已完成, 不适用), never 正常. */
const assignmentLight = (a: Assignment, lang: Lang): string => `<span class="light" style="color:${lightColour(a.light)}">${html(assignmentLightWord(a, lang))}</span>`;

function homePage(ledger: Ledger, o: SiteOptions): Page {
  const zh = o.lang === 'zh';
  const lang = o.lang;
  const { plan } = ledger.data;
  const f = keyFigures(ledger);
  const next = ledger.nextCheckpoint;
  const dataLabel = zh ? '查看数据表' : 'Show the data';
  const figure = (key: string, label: string, value: string, note = '', cls = ''): string =>
    `<div${cls ? ` class="${cls}"` : ''}><dt>${html(label)}</dt><dd data-figure="${key}">${html(value)}${note ? ` <small>${html(note)}</small>` : ''}</dd></div>`;

  const lightsChart = barChart(
    {
      id: 'lights',
      title: zh ? '各项任务状态灯' : 'Tasks by light',
      desc: f.lights.map((l) => `${lightWord(l.light, lang)} ${l.count}`).join(zh ? '，' : ', '),
      dataLabel,
      table: { header: [t('light', lang), zh ? '任务数' : 'Tasks'], rows: f.lights.map((l) => [lightWord(l.light, lang), String(l.count)]), numeric: [1] },
    },
    f.lights.map((l) => ({ label: lightWord(l.light, lang), value: l.count, text: String(l.count), colour: lightColour(l.light), key: l.light })),
  );

  const units = unitProgress(ledger);
  const unitsChart = barChart(
    {
      id: 'units',
      title: zh ? '各单位完成情况（按完成率排序）' : 'Completion by unit (most complete first)',
      desc: units.map((u) => `${shortName(u.unit)} ${u.closed}/${u.assigned}`).join(zh ? '；' : '; '),
      dataLabel,
      table: {
        header: zh ? ['单位', '任务数', '已完成', '完成率', '逾期'] : ['Unit', 'Assigned', 'Done', 'Done %', 'Overdue'],
        rows: units.map((u) => [shortName(u.unit), String(u.assigned), String(u.closed), `${u.percent}%`, String(u.overdue)]),
        numeric: [1, 2, 3, 4],
      },
    },
    units.map((u) => ({ label: shortName(u.unit), value: u.closed, of: u.assigned, text: `${u.closed}/${u.assigned} · ${u.percent}%`, colour: u.overdue > 0 ? lightColour('red') : lightColour('green'), href: unitFile(u.unit), key: u.unit.id })),
  );

  const sections = sectionProgress(ledger);
  const sectionsChart = barChart(
    {
      id: 'sections',
      title: zh ? '各部分任务进展' : 'Progress by section',
      desc: sections.map((s) => `${s.section} ${s.closed}/${s.total}`).join(zh ? '；' : '; '),
      dataLabel,
      table: { header: zh ? ['部分', '任务数', '已完成', '应完成'] : ['Section', 'Tasks', 'Done', 'Assigned'], rows: sections.map((s) => [s.section, String(s.rows.length), String(s.closed), String(s.total)]), numeric: [1, 2, 3] },
    },
    sections.map((s) => ({ label: s.section, value: s.closed, of: s.total, text: `${s.closed}/${s.total}`, colour: '#0b57a4' })),
  );

  const events = timeline(ledger);
  const entries: TimelineEntry[] = [];
  let asOfShown = false;
  for (const e of events) {
    if (!asOfShown && e.date > ledger.asOf) {
      entries.push({ date: ledger.asOf, kind: 'asof', text: zh ? '统计日期' : 'as of', past: false });
      asOfShown = true;
    }
    const text =
      e.kind === 'checkpoint'
        ? zh
          ? `报送节点（报${recipientName(ledger, e.date)}）`
          : `checkpoint (report to ${recipientName(ledger, e.date)})`
        : e.kind === 'milestone'
          ? zh
            ? `阶段性节点：${e.rows.map((r, i) => `${r.task.id} ${e.texts![i]}`).join('；')}`
            : `milestone: ${e.rows.map((r, i) => `${r.task.id} ${e.texts![i]}`).join('; ')}`
          : zh
          ? `${e.rows.length} 项任务到期：${e.rows.map((r) => r.task.id).join('、')}`
          : `${e.rows.length} task${e.rows.length === 1 ? '' : 's'} due: ${e.rows.map((r) => r.task.id).join(', ')}`;
    entries.push({ date: e.date, kind: e.kind, text, past: e.date < ledger.asOf });
  }
  if (!asOfShown) entries.push({ date: ledger.asOf, kind: 'asof', text: zh ? '统计日期' : 'as of', past: false });
  const timelineSvg = timelineChart(
    {
      id: 'timeline',
      title: zh ? '完成时限、阶段性节点与报送节点' : 'Deadlines, milestones and checkpoints',
      desc: entries.map((e) => `${e.date} ${e.text}`).join(zh ? '；' : '; '),
      dataLabel,
      table: { header: zh ? ['日期', '事项'] : ['Date', 'What'], rows: entries.map((e) => [e.date, e.text]) },
    },
    entries,
  );

  const trend = completionTrend(ledger);
  // A draft imported without its signing date has no start of its own: the earliest date the trend holds.
  const start = plan.span?.start ?? plan.signed ?? trend.points[0]?.date ?? ledger.asOf;
  const from = { date: start, day: dayNumber(start) };
  const to = { date: ledger.asOf, day: dayNumber(ledger.asOf) };
  const trendSvg = trendChart(
    {
      id: 'trend',
      title: zh ? '累计完成情况' : 'Completions over time',
      desc:
        (zh ? `自${start}至${ledger.asOf}累计完成（含不适用）${trend.points.at(-1)?.value ?? 0}项（次），共${f.assignments}项（次）` : `From ${start} to ${ledger.asOf}: ${trend.points.at(-1)?.value ?? 0} of ${f.assignments} assignments closed`) +
        (trend.undated > 0 ? (zh ? `；另有${trend.undated}项未记录完成日期` : `; ${trend.undated} more without a recorded date`) : ''),
      dataLabel,
      table: { header: zh ? ['日期', '累计完成'] : ['Date', 'Closed so far'], rows: trend.points.map((p) => [p.date, String(p.value)]), numeric: [1] },
    },
    trend.points.filter((p) => p.day >= from.day),
    from,
    to,
    Math.max(...trend.points.map((p) => p.value), 1),
  );

  const taskRows = ledger.rows.map((r) => [
    `<a href="${html(taskFile(r.task.id))}">${html(r.task.id)}</a>`,
    html(r.task.title),
    html(r.task.deadline ?? t('noDeadline', lang)),
    html(rowDaysWord(r, lang, ledger.dayUnit, ledger.asOf)),
    `${r.done}/${r.total}`,
    light(r.light, lang, r.total > 0 && r.done === r.total),
  ]);
  const unitRows = units.map((u) => [`<a href="${html(unitFile(u.unit))}">${html(shortName(u.unit))}</a>`, String(u.assigned), String(u.closed), `${u.percent}%`, String(u.overdue)]);

  const body = `<h1>${html(plan.title)}</h1>
<p class="meta">${html(plan.document)} · ${html(t('asOf', lang))} <time datetime="${html(ledger.asOf)}" data-figure="asOf">${html(ledger.asOf)}</time></p>
<section aria-labelledby="h-figures">
<h2 id="h-figures">${zh ? '总体情况' : 'Key figures'}</h2>
<dl class="figures">
${figure('percent', zh ? '完成率' : 'Done', `${f.percent}%`, `${f.closed}/${f.assignments}`)}
${figure('overdue', zh ? '逾期（项次）' : 'Overdue assignments', String(f.overdue), zh ? `涉及 ${f.overdueTasks} 项任务` : `in ${f.overdueTasks} tasks`, f.overdue > 0 ? 'bad' : '')}
${figure('blocked', zh ? '受阻（项次）' : 'Blocked', String(f.blocked), '', f.blocked > 0 ? 'warn' : '')}
${figure('tasks', zh ? '任务数' : 'Tasks', String(f.tasks), zh ? `分解为 ${f.assignments} 项（次）` : `${f.assignments} assignments`)}
${f.review ? figure('awaiting', zh ? '待审核（项次）' : 'Awaiting review', String(f.review.awaiting), zh ? `退回 ${f.review.returned} · 延期 ${f.review.extended}` : `returned ${f.review.returned} · extended ${f.review.extended}`, '') : ''}
${next ? figure('nextCheckpoint', t('nextCheckpoint', lang), daysWord(next.daysLeft, lang, ledger.dayUnit), next.checkpoint.date) : figure('nextCheckpoint', t('nextCheckpoint', lang), '—', t('noCheckpoint', lang))}
</dl>
</section>
<div class="grid2">
<section aria-labelledby="h-lights"><h2 id="h-lights">${zh ? '状态灯' : 'Lights'}</h2>${lightsChart}</section>
<section aria-labelledby="h-sections"><h2 id="h-sections">${zh ? '各部分进展' : 'Sections'}</h2>${sectionsChart}</section>
</div>
<section aria-labelledby="h-trend"><h2 id="h-trend">${zh ? '完成趋势' : 'Trend'}</h2>${trendSvg}</section>
<section aria-labelledby="h-timeline"><h2 id="h-timeline">${zh ? '时间轴' : 'Timeline'}</h2>${timelineSvg}</section>
<section aria-labelledby="h-units" id="units"><h2 id="h-units">${zh ? '各单位完成情况' : 'Units'}</h2>${unitsChart}
<div class="table-wrap">${rawTable(zh ? ['单位', '任务数', '已完成', '完成率', '逾期'] : ['Unit', 'Assigned', 'Done', 'Done %', 'Overdue'], unitRows, [1, 2, 3, 4])}</div></section>
<section aria-labelledby="h-tasks" id="tasks"><h2 id="h-tasks">${zh ? '各项任务' : 'Tasks'}</h2>
<div class="table-wrap">${rawTable([t('id', lang), t('task', lang), t('deadline', lang), t('days', lang), t('progress', lang), t('light', lang)], taskRows, [3, 4])}</div></section>`;
  return { path: 'index.html', title: `${plan.title} · ${zh ? '进展' : 'Progress'}`, body };
}

function recipientName(ledger: Ledger, date: string): string {
  const c = ledger.data.plan.checkpoints.find((x) => x.date === date);
  const u = c ? ledger.unitsById.get(c.recipient) : undefined;
  return u ? shortName(u) : (c?.recipient ?? '');
}

/**
 * A table whose cells are already HTML (escaped by the caller). Each cell
 * carries its column's name (data-label), so on a phone a row becomes a card
 * of "name: value" lines instead of columns one character wide.
 */
function rawTable(header: string[], rows: string[][], numeric: number[] = []): string {
  const num = new Set(numeric);
  const label = (i: number): string => ` data-label="${html(header[i] ?? '')}"`;
  return `<table class="cards">
<thead><tr>${header.map((h, i) => `<th scope="col"${num.has(i) ? ' class="num"' : ''}>${html(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${num.has(i) ? ' class="num"' : ''}${label(i)}>${c}</td>`)).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}

function evidenceHtml(a: Assignment, o: SiteOptions): string {
  const links = (a.entry?.details?.evidence ?? []).filter((e) => !(o.public && isInternalLink(e)));
  return links
    .map((e) => {
      const href = safeHref(e);
      return href ? `<a href="${html(href)}" rel="noopener noreferrer">${html(withoutCredentials(e))}</a>` : html(withoutCredentials(e));
    })
    .join('<br>');
}

function unitPage(ledger: Ledger, unit: Unit, o: SiteOptions): Page {
  const zh = o.lang === 'zh';
  const lang = o.lang;
  const list = checklistFor(ledger, unit);
  const closed = list.assignments.filter(isDone).length;
  const rows = list.assignments.map((a) => [
    `<a href="../${html(taskFile(a.task.id))}">${html(a.task.id)}</a>`,
    html(a.task.title),
    html(roleWord(a.role, lang)),
    html(extendedWord(a, lang) ?? a.deadline ?? t('noDeadline', lang)),
    html((a.review !== null ? reviewedStateWord(a, lang) : assignmentStateWord(a, lang)) + (a.review !== null && a.entry?.completed ? `（${a.entry.completed}）` : '')),
    assignmentLight(a, lang),
    [a.entry?.details?.progress, a.entry?.details?.reason, ...(o.public ? [] : officeWords(a, lang))].filter((x): x is string => !!x).map(html).join('<br>'),
    evidenceHtml(a, o),
  ]);
  // The whole record up to the as-of date, not one period.
  const changes = list.assignments
    .flatMap((a) => (a.entry?.details?.history ?? []).map((h) => ({ ...h, task: a.task.id, title: a.task.title })))
    .filter((h) => h.date <= ledger.asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const historyRows = changes.map((c) => [
    html(c.date),
    `<a href="../${html(taskFile(c.task))}">${html(c.task)}</a> ${html(c.title)}`,
    html(c.from && c.from !== c.to ? `${stateWord(c.from, lang)} → ${stateWord(c.to, lang)}` : stateWord(c.to, lang)),
    ...(o.public ? [] : [html(c.note ?? '')]),
  ]);
  const note = !o.public && unit.note ? `<p class="meta">${zh ? '备注：' : 'Note: '}${html(unit.note)}</p>` : '';
  const checkpoints = list.checkpoints.map((c) => `${c.date} → ${recipientName(ledger, c.date)}`).join(zh ? '；' : '; ');
  const body = `<h1>${html(shortName(unit))}${unit.short && unit.short !== unit.name ? ` <small>${html(unit.name)}</small>` : ''}</h1>
<p class="meta">${zh ? `共 ${list.assignments.length} 项任务，已完成或不适用 ${closed} 项` : `${list.assignments.length} tasks, ${closed} done or not applicable`}${checkpoints ? ` · ${html(t('checkpoints', lang))}${colon(lang)}${html(checkpoints)}` : ''}</p>
${note}
<h2>${html(t('checklistFor', lang))}</h2>
<div class="table-wrap">${rawTable([t('id', lang), t('task', lang), t('role', lang), t('deadline', lang), t('state', lang), t('light', lang), t('progressNote', lang), zh ? '佐证材料' : 'Evidence'], rows)}</div>
<h2>${zh ? '变更记录' : 'History'}</h2>
${historyRows.length === 0 ? `<p>${zh ? '尚无记录的变更。' : 'No change recorded yet.'}</p>` : `<div class="table-wrap">${rawTable([zh ? '日期' : 'Date', t('task', lang), zh ? '变更' : 'Change', ...(o.public ? [] : [zh ? '说明' : 'Note'])], historyRows)}</div>`}`;
  return { path: unitFile(unit), title: `${shortName(unit)} · ${ledger.data.plan.title}`, body };
}

function taskPage(ledger: Ledger, row: TaskRow, o: SiteOptions): Page {
  const zh = o.lang === 'zh';
  const lang = o.lang;
  const task = row.task;
  const names = (ids: string[]): string =>
    ledger.unitsOf(ids).length === 0
      ? '—'
      : ids.map((id) => ledger.data.groups.find((g) => g.id === id)?.name ?? (ledger.unitsById.get(id) ? shortName(ledger.unitsById.get(id)!) : id)).join('、');
  const rows = row.assignments.map((a) => [
    `<a href="../${html(unitFile(a.unit))}">${html(shortName(a.unit))}</a>`,
    html(roleWord(a.role, lang)),
    html(a.review !== null ? reviewedStateWord(a, lang) : assignmentStateWord(a, lang)),
    assignmentLight(a, lang),
    html(a.entry?.completed ?? (a.daysOverdue > 0 ? daysWord(-a.daysOverdue, lang, ledger.dayUnit) : '')),
    [extendedWord(a, lang), a.entry?.details?.progress, a.entry?.details?.reason, ...(o.public ? [] : officeWords(a, lang))].filter((x): x is string => !!x).map(html).join('<br>'),
    evidenceHtml(a, o),
  ]);
  const deadline = task.deadline === null ? `${t('noDeadline', lang)}${task.reviewOn.length ? `（${t('reviewOn', lang)} ${task.reviewOn.join('、')}）` : ''}` : deadlineWords(task, lang);
  const stages = stagesOf(task, ledger.asOf);
  const body = `<h1>${html(task.id)} ${html(task.title)}</h1>
<p class="meta">${html(task.section)} · ${html(t('deadline', lang))}${colon(lang)}${html(deadline)}${task.deadlineText ? `（${html(task.deadlineText)}）` : ''} · ${light(row.light, lang, row.total > 0 && row.done === row.total)} · ${row.done}/${row.total}</p>
${stages.length > 0 ? `<p class="meta">${html(t('milestones', lang))}${colon(lang)}${html(stagesWord(stages, lang))}</p>\n` : ''}<p class="meta">${html(t('lead', lang))}${colon(lang)}${html(names(task.lead))}${task.leadOpen ? html(t('openList', lang)) : ''} · ${zh ? '责任单位：' : 'Responsible: '}${html(names(task.responsible))}</p>
<h2>${html(t('text', lang))}</h2>
<p class="text">${html(task.text)}</p>
<h2>${zh ? '各单位进展' : 'Units'}</h2>
<div class="table-wrap">${rawTable([t('unit', lang), t('role', lang), t('state', lang), t('light', lang), zh ? '完成日期/逾期' : 'Completed / late', t('progressNote', lang), zh ? '佐证材料' : 'Evidence'], rows)}</div>`;
  return { path: taskFile(task.id), title: `${task.id} ${task.title} · ${ledger.data.plan.title}`, body };
}


/** The office's words on an assignment (a return's reason, its note): internal, like the units' notes. */
function officeWords(a: Assignment, lang: Lang): string[] {
  const zh = lang === 'zh';
  if (a.review === 'returned') return [`${t('returnReason', lang)}${colon(lang)}${a.returnReason ?? '—'}`];
  if (a.review === 'accepted' && a.decision?.note) return [`${t('reviewNote', lang)}${colon(lang)}${a.decision.note}`];
  if (a.review === 'pending' && a.claimed) return [zh ? `${a.claimed} 报结，待审核` : `claimed ${a.claimed}, awaiting review`];
  return [];
}

/** 待审核事项: the claims and requests awaiting the office, longest waiting first (internal edition). */
function queuePage(ledger: Ledger, o: SiteOptions): Page {
  const zh = o.lang === 'zh';
  const lang = o.lang;
  const items = reviewQueue(ledger);
  const rows = items.map((i) => {
    const a = i.assignment;
    return [
      `<a href="../${html(unitFile(a.unit))}">${html(shortName(a.unit))}</a>`,
      `<a href="../${html(taskFile(a.task.id))}">${html(a.task.id)}</a> ${html(a.task.title)}`,
      html(deadlineCell(a, lang)),
      html(askedWord(i, lang)),
      html(i.since ?? '—'),
      String(i.waiting),
      i.kind === 'claim' ? evidenceHtml(a, o) : '',
    ];
  });
  const body = `<h1>${html(t('reviewTitle', lang))}</h1>
<p class="meta">${html(t('asOf', lang))} ${html(ledger.asOf)} · ${zh ? `报结 ${items.filter((i) => i.kind === 'claim').length} 项，延期申请 ${items.filter((i) => i.kind === 'extension').length} 项` : `${items.filter((i) => i.kind === 'claim').length} claims, ${items.filter((i) => i.kind === 'extension').length} requests for more time`}</p>
${items.length === 0 ? `<p>${html(t('nothingPending', lang))}</p>` : `<div class="table-wrap">${rawTable([t('unit', lang), t('task', lang), t('deadline', lang), zh ? '事项' : 'Asked', zh ? '日期' : 'Since', zh ? '已等待（天）' : 'Waiting (days)', t('evidence', lang)], rows, [5])}</div>`}`;
  return { path: 'review/index.html', title: `${t('reviewTitle', lang)} · ${ledger.data.plan.title}`, body };
}
