/**
 * `plan review`: the office decides about a unit's claim (审核: 销号 accept,
 * 退回 return, reopen) or answers a request for more time (grant, deny);
 * `--pending` lists its queue, `--accept-all --unit` closes a unit's claims
 * checked on paper. `plan extend`: a unit asks for more time. Every write is a
 * record in the unit's status file, through the store (lock, check, atomic write).
 */
import { EXIT, ExitCode, UsageError } from '../errors.js';
import { buildLedger } from '../ledger/index.js';
import { reviewQueue } from '../ledger/queue.js';
import { shortName } from '../ledger/units.js';
import type { PlanData, Task, Unit } from '../model.js';
import { lineDiff } from '../render/reports/diff.js';
import { QUEUE_FORMATS } from '../render/reports/queue.js';
import { safeText } from '../render/text.js';
import { editReview, recordForUnit, type ReviewAction } from '../store/index.js';
import { loadValidPlan, paintFor, print, refusalText, type Context } from './context.js';
import { resolveAssignedTask, resolveUnit, resolveUnits } from './resolve.js';

export interface ReviewOptions {
  accept?: boolean;
  note?: string;
  return?: boolean;
  reopen?: boolean;
  reason?: string;
  grantExtension?: boolean;
  denyExtension?: boolean;
  to?: string;
  pending?: boolean;
  acceptAll?: boolean;
  unit?: string;
  format?: keyof typeof QUEUE_FORMATS;
  by?: string;
  dryRun?: boolean;
}

const ACTIONS = ['accept', 'return', 'reopen', 'grantExtension', 'denyExtension', 'pending', 'acceptAll'] as const;
const FLAG: Record<(typeof ACTIONS)[number], string> = {
  accept: '--accept',
  return: '--return',
  reopen: '--reopen',
  grantExtension: '--grant-extension',
  denyExtension: '--deny-extension',
  pending: '--pending',
  acceptAll: '--accept-all',
};

export async function review(ctx: Context, unitName: string | undefined, taskId: string | undefined, options: ReviewOptions): Promise<void> {
  const given = ACTIONS.filter((a) => options[a] === true);
  if (given.length === 0) throw new UsageError('review-needs-action');
  if (given.length > 1) throw new UsageError('review-one-action', { actions: given.map((a) => FLAG[a]).join(' ') });
  const action = given[0]!;
  if (action === 'pending') return pending(ctx, unitName ?? options.unit, options);
  const { data, asOf } = await loadValidPlan(ctx);
  const reviewing = action === 'accept' || action === 'return' || action === 'reopen' || action === 'acceptAll';
  if (reviewing && data.plan.review !== 'required') throw new UsageError('review-not-required');
  const by = options.by ?? (await whoIsWriting(ctx, data));
  if (action === 'acceptAll') {
    const name = options.unit ?? unitName;
    if (name === undefined) throw new UsageError('review-accept-all-needs-unit');
    return acceptAll(ctx, data, asOf, resolveUnit(data, name), by, options);
  }
  if (unitName === undefined || taskId === undefined) throw new UsageError('review-needs-target');
  const unit = resolveUnit(data, unitName);
  const task = resolveAssignedTask(data, unit, taskId);
  const needsReason = (flag: string): string => {
    if (options.reason === undefined || options.reason.trim() === '') throw new UsageError('review-needs-reason', { action: flag });
    return options.reason;
  };
  const act: ReviewAction =
    action === 'accept'
      ? { kind: 'accept', by, ...(options.note !== undefined && { note: options.note }) }
      : action === 'return'
        ? { kind: 'return', by, reason: needsReason('--return') }
        : action === 'reopen'
          ? { kind: 'reopen', by, reason: needsReason('--reopen') }
          : action === 'grantExtension'
            ? { kind: 'grant', by, ...(options.to !== undefined && { to: options.to }), ...((options.note ?? options.reason) !== undefined && { note: (options.note ?? options.reason)! }) }
            : { kind: 'deny', by, reason: needsReason('--deny-extension') };
  await writeAction(ctx, data, asOf, unit, task, act, options.dryRun === true);
}

export interface ExtendOptions {
  to?: string;
  reason?: string;
  late?: boolean;
  by?: string;
  dryRun?: boolean;
}

