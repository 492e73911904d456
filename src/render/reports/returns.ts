/** 报送情况 in the text reports: who has not yet returned the form. */
import type { Ledger } from '../../ledger/index.js';
import { collectingCheckpoint, returnsFor } from '../../ledger/returns.js';
import { shortName } from '../../ledger/units.js';
import type { Unit } from '../../model.js';
import { safeText } from '../text.js';
import type { Lang } from '../lang.js';

const SHOWN = 10;

/**
 * The `plan status` footer line: units that have not returned their form for
 * the checkpoint being collected. Only once the county collects forms (some
 * return is recorded); a plan that does not use forms gets no nagging line.
 */
export function missingReturnsLine(ledger: Ledger, lang: Lang): string | undefined {
  if (ledger.data.returns.length === 0) return undefined;
  const checkpoint = collectingCheckpoint(ledger);
  if (!checkpoint) return undefined;
  const rows = returnsFor(ledger, checkpoint);
  const missing = rows.filter((r) => !r.received).map((r) => r.unit);
  if (missing.length === 0) return lang === 'zh' ? `报送情况（${checkpoint.date}）：${rows.length} 个单位均已报送` : `All ${rows.length} units have returned their forms for ${checkpoint.date}`;
  const names = list(missing, lang);
  return lang === 'zh'
    ? `尚未报送（${checkpoint.date}）：${names}（${rows.length} 个单位中 ${missing.length} 个）`
    : `${names} ${missing.length === 1 ? 'has' : 'have'} not returned ${missing.length === 1 ? 'its form' : 'their forms'} for ${checkpoint.date} (${missing.length} of ${rows.length})`;
}

function list(units: Unit[], lang: Lang): string {
  const names = units.slice(0, SHOWN).map((u) => safeText(shortName(u)));
  const more = units.length - names.length;
  if (lang === 'zh') return names.join('、') + (more > 0 ? ` 等 ${units.length} 个` : '');
  return names.join(', ') + (more > 0 ? ` and ${more} more` : '');
}

/** The `plan report` line: has this unit returned its form for the checkpoint? */
export function unitReturnLine(ledger: Ledger, unit: Unit, checkpointDate: string, lang: Lang): string | undefined {
  const checkpoint = ledger.data.plan.checkpoints.find((c) => c.date === checkpointDate);
  if (!checkpoint) return undefined;
  const row = returnsFor(ledger, checkpoint).find((r) => r.unit.id === unit.id);
  if (!row) return undefined;
  if (row.received) {
    const file = row.received.file !== undefined ? safeText(row.received.file) : undefined;
    return lang === 'zh' ? `报送情况：已于 ${row.received.received} 报送${file ? `（${file}）` : ''}` : `Form: returned on ${row.received.received}${file ? ` (${file})` : ''}`;
  }
  return lang === 'zh' ? `报送情况：${row.late ? '逾期未报送' : '尚未报送'}` : `Form: ${row.late ? 'overdue, not returned' : 'not yet returned'}`;
}
