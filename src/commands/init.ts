/**
 * `plan init [dir]`: a new plan repository — plan/ (imported from a document
 * or an example), reports/, .gitignore, package.json, the forge's CI file,
 * CODEOWNERS and a README — as a git repository of its own (made unless the folder is already a
 * repository's top level) with nothing committed yet.
 * An existing plan is never overwritten.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { dateIn } from '../calendar.js';
import { EXIT, ExitCode, UsageError } from '../errors.js';
import { git, GitUnavailable } from '../load/git.js';
import { installSpec, type InstallSpec } from '../load/own-package.js';
import { planLanguage } from '../load/plan-folder.js';
import type { PlanData } from '../model.js';
import type { Forge } from '../repository/codeowners.js';
import { DIAGNOSTIC_FORMATS } from '../render/diagnostics.js';
import { ciFile, CI_PATHS, examplePlan, exampleScoring, GITIGNORE, packageJson, pointSchemasAtPackage, readme, withRepositorySettings, type UpdateExample } from '../repository/plan-repo.js';
import { shortName } from '../ledger/units.js';
import type { Lang } from '../render/lang.js';
import { loadPlan, paintFor, print, type Context } from './context.js';
import { writeFileAtomic } from '../store/index.js';
import YAML from 'yaml';

export interface InitOptions {
  from?: string;
  /** With --from: resolve unit names against this units.yaml, as `plan import --units` does. */
  units?: string;
  ci: Forge;
  /** The issuing office's full name, for plan.yaml's issuer (and the example's office unit). */
  office?: string;
  /** What the new package.json installs plan-ledger from (an npm spec); default: where this copy came from. */
  packageSpec?: string;
}