/** `plan extend`: the unit's request for more time, before the deadline in force (after it only with --late). */
export async function extend(ctx: Context, unitName: string, taskId: string, options: ExtendOptions): Promise<void> {
  if (options.to === undefined) throw new UsageError('extension-needs-to');
  if (options.reason === undefined || options.reason.trim() === '') throw new UsageError('review-needs-reason', { action: 'plan extend' });
  const { data, asOf } = await loadValidPlan(ctx);
  const unit = resolveUnit(data, unitName);
  const task = resolveAssignedTask(data, unit, taskId);
  const by = options.by ?? (await gitUser(ctx)) ?? unit.id;
  await writeAction(ctx, data, asOf, unit, task, { kind: 'request', by, to: options.to, reason: options.reason, late: options.late === true }, options.dryRun === true);
}

/** `plan update --withdraw`: the unit takes back a claim the office has not decided. */
export async function withdraw(ctx: Context, unitName: string, taskId: string, note: string | undefined, dryRun: boolean): Promise<void> {
  const { data, asOf } = await loadValidPlan(ctx);
  if (data.plan.review !== 'required') throw new UsageError('review-not-required');
  const unit = resolveUnit(data, unitName);
  const task = resolveAssignedTask(data, unit, taskId);
  await writeAction(ctx, data, asOf, unit, task, { kind: 'withdraw', ...(note !== undefined && { note }) }, dryRun);
}

async function writeAction(ctx: Context, _data: PlanData, asOf: string, unit: Unit, task: Task, act: ReviewAction, dryRun: boolean): Promise<void> {
  const recorded = await recordForUnit(ctx, unit.id, asOf, (before) => {
    const edit = editReview(before, unit.id, task.id, act, asOf, task.deadline);
    return { text: edit.text, result: edit };
  }, { dryRun });
  if (recorded.errors.length > 0) {
    process.stderr.write(await refusalText(ctx, recorded));
    throw new ExitCode(EXIT.findings);
  }
  if (dryRun) return print(lineDiff(recorded.before ?? '', recorded.after, recorded.file, ctx.lang));
  print(safeText(doneLine(ctx, unit, task, act, recorded.result, asOf)));
}

function doneLine(ctx: Context, unit: Unit, task: Task, act: ReviewAction, r: { claim?: string; extension?: { to: string; grantedTo?: string; late?: boolean }; deadline?: string | null }, asOf: string): string {
  const zh = ctx.lang === 'zh';
  const what = `${shortName(unit)} · ${task.id} ${task.title}`;
  const claim = r.claim === undefined ? '' : zh ? `（报结 ${r.claim}）` : ` (claimed ${r.claim})`;
  switch (act.kind) {
    case 'accept':
      return zh ? `已销号 ${what}${claim}，${asOf}` : `closed ${what}${claim} on ${asOf}`;
    case 'return':
      return zh ? `已退回 ${what}${claim}：${act.reason}` : `returned ${what}${claim}: ${act.reason}`;
    case 'reopen':
      return zh ? `已重新审核 ${what}${claim}：${act.reason}，该报结重新待审核。` : `reopened ${what}${claim}: ${act.reason}; the claim awaits review again`;
    case 'withdraw':
      return zh ? `已撤回 ${what}${claim}：现为推进中。` : `withdrew the claim of ${what}${claim}: in progress again`;
    case 'request': {
      const late = r.extension?.late ? (zh ? '（逾期申请）' : ' (asked late)') : '';
      return zh ? `已记录延期申请 ${what}：原定 ${r.deadline}，申请延期至 ${act.to}${late}，待办公室审批。` : `recorded a request for more time for ${what}: due ${r.deadline}, asks until ${act.to}${late}; awaiting the office`;
    }
    case 'grant': {
      const to = r.extension?.grantedTo ?? r.extension?.to;
      return zh ? `已批准延期 ${what}：原定 ${r.deadline}，延期至 ${to}。` : `granted ${what}: due ${to}, extended from ${r.deadline}`;
    }
    case 'deny':
      return zh ? `不予延期 ${what}：${act.reason}；时限仍为 ${r.deadline}。` : `refused more time for ${what}: ${act.reason}; still due ${r.deadline}`;
  }
}

