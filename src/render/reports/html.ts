/**
 * `plan status --format html`: one self-contained page (no scripts, no
 * outside files) that an office can open, print or attach to a report.
 * Every text from the data is escaped; lights are words with a colour.
 */
import { LIGHT_ORDER, type Light, type TaskRow } from '../../ledger/index.js';
import { shortName } from '../../ledger/units.js';
import { checkpointLine } from './header.js';
import { colon, lightWord, rowDaysWord, t } from '../labels.js';
import { safeText } from '../text.js';
import type { StatusView } from './view.js';
import type { Lang } from '../lang.js';

/** Text from the data inside HTML: controls shown escaped, markup characters as entities. */
export function html(s: string): string {
  return safeText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const COLOURS: Record<Light, string> = { red: '#c62828', blocked: '#6a1b9a', yellow: '#b26a00', awaiting: '#1565c0', green: '#2e7d32', 'done-late': '#8d6e00', ongoing: '#546e7a' };

const STYLE = `
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 2em; color: #212121; }
h1 { font-size: 1.4em; margin-bottom: 0.2em; }
p.meta { color: #555; margin: 0.2em 0; }
table { border-collapse: collapse; width: 100%; margin-top: 1em; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.num { text-align: right; white-space: nowrap; }
td.date { white-space: nowrap; }
td.light { font-weight: bold; white-space: nowrap; }
.bar { display: inline-block; width: 6em; height: 0.7em; background: #e0e0e0; margin-right: 0.4em; vertical-align: middle; }
.bar span { display: block; height: 100%; background: #2e7d32; }
footer { margin-top: 1em; color: #555; }
@media print { body { margin: 0; } }
`;

export function statusHtml(v: StatusView, lang: Lang): string {
  const { plan } = v.ledger.data;
  const lead = (r: TaskRow): string =>
    r.task.lead
      .map((id) => {
        const unit = v.ledger.unitsById.get(id);
        return unit ? shortName(unit) : (v.ledger.data.groups.find((g) => g.id === id)?.name ?? id);
      })
      .join('、') + (r.task.leadOpen ? t('openList', lang) : '');
  const rows = v.rows.map((r) => {
    const done = r.total > 0 && r.done === r.total;
    const pct = r.total === 0 ? 0 : Math.round((r.done / r.total) * 100);
    return `<tr class="light-${r.light}">
<td>${html(r.task.id)}</td>
<td>${html(r.task.title)}</td>
<td>${html(lead(r)) || '—'}</td>
<td class="date">${html(r.task.deadline ?? t('noDeadline', lang))}</td>
<td class="num">${html(rowDaysWord(r, lang, v.ledger.dayUnit, v.ledger.asOf))}</td>
<td class="num"><span class="bar"><span style="width:${pct}%"></span></span>${r.done}/${r.total}</td>
<td class="light" style="color:${COLOURS[r.light]}">${html(lightWord(r.light, lang, done))}</td>
</tr>`;
  });
  const counts = LIGHT_ORDER.map((l) => [l, v.rows.filter((r) => r.light === l).length] as const).filter(([, n]) => n > 0);
  const title = `${plan.title}（${plan.document}）`;
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${html(title)}</h1>
<p class="meta">${html(t('asOf', lang))}${colon(lang)}${html(v.ledger.asOf)}${v.filter ? ` · ${html(v.filter)}` : ''}</p>
<p class="meta">${html(t('nextCheckpoint', lang))}${colon(lang)}${html(checkpointLine(v.ledger, lang))}</p>
<table>
<thead><tr><th>${t('id', lang)}</th><th>${t('task', lang)}</th><th>${t('lead', lang)}</th><th>${t('deadline', lang)}</th><th>${t('days', lang)}</th><th>${t('progress', lang)}</th><th>${t('light', lang)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<footer>${v.rows.length} ${html(t('tasks', lang))}${colon(lang)}${counts.map(([l, n]) => `<span style="color:${COLOURS[l]}">${html(lightWord(l, lang))} ${n}</span>`).join(' · ')} · ${html(t('generated', lang))}</footer>
</body>
</html>
`;
}
