/**
 * `plan unit add|rename|remove|alias` and `plan group add|remove`: every
 * reference to a unit changes together. The new files are checked with the
 * whole plan before anything is written; then they are written one by one
 * through the store's journal under the plan's lock, so the plan holds all
 * the changes or none, even when the command is killed halfway.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EXIT, ExitCode, UsageError } from '../errors.js';
import { findNamed, shortName } from '../ledger/units.js';
import { locateDiagnostics } from '../load/positions.js';
import { planInRepo } from '../load/git.js';
import { listPlanFiles, type FileKind } from '../load/plan-files.js';
import type { PlanData, UnitKind } from '../model.js';
import { DIAGNOSTIC_FORMATS } from '../render/diagnostics.js';
import { lineDiff } from '../render/reports/diff.js';
import { validatePlan } from '../validate/index.js';
import { loadValidPlan, paintFor, print, sayRecovered, type Context } from './context.js';
import { resolveUnit } from './resolve.js';
import type { Forge } from '../repository/codeowners.js';
import { CI_PATHS, shellWord } from '../repository/plan-repo.js';
import { addAliases, addUnit, completeGroup, editTogether, PlanFileUnusable, removeUnit, renameIdIn, setMaintainers, setMembership } from '../store/index.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export interface UnitAddOptions {
  name: string;
  short?: string;
  kind: UnitKind;
  alias?: string[];
  maintainer?: string[];
  group?: string[];
  dryRun?: boolean;
}

interface Change {
  file: string;
  /** undefined: the file is deleted. */
  text: string | undefined;
}

export async function unitAdd(ctx: Context, id: string, options: UnitAddOptions): Promise<void> {
  const { data } = await loadValidPlan(ctx);
  if (!ID.test(id)) throw new UsageError('bad-unit-id', { id });
  if (findNamed(data, id).kind !== 'unknown') throw new UsageError('unit-exists', { id });
  await apply(ctx, options.dryRun, (read) => {
    let units = addUnit(read('units'), {
      id,
      name: options.name,
      kind: options.kind,
      aliases: options.alias ?? [],
      maintainers: options.maintainer ?? [],
      ...(options.short !== undefined && { short: options.short }),
    });
    for (const g of options.group ?? []) units = setMembership(units, groupId(data, g), id, true);
    return [{ file: unitsFile(ctx), text: units }];
  });
  print(msg(ctx, `已添加单位 ${options.short ?? options.name}（${id}）。`, `added unit ${options.short ?? options.name} (${id})`));
}

export async function unitRename(ctx: Context, name: string, newId: string, options: { dryRun?: boolean }): Promise<void> {
  const { data } = await loadValidPlan(ctx);
  const unit = resolveUnit(data, name);
  if (!ID.test(newId)) throw new UsageError('bad-unit-id', { id: newId });
  // The unit's own alias (an id it had before) may be taken back.
  const taken = findNamed(data, newId);
  if (newId !== unit.id && taken.kind !== 'unknown' && !(taken.kind === 'unit' && taken.unit.id === unit.id)) throw new UsageError('unit-exists', { id: newId });
  const oldStatus = join(ctx.planDir, 'status', `${unit.id}.yaml`);
  const newStatus = join(ctx.planDir, 'status', `${newId}.yaml`);
  if (existsSync(newStatus)) throw new UsageError('unit-exists', { id: newId });
  const changed = await apply(ctx, options.dryRun, (read, files) => {
    const changes: Change[] = [];
    for (const ref of files) {
      if (ref.kind === 'status') continue;
      const renamed = renameIdIn(ref.kind, read(ref.file), unit.id, newId);
      // The old id stays the unit's alias: forms and notices made before the rename still name it.
      const text = ref.kind === 'units' && renamed !== undefined ? addAliases(renamed, newId, [unit.id]) : renamed;
      if (text !== undefined) changes.push({ file: ref.file, text });
    }
    if (existsSync(oldStatus)) {
      // The status file follows the unit: a new name, and its `unit:` the new id.
      const old = read(oldStatus);
      changes.push({ file: newStatus, text: renameIdIn('status', old, unit.id, newId) ?? old });
      changes.push({ file: oldStatus, text: undefined });
    }
    return changes;
  }, [oldStatus, newStatus]);
  print(msg(ctx, `已将单位 ${shortName(unit)} 的编号 ${unit.id} 改为 ${newId}，修改 ${changed} 个文件；${unit.id} 保留为别名，此前发出的填报表仍可收集。`, `renamed unit ${shortName(unit)}: ${unit.id} → ${newId}, ${changed} files changed; ${unit.id} stays its alias, so forms sent before still collect`));
  if (options.dryRun !== true) for (const file of staleCodeowners(ctx.planDir, unit.id)) print(codeownersNote(ctx, file, unit.id));
}