export async function init(ctx: Context, dirArg: string | undefined, options: InitOptions): Promise<void> {
  const zh = ctx.lang === 'zh';
  const dir = dirArg ?? '.';
  const office = options.office?.trim() || undefined;
  const planDir = join(dir, 'plan');
  if (existsSync(planDir)) throw new UsageError('plan-exists', { dir: planDir });
  const taken = [CI_PATHS[options.ci], 'CODEOWNERS', 'package.json'].filter((f) => existsSync(join(dir, f)));
  if (taken.length > 0) throw new UsageError('init-file-exists', { files: taken.join(', ') });
  const made = !existsSync(dir);
  mkdirSync(dir, { recursive: true });

  let uncertain = false;
  if (options.from !== undefined) {
    // The import command itself, so that init reads documents exactly as `plan import` does.
    const { importPlan } = await import('./import.js');
    try {
      await importPlan(ctx, options.from, { out: planDir, encoding: 'auto', ...(options.units !== undefined && { units: options.units }) });
    } catch (e) {
      if (!(e instanceof ExitCode && e.code === EXIT.findings)) throw e;
      uncertain = true; // passages to check: the files are written all the same
    }
    if (!existsSync(planDir)) {
      // No task was found, so the import wrote nothing (its report above says what it saw):
      // a repository without a plan would only fail later. Nothing is made; a folder made here is taken back.
      if (made) rmdirSync(dir);
      print(zh ? '未建立计划仓库：文档中没有找到任务（见上方导入报告）。' : 'no plan repository made: no task was found in the document (see the import report above)');
      throw new ExitCode(EXIT.findings);
    }
    for (const file of yamlFiles(planDir)) {
      const depth = file.split('/').length;
      const kind = file.startsWith('tasks/') ? 'tasks' : file === 'units.yaml' ? 'units' : 'plan';
      writeFileAtomic(join(planDir, file), pointSchemasAtPackage(readFileSync(join(planDir, file), 'utf8'), depth, kind));
    }
    addRepositorySettings(planDir, ctx.lang);
  } else {
    for (const [name, text] of examplePlan(ctx.asOf ?? dateIn('Asia/Shanghai', ctx.now), office)) writeFileAtomic(join(planDir, name), text);
  }
  if (office !== undefined && options.from !== undefined) {
    // The office named here wins over the 发文机关 the import found.
    const file = join(planDir, 'plan.yaml');
    const doc = YAML.parseDocument(readFileSync(file, 'utf8'));
    doc.set('issuer', office);
    writeFileAtomic(file, doc.toString());
  }
  // plan score needs the office's own policy: an example that says it is one, imported plan or not.
  writeFileAtomic(join(planDir, 'scoring.yaml'), exampleScoring(planLanguage(planDir) ?? ctx.lang));
  mkdirSync(join(planDir, 'status'), { recursive: true });

  // An imported plan may still have errors for a person to fix: the repository is made all the
  // same, the errors are listed, and the exit code says so.
  const checked = await loadPlan({ ...ctx, planDir });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    uncertain = true;
    process.stderr.write(DIAGNOSTIC_FORMATS.stylish({ diagnostics: errors, lang: ctx.lang, paint: await paintFor({ ...ctx, color: false }) }));
  }
  const data: Pick<PlanData, 'units' | 'office'> = checked.data ?? { units: [] };
  // The repository's files speak the plan's language (a Chinese document makes a Chinese plan), whoever runs init.
  const lang = checked.data?.plan.lang ?? ctx.lang;
  const planZh = lang === 'zh';
  const title = checked.data?.plan.title ?? basename(resolve(dir));
  const { codeownersText } = await import('./codeowners.js');
  const install: InstallSpec = options.packageSpec !== undefined ? { spec: options.packageSpec, from: 'file' } : installSpec(gitOutput);
  const files = new Map<string, string>([
    ['.gitignore', GITIGNORE],
    ['package.json', packageJson(packageName(dir), install.spec)],
    ['README.md', readme(title, options.ci, lang, checked.data && updateExample(checked.data))],
    [CI_PATHS[options.ci], ciFile(options.ci, lang)],
    ['CODEOWNERS', codeownersText(data, options.ci, 'plan', () => undefined, lang)],
    ['reports/README.md', planZh ? '生成的报告放在这里。\n' : 'Generated reports go here.\n'],
    ['plan/status/README.md', planZh ? '每个单位一个文件：<单位编号>.yaml，由 `plan update` 或 `plan collect` 写入。\n' : 'One file per unit, <unit-id>.yaml, written by `plan update` or `plan collect`.\n'],
  ]);
  for (const [name, text] of files) if (name === '.gitignore' || name === 'README.md' ? !existsSync(join(dir, name)) : true) writeFileAtomic(join(dir, name), text);

  print(repositoryLine(dir, ownRepository(dir), zh));
  print(
    zh
      ? `已在 ${dir} 建立计划仓库（${options.ci}）。下一步：\n  在 plan/units.yaml 中填写 office 与各单位的 maintainers，运行 plan codeowners --forge ${options.ci} --out CODEOWNERS\n  npm install && npx plan check`
      : `made a plan repository in ${dir} (${options.ci}). Next:\n  fill in the maintainers of the office and of each unit in plan/units.yaml, then plan codeowners --forge ${options.ci} --out CODEOWNERS\n  npm install && npx plan check`,
  );
  (install.from === 'guess' ? process.stderr : process.stdout).write(`${installLine(install, zh)}\n`);
  if (uncertain) throw new ExitCode(EXIT.findings);
}

/**
 * What init writes for the example, added to an imported plan: review, the signing set-up and the
 * office block, in the plan's language. The office is the unit the checkpoints report to, when
 * they all name the same one.
 */
function addRepositorySettings(planDir: string, fallback: Lang): void {
  const planFile = join(planDir, 'plan.yaml');
  const unitsFile = join(planDir, 'units.yaml');
  const planText = readFileSync(planFile, 'utf8');
  const unitsText = readFileSync(unitsFile, 'utf8');
  const planData = parsed(planText);
  const unitsData = parsed(unitsText);
  const lang = planLanguage(planDir) ?? fallback;
  const checkpoints = (planData as { checkpoints?: { recipient?: unknown }[] } | null)?.checkpoints ?? [];
  const recipients = [...new Set(checkpoints.map((c) => c.recipient).filter((r): r is string => typeof r === 'string'))];
  const units = (unitsData as { units?: { id?: unknown; short?: unknown; name?: unknown }[] } | null)?.units ?? [];
  const unit = recipients.length === 1 ? units.find((u) => u.id === recipients[0]) : undefined;
  const office = unit === undefined ? undefined : { id: recipients[0]!, ...(typeof unit.short === 'string' && { short: unit.short }), ...(typeof unit.name === 'string' && { name: unit.name }) };
  const settled = withRepositorySettings(planText, unitsText, lang, office);
  if (settled.plan !== planText) writeFileAtomic(planFile, settled.plan);
  if (settled.units !== unitsText) writeFileAtomic(unitsFile, settled.units);
}

