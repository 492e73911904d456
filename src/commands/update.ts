/**
 * `plan update`: sets one unit's entry for one task. The new file is checked
 * with the whole plan before it is written; the write is atomic and under a
 * lock, so concurrent updates all land and a failed one changes nothing.
 */
import { join } from 'node:path';
import { isRealDate } from '../calendar.js';
import { EXIT, ExitCode, UsageError } from '../errors.js';
import { buildLedger } from '../ledger/index.js';
import { findNamed, shortName } from '../ledger/units.js';
import { locateDiagnostics } from '../load/positions.js';
import { listPlanFiles, readText } from '../load/plan-files.js';
import type { TaskState } from '../model.js';
import { DIAGNOSTIC_FORMATS } from '../render/diagnostics.js';
import { lineDiff } from '../render/diff.js';
import { stateWord } from '../render/labels.js';
import { closest } from '../validate/suggest.js';
import { validatePlan } from '../validate/index.js';
import { loadValidPlan, paintFor, print, writeFileAtomic, type Context } from './context.js';
import { LockTimeout, withLock } from './lock.js';
import { editStatus, type StatusChange } from './status-edit.js';

export interface UpdateOptions {
  state?: TaskState;
  progress?: string;
  evidence?: string[];
  completed?: string;
  reason?: string;
  dryRun?: boolean;
}

export async function update(ctx: Context, unitName: string, taskId: string, options: UpdateOptions): Promise<void> {
  const zh = ctx.lang === 'zh';
  const change: StatusChange = {
    evidence: options.evidence ?? [],
    ...(options.state !== undefined && { state: options.state }),
    ...(options.progress !== undefined && { progress: options.progress }),
    ...(options.completed !== undefined && { completed: options.completed }),
    ...(options.reason !== undefined && { reason: options.reason }),
  };
  if (options.state === undefined && options.progress === undefined && change.evidence.length === 0 && options.completed === undefined && options.reason === undefined) {
    throw new UsageError(zh ? '没有要修改的内容。' : 'nothing to change', 'give --state, --progress, --evidence, --completed or --reason');
  }
  if (options.completed !== undefined && !isRealDate(options.completed)) {
    throw new UsageError(zh ? `--completed “${options.completed}” 不是 YYYY-MM-DD 格式的真实日期。` : `--completed "${options.completed}" is not a real date written YYYY-MM-DD`);
  }

  // Read once to check the arguments before taking the lock; the plan is read
  // again under the lock, where another update may have changed the file.
  const { data, asOf } = await loadValidPlan(ctx);
  const named = findNamed(data, unitName);
  if (named.kind !== 'unit') {
    const hint = named.kind === 'unknown' ? named.hint : undefined;
    throw new UsageError(
      named.kind === 'group'
        ? zh ? `“${unitName}” 是分组，请指定其中一个单位。` : `"${unitName}" is a group; name one of its units`
        : zh ? `未知的单位 “${unitName}”${hint ? `，是否指 “${hint}”？` : '。'}` : `unknown unit "${unitName}"${hint ? `; did you mean "${hint}"?` : ''}`,
    );
  }
  const unit = named.unit;
  const task = data.tasks.find((t) => t.id === taskId);
  if (!task) {
    const hint = closest(taskId, data.tasks.map((t) => t.id));
    throw new UsageError(zh ? `没有编号为 “${taskId}” 的任务${hint ? `，是否指 ${hint}？` : '。'}` : `there is no task "${taskId}"${hint ? `; did you mean ${hint}?` : ''}`);
  }
  const ledger = buildLedger(data, asOf);
  if (!ledger.rows.some((r) => r.task.id === task.id && r.assignments.some((a) => a.unit.id === unit.id))) {
    throw new UsageError(zh ? `任务 ${task.id} 未分配给 ${shortName(unit)}。` : `task ${task.id} is not assigned to ${shortName(unit)}`, zh ? `plan checklist ${unit.id} 列出它的任务。` : `plan checklist ${unit.id} lists its tasks`);
  }

  // Unit ids match ^[A-Za-z0-9][A-Za-z0-9_-]*$ (the schema): the path stays in status/.
  const file = join(ctx.planDir, 'status', `${unit.id}.yaml`);
  try {
    await withLock(file, async () => {
      // Read inside the lock: another update may have landed while we waited.
      const current = readText(file);
      if (typeof current !== 'string' && current.code !== 'file-missing') {
        throw new UsageError(`${file}: ${current.code}`);
      }
      const original = typeof current === 'string' ? current : undefined;
      const edit = editStatus(original, unit.id, task.id, change, asOf);
      const result = await validatePlan(ctx.planDir, listPlanFiles(ctx.planDir, { file, text: edit.text }), { asOf, now: ctx.now });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        await locateDiagnostics(errors.filter((d) => d.file !== file));
        process.stderr.write(DIAGNOSTIC_FORMATS.stylish({ diagnostics: errors, lang: ctx.lang, paint: await paintFor({ ...ctx, color: false }) }));
        process.stderr.write(zh ? `未写入：修改后的 ${file} 不符合规则。\n` : `not written: ${file} would break the rules above\n`);
        throw new ExitCode(EXIT.findings);
      }
      if (options.dryRun) {
        print(lineDiff(original ?? '', edit.text, file));
        return;
      }
      writeFileAtomic(file, edit.text);
      const what = edit.from === edit.to ? stateWord(edit.to, ctx.lang) : `${stateWord(edit.from, ctx.lang)} → ${stateWord(edit.to, ctx.lang)}`;
      print(zh ? `已更新 ${shortName(unit)} · ${task.id} ${task.title}：${what}（${asOf}）` : `updated ${shortName(unit)} · ${task.id} ${task.title}: ${what} (${asOf})`);
    });
  } catch (e) {
    if (e instanceof LockTimeout) {
      throw new UsageError(
        zh ? `无法锁定 ${file}：另一个 plan update（进程 ${e.holder}）正在写入。` : `could not lock ${file}: another plan update (process ${e.holder}) is writing it`,
        zh ? `请稍后重试；若该进程已不存在，删除 ${e.lockFile}。` : `try again in a moment; if that process is gone, delete ${e.lockFile}`,
      );
    }
    throw e;
  }
}