/** CODEOWNERS files of the repository that still name the unit's old status file. */
function staleCodeowners(planDir: string, oldId: string): string[] {
  const repo = planInRepo(planDir);
  if (!repo) return [];
  const status = `${repo.planPath === '' ? '' : `${repo.planPath}/`}status/${oldId}.yaml`;
  return ['CODEOWNERS', '.github/CODEOWNERS', '.gitlab/CODEOWNERS', '.gitea/CODEOWNERS', 'docs/CODEOWNERS'].filter((f) => {
    try {
      return readFileSync(join(repo.top, f), 'utf8').includes(status);
    } catch {
      return false;
    }
  });
}

function codeownersNote(ctx: Context, file: string, oldId: string): string {
  const forge = file.startsWith('.gitlab/') ? 'gitlab' : file.startsWith('.gitea/') ? 'gitea' : 'github';
  return msg(
    ctx,
    `注意：${file} 仍按旧编号 ${oldId} 指定状态文件的维护人，已与 units.yaml 不一致。请运行 plan codeowners --forge ${forge} --out ${file} 并提交。`,
    `note: ${file} still gives the owners of status/${oldId}.yaml and is out of step with units.yaml; run plan codeowners --forge ${forge} --out ${file} and commit it`,
  );
}

export async function unitRemove(ctx: Context, name: string, options: { dryRun?: boolean }): Promise<void> {
  const { data } = await loadValidPlan(ctx);
  const unit = resolveUnit(data, name);
  // A task or checkpoint that names the unit itself needs a person to decide who takes it over.
  const named = [
    ...data.tasks.filter((t) => t.lead.includes(unit.id) || t.responsible.includes(unit.id)).map((t) => t.id),
    ...data.plan.checkpoints.filter((c) => c.reporters.includes(unit.id) || c.recipient === unit.id).map((c) => c.date),
  ];
  if (named.length > 0) throw new UsageError('unit-in-use', { unit: shortName(unit), where: named.join(', ') });
  const status = join(ctx.planDir, 'status', `${unit.id}.yaml`);
  await apply(ctx, options.dryRun, (read) => [
    { file: unitsFile(ctx), text: removeUnit(read('units'), unit.id) },
    ...(existsSync(status) ? [{ file: status, text: undefined }] : []),
  ], [status]);
  print(msg(ctx, `已删除单位 ${shortName(unit)}（${unit.id}）。其状态文件的记录仍在 git 历史中。`, `removed unit ${shortName(unit)} (${unit.id}); its status file's record stays in the git history`));
}

export async function unitAlias(ctx: Context, name: string, aliases: string[], options: { dryRun?: boolean }): Promise<void> {
  const { data } = await loadValidPlan(ctx);
  const unit = resolveUnit(data, name);
  await apply(ctx, options.dryRun, (read) => [{ file: unitsFile(ctx), text: addAliases(read('units'), unit.id, aliases) }]);
  print(msg(ctx, `${shortName(unit)} 的别名：${aliases.join('、')}`, `aliases of ${shortName(unit)}: ${aliases.join(', ')}`));
}

