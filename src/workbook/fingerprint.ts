/**
 * What a form was made from, so a returned form can be matched against the
 * plan as it is now: a digest per task (id, title, deadline) and one for the
 * whole plan's tasks.
 */
import { createHash } from 'node:crypto';
import type { Task } from '../model.js';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Id, title and deadline: what a unit sees of a task on its form. */
export function taskDigest(task: Task): string {
  return sha256(`${task.id}\u0000${task.title}\u0000${task.deadline ?? ''}`);
}

/** The SHA-256 of every task's id, title and deadline, in id order. */
export function planFingerprint(tasks: readonly Task[]): string {
  const ids = tasks.map((t) => [t.id, taskDigest(t)] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sha256(ids.map(([id, d]) => `${id}\t${d}\n`).join(''));
}

export function fileSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
