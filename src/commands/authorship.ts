/**
 * `plan check --since <rev>`: every commit of rev..HEAD against the owners of
 * the files it changes, as units.yaml named them in the commit's parent.
 * Signed mode (`--signed`, or `ownership: signed` in plan.yaml now or at
 * <rev>) judges the owner of the key that signed each commit instead of its author.
 */
import type { Diagnostic } from '../diagnostic.js';
import { UsageError } from '../errors.js';
import { commitsSince, filesAt, resolveRevision, signaturesOf, type Signature } from '../load/git-log.js';
import { git, GitUnavailable, planInRepo, repoPath } from '../load/git.js';
import type { PlanData } from '../model.js';
import { judgeCommits, officeActs, ownerTable, sshSigners, type OwnerTable } from '../validate/authorship.js';
import { judgeDecisions } from '../validate/decision-authors.js';
import type { Context } from './context.js';

export interface Authorship {
  diagnostics: Diagnostic[];
  signed: boolean;
}

export async function authorshipDiagnostics(ctx: Context, data: PlanData | undefined, since: string, signedFlag = false): Promise<Authorship> {
  try {
    const repo = planInRepo(ctx.planDir);
    if (!repo) throw new UsageError('not-a-git-repository', { dir: ctx.planDir });
    const base = resolveRevision(repo.top, since);
    if (base === undefined) throw new UsageError('unknown-revision', { rev: since });
    const commits = commitsSince(repo.top, base);
    const { parse } = await import('yaml');
    const read = (text: string | undefined): unknown => {
      if (text === undefined) return undefined;
      try {
        return parse(text, { maxAliasCount: 100, uniqueKeys: false });
      } catch {
        return undefined; // a broken file names nobody
      }
    };
    const unitsPath = repoPath(repo, 'units.yaml');
    const parents = [...new Set(commits.flatMap((c) => c.parents.slice(0, 1)))];
    const texts = filesAt(repo.top, [...parents.map((p) => `${p}:${unitsPath}`), `${base}:${repoPath(repo, 'plan.yaml')}`]);
    const tables = new Map<string, OwnerTable>();
    const ownersAt = (rev: string): OwnerTable => {
      let t = tables.get(rev);
      if (!t) tables.set(rev, (t = ownerTable(read(texts.get(`${rev}:${unitsPath}`)))));
      return t;
    };
    // Turned on now or before the range: a commit that turns it off does not escape it.
    const before = (read(texts.get(`${base}:${repoPath(repo, 'plan.yaml')}`)) as { ownership?: unknown } | undefined)?.ownership;
    const signed = signedFlag || data?.plan.ownership === 'signed' || before === 'signed';
    let signatures: Map<string, Signature> | undefined;
    if (signed) {
      signatures = new Map();
      // One allowed-signers file per units.yaml the parents hold.
      const byTable = new Map<OwnerTable, string[]>();
      for (const c of commits) {
        const t = c.parents[0] === undefined ? ownerTable(undefined) : ownersAt(c.parents[0]);
        byTable.set(t, [...(byTable.get(t) ?? []), c.sha]);
      }
      for (const [table, shas] of byTable) for (const [sha, sig] of signaturesOf(repo.top, shas, sshSigners(table))) signatures.set(sha, sig);
    }
    const judge = { planPath: repo.planPath, shownAs: ctx.planDir, ownersAt, ...(signatures && { signatures }) };
    // The office's decisions are judged on the records each commit adds, even in a file the author may change.
    const textAt = (sha: string, path: string): string | undefined => {
      const r = git(repo.top, ['show', `${sha}:${path}`]);
      return r.ok ? r.stdout : undefined;
    };
    return { diagnostics: [...judgeCommits(commits, judge), ...judgeDecisions(commits, (c) => officeActs(c, judge), repo.planPath, ctx.planDir, textAt)], signed };
  } catch (e) {
    if (e instanceof GitUnavailable) throw new UsageError('git-unavailable', { reason: e.reason });
    throw e;
  }
}