export async function groupMember(ctx: Context, group: string, name: string, member: boolean, options: { dryRun?: boolean }): Promise<void> {
  const { data } = await loadValidPlan(ctx);
  const id = groupId(data, group);
  const found = findNamed(data, name);
  if (member && found.kind === 'unknown') throw new UsageError('group-add-unknown-unit', { name, ...(found.hint && { hint: found.hint }), command: await unitAddCommand(data, name, id) });
  const unit = resolveUnit(data, name);
  await apply(ctx, options.dryRun, (read) => [{ file: unitsFile(ctx), text: setMembership(read('units'), id, unit.id, member) }]);
  print(member ? msg(ctx, `已将 ${shortName(unit)} 加入 ${group}。`, `added ${shortName(unit)} to ${group}`) : msg(ctx, `已将 ${shortName(unit)} 移出 ${group}。`, `removed ${shortName(unit)} from ${group}`));
}

/** The `plan unit add` that registers a unit not yet in units.yaml and puts it in the group: an id made from its name (as plan import makes them), its kind as the name says. */
async function unitAddCommand(data: PlanData, name: string, groupId: string): Promise<string> {
  const { pinyinId, kindOf } = await import('../importer/names.js');
  const base = ID.test(pinyinId(name)) ? pinyinId(name) : 'new-unit';
  let id = base;
  for (let k = 2; findNamed(data, id).kind !== 'unknown'; k++) id = `${base}-${k}`;
  return `plan unit add ${id} --name ${shellWord(name)} --kind ${kindOf(name)} --group ${groupId}`;
}

/** `plan group complete <group>`: the office has listed every member; the incomplete-list warning stops. */
export async function groupComplete(ctx: Context, group: string, options: { dryRun?: boolean }): Promise<void> {
  const { data } = await loadValidPlan(ctx);
  const id = groupId(data, group);
  const g = data.groups.find((x) => x.id === id)!;
  if (g.members.length === 0) throw new UsageError('group-complete-empty', { group: id, name: g.name });
  const changed = await apply(ctx, options.dryRun, (read) => [{ file: unitsFile(ctx), text: completeGroup(read('units'), id) }]);
  print(
    changed === 0
      ? msg(ctx, `${g.name} 的成员已标记为完整，无需修改。`, `${g.name}'s members were already marked complete`)
      : msg(ctx, `已确认 ${g.name} 的成员完整（${g.members.length} 个）。`, `${g.name}'s members are complete (${g.members.length})`),
  );
}

export interface MaintainersOptions {
  office?: boolean;
  add?: string[];
  remove?: string[];
  dryRun?: boolean;
}

/** `plan unit maintainers <unit> [--add …] [--remove …]`, or `--office`: who may change the unit's file (or the plan's own). Without changes: the list. */
export async function unitMaintainers(ctx: Context, name: string | undefined, options: MaintainersOptions): Promise<void> {
  const { data } = await loadValidPlan(ctx);
  if ((name === undefined) === (options.office !== true)) throw new UsageError('maintainers-whom');
  const unit = name === undefined ? undefined : resolveUnit(data, name);
  const add = options.add ?? [];
  const remove = options.remove ?? [];
  for (const who of [...add, ...remove]) if (!MAINTAINER.test(who)) throw new UsageError('bad-maintainer', { who });
  const whose = unit ? shortName(unit) : msg(ctx, '办公室', 'the office');
  if (add.length > 0 || remove.length > 0) await apply(ctx, options.dryRun, (read) => [{ file: unitsFile(ctx), text: setMaintainers(read('units'), unit?.id, add, remove) }]);
  if (options.dryRun) return;
  const now = add.length > 0 || remove.length > 0 ? (await loadValidPlan(ctx)).data : data;
  const list = unit ? (now.units.find((u) => u.id === unit.id)?.maintainers ?? []) : (now.office?.maintainers ?? []);
  print(msg(ctx, `${whose}的维护人：${list.length > 0 ? list.join('、') : '（无）'}`, `maintainers of ${whose}: ${list.length > 0 ? list.join(', ') : '(none)'}`));
  if (add.length > 0 || remove.length > 0) {
    const command = `plan codeowners --forge ${forgeOf(ctx.planDir)} --out CODEOWNERS`;
    print(msg(ctx, `提示：运行 ${command} 使 CODEOWNERS 与之一致。`, `next: ${command} keeps CODEOWNERS in step`));
  }
}

