/** `plan codeowners`: CODEOWNERS from the maintainers in units.yaml, in the forge's dialect. */
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { EXIT, ExitCode } from '../errors.js';
import { planInRepo } from '../load/git.js';
import type { PlanData } from '../model.js';
import { isEmail, renderCodeowners, type CodeownersPlan, type Forge } from '../repository/codeowners.js';
import { label } from '../render/messages.js';
import { safeText } from '../render/text.js';
import type { Lang } from '../render/lang.js';
import { loadValidPlan, print, type Context } from './context.js';
import { writeFileAtomic } from '../store/index.js';

export interface CodeownersOptions {
  forge: Forge;
  out?: string;
  /** Compare with the file (`--out`, default CODEOWNERS) instead of writing: exit 1 when it is out of date. */
  check?: boolean;
}

/** The forge's CI files: changing them could switch the checks off, so they are the office's. */
export const CI_FILES: Record<Forge, string> = { github: '.github/workflows/', gitlab: '.gitlab-ci.yml', gitea: '.gitea/workflows/' };

export async function codeowners(ctx: Context, options: CodeownersOptions): Promise<void> {
  const { data } = await loadValidPlan(ctx);
  const text = codeownersText(data, options.forge, planPathFor(ctx.planDir), (w) => process.stderr.write(`${safeText(label(w.key, ctx.lang)(w.arg))}\n`), data.plan.lang ?? 'en');
  if (options.check) {
    const file = options.out ?? 'CODEOWNERS';
    let current: string | undefined;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = undefined;
    }
    const zh = ctx.lang === 'zh';
    // The rules are what the forge enforces; the comments above them may be in another language or older words.
    if (current !== undefined && rulesOf(current) === rulesOf(text)) {
      print(zh ? `${file} 与 units.yaml 中的维护人一致。` : `${file} matches the maintainers in units.yaml`);
      return;
    }
    process.stderr.write(
      zh
        ? `${file} 与 units.yaml 中的维护人不一致。请运行 plan codeowners --forge ${options.forge} --out ${file} 并提交。\n`
        : `${file} does not match the maintainers in units.yaml; run plan codeowners --forge ${options.forge} --out ${file} and commit it\n`,
    );
    throw new ExitCode(EXIT.findings);
  }
  if (options.out === undefined) print(text);
  else writeFileAtomic(options.out, text);
}

type Warning = { key: 'codeownersNoMaintainers' | 'codeownersNoOffice' | 'codeownersGiteaEmail'; arg: string };

/** `lang`: the plan's own language, never the locale of whoever runs it — `--check` must give one answer on every machine. */
export function codeownersText(data: Pick<PlanData, 'units' | 'office'>, forge: Forge, planPath: string, warn: (w: Warning) => void, lang: Lang): string {
  const office = data.office?.maintainers ?? [];
  if (office.length === 0) warn({ key: 'codeownersNoOffice', arg: '' });
  const bare = data.units.filter((u) => (u.maintainers ?? []).length === 0).map((u) => u.id);
  if (bare.length > 0) warn({ key: 'codeownersNoMaintainers', arg: bare.join(', ') });
  if (forge === 'gitea') {
    const mails = [...office, ...data.units.flatMap((u) => u.maintainers ?? [])].filter(isEmail);
    if (mails.length > 0) warn({ key: 'codeownersGiteaEmail', arg: [...new Set(mails)].join(', ') });
  }
  const owned: CodeownersPlan = {
    planPath,
    office,
    repoFiles: ['CODEOWNERS', CI_FILES[forge]],
    units: data.units.map((u) => ({ id: u.id, owners: u.maintainers ?? [] })),
  };
  const header =
    lang === 'zh'
      ? '由 `plan codeowners` 按 units.yaml 中的维护人生成；修改维护人后请重新运行。\nstatus/<单位>.yaml：本单位与办公室的维护人；其余计划文件：办公室。'
      : 'Written by `plan codeowners` from the maintainers in units.yaml; run it again after changing them.\nstatus/<unit>.yaml: the unit’s maintainers and the office’s; every other plan file: the office’s.';
  return renderCodeowners(forge, owned, header);
}

const rulesOf = (text: string): string =>
  text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'))
    .join('\n');

/** The plan folder as CODEOWNERS names it: from the repository's top, else from here. */
function planPathFor(planDir: string): string {
  const repo = planInRepo(planDir);
  const path = repo ? repo.planPath : relative(process.cwd(), resolve(planDir)).split(sep).join('/');
  return path === '.' ? '' : path;
}
