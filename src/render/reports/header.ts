/** The lines above every report: the plan, the as-of date, the next checkpoint. */
import type { Ledger } from '../../ledger/index.js';
import { shortName } from '../../ledger/units.js';
import { colon, countOf, daysWord, t } from '../labels.js';
import { displayWidth, safeText, truncate } from '../text.js';
import type { Lang, Paint } from '../lang.js';

/**
 * Parts of a header line joined with " · ", or one to a line when together
 * they would be wider than the terminal.
 */
export function joinFitting(parts: string[], columns: number | undefined): string {
  const one = parts.join(' · ');
  return columns === undefined || displayWidth(one) <= columns ? one : parts.join('\n');
}

export function reportHeader(ledger: Ledger, lang: Lang, paint: Paint, extra?: string, columns?: number): string {
  const { plan } = ledger.data;
  const title = safeText(`${plan.title}（${plan.document}）`);
  const lines = [paint.bold(columns !== undefined && displayWidth(title) > columns ? truncate(title, columns) : title), joinFitting([`${t('asOf', lang)}${colon(lang)}${ledger.asOf}`, ...(extra ? [safeText(extra)] : [])], columns)];
  lines.push(`${t('nextCheckpoint', lang)}${colon(lang)}${checkpointLine(ledger, lang)}`);
  return lines.join('\n');
}

export function checkpointLine(ledger: Ledger, lang: Lang): string {
  const next = ledger.nextCheckpoint;
  if (!next) return t('noCheckpoint', lang);
  const to = next.recipient ? shortName(next.recipient) : next.checkpoint.recipient;
  const count = next.reporters.length;
  return lang === 'zh'
    ? `${next.checkpoint.date}（${daysWord(next.daysLeft, lang, ledger.dayUnit)}），${count} 个单位报送至${safeText(to)}`
    : `${next.checkpoint.date} (${daysWord(next.daysLeft, lang, ledger.dayUnit)}): ${countOf(count, 'unit')} report${count === 1 ? 's' : ''} to ${safeText(to)}`;
}