/** The forge whose CI file the repository has (plan init wrote one), as its README and CI name it; github when none or several. */
function forgeOf(planDir: string): Forge {
  const top = planInRepo(planDir)?.top ?? dirname(planDir);
  const found = (Object.keys(CI_PATHS) as Forge[]).filter((f) => existsSync(join(top, CI_PATHS[f])));
  return found.length === 1 ? found[0]! : 'github';
}

/** As units.schema.json's maintainers: a forge user name or a git e-mail address. */
const MAINTAINER = /^(@?[A-Za-z0-9][A-Za-z0-9._/-]*|[^\s@<>]+@[^\s@<>]+)$/;

function groupId(data: PlanData, name: string): string {
  const found = findNamed(data, name);
  if (found.kind === 'group') return found.group.id;
  throw new UsageError('unknown-group', { name, ...(found.kind === 'unknown' && found.hint && { hint: found.hint }) });
}

const unitsFile = (ctx: Context): string => join(ctx.planDir, 'units.yaml');

const msg = (ctx: Context, zh: string, en: string): string => (ctx.lang === 'zh' ? zh : en);

/**
 * Computes the changes under the plan's locks, checks the plan as it would
 * be, and hands them to the store, which writes all of them through its
 * journal (a killed edit is finished by the next command). Returns how many
 * files changed.
 */
async function apply(
  ctx: Context,
  dryRun: boolean | undefined,
  plan: (read: (file: string) => string, files: { kind: FileKind; file: string }[]) => Change[],
  alsoLock: string[] = [],
): Promise<number> {
  // Status files are locked as plan update locks them; without a status folder there are none to lock.
  const lockOn = alsoLock.filter((f) => existsSync(dirname(f)));
  const { result, recovered } = await editTogether(ctx.planDir, lockOn, async (readFile) => {
    const read = (file: string): string => {
      const path = file === 'units' ? unitsFile(ctx) : file;
      // A missing file fails as reading it fails.
      return readFile(path) ?? readFileSync(path, 'utf8');
    };
    let changes: Change[];
    const listing = listPlanFiles(ctx.planDir);
    try {
      changes = plan(read, listing.refs).filter((c) => c.text !== readFile(c.file));
    } catch (e) {
      if (e instanceof PlanFileUnusable) throw new UsageError('plan-file-unusable', { reason: e.message });
      throw e;
    }
    if (changes.length === 0) return { changes: [], result: 0 };

    // The plan as it would be: changed files read from memory, deleted ones gone, new ones added.
    const byFile = new Map(changes.map((c) => [c.file, c.text]));
    const refs = listing.refs.filter((r) => byFile.get(r.file) !== undefined || !byFile.has(r.file)).map((r) => (byFile.has(r.file) ? { ...r, text: byFile.get(r.file)! } : r));
    for (const c of changes) {
      if (c.text !== undefined && !refs.some((r) => r.file === c.file)) refs.push({ kind: 'status', file: c.file, stem: basename(c.file).replace(/\.ya?ml$/, ''), text: c.text });
    }
    const result = await validatePlan(ctx.planDir, { refs, broken: listing.broken }, { ...(ctx.asOf !== undefined && { asOf: ctx.asOf }), now: ctx.now });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      await locateDiagnostics(errors.filter((d) => !byFile.has(d.file)));
      process.stderr.write(DIAGNOSTIC_FORMATS.stylish({ diagnostics: errors, lang: ctx.lang, paint: await paintFor({ ...ctx, color: false }) }));
      process.stderr.write(msg(ctx, '未写入：修改后的计划不符合上述规则。\n', 'nothing written: the plan would break the rules above\n'));
      throw new ExitCode(EXIT.findings);
    }
    if (dryRun) {
      for (const c of changes) print(lineDiff(readFile(c.file) ?? '', c.text ?? '', c.file, ctx.lang));
      return { changes: [], result: changes.length };
    }
    return { changes, result: changes.length };
  });
  if (recovered) sayRecovered(ctx, recovered);
  return result;
}
