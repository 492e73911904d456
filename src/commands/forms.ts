/** `plan forms`: one fill-in form (.xlsx) per unit for a checkpoint. */
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { checklistFor } from '../ledger/checklist.js';
import { buildLedger, reportersOf } from '../ledger/index.js';
import { shortName } from '../ledger/units.js';
import type { Checkpoint, Unit } from '../model.js';
import { loadValidPlan, print, type Context } from './context.js';
import { resolveUnits } from './resolve.js';
import { ensureSecret, secretFile, writeFileAtomic } from '../store/index.js';

export interface FormsOptions {
  out?: string;
  unit?: string;
  group?: string;
  checkpoint?: string;
}

export async function forms(ctx: Context, options: FormsOptions): Promise<void> {
  if (options.out === undefined) throw new UsageError('forms-needs-out');
  const { data, asOf } = await loadValidPlan(ctx, true);
  const ledger = buildLedger(data, asOf);
  const checkpoint = pickCheckpoint(data.plan.checkpoints, options.checkpoint, asOf);
  // The units that report at this checkpoint; a unit named with --unit or --group gets its form all the same.
  const reporters = new Set(reportersOf(ledger, checkpoint).map((u) => u.id));
  let units: Unit[] = options.unit === undefined && options.group === undefined ? data.units.filter((u) => reporters.has(u.id)) : data.units;
  for (const name of [options.unit, options.group]) {
    if (name === undefined) continue;
    const ids = new Set(resolveUnits(ledger, name).units.map((u) => u.id));
    units = units.filter((u) => ids.has(u.id));
  }
  // The office's key signs every form; made here on first use (see store/secret.ts).
  const secret = secretFile(ctx.planDir);
  const { key, made } = ensureSecret(secret);
  if (made) print(ctx.lang === 'zh' ? `已生成办公室的填报表密钥 ${secret}（不进入 git；收集填报表时用它核验签名，请妥善保管）` : `made the office's form key ${secret} (kept out of git; plan collect checks each form's signature with it: keep it safe)`);
  const { default: excel } = await import('exceljs');
  const { unitForm, formFileName } = await import('../workbook/forms.js');
  const names = new Map<string, number>();
  for (const u of data.units) names.set(shortName(u), (names.get(shortName(u)) ?? 0) + 1);
  let written = 0;
  for (const unit of units) {
    const list = checklistFor(ledger, unit);
    // A unit with no task has nothing to fill in.
    if (list.assignments.length === 0) continue;
    // Two units with one short name get their ids in the file name.
    const name = names.get(shortName(unit))! > 1 ? `${shortName(unit)}-${unit.id}` : shortName(unit);
    writeFileAtomic(join(options.out, formFileName(name)), await unitForm(excel, ledger, list, checkpoint, ctx.lang, key));
    written++;
  }
  print(ctx.lang === 'zh' ? `已写入 ${written} 份填报表到 ${options.out}（报送节点 ${checkpoint.date}）` : `wrote ${written} forms to ${options.out} (checkpoint ${checkpoint.date})`);
}

/** The checkpoint asked for, or the next one on or after the as-of date. */
export function pickCheckpoint(checkpoints: Checkpoint[], wanted: string | undefined, asOf: string): Checkpoint {
  const sorted = [...checkpoints].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (wanted !== undefined) {
    const found = sorted.find((c) => c.date === wanted);
    if (!found) throw new UsageError('unknown-checkpoint', { date: wanted, dates: sorted.map((c) => c.date).join(', ') || '—' });
    return found;
  }
  const next = sorted.find((c) => c.date >= asOf);
  if (!next) throw new UsageError('no-checkpoint', { asOf });
  return next;
}