async function pending(ctx: Context, unitName: string | undefined, options: ReviewOptions): Promise<void> {
  // The queue shows the evidence each claim came with.
  const { data, asOf } = await loadValidPlan(ctx, true);
  const ledger = buildLedger(data, asOf);
  const only = unitName === undefined ? undefined : resolveUnits(ledger, unitName);
  const items = reviewQueue(ledger, only && new Set(only.units.map((u) => u.id)));
  const format = options.format ?? 'table';
  print(QUEUE_FORMATS[format]({ ledger, items, ...(only && { filter: only.label }) }, { lang: ctx.lang, paint: await paintFor(ctx), columns: ctx.columns }));
}

/** Every claim of the unit awaiting review, closed in one write; lists what it closed. */
async function acceptAll(ctx: Context, data: PlanData, asOf: string, unit: Unit, by: string, options: ReviewOptions): Promise<void> {
  const zh = ctx.lang === 'zh';
  let skipped: Task[] = [];
  const recorded = await recordForUnit(
    ctx,
    unit.id,
    asOf,
    (before) => {
      // The claims read before the lock; each is accepted as its entry stands under the lock, and one the
      // unit withdrew (or the office decided) in between is passed over and named, not fatal to the rest.
      const ledger = buildLedger(data, asOf);
      let text = before;
      const closed: { task: Task; claim?: string }[] = [];
      const passed: Task[] = [];
      for (const row of ledger.rows) {
        const a = ledger.assess(row.task, unit);
        if (a === undefined || a.review !== 'pending') continue;
        try {
          const edit = editReview(text, unit.id, row.task.id, { kind: 'accept', by, ...(options.note !== undefined && { note: options.note }) }, asOf, row.task.deadline);
          text = edit.text;
          closed.push({ task: row.task, ...(edit.claim !== undefined && { claim: edit.claim }) });
        } catch (e) {
          if (!(e instanceof UsageError) || e.code !== 'review-no-claim') throw e;
          passed.push(row.task);
        }
      }
      skipped = passed;
      return { text: text ?? '', result: closed };
    },
    { dryRun: options.dryRun === true },
  );
  if (recorded.errors.length > 0) {
    process.stderr.write(await refusalText(ctx, recorded));
    throw new ExitCode(EXIT.findings);
  }
  const closed = recorded.result;
  if (skipped.length > 0) {
    const names = skipped.map((task) => `${task.id} ${task.title}`).join(zh ? '；' : '; ');
    process.stderr.write(`${safeText(zh ? `以下报结在销号前已撤回或已审核，未处理：${names}` : `passed over, withdrawn or decided since they were read: ${names}`)}\n`);
  }
  if (closed.length === 0) return print(zh ? `${shortName(unit)} 没有待审核的报结。` : `${shortName(unit)} has no claim awaiting review.`);
  if (options.dryRun) return print(lineDiff(recorded.before ?? '', recorded.after, recorded.file, ctx.lang));
  const lines = closed.map((c) => `  ${c.task.id} ${c.task.title}${c.claim ? (zh ? `（报结 ${c.claim}）` : ` (claimed ${c.claim})`) : ''}`);
  // Each line made safe on its own: safeText would turn the line ends between them into spaces.
  print([zh ? `已销号 ${shortName(unit)} ${closed.length} 项（${asOf}）：` : `closed ${closed.length} claim${closed.length === 1 ? '' : 's'} of ${shortName(unit)} (${asOf}):`, ...lines].map(safeText).join('\n'));
}

/**
 * Who writes the record: git's user where the plan is in a repository (the
 * name and address its commit will carry), else the office that receives the
 * plan's reports.
 */
async function whoIsWriting(ctx: Context, data: PlanData): Promise<string> {
  const user = await gitUser(ctx);
  if (user !== undefined) return user;
  const cps = data.plan.checkpoints;
  return cps.at(-1)?.recipient ?? 'office';
}

async function gitUser(ctx: Context): Promise<string | undefined> {
  const { git, planInRepo } = await import('../load/git.js');
  try {
    const repo = planInRepo(ctx.planDir);
    if (!repo) return undefined;
    const name = git(repo.top, ['config', 'user.name']).stdout.trim();
    const email = git(repo.top, ['config', 'user.email']).stdout.trim();
    if (name === '' && email === '') return undefined;
    return email === '' ? name : name === '' ? email : `${name} <${email}>`;
  } catch {
    return undefined;
  }
}
