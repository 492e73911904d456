/**
 * A unit's history from git: every committed version of `status/<unit>.yaml`,
 * compared entry by entry with the one before. Each change of an entry's state
 * becomes a HistoryRecord, so the record survives a history list that was
 * deleted or never kept. Dates: the entry's own `updated` when that version
 * sets it, else the commit's author date in the plan's time zone.
 */
import { dateIn, isRealDate } from '../calendar.js';
import { TASK_STATES, type HistoryRecord, type TaskState } from '../model.js';
import { git, planInRepo, repoPath } from './git.js';

interface EntryVersion {
  state: TaskState;
  updated?: string;
  progress?: string;
}

/** A record read from git, with the commit it was read from (the explanation of a score names it). */
export type GitRecord = HistoryRecord & { commit: string };

/** Records per task id, oldest first; undefined when the plan is not in a git repository. */
export async function gitHistory(planDir: string, unitId: string, timeZone: string): Promise<Map<string, GitRecord[]> | undefined> {
  const repo = planInRepo(planDir);
  if (!repo) return undefined;
  const path = repoPath(repo, `status/${unitId}.yaml`);
  // --follow: a unit renamed with `plan unit rename` keeps the history of its old file.
  // (git cannot combine --follow with --reverse: the list is reversed here.)
  const log = git(repo.top, ['--literal-pathspecs', 'log', '--follow', '-z', '--format=%x01%H%x00%aI', '--name-only', 'HEAD', '--', path]);
  const records = new Map<string, GitRecord[]>();
  if (!log.ok) return records; // no commits yet
  const versions = log.stdout
    .split('\x01')
    .filter((r) => r !== '')
    .map((r) => {
      const [sha = '', authored = '', name = ''] = r.split('\0');
      return { sha, authored, path: name.replace(/^\n/, '') };
    })
    .reverse();
  const { parse } = await import('yaml');
  let before = new Map<string, EntryVersion>();
  for (const { sha, authored, path: pathThen } of versions) {
    const shown = git(repo.top, ['show', `${sha}:${pathThen}`]);
    // The commit deleted the file: the states stand as they were until a later version.
    if (!shown.ok) continue;
    let doc: unknown;
    try {
      doc = parse(shown.stdout, { maxAliasCount: 100, uniqueKeys: false });
    } catch {
      continue; // a broken version says nothing; plan check judged it at the time
    }
    const now = entriesOf(doc);
    const commitDate = dateIn(timeZone, new Date(authored));
    for (const [task, entry] of now) {
      const prior = before.get(task)?.state ?? 'not_started';
      if (prior === entry.state) continue;
      const list = records.get(task) ?? [];
      list.push({
        date: entry.updated !== undefined && isRealDate(entry.updated) ? entry.updated : commitDate,
        from: prior,
        to: entry.state,
        ...(entry.progress !== undefined && { note: entry.progress }),
        commit: sha,
      });
      records.set(task, list);
    }
    before = now;
  }
  return records;
}

function entriesOf(doc: unknown): Map<string, EntryVersion> {
  const entries = new Map<string, EntryVersion>();
  const tasks = (doc as { tasks?: unknown } | null)?.tasks;
  if (tasks === null || typeof tasks !== 'object' || Array.isArray(tasks)) return entries;
  for (const [task, raw] of Object.entries(tasks as Record<string, unknown>)) {
    const e = raw as { state?: unknown; updated?: unknown; progress?: unknown } | null;
    if (e === null || typeof e !== 'object' || !TASK_STATES.includes(e.state as TaskState)) continue;
    entries.set(task, {
      state: e.state as TaskState,
      ...(typeof e.updated === 'string' && { updated: e.updated }),
      ...(typeof e.progress === 'string' && { progress: e.progress }),
    });
  }
  return entries;
}
