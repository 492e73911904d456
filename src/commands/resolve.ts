/** Turning a unit name from the command line into units, or a usage error with a suggestion. */
import { UsageError } from '../errors.js';
import { expandIds, type Ledger } from '../ledger/index.js';
import { findNamed, shortName } from '../ledger/units.js';
import type { Unit } from '../model.js';
import type { Lang } from '../render/messages.js';

export function resolveUnits(ledger: Ledger, name: string, lang: Lang): { units: Unit[]; label: string } {
  const found = findNamed(ledger.data, name);
  if (found.kind === 'unit') return { units: [found.unit], label: shortName(found.unit) };
  if (found.kind === 'group') return { units: expandIds(ledger.data, [found.group.id], ledger.unitsById), label: found.group.name };
  const hint = found.hint;
  throw new UsageError(
    lang === 'zh' ? `未知的单位 “${name}”${hint ? `，是否指 “${hint}”？` : '。'}` : `unknown unit "${name}"${hint ? `; did you mean "${hint}"?` : ''}`,
    lang === 'zh' ? '单位可写编号、全称、简称或别名（见 plan/units.yaml）。' : 'name a unit by its id, full name, short name or alias (see plan/units.yaml)',
  );
}
