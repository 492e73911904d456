/** Each task with the file and path it was read from, for rules that point at it. */
import type { PlanData, Task } from '../model.js';

export function forEachTask(ctx: { data: PlanData }, fn: (task: Task, file: string, path: (string | number)[]) => void): void {
  const next = new Map<string, number>();
  for (const task of ctx.data.tasks) {
    // Duplicated ids have several origins; take them in file order.
    const k = next.get(task.id) ?? 0;
    next.set(task.id, k + 1);
    const origin = ctx.data.origins.tasks.get(task.id)?.[k];
    if (origin) fn(task, origin.file, origin.path);
  }
}
