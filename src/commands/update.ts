/**
 * `plan update`: sets one unit's entry for one task. The new file is checked
 * with the whole plan before it is written; the write is atomic and under a
 * lock (record.ts), so concurrent updates all land and a failed one changes nothing.
 */
import { EXIT, ExitCode, UsageError } from '../errors.js';
import { buildLedger } from '../ledger/index.js';
import { shortName } from '../ledger/units.js';
import type { TaskState } from '../model.js';
import { lineDiff } from '../render/reports/diff.js';
import { stateWord } from '../render/labels.js';
import { safeText } from '../render/text.js';
import { loadValidPlan, print, refusalText, type Context } from './context.js';
import { resolveTask, resolveUnit } from './resolve.js';
import { editStatus, recordForUnit, type StatusChange } from '../store/index.js';

export interface UpdateOptions {
  state?: TaskState;
  progress?: string;
  evidence?: string[];
  completed?: string;
  reason?: string;
  dryRun?: boolean;
  /** Take back a claim the office has not decided (`review: required`). */
  withdraw?: boolean;
  /** Commit the changed status file (`--commit`), optionally as `--author "Name <mail>"`. */
  commit?: boolean;
  author?: string;
}

export async function update(ctx: Context, unitName: string, taskId: string, options: UpdateOptions): Promise<void> {
  const zh = ctx.lang === 'zh';
  if (options.withdraw) return (await import('./review.js')).withdraw(ctx, unitName, taskId, options.progress, options.dryRun === true);
  const change: StatusChange = {
    evidence: options.evidence ?? [],
    ...(options.state !== undefined && { state: options.state }),
    ...(options.progress !== undefined && { progress: options.progress }),
    ...(options.completed !== undefined && { completed: options.completed }),
    ...(options.reason !== undefined && { reason: options.reason }),
  };
  if (options.state === undefined && options.progress === undefined && change.evidence.length === 0 && options.completed === undefined && options.reason === undefined) {
    throw new UsageError('nothing-to-change');
  }
  // Read once to check the arguments before taking the lock; the plan is read
  // again under the lock, where another update may have changed the file.
  const { data, asOf } = await loadValidPlan(ctx);
  const unit = resolveUnit(data, unitName);
  const task = resolveTask(data, taskId);
  const ledger = buildLedger(data, asOf);
  if (!ledger.rows.some((r) => r.task.id === task.id && r.assignments.some((a) => a.unit.id === unit.id))) {
    throw new UsageError('task-not-assigned', { task: task.id, unit: shortName(unit), unitId: unit.id });
  }

  const repo = options.commit && !options.dryRun ? await gitFor(ctx, options.author) : undefined;

  // Only this entry's completion is held to the as-of date: other units' later completions are not this update's business.
  const completions = { notAfter: asOf, kind: 'as-of' as const, only: { unit: unit.id, task: task.id } };
  const recorded = await recordForUnit(
    ctx,
    unit.id,
    asOf,
    (before) => {
      const edit = editStatus(before, unit.id, task.id, change, asOf);
      if (options.completed !== undefined && edit.to !== 'done') throw new UsageError('completed-needs-done', { task: task.id });
      return { text: edit.text, result: edit };
    },
    { dryRun: options.dryRun === true, completions },
  );
  if (recorded.errors.length > 0) {
    process.stderr.write(await refusalText(ctx, recorded));
    throw new ExitCode(EXIT.findings);
  }
  const edit = recorded.result;
  if (!edit.changed) {
    // A repeat of what the entry says already: no write, no history record.
    print(safeText(zh ? `未修改 ${shortName(unit)} · ${task.id} ${task.title}：已是${stateWord(edit.to, ctx.lang)}，内容相同。` : `unchanged ${shortName(unit)} · ${task.id} ${task.title}: already ${stateWord(edit.to, ctx.lang)} with the same details`));
    return;
  }
  if (options.dryRun) {
    print(lineDiff(recorded.before ?? '', recorded.after, recorded.file, ctx.lang));
    return;
  }
  const what = edit.from === edit.to ? stateWord(edit.to, ctx.lang) : `${stateWord(edit.from, ctx.lang)} → ${stateWord(edit.to, ctx.lang)}`;
  if (repo) repo.commit(recorded.file, `${shortName(unit)} ${task.id}：${edit.from === edit.to ? '更新进展' : `${stateWord(edit.from, 'zh')} → ${stateWord(edit.to, 'zh')}`}`);
  // The date the user gave for the completion is the one to confirm; the as-of date only when none was given.
  const when = options.completed === undefined ? asOf : zh ? `完成日期 ${options.completed}` : `completed ${options.completed}`;
  // Under review a claim is not done until the office accepts it: the unit's clerk must not read 已完成 as closed.
  const claim = data.plan.review === 'required' && edit.from !== edit.to && (edit.to === 'done' || edit.to === 'not_applicable');
  const awaiting = claim ? (zh ? '，待审核销号' : ', awaiting the office’s review') : '';
  print(safeText(zh ? `已更新 ${shortName(unit)} · ${task.id} ${task.title}：${what}（${when}${awaiting}）` : `updated ${shortName(unit)} · ${task.id} ${task.title}: ${what} (${when}${awaiting})`));
}

/** Checked before the lock: no repository or a bad --author is a usage error, and nothing is written. */
async function gitFor(ctx: Context, author: string | undefined): Promise<{ commit(file: string, message: string): void }> {
  const { checkAuthor, commitFile, requireRepo } = await import('../store/git-commit.js');
  const repo = requireRepo(ctx.planDir);
  if (author !== undefined) checkAuthor(author);
  // The message is in Chinese whatever the reader's language: the log is shared by the whole county.
  return { commit: (file, message) => commitFile(repo, file, message, author) };
}
