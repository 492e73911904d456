/**
 * 考核评分 on the site: the ranking, then each unit's lines with their rules
 * and, on the internal edition, the records (file:line) they come from. Pure.
 */
import type { Scoreboard } from '../ledger/score.js';
import { shortName } from '../ledger/units.js';
import { html } from '../render/reports/html.js';
import { colon, pointsWord, recordWord, scoreEventWord, scoreLabel, t } from '../render/labels.js';
import { policyText, tally, type PlacedLine } from '../render/reports/score.js';
import type { Lang } from '../render/lang.js';

export interface SiteScores {
  board: Scoreboard;
  placed: Map<string, PlacedLine[]>;
  rulesFile: string;
}

const at = (p: { file: string; line?: number }): string => (p.line === undefined ? p.file : `${p.file}:${p.line}`);

function table(header: string[], rows: string[][], numeric: number[]): string {
  const num = new Set(numeric);
  const cell = (c: string, i: number): string => `<td${num.has(i) ? ' class="num"' : ''} data-label="${html(header[i] ?? '')}">${c}</td>`;
  return `<div class="table-wrap"><table class="cards">
<thead><tr>${header.map((h, i) => `<th scope="col"${num.has(i) ? ' class="num"' : ''}>${html(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}
</tbody>
</table></div>`;
}

export function scorePage(s: SiteScores, o: { lang: Lang; public: boolean }): { path: string; title: string; body: string } {
  const { board } = s;
  const lang = o.lang;
  const zh = lang === 'zh';
  const ranking = table(
    [scoreLabel('rank', lang), t('unit', lang), scoreLabel('total', lang), scoreLabel('added', lang), scoreLabel('deducted', lang)],
    board.units.map((u) => {
      const { added, deducted } = tally(u);
      return [String(u.rank), `<a href="#score-${html(u.unit.id)}">${html(shortName(u.unit))}</a>`, String(u.total), pointsWord(added), pointsWord(deducted)];
    }),
    [0, 2, 3, 4],
  );
  const units = board.units.map((u) => {
    const header = [scoreLabel('date', lang), t('task', lang), scoreLabel('event', lang), scoreLabel('points', lang), scoreLabel('rule', lang), ...(o.public ? [] : [scoreLabel('record', lang)])];
    const rows = (s.placed.get(u.unit.id) ?? []).map(({ line: l, policy, records }) => [
      html(l.date),
      html(l.task ? `${l.task.id} ${l.task.title}` : l.checkpoint ? `${t('checkpoint', lang)} ${l.checkpoint}` : ''),
      html(scoreEventWord(l, lang)),
      html(pointsWord(l.points)),
      `<code>${html(policyText(l, board.scoring))}</code>${o.public ? '' : `<br><small>${html(at(policy))}</small>`}`,
      ...(o.public ? [] : [records.map((r) => html(`${at(r)}${r.commit ? ` @${r.commit.slice(0, 10)}` : ''} ${recordWord(r.kind, lang)}`)).join('<br>')]),
    ]);
    return `<section id="score-${html(u.unit.id)}"><h3>${html(shortName(u.unit))} · ${html(scoreLabel('total', lang))} ${u.total}</h3>
${table(header, rows, [3])}</section>`;
  });
  const title = `${scoreLabel('scoreTitle', lang)}${board.scoring.title ? ` · ${board.scoring.title}` : ''}`;
  const body = `<h1>${html(title)}</h1>
<p class="meta">${html(scoreLabel('period', lang))}${colon(lang)}${html(`${board.from ?? board.start ?? (zh ? '方案开始' : 'the start')} ${zh ? '至' : 'to'} ${board.to}`)}${o.public ? '' : ` · ${html(scoreLabel('rulesFile', lang))}${colon(lang)}${html(s.rulesFile)}`}</p>
${board.units.length === 0 ? `<p>${html(scoreLabel('nothingScored', lang))}</p>` : ranking}
<h2>${html(scoreLabel('scoreLines', lang))}</h2>
${units.join('\n')}`;
  return { path: 'score.html', title, body };
}
