/**
 * Who may change which file of a plan repository, judged commit by commit
 * (`plan check --since`), for forges or set-ups that do not enforce code owners.
 *
 * - `status/<unit>.yaml` belongs to that unit's maintainers and to the office:
 *   the office collects the units' forms and records them on their behalf.
 * - every other file of the plan folder (plan.yaml, units.yaml, tasks/…) belongs
 *   to the office alone. A change to units.yaml by anyone else is itself an
 *   error, so a unit cannot make itself a maintainer of another unit's file.
 * - CODEOWNERS and the CI files (.github/workflows/, .gitlab-ci.yml,
 *   .gitea/workflows/) are the office's too: they decide what is checked.
 *   (A forge runs a merge request's CI from the request itself, so this catches
 *   a change there only while the check still runs; code owners stop it first.)
 * - other files outside the plan folder are not judged.
 */
import type { Diagnostic } from '../diagnostic.js';
import type { Commit } from '../load/git-log.js';
import type { PlanData } from '../model.js';

/** Files at the repository's top that decide what is checked and who owns what. */
const REPOSITORY_RULES = /^(?:(?:\.github\/|\.gitea\/|docs\/|\.gitlab\/)?CODEOWNERS|\.gitlab-ci\.yml|\.github\/workflows\/.*|\.gitea\/workflows\/.*)$/;

export interface Owners {
  /** The unit whose status file it is; undefined for the office's files. */
  unit?: string;
  maintainers: string[];
}

/** The owners of a file given by its path inside the plan folder. */
export function ownersOf(data: PlanData, inPlan: string): Owners {
  const office = data.office?.maintainers ?? [];
  const status = /^status\/([^/]+)\.yaml$/.exec(inPlan);
  if (status) {
    const unit = data.units.find((u) => u.id === status[1]);
    // A status file for a unit units.yaml does not know is the office's to add.
    if (unit) return { unit: unit.id, maintainers: [...(unit.maintainers ?? []), ...office] };
  }
  return { maintainers: office };
}

/**
 * Does a maintainer entry name this author? An entry with an `@` inside is an
 * e-mail address, compared without regard to case. Otherwise it is a forge
 * user name (`@name` or `name`): it matches the author's name, or the user
 * part of a forge's no-reply address (`123+name@users.noreply.github.com`).
 * Teams (`@org/team`) are for CODEOWNERS; git cannot tell who is in them.
 */
export function namesAuthor(entry: string, authorName: string, authorEmail: string): boolean {
  const bare = entry.startsWith('@') ? entry.slice(1) : entry;
  if (bare.includes('@')) return bare.toLowerCase() === authorEmail.toLowerCase();
  if (bare.includes('/')) return false;
  const user = bare.toLowerCase();
  if (authorName.toLowerCase() === user) return true;
  const [local = '', domain = ''] = authorEmail.toLowerCase().split('@');
  return /(^|\.)noreply\./.test(domain) && (local === user || local.endsWith(`+${user}`));
}

/**
 * One error per file a commit changes without being its owner's.
 * `planPath` is the plan folder inside the repository; `shownAs` how the user named it.
 */
export function judgeCommits(commits: readonly Commit[], data: PlanData, planPath: string, shownAs: string): Diagnostic[] {
  const prefix = planPath === '' ? '' : `${planPath}/`;
  const diagnostics: Diagnostic[] = [];
  for (const commit of commits) {
    const touched = new Set<string>();
    for (const change of commit.changes) {
      touched.add(change.path);
      if (change.from !== undefined) touched.add(change.from);
    }
    for (const path of touched) {
      const inPlan = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
      if (inPlan === undefined && !REPOSITORY_RULES.test(path)) continue;
      const owners = inPlan === undefined ? { maintainers: data.office?.maintainers ?? [] } : ownersOf(data, inPlan);
      if (owners.maintainers.some((m) => namesAuthor(m, commit.authorName, commit.authorEmail))) continue;
      diagnostics.push({
        code: owners.maintainers.length === 0 ? 'change-without-maintainers' : owners.unit ? 'change-to-other-unit' : 'change-to-office-file',
        severity: 'error',
        file: inPlan === undefined ? path : shownAs === '' || shownAs === '.' ? inPlan : `${shownAs.replace(/\/+$/, '')}/${inPlan}`,
        args: {
          commit: commit.sha.slice(0, 10),
          author: `${commit.authorName} <${commit.authorEmail}>`,
          unit: owners.unit ?? '',
          owners: owners.maintainers.join(', '),
          merge: commit.parents.length > 1 ? 1 : 0,
        },
      });
    }
  }
  return diagnostics;
}
