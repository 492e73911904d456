/**
 * `plan score`: the ranking of the units, and one unit's explanation, every
 * line with the rule of scoring.yaml that gave it and the records that show
 * it (file:line, and the commit where the record is git's). Pure.
 */
import type { RecordRef, Scoreboard, ScoreLine, UnitScore } from '../../ledger/score.js';
import { shortName } from '../../ledger/units.js';
import type { Scoring } from '../../model.js';
import { csv, json, md, mdTable } from '../formats.js';
import { colon, pointsWord, recordWord, scoreEventWord, scoreLabel, t } from '../labels.js';
import { renderTable } from '../table.js';
import { displayWidth, padEnd, padStart, safeText, truncate } from '../text.js';
import type { Lang } from '../lang.js';

export type ScoreFormat = 'table' | 'md' | 'json' | 'csv';

/** A score line with the lines of its rule and records, found in the files. */
export interface PlacedLine {
  line: ScoreLine;
  policy: { file: string; line?: number };
  records: (RecordRef & { line?: number })[];
}

const at = (p: { file: string; line?: number }): string => (p.line === undefined ? p.file : `${p.file}:${p.line}`);
const shortCommit = (sha: string): string => sha.slice(0, 10);

/** The added and deducted points of a unit (the base apart), and its count of scored lines. */
export function tally(u: UnitScore): { added: number; deducted: number; lines: number } {
  let added = 0;
  let deducted = 0;
  let lines = 0;
  for (const l of u.lines) {
    if (l.event === 'base') continue;
    lines++;
    if (l.points > 0) added += l.points;
    else deducted += l.points;
  }
  return { added: round(added), deducted: round(deducted), lines };
}
const round = (n: number): number => Math.round(n * 1e6) / 1e6 + 0;

/** What scoring.yaml says for a line, written as YAML: `base: 100`, `{ event: closed-late, per: day, points: -1 }`. */
export function policyText(line: ScoreLine, scoring: Scoring): string {
  if (line.event === 'base') return `base: ${scoring.base}`;
  if (line.event === 'floor') return `floor: ${scoring.floor}`;
  if (line.event === 'ceiling') return `ceiling: ${scoring.ceiling}`;
  if (line.event === 'cap') return `caps: { ${line.capped}: ${scoring.caps[line.capped!]} }`;
  const r = line.rule!;
  const days = r.days && `{ ${[r.days.min !== undefined && `min: ${r.days.min}`, r.days.max !== undefined && `max: ${r.days.max}`].filter(Boolean).join(', ')} }`;
  const parts = [`event: ${r.event}`, r.role && `role: ${r.role}`, r.per && `per: ${r.per}`, days && `days: ${days}`, `points: ${r.points}`, r.cap !== undefined && `cap: ${r.cap}`];
  return `{ ${parts.filter(Boolean).join(', ')} }`;
}

const period = (b: Scoreboard, lang: Lang): string => `${b.from ?? b.start ?? (lang === 'zh' ? '方案开始' : 'the start')} ${lang === 'zh' ? '至' : 'to'} ${b.to}`;

export function scoreRanking(b: Scoreboard, rulesFile: string, format: ScoreFormat, lang: Lang, columns: number): string {
  const header = [scoreLabel('rank', lang), t('unit', lang), scoreLabel('total', lang), scoreLabel('added', lang), scoreLabel('deducted', lang), scoreLabel('lines', lang)];
  const rows = b.units.map((u) => ({ u, ...tally(u) }));
  if (format === 'json') {
    return json({
      title: b.scoring.title ?? null,
      rules: rulesFile,
      ...(b.scoring.example && { example: true }),
      from: b.from ?? null,
      to: b.to,
      units: rows.map((r) => ({ rank: r.u.rank, unit: r.u.unit.id, name: shortName(r.u.unit), total: r.u.total, added: r.added, deducted: r.deducted, lines: r.lines })),
    });
  }
  if (format === 'csv') return csv(['rank', 'unit', 'name', 'total', 'added', 'deducted', 'lines'], rows.map((r) => [r.u.rank, r.u.unit.id, shortName(r.u.unit), r.u.total, r.added, r.deducted, r.lines]));
  const title = `${scoreLabel('scoreTitle', lang)}${b.scoring.title ? ` · ${b.scoring.title}` : ''}`;
  const about = `${scoreLabel('period', lang)}${colon(lang)}${period(b, lang)} · ${scoreLabel('rulesFile', lang)}${colon(lang)}${rulesFile}${b.scoring.example ? scoreLabel('exampleRules', lang) : ''}`;
  const cells = rows.map((r) => [String(r.u.rank), shortName(r.u.unit), String(r.u.total), pointsWord(r.added), pointsWord(r.deducted), String(r.lines)]);
  if (format === 'md') {
    return `# ${md(title)}\n\n${md(about)}\n\n${b.units.length === 0 ? md(scoreLabel('nothingScored', lang)) : mdTable(header, cells.map((c) => c.map(md)))}\n`;
  }
  if (b.units.length === 0) return `${safeText(title)}\n${safeText(about)}\n\n${scoreLabel('nothingScored', lang)}\n`;
  const table = renderTable(
    [{ header: header[0]!, align: 'right' }, { header: header[1]!, flex: true, min: 8 }, { header: header[2]!, align: 'right' }, { header: header[3]!, align: 'right' }, { header: header[4]!, align: 'right' }, { header: header[5]!, align: 'right' }],
    cells,
    columns,
  );
  return `${safeText(title)}\n${safeText(about)}\n\n${table}\n`;
}

