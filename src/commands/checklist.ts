/** `plan checklist`: one unit's tasks and checkpoints; with --all --out, one Markdown file per unit. */
import { countOf } from '../render/labels.js';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { checklistFor } from '../ledger/checklist.js';
import { buildLedger } from '../ledger/index.js';
import { unitIdsNamed } from '../ledger/units.js';
import { CHECKLIST_FORMATS, checklistMarkdown } from '../render/reports/checklist.js';
import { loadValidPlan, paintFor, print, type Context } from './context.js';
import { resolveUnits } from './resolve.js';
import { gitReplay, writeFileAtomic } from '../store/index.js';

export interface ChecklistOptions {
  format: keyof typeof CHECKLIST_FORMATS;
  all?: boolean;
  out?: string;
}

export async function checklist(ctx: Context, name: string | undefined, options: ChecklistOptions): Promise<void> {
  const zh = ctx.lang === 'zh';
  if (!options.all && name === undefined) throw new UsageError('checklist-needs-unit');
  // With details for the units it prints: a checklist shows their progress notes and reasons.
  const { data, asOf } = await loadValidPlan(ctx, {
    details: options.all
      ? true
      : (plan) => {
          const ids = unitIdsNamed(plan, name!);
          return (unit) => ids.has(unit);
        },
  });
  const ledger = buildLedger(data, asOf, await gitReplay(ctx.planDir, data, asOf));
  const units = options.all ? data.units : resolveUnits(ledger, name!).units;
  const lists = units.map((u) => checklistFor(ledger, u));
  if (options.out !== undefined) {
    // Unit ids are ASCII letters, digits, - and _ (the schema says so): safe file names.
    for (const list of lists) writeFileAtomic(join(options.out, `${list.unit.id}.md`), checklistMarkdown(list, ledger, ctx.lang));
    print(zh ? `已写入 ${lists.length} 份清单到 ${options.out}` : `wrote ${countOf(lists.length, 'checklist')} to ${options.out}`);
    return;
  }
  print(CHECKLIST_FORMATS[options.format]({ ledger, lists }, { lang: ctx.lang, paint: await paintFor(ctx), columns: ctx.columns }));
}