/** The plan's first task that names a unit (itself or through a group's first member), with that unit: the README's example update. */
function updateExample(data: PlanData): UpdateExample | undefined {
  const units = new Map(data.units.map((u) => [u.id, u]));
  const groups = new Map(data.groups.map((g) => [g.id, g.members]));
  for (const task of data.tasks) {
    for (const owner of [...task.lead, ...task.responsible]) {
      const unit = units.get(owner) ?? units.get(groups.get(owner)?.[0] ?? '');
      if (unit) return { unit: shortName(unit), task: task.id };
    }
  }
  return undefined;
}

/** A file's data, or undefined when it is not YAML (plan check then says where). */
function parsed(text: string): unknown {
  try {
    return YAML.parse(text);
  } catch {
    return undefined;
  }
}

type Repository = { made: 'existing' } | { made: 'new'; inside?: string } | { made: 'failed'; reason: string } | { made: 'no-git' };

/**
 * The plan's own git repository: kept when the folder is a repository's top level, made otherwise —
 * also inside another repository, whose commits would else take the plan's.
 */
function ownRepository(dir: string): Repository {
  try {
    const top = git(dir, ['rev-parse', '--show-toplevel']);
    const outer = top.ok ? top.stdout.trim() : undefined;
    if (outer !== undefined && realpathSync(outer) === realpathSync(dir)) return { made: 'existing' };
    const made = git(dir, ['init', '--quiet']);
    if (!made.ok) return { made: 'failed', reason: made.stderr };
    return outer === undefined ? { made: 'new' } : { made: 'new', inside: outer };
  } catch (e) {
    if (!(e instanceof GitUnavailable)) throw e;
    return { made: 'no-git' };
  }
}

function repositoryLine(dir: string, repo: Repository, zh: boolean): string {
  switch (repo.made) {
    case 'existing':
      return zh ? `${dir} 已是 git 仓库的顶层文件夹：沿用该仓库。` : `${dir} is already the top folder of a git repository: kept as it is`;
    case 'new':
      if (repo.inside !== undefined) {
        return zh
          ? `${dir} 位于 git 仓库 ${repo.inside} 之内：已在 ${dir} 另建计划自己的仓库（git init），计划的提交不会进入外层仓库。`
          : `${dir} is inside the git repository ${repo.inside}: made the plan its own repository in ${dir} (git init), so its commits stay out of the outer one`;
      }
      return zh ? `已在 ${dir} 建立 git 仓库（git init）。` : `made a git repository in ${dir} (git init)`;
    case 'failed':
      return zh ? `未能在 ${dir} 建立 git 仓库（${repo.reason}）：请在该文件夹运行 git init。` : `could not make a git repository in ${dir} (${repo.reason}): run git init there`;
    case 'no-git':
      return zh ? `未找到 git，未建立 git 仓库：安装 git 后在 ${dir} 运行 git init。` : `git was not found, so no git repository was made: install git and run git init in ${dir}`;
  }
}

function yamlFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, prefix))) {
    const rel = prefix === '' ? name : `${prefix}/${name}`;
    if (statSync(join(dir, rel)).isDirectory()) out.push(...yamlFiles(dir, rel));
    else if (name.endsWith('.yaml')) out.push(rel);
  }
  return out;
}

/** npm's rules for a package name, from the folder's name. */
function packageName(dir: string): string {
  const name = basename(resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return name === '' ? 'plan' : name.slice(0, 200);
}

/** A git command's output, or undefined when git is missing or the command fails. */
function gitOutput(cwd: string, args: string[]): string | undefined {
  try {
    const r = git(cwd, args);
    return r.ok ? r.stdout.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** Where package.json's plan-ledger comes from, in words; a guess is said to be one. */
function installLine(install: InstallSpec, zh: boolean): string {
  if (install.from === 'guess') {
    return zh
      ? `package.json 中的 plan-ledger 写为 ${install.spec}，但无法确定本副本的来源，npm install 可能失败；请用 --package-spec 指定（如 file:/路径/plan-ledger.tgz 或 git+https://…#提交）。`
      : `package.json names plan-ledger ${install.spec}, but where this copy came from is unknown, so npm install may fail; give --package-spec (e.g. file:/path/plan-ledger.tgz or git+https://…#commit)`;
  }
  return zh ? `package.json 中的 plan-ledger：${install.spec}` : `package.json installs plan-ledger from ${install.spec}`;
}