/** What a line is about: the task (id and title) or the checkpoint. */
function subject(l: ScoreLine, lang: Lang): string {
  if (l.task) return `${l.task.id} ${l.task.title}`;
  if (l.checkpoint) return `${t('checkpoint', lang)} ${l.checkpoint}`;
  return '';
}

function recordText(r: RecordRef & { line?: number }, lang: Lang): string {
  return `${at(r)}${r.commit ? ` @${shortCommit(r.commit)}` : ''}  ${recordWord(r.kind, lang)}`;
}

export function scoreExplanation(b: Scoreboard, u: UnitScore, placed: PlacedLine[], rulesFile: string, format: ScoreFormat, lang: Lang, columns: number): string {
  const zh = lang === 'zh';
  if (format === 'json') {
    return json({
      unit: u.unit.id,
      name: shortName(u.unit),
      rank: u.rank,
      total: u.total,
      rules: rulesFile,
      ...(b.scoring.example && { example: true }),
      from: b.from ?? null,
      to: b.to,
      lines: placed.map(({ line: l, policy, records }) => ({
        date: l.date,
        event: l.event,
        ...(l.capped !== undefined && { capped: l.capped }),
        task: l.task?.id ?? null,
        checkpoint: l.checkpoint ?? null,
        role: l.role ?? null,
        days: l.days ?? null,
        count: l.count ?? null,
        points: l.points,
        ...(l.uncapped !== undefined && { uncapped: l.uncapped }),
        rule: { file: policy.file, line: policy.line ?? null, text: policyText(l, b.scoring) },
        records: records.map((r) => ({ kind: r.kind, file: r.file, line: r.line ?? null, ...(r.commit !== undefined && { commit: r.commit }) })),
      })),
    });
  }
  if (format === 'csv') {
    return csv(
      ['date', 'task', 'checkpoint', 'event', 'role', 'days', 'points', 'rule', 'rule_text', 'records'],
      placed.map(({ line: l, policy, records }) => [l.date, l.task?.id ?? '', l.checkpoint ?? '', l.event, l.role ?? '', l.days ?? '', l.points, at(policy), policyText(l, b.scoring), records.map((r) => `${at(r)}${r.commit ? `@${r.commit}` : ''} ${r.kind}`).join('; ')]),
    );
  }
  const head = `${shortName(u.unit)}（${u.unit.id}）· ${scoreLabel('scoreLines', lang)}`;
  const about = `${scoreLabel('period', lang)}${colon(lang)}${period(b, lang)} · ${scoreLabel('total', lang)} ${u.total} · ${zh ? `第 ${u.rank} 名` : `rank ${u.rank}`} · ${scoreLabel('rulesFile', lang)}${colon(lang)}${rulesFile}${b.scoring.example ? scoreLabel('exampleRules', lang) : ''}`;
  if (format === 'md') {
    const header = [scoreLabel('date', lang), t('task', lang), scoreLabel('event', lang), scoreLabel('points', lang), scoreLabel('rule', lang), scoreLabel('record', lang)];
    const rows = placed.map(({ line: l, policy, records }) => [
      md(l.date),
      md(subject(l, lang)),
      md(scoreEventWord(l, lang)),
      md(pointsWord(l.points)),
      `${md(at(policy))} \`${policyText(l, b.scoring).replace(/`/g, "'")}\``,
      records.map((r) => md(recordText(r, lang))).join('<br>'),
    ]);
    return `# ${md(head)}\n\n${md(about)}\n\n${placed.length === 0 ? md(scoreLabel('noLines', lang)) : mdTable(header, rows)}\n`;
  }
  if (placed.length === 0) return `${safeText(head)}\n${safeText(about)}\n\n${scoreLabel('noLines', lang)}\n`;
  // One block per line: the date, what it is about, the event and the points on
  // the first row; the rule and each record under it, each with its file:line.
  const width = Math.max(60, columns);
  const points = placed.map((p) => pointsWord(p.line.points));
  const pointsWidth = Math.max(...points.map(displayWidth));
  const indent = ' '.repeat(12);
  const ruleWord = scoreLabel('rule', lang);
  const recordLabel = scoreLabel('record', lang);
  const labelWidth = Math.max(displayWidth(ruleWord), displayWidth(recordLabel));
  const out: string[] = [safeText(head), safeText(about), ''];
  placed.forEach(({ line: l, policy, records }, i) => {
    const event = scoreEventWord(l, lang);
    const room = width - 12 - displayWidth(event) - pointsWidth - 4;
    const about = truncate(safeText(subject(l, lang)), Math.max(8, room));
    out.push(`${padEnd(l.date, 12)}${padEnd(about, Math.max(8, room))}  ${event}  ${padStart(points[i]!, pointsWidth)}`);
    out.push(`${indent}${padEnd(ruleWord, labelWidth)}  ${safeText(at(policy))}  ${safeText(policyText(l, b.scoring))}`);
    records.forEach((r, k) => out.push(`${indent}${padEnd(k === 0 ? recordLabel : '', labelWidth)}  ${safeText(recordText(r, lang))}`));
  });
  return `${out.join('\n')}\n`;
}
