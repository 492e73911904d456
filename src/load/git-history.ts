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

/** Records per task id, oldest first; undefined when the plan is not in a git repository. */
export async function gitHistory(planDir: string, unitId: string, timeZone: string): Promise<Map<string, HistoryRecord[]> | undefined> {
  const repo = planInRepo(planDir);
  if (!repo) return undefined;
  const path = repoPath(repo, `status/${unitId}.yaml`);
  const log = git(repo.top, ['--literal-pathspecs', 'log', '-z', '--reverse', '--format=%H%x00%aI', 'HEAD', '--', path]);
  const records = new Map<string, HistoryRecord[]>();
  if (!log.ok) return records; // no commits yet
  const { parse } = await import('yaml');
  const fields = log.stdout.split('\0').map((f) => f.trim());
  let before = new Map<string, EntryVersion>();
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [sha, authored] = [fields[i]!, fields[i + 1]!];
    if (sha === '') continue;
    const shown = git(repo.top, ['show', `${sha}:${path}`]);
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
