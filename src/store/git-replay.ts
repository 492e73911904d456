/**
 * The as-of replay, helped by git: an entry changed after the date reported on
 * but keeping no `history` list (deleted, or edited by hand) is read back
 * through the git log of its status file instead of being taken as it stands.
 * Costs nothing in the usual case: git runs only for such entries, and only in
 * a git repository.
 */
import type { LedgerOptions } from '../ledger/index.js';
import type { HistoryRecord, IsoDate, PlanData, StatusEntry } from '../model.js';

const own = (entry: StatusEntry | undefined): readonly HistoryRecord[] | undefined => {
  const details = entry?.details?.history;
  return details !== undefined && details.length > 0 ? details : entry?.history;
};

/** Ledger options for a picture as of `at`: history from git where the file keeps none. */
export async function gitReplay(planDir: string, data: PlanData, at: IsoDate): Promise<LedgerOptions> {
  return fromGitWhere(planDir, data, (s) => (s.updated !== undefined && s.updated > at) || (s.completed !== undefined && s.completed > at));
}

/**
 * Ledger options for a replay of the whole record (plan score): every entry
 * whose file keeps no history takes its changes from git, each record with
 * its commit.
 */
export async function gitRecord(planDir: string, data: PlanData): Promise<LedgerOptions> {
  return fromGitWhere(planDir, data, (s) => s.state !== 'not_started' || s.updated !== undefined);
}

async function fromGitWhere(planDir: string, data: PlanData, wanted: (s: StatusEntry) => boolean): Promise<LedgerOptions> {
  const lacking = new Set<string>();
  for (const s of data.statuses) {
    if (wanted(s) && (own(s)?.length ?? 0) === 0) lacking.add(s.unit);
  }
  if (lacking.size === 0) return {};
  const { gitHistory } = await import('../load/git-history.js');
  const fromGit = new Map<string, Map<string, HistoryRecord[]>>();
  for (const unit of lacking) {
    const records = await gitHistory(planDir, unit, data.plan.timezone);
    if (records === undefined) return {}; // not a git repository
    fromGit.set(unit, records);
  }
  return {
    history: (unit, task, entry) => {
      const kept = own(entry);
      if (kept !== undefined && kept.length > 0) return kept;
      return fromGit.get(unit)?.get(task) ?? kept;
    },
  };
}
