/** Unit and group names as a document writes them, to ids. */
import type { Unit, UnitGroup, UnitKind } from '../model.js';
import type { ImportOptions } from './index.js';

/** Unit and group names to ids: known ones resolved, new ones created with ASCII ids. */
export class NameBook {
  private readonly units: Unit[];
  private readonly groups: UnitGroup[];
  private readonly created: string[] = [];
  private readonly resolved = new Set<string>();
  private readonly groupsCreated: string[] = [];

  constructor(known: ImportOptions['known']) {
    this.units = known ? known.units.map((u) => ({ ...u })) : [];
    this.groups = known ? known.groups.map((g) => ({ ...g })) : [];
  }

  id(raw: string): string {
    const name = raw.trim();
    const unit = this.units.find((u) => u.name === name || u.short === name || u.aliases.includes(name));
    if (unit) {
      if (!this.created.includes(unit.name)) this.resolved.add(`${name} → ${unit.id}`);
      return unit.id;
    }
    const group = this.groups.find((g) => g.name === name || g.aliases.includes(name));
    if (group) {
      if (!this.groupsCreated.includes(group.name)) this.resolved.add(`${name} → ${group.id}`);
      return group.id;
    }
    // 县政府办 is short for 县政府办公室: one unit under two names.
    const same = this.units.find((u) => u.name === `${name}公室` || `${u.name}公室` === name);
    if (same) {
      same.aliases.push(name);
      this.resolved.add(`${name} → ${same.id}`);
      return same.id;
    }
    // "各…" means every unit of a kind: a group, whose members the document does not list.
    if (name.includes('各')) {
      const id = `group-${String(this.groupsCreated.length + 1).padStart(2, '0')}`;
      this.groups.push({ id, name, aliases: [], members: [], note: 'Created by plan import: the document does not list the members; complete them.' });
      this.groupsCreated.push(name);
      return id;
    }
    const id = `unit-${String(this.created.length + 1).padStart(2, '0')}`;
    this.units.push({ id, name, short: name, aliases: [], kind: kindOf(name), note: 'Created by plan import from the name as written; check the full name and give it a lasting id.' });
    this.created.push(name);
    return id;
  }

  /** A group the known units file has under this name; nothing is created. */
  knownGroup(raw: string): string | undefined {
    const name = raw.trim();
    return this.groups.find((g) => !this.groupsCreated.includes(g.name) && (g.name === name || g.aliases.includes(name)))?.id;
  }

  result(): { units: Unit[]; groups: UnitGroup[]; created: string[]; resolved: string[]; groupsCreated: string[] } {
    return { units: this.units, groups: this.groups, created: this.created, resolved: [...this.resolved], groupsCreated: this.groupsCreated };
  }
}

function kindOf(name: string): UnitKind {
  if (/(?:镇|乡)(?:人民政府)?$/.test(name)) return 'town';
  if (/^[\u4e00-\u9fa5]{2,4}市(?!.*县)/.test(name) && !name.startsWith('县')) return 'outside-body';
  return 'county-department';
}
