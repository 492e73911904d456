/** `plan checklist`: everything one unit must do, and when it reports. */
import { daysBetween } from '../calendar.js';
import type { Assignment, Ledger } from '../ledger/index.js';
import { nameWithFull, shortName } from '../ledger/units.js';
import type { Checklist } from '../ledger/checklist.js';
import type { Checkpoint } from '../model.js';
import { csv, json, md } from './formats.js';
import { checkpointLine, joinFitting } from './header.js';
import { daysWord, lightPaint, lightWord, roleWord, stateWord, t } from './labels.js';
import type { RenderOptions } from './status.js';
import { renderTable } from './table.js';
import { displayWidth, safeText, truncate } from './text.js';

export interface ChecklistView {
  ledger: Ledger;
  lists: Checklist[];
}

const deadlineOf = (a: Assignment, lang: RenderOptions['lang']): string =>
  a.task.deadline ?? `${t('noDeadline', lang)}（${t('reviewOn', lang)} ${a.task.reviewOn.join('、')}）`;

const entry = (a: Assignment): object => ({
  task: a.task.id,
  title: a.task.title,
  role: a.role,
  deadline: a.task.deadline,
  deadlineText: a.task.deadlineText,
  ongoing: a.task.ongoing,
  reviewOn: a.task.reviewOn,
  state: a.state,
  light: a.light,
  completed: a.entry?.completed ?? null,
  progress: a.entry?.details?.progress ?? null,
  text: a.task.text,
});

/** Wraps text to a width by display columns (Chinese has no spaces to break at). */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const ch of safeText(text)) {
    if (displayWidth(line + ch) > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

function checkpointsLine(list: Checklist, ledger: Ledger): string {
  if (list.checkpoints.length === 0) return '—';
  const to = (c: Checkpoint): string => {
    const u = ledger.unitsById.get(c.recipient);
    return u ? shortName(u) : c.recipient;
  };
  return list.checkpoints.map((c) => `${c.date} → ${to(c)}`).join('；');
}

export function checklistMarkdown(list: Checklist, ledger: Ledger, lang: RenderOptions['lang']): string {
  const { plan } = ledger.data;
  const out = [
    `# ${md(shortName(list.unit))} · ${t('checklistFor', lang)}`,
    '',
    `${md(plan.title)}（${md(plan.document)}）  `,
    `${md(list.unit.name)} · ${t('asOf', lang)}: ${ledger.asOf}  `,
    `${t('checkpoints', lang)}: ${md(checkpointsLine(list, ledger))}`,
    '',
  ];
  for (const a of list.assignments) {
    const box = a.state === 'done' || a.state === 'not_applicable' ? '[x]' : '[ ]';
    out.push(
      `- ${box} **${md(a.task.id)} ${md(a.task.title)}** — ${roleWord(a.role, lang)} · ${t('deadline', lang)} ${md(deadlineOf(a, lang))} · ${stateWord(a.state, lang)} · ${lightWord(a.light, lang)}`,
      `  > ${md(a.task.text)}`,
    );
    const progress = a.entry?.details?.progress;
    if (progress) out.push(`  >`, `  > ${t('progressNote', lang)}: ${md(progress)}`);
  }
  out.push('', `<!-- ${t('generated', lang)} -->`);
  return `${out.join('\n')}\n`;
}

export const CHECKLIST_FORMATS = {
  table(v: ChecklistView, o: RenderOptions): string {
    const { lang, paint } = o;
    return v.lists
      .map((list) => {
        const head = [
          paint.bold(truncate(safeText(`${nameWithFull(list.unit).replace(/）$/, '）·').replace(/([^·])$/, '$1 ·')} ${t('checklistFor', lang)}`), o.columns)),
          joinFitting([`${t('asOf', lang)}: ${v.ledger.asOf}`, `${t('nextCheckpoint', lang)}: ${checkpointLine(v.ledger, lang)}`], o.columns),
          // Wrapped, not cut: every checkpoint is something the unit must do.
          wrap(`${t('checkpoints', lang)}: ${checkpointsLine(list, v.ledger)}`, o.columns, ''),
        ].join('\n');
        if (list.assignments.length === 0) return `${head}\n\n${t('noTasks', lang)}\n`;
        const table = renderTable(
          [{ header: t('id', lang) }, { header: t('task', lang), flex: true, min: 12 }, { header: t('role', lang) }, { header: t('deadline', lang) }, { header: t('days', lang), align: 'right' }, { header: t('state', lang) }, { header: t('light', lang) }],
          list.assignments.map((a) => [
            a.task.id,
            a.task.title,
            roleWord(a.role, lang),
            a.task.deadline ?? t('noDeadline', lang),
            daysWord(a.task.deadline === null ? null : daysBetween(v.ledger.asOf, a.task.deadline), lang),
            stateWord(a.state, lang),
            { text: lightWord(a.light, lang), paint: lightPaint(a.light, paint) },
          ]),
          o.columns,
        );
        const width = Math.max(20, o.columns - 4);
        const texts = list.assignments.map((a) => {
          const progress = a.entry?.details?.progress;
          const note = progress ? `\n${wrap(`${t('progressNote', lang)}: ${progress}`, width, '    ')}` : '';
          return `${paint.bold(safeText(`${a.task.id} ${a.task.title}`))}\n${wrap(a.task.text, width, '    ')}${note}`;
        });
        return `${head}\n\n${table}\n\n${t('text', lang)}:\n\n${texts.join('\n\n')}\n`;
      })
      .join('\n\n');
  },
  json(v: ChecklistView): string {
    const one = (list: Checklist): object => ({
      unit: list.unit.id,
      name: list.unit.name,
      short: list.unit.short ?? null,
      asOf: v.ledger.asOf,
      checkpoints: list.checkpoints.map((c) => ({ date: c.date, recipient: c.recipient })),
      tasks: list.assignments.map(entry),
    });
    return json(v.lists.length === 1 ? one(v.lists[0]!) : v.lists.map(one));
  },
  csv(v: ChecklistView, o: RenderOptions): string {
    const { lang } = o;
    return csv(
      ['unit', t('unit', lang), 'task', t('task', lang), t('role', lang), t('deadline', lang), t('state', lang), t('light', lang)],
      v.lists.flatMap((l) => l.assignments.map((a) => [l.unit.id, shortName(l.unit), a.task.id, a.task.title, roleWord(a.role, lang), a.task.deadline, stateWord(a.state, lang), lightWord(a.light, lang)])),
    );
  },
  md(v: ChecklistView, o: RenderOptions): string {
    return v.lists.map((l) => checklistMarkdown(l, v.ledger, o.lang)).join('\n');
  },
} as const;

