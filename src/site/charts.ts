/**
 * Charts for the progress site as inline SVG: no script, no outside file.
 * Each chart is a <figure> with a <title> and <desc> (read by screen
 * readers), a caption, and the same figures as a table under <details>, so
 * nothing is shown only as a picture. Text from the data is escaped.
 */
import { html } from '../render/reports/html.js';
import { htmlTable } from '../render/documents/document.js';

export interface Bar {
  label: string;
  value: number;
  /** The bar's full length (a unit's assignments); the chart's largest value when absent. */
  of?: number;
  /** What is written at the end of the bar, e.g. "12/17 · 71%". */
  text: string;
  colour: string;
  href?: string;
  /** A key for the bar (a light, a unit id), written as data-key with data-value, for tests and scripts. */
  key?: string;
}

export interface ChartText {
  id: string;
  title: string;
  desc: string;
  /** The data table's column headings and rows. */
  table: { header: string[]; rows: string[][]; numeric?: number[] };
  dataLabel: string;
}

// Narrow enough that a phone shows the text at about its own size; wider screens cap the figure's width in CSS.
const W = 420;
const FONT = 15;

function figure(c: ChartText, height: number, body: string): string {
  return `<figure class="chart" id="${c.id}">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" role="img" aria-labelledby="${c.id}-t ${c.id}-d" preserveAspectRatio="xMinYMin meet">
<title id="${c.id}-t">${html(c.title)}</title>
<desc id="${c.id}-d">${html(c.desc)}</desc>
${body}
</svg>
<figcaption>${html(c.title)}</figcaption>
<details><summary>${html(c.dataLabel)}</summary><div class="table-wrap">${htmlTable(c.table.header, c.table.rows, c.table.numeric)}</div></details>
</figure>`;
}

