/** Unit and group names as a document writes them, to ids. */
import { pinyin } from 'pinyin-pro';
import type { Unit, UnitGroup, UnitKind } from '../model.js';
import type { ImportOptions } from './types.js';
import { MEMBERS_UNKNOWN_NOTE } from './notes.js';

/** The name of the placeholder for owners a document does not name. */
export const PLACEHOLDER_OWNER = '（原文未写明责任单位）';

const PREFIX = /^(?:国家|各|县|市|省|区|州|盟|旗|镇|乡)/;
const SUFFIX = /(?:人民政府|办公室|办公厅|委员会|管委会|领导小组|中心|政府|总局|总署|单位|部门|街道|公司|局|委|办|部|厅|院|署|会|所|站|队|镇|乡|社|行)$/;

/** A readable ASCII id from a Chinese name: 县财政局 → xian-caizheng-ju. */
export function pinyinId(name: string): string {
  const syllables = (s: string): string =>
    pinyin(s, { toneType: 'none', type: 'array', v: true })
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '');
  let rest = name.replace(/[（(][^（()）]*[）)]/g, (m) => m.slice(1, -1));
  const prefix = PREFIX.exec(rest)?.[0] ?? '';
  rest = rest.slice(prefix.length);
  const suffix = rest.length > 1 ? (SUFFIX.exec(rest)?.[0] ?? '') : '';
  const middle = rest.slice(0, rest.length - suffix.length);
  const id = [prefix, middle, suffix].map(syllables).filter(Boolean).join('-');
  return /^[a-z0-9]/.test(id) ? id : `unit-${id}`.replace(/-$/, '');
}

/** 各镇, 各有关部门, 县直各单位, 有关部门: every unit of a kind, not one unit. */
export function isGroupPhrase(name: string): boolean {
  return name.includes('各') || /^(?:有关|相关|其他|其它)(?:部门|单位)/.test(name) || /(?:成员单位|(?:有关|相关)(?:部门|单位)(?:和单位)?)$/.test(name);
}

/** Unit and group names to ids: known ones resolved, new ones created with ASCII ids. */
export class NameBook {
  private readonly units: Unit[];
  private readonly groups: UnitGroup[];
  private readonly created: string[] = [];
  private readonly resolved = new Set<string>();
  private readonly groupsCreated: string[] = [];

  /** Every name, short name and alias, to its unit or group: one lookup per name, however many units. */
  private readonly unitByName = new Map<string, Unit>();
  private readonly groupByName = new Map<string, UnitGroup>();

  constructor(known: ImportOptions['known']) {
    this.units = known ? known.units.map((u) => ({ ...u, aliases: [...u.aliases] })) : [];
    this.groups = known ? known.groups.map((g) => ({ ...g })) : [];
    for (const u of this.units) this.indexUnit(u);
    for (const g of this.groups) for (const n of [g.name, ...g.aliases]) if (!this.groupByName.has(n)) this.groupByName.set(n, g);
  }

  private indexUnit(u: Unit): void {
    for (const n of [u.name, u.short, ...u.aliases]) if (n !== undefined && !this.unitByName.has(n)) this.unitByName.set(n, u);
  }

  /** Names already resolved: documents repeat the same few names hundreds of times. */
  private readonly memo = new Map<string, string>();
  private readonly taken = new Set<string>();

  id(raw: string): string {
    const name = raw.trim();
    const seen = this.memo.get(name);
    if (seen !== undefined) return seen;
    const id = this.lookup(name);
    this.memo.set(name, id);
    return id;
  }

  private lookup(name: string): string {
    // Names created by this import are in the memo already: a hit here is a given unit.
    const unit = this.unitByName.get(name);
    if (unit) {
      this.resolved.add(`${name} → ${unit.id}`);
      return unit.id;
    }
    const group = this.groupByName.get(name);
    if (group) {
      this.resolved.add(`${name} → ${group.id}`);
      return group.id;
    }
    // 县政府办 is short for 县政府办公室: one unit under two names.
    const same = this.unitByName.get(`${name}公室`) ?? (name.endsWith('公室') ? this.unitByName.get(name.slice(0, -2)) : undefined);
    if (same && (same.name === `${name}公室` || `${same.name}公室` === name)) {
      same.aliases.push(name);
      this.unitByName.set(name, same);
      this.resolved.add(`${name} → ${same.id}`);
      return same.id;
    }
    // "各…" means every unit of a kind: a group, whose members the document does not list.
    if (isGroupPhrase(name) || name === PLACEHOLDER_OWNER) {
      const id = this.freshId(name === PLACEHOLDER_OWNER ? 'owner-not-named' : pinyinId(name));
      const note = name === PLACEHOLDER_OWNER ? 'plan import 写入的占位：原文未写明这些任务的责任单位，请填写单位并替换本组。' : MEMBERS_UNKNOWN_NOTE;
      const created: UnitGroup = { id, name, aliases: [], members: [], membersUnknown: true, note };
      this.groups.push(created);
      this.groupByName.set(name, created);
      this.groupsCreated.push(name);
      return id;
    }
    const id = this.freshId(pinyinId(name));
    const created: Unit = { id, name, short: name, aliases: [], kind: kindOf(name), note: 'plan import 按原文写法创建：请核对单位全称，并改用长期使用的 id（plan unit rename）。' };
    this.units.push(created);
    this.indexUnit(created);
    this.created.push(name);
    return id;
  }

  /** `base`, or base-2, base-3 … when taken by a unit or group. */
  private freshId(base: string): string {
    if (this.taken.size === 0) for (const x of [...this.units, ...this.groups]) this.taken.add(x.id);
    let id = base;
    for (let k = 2; this.taken.has(id); k++) id = `${base}-${k}`;
    this.taken.add(id);
    return id;
  }

  /** The group that stands for owners the document does not name: clearly a placeholder, for a person to replace. */
  placeholder(): string {
    return this.id(PLACEHOLDER_OWNER);
  }

  /**
   * The group a short name means when the plan has it under its full one: 各乡镇 for 各乡镇人民政府
   * (and the other way), as a reporting sentence shortens the tasks' names; nothing is created.
   */
  sameGroup(raw: string): string | undefined {
    const name = raw.trim();
    if (!isGroupPhrase(name)) return undefined;
    const forms = new Set([name, `${name}人民政府`, `${name}政府`, `${name}办事处`, name.replace(/(?:人民政府|政府|办事处)$/, '')]);
    const found = this.groups.find((g) => [g.name, ...g.aliases].some((n) => forms.has(n)));
    return found?.id;
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

/**
 * A unit of the county (县…局), a town, or a body of a higher level the county does not run: a city's
 * or province's office (牡丹江市…, 市…局, 省…厅) and its branch in the county (市生态环境局青峰分局).
 */
export function kindOf(name: string): UnitKind {
  if (/(?:镇|乡)(?:人民政府)?$/.test(name)) return 'town';
  if (name.startsWith('县')) return 'county-department';
  if (/^[\u4e00-\u9fa5]{2,4}市(?!.*县)/.test(name)) return 'outside-body';
  // 市场监管局, 市政公用局 are county offices named without their 县.
  if (/^(?:市(?!场|政|容|民)|省|国家|中央|自治区)/.test(name)) return 'outside-body';
  if (/(?:市|省)[\u4e00-\u9fa5]*(?:局|厅|委|中心)[\u4e00-\u9fa5]*(?:分局|支队|大队|分中心|分公司)$/.test(name)) return 'outside-body';
  return 'county-department';
}
