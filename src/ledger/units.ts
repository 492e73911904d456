/** Finding a unit or group by what people call it: id, full name, short name or alias. */
import type { PlanData, Unit, UnitGroup } from '../model.js';
import { closest } from '../suggest.js';

export type Named = { kind: 'unit'; unit: Unit } | { kind: 'group'; group: UnitGroup };

export function findNamed(data: Pick<PlanData, 'units' | 'groups'>, name: string): Named | { kind: 'unknown'; hint?: string } {
  const wanted = name.trim();
  for (const unit of data.units) {
    if (unit.id === wanted || unit.name === wanted || unit.short === wanted || unit.aliases.includes(wanted)) return { kind: 'unit', unit };
  }
  for (const group of data.groups) {
    if (group.id === wanted || group.name === wanted || group.aliases.includes(wanted)) return { kind: 'group', group };
  }
  const names = [...data.units.flatMap((u) => [u.id, u.name, ...(u.short ? [u.short] : []), ...u.aliases]), ...data.groups.flatMap((g) => [g.id, g.name, ...g.aliases])];
  const hint = closest(wanted, names);
  return hint === undefined ? { kind: 'unknown' } : { kind: 'unknown', hint };
}

/** The short name the document uses, else the full name. */
export function shortName(unit: Unit): string {
  return unit.short ?? unit.name;
}

/** The ids of the units a name stands for (a unit, or a group's members); empty when unknown. */
export function unitIdsNamed(data: Pick<PlanData, 'units' | 'groups'>, name: string): Set<string> {
  const found = findNamed(data, name);
  if (found.kind === 'unit') return new Set([found.unit.id]);
  if (found.kind === 'group') return new Set(found.group.members);
  return new Set();
}

/** 县财政局（林口县财政局）: the short name with the full one, each shown once when they are the same. */
export function nameWithFull(unit: Unit): string {
  const short = shortName(unit);
  return short === unit.name ? short : `${short}（${unit.name}）`;
}

/**
 * The office's name as it signs a document, never its short name: plan.yaml's
 * `issuer`, written in full from units.yaml when it names a unit there by a
 * shorter name; without an issuer, the unit the reports go to.
 */
export function issuingOffice(data: Pick<PlanData, 'units' | 'groups' | 'plan'>, recipient?: Unit): string {
  const issuer = data.plan.issuer.trim();
  if (issuer === '') return recipient?.name ?? '';
  const found = findNamed(data, issuer);
  return found.kind === 'unit' && found.unit.name.length > issuer.length ? found.unit.name : issuer;
}