/** Keeps a label inside `max` display units: CJK characters count as one em, others as half. */
function fit(label: string, maxEm: number): string {
  let em = 0;
  let out = '';
  for (const ch of label) {
    const w = /[\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 1 : 0.55;
    if (em + w > maxEm - 0.5) return `${out}…`;
    out += ch;
    em += w;
  }
  return out;
}

/** Horizontal bars, one per row, label on the left, figure on the right. */
export function barChart(c: ChartText, bars: Bar[]): string {
  const row = 30;
  const labelW = 118;
  const textW = 92;
  const top = 6;
  const height = top * 2 + Math.max(1, bars.length) * row;
  const max = Math.max(1, ...bars.map((b) => b.of ?? b.value));
  const span = W - labelW - textW - 10;
  const body = bars
    .map((b, i) => {
      const y = top + i * row;
      const full = ((b.of ?? max) / max) * span;
      const len = b.value <= 0 ? 0 : Math.max(2, (b.value / max) * span);
      const label = html(fit(b.label, (labelW - 12) / FONT));
      const name = b.href ? `<a href="${html(b.href)}">${label}</a>` : label;
      return `<g${b.key === undefined ? '' : ` data-key="${html(b.key)}" data-value="${b.value}"`}>
<text x="${labelW - 8}" y="${y + row / 2 + FONT / 3}" text-anchor="end" font-size="${FONT}">${name}</text>
<rect x="${labelW}" y="${y + 6}" width="${full.toFixed(1)}" height="${row - 12}" fill="#e6e6e6"/>
<rect x="${labelW}" y="${y + 6}" width="${len.toFixed(1)}" height="${row - 12}" fill="${b.colour}"/>
<text x="${(labelW + full + 6).toFixed(1)}" y="${y + row / 2 + FONT / 3}" font-size="${FONT}">${html(b.text)}</text>
</g>`;
    })
    .join('\n');
  return figure(c, height, body);
}

export interface TimelineEntry {
  date: string;
  kind: 'deadline' | 'checkpoint' | 'milestone' | 'asof';
  text: string;
  /** Past, today or ahead of the as-of date: drawn grey, dark, dark. */
  past: boolean;
}

/** A vertical timeline: readable on a phone, however close the dates are. */
export function timelineChart(c: ChartText, entries: TimelineEntry[]): string {
  const row = 30;
  const x = 104;
  const height = 12 + Math.max(1, entries.length) * row;
  const marks = entries
    .map((e, i) => {
      const y = 6 + i * row + row / 2;
      const ink = e.past ? '#6b6b6b' : '#1a1a1a';
      const mark =
        e.kind === 'checkpoint'
          ? `<path d="M${x} ${y - 8} L${x + 8} ${y} L${x} ${y + 8} L${x - 8} ${y} Z" fill="#1565c0"/>`
          : e.kind === 'asof'
            ? `<rect x="${x - 8}" y="${y - 3}" width="16" height="6" fill="#c62828"/>`
            : e.kind === 'milestone'
              ? `<circle cx="${x}" cy="${y}" r="6" fill="#ffffff" stroke="${e.past ? '#9e9e9e' : '#2e7d32'}" stroke-width="3"/>`
            : `<circle cx="${x}" cy="${y}" r="6" fill="${e.past ? '#9e9e9e' : '#2e7d32'}"/>`;
      return `<g><text x="${x - 14}" y="${y + 5}" text-anchor="end" font-size="13" fill="${ink}">${html(e.date)}</text>${mark}<text x="${x + 14}" y="${y + 5}" font-size="${FONT}" fill="${ink}"${e.kind === 'asof' ? ' font-weight="bold"' : ''}>${html(fit(e.text, (W - x - 24) / FONT))}</text></g>`;
    })
    .join('\n');
  return figure(c, height, `<line x1="${x}" y1="6" x2="${x}" y2="${height - 6}" stroke="#9e9e9e" stroke-width="2"/>\n${marks}`);
}

/** A step line of a count over days, from `from` to `to`. */
export function trendChart(c: ChartText, points: { day: number; date: string; value: number }[], from: { day: number; date: string }, to: { day: number; date: string }, yMax: number): string {
  const height = 200;
  const left = 40;
  const right = 14;
  const top = 16;
  const bottom = 40;
  const plotW = W - left - right;
  const plotH = height - top - bottom;
  const days = Math.max(1, to.day - from.day);
  const max = Math.max(1, yMax);
  const sx = (d: number): number => left + ((d - from.day) / days) * plotW;
  const sy = (v: number): number => top + plotH - (v / max) * plotH;
  let path = `M${sx(from.day).toFixed(1)} ${sy(0).toFixed(1)}`;
  let last = 0;
  for (const p of points) {
    path += ` H${sx(p.day).toFixed(1)} V${sy(p.value).toFixed(1)}`;
    last = p.value;
  }
  path += ` H${sx(to.day).toFixed(1)}`;
  const ticks = [0, Math.round(max / 2), max]
    .filter((v, i, a) => a.indexOf(v) === i)
    .map((v) => `<line x1="${left}" x2="${W - right}" y1="${sy(v).toFixed(1)}" y2="${sy(v).toFixed(1)}" stroke="#e0e0e0"/><text x="${left - 6}" y="${(sy(v) + 5).toFixed(1)}" text-anchor="end" font-size="13">${v}</text>`)
    .join('');
  const axis = `<line x1="${left}" x2="${W - right}" y1="${sy(0)}" y2="${sy(0)}" stroke="#616161"/>
<text x="${left}" y="${height - 12}" font-size="13">${html(from.date)}</text>
<text x="${W - right}" y="${height - 12}" font-size="13" text-anchor="end">${html(to.date)}</text>`;
  const end = `<circle cx="${sx(to.day).toFixed(1)}" cy="${sy(last).toFixed(1)}" r="4" fill="#2e7d32"/>`;
  return figure(c, height, `${ticks}\n${axis}\n<path d="${path}" fill="none" stroke="#2e7d32" stroke-width="2.5"/>\n${end}`);
}
