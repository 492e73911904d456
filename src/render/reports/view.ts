/** What the report renderers share: the options they take and how owners are named. */
import type { Ledger, TaskRow } from '../../ledger/index.js';
import { shortName } from '../../ledger/units.js';
import type { Lang, Paint } from '../lang.js';

export interface StatusView {
  ledger: Ledger;
  rows: TaskRow[];
  /** What the rows were narrowed to, in words, for the header. */
  filter?: string;
}

export interface RenderOptions {
  lang: Lang;
  paint: Paint;
  columns: number;
}

/** Unit and group ids as the names people read: short names of units, names of groups. */
export const ownerNames = (ledger: Ledger, ids: readonly string[]): string =>
  ids
    .map((id) => {
      const unit = ledger.unitsById.get(id);
      return unit ? shortName(unit) : (ledger.data.groups.find((g) => g.id === id)?.name ?? id);
    })
    .join('、');
