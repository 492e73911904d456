/**
 * The site's one stylesheet (style.css): system CJK fonts only (nothing is
 * fetched), text contrast of at least 4.5:1 on white, a one-column layout
 * below 700 px for phones, and a print stylesheet (no navigation, data
 * tables open, no breaks inside a figure or a table row).
 */
export const SITE_CSS = `
:root { --ink: #1a1a1a; --muted: #4d4d4d; --line: #c8c8c8; --accent: #0b57a4; --bg-soft: #f4f6f8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid #f9a825; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1em; top: 1em; background: #fff; padding: 0.4em 0.8em; z-index: 2; }
header.site { background: #0b3d6e; color: #fff; padding: 0.8em 1.2em; }
header.site a { color: #fff; }
header.site p { margin: 0.2em 0 0; color: #e3ecf5; }
nav ul { list-style: none; margin: 0.5em 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; }
main { max-width: 1100px; margin: 0 auto; padding: 1em 1.2em 2em; }
h1 { font-size: 1.45em; line-height: 1.35; margin: 0; }
h2 { font-size: 1.2em; margin: 1.6em 0 0.5em; border-bottom: 2px solid var(--line); padding-bottom: 0.2em; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
.meta { color: var(--muted); margin: 0.3em 0; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(10em, 1fr)); gap: 0.8em; margin: 1em 0; padding: 0; }
.figures div { background: var(--bg-soft); border-left: 5px solid var(--accent); padding: 0.6em 0.8em; }
.figures dt { color: var(--muted); font-size: 0.9em; }
.figures dd { margin: 0; font-size: 1.7em; font-weight: bold; line-height: 1.3; }
.figures dd small { font-size: 0.5em; font-weight: normal; color: var(--muted); }
.figures .bad { border-left-color: #c62828; }
.figures .warn { border-left-color: #b26a00; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5em; }
figure.chart { margin: 0.5em 0 1.2em; max-width: 620px; }
figure.chart svg { width: 100%; height: auto; display: block; font-family: inherit; }
figure.chart svg text { fill: var(--ink); }
figure.chart svg a text, figure.chart svg a { fill: var(--accent); text-decoration: underline; }
figcaption { color: var(--muted); font-size: 0.9em; margin-top: 0.3em; }
details summary { cursor: pointer; color: var(--accent); font-size: 0.9em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; font-size: 0.95em; }
caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
th, td { border: 1px solid var(--line); padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
thead th { background: var(--bg-soft); }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
.light { font-weight: bold; white-space: nowrap; }
.light::before { content: ""; display: inline-block; width: 0.7em; height: 0.7em; border-radius: 50%; margin-right: 0.3em; background: currentColor; vertical-align: baseline; }
.text { white-space: pre-wrap; background: var(--bg-soft); padding: 0.8em 1em; border-radius: 4px; }
footer.site { color: var(--muted); font-size: 0.85em; border-top: 1px solid var(--line); padding: 1em 1.2em; max-width: 1100px; margin: 0 auto; }
@media (max-width: 700px) {
  body { font-size: 15px; }
  .grid2 { grid-template-columns: 1fr; }
  main { padding: 0.8em 0.8em 1.5em; }
  .figures { grid-template-columns: 1fr 1fr; }
  .figures dd { font-size: 1.4em; }
  th, td { padding: 0.3em 0.35em; }
  /* Rows as cards: the column names move beside the values. */
  table.cards thead { position: absolute; left: -9999px; }
  table.cards, table.cards tbody, table.cards tr, table.cards th[scope="row"], table.cards td { display: block; width: 100%; }
  table.cards tr { border: 1px solid var(--line); margin-bottom: 0.6em; }
  table.cards th[scope="row"] { background: var(--bg-soft); border: 0; }
  table.cards td { border: 0; border-top: 1px solid #eee; text-align: left; white-space: normal; }
  table.cards td:empty { display: none; }
  table.cards td::before { content: attr(data-label) "："; color: var(--muted); }
  :lang(en) table.cards td::before { content: attr(data-label) ": "; }
  table.cards td a { overflow-wrap: anywhere; }
}
@media print {
  body { font-size: 11pt; }
  header.site { background: none; color: #000; border-bottom: 2px solid #000; }
  header.site a, header.site p { color: #000; }
  nav, .skip, details summary { display: none; }
  details > .table-wrap { display: block; }
  a { color: #000; text-decoration: none; }
  main { max-width: none; padding: 0; }
  .grid2 { grid-template-columns: 1fr; }
  figure, tr, .figures div { break-inside: avoid; }
  h2 { break-after: avoid; }
  .figures div { border: 1px solid #000; }
}
`;
