/**
 * What a form was made from, so a returned form can be matched against the
 * plan as it is now: a digest per task (id, title, deadline), one for the
 * whole plan's tasks, and a digest of each row as it was pre-filled (the
 * ledger's entry as the form showed it). The office's key signs all of it.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Assignment } from '../ledger/index.js';
import type { Task } from '../model.js';
import { cellText } from './cells.js';

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

/** A row's editable cells as text: the state (its key when it is one), progress, evidence, completion date, reason. */
export interface RowText {
  state: string;
  progress: string;
  evidence: string;
  completed: string;
  reason: string;
}

/** The text a cell is compared by: line ends as \n, no surrounding space. */
export const cellCompareText = (s: string): string => s.replace(/\r\n?/g, '\n').trim();

/** What the form shows in a task's editable cells: the ledger's entry on the form's date. */
export function prefilledRow(a: Assignment): RowText {
  const d = a.entry?.details;
  return {
    state: a.state,
    progress: d?.progress === undefined ? '' : cellCompareText(cellText(d.progress)),
    evidence: d && d.evidence.length > 0 ? cellCompareText(cellText(d.evidence.join('\n'))) : '',
    completed: a.completed ?? '',
    reason: d?.reason === undefined ? '' : cellCompareText(cellText(d.reason)),
  };
}

export function rowDigest(row: RowText): string {
  return sha256(JSON.stringify([row.state, row.progress, row.evidence, row.completed, row.reason]));
}

/** Everything the hidden sheet says, in the order it is signed. */
export interface SignedMeta {
  format: string;
  version: number;
  plan: string;
  unit: string;
  checkpoint: string;
  fingerprint: string;
  sheet: string;
  headerRow: number;
  made: string;
  /** Per task on the form: id, task digest, row digest. */
  tasks: [string, string, string][];
}

/** HMAC-SHA-256 of the hidden sheet's values under the office's key. */
export function formSignature(key: Buffer, m: SignedMeta): string {
  const payload = JSON.stringify([m.format, m.version, m.plan, m.unit, m.checkpoint, m.fingerprint, m.sheet, m.headerRow, m.made, m.tasks]);
  return createHmac('sha256', key).update(payload).digest('hex');
}

export function signatureMatches(key: Buffer, m: SignedMeta, signature: string): boolean {
  const expected = Buffer.from(formSignature(key, m), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(signature) ? signature : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
