/**
 * 考核评分 as a replay of the record: the office's policy (scoring.yaml) applied
 * to what the status files say happened, up to a date. Pure: a ledger built as
 * of the last day scored (with the full history of every entry), the policy,
 * and the first day scored in; each unit's total and every line that moved it
 * out, each line with the rule that gave it and the records that show it.
 *
 * What counts, decided here once:
 * - An assignment is closed, under `review: required`, when the office accepted
 *   the claim (the day of the acceptance dates the event); otherwise when the
 *   entry is done or not applicable (the completion dates it). It closed late
 *   when its completion date is after the deadline in force on the day it
 *   closed (an extension granted by then counts); not applicable scores nothing.
 *   A claim still awaiting the office scores nothing yet: neither closed nor
 *   overdue, the unit having done its part.
 * - Open (not closed, not awaiting review) past the deadline in force on the
 *   last day scored: open-overdue, its days counted to that day.
 * - Each return (退回) that stands (no later `reopened` took it back), each
 *   extension decided, on the day of the decision.
 * - A report is the form recorded in `returns:`, as the 报送情况 of every other
 *   output counts it (ledger/returns.ts): received by the checkpoint date, on
 *   time; after it, late by the days between; none by the last day scored
 *   and the checkpoint passed, missing. Progress recorded with `plan update` is
 *   not a report. For these events a unit is lead when it leads any task.
 * - A unit with `since:` (joined mid-year) is scored only on assignments due on
 *   or after that day (and those without a deadline), checkpoints from then on,
 *   and events dated from then on.
 * - Events are scored when dated within the period (--from … --to); open-overdue
 *   is a state on the last day, so it always falls within.
 */
import { daysBetween } from '../calendar.js';
import type { Checkpoint, ExtensionRecord, FormReturn, HistoryRecord, IsoDate, ReviewRecord, ScoreEventKind, Scoring, ScoringRule, StatusEntry, Task, Unit } from '../model.js';
import { byDeadline, compareIds, isClosed, type Assignment, type Ledger, type Role } from './index.js';
import { stateOn } from './replay.js';
import { returnsFor } from './returns.js';
import { claimDate, deadlineOn, isClaim, reviewOn } from './review.js';

/** What a record is to the line it explains. */
export type RecordKind = 'claim' | 'acceptance' | 'return' | 'extension' | 'deadline' | 'state' | 'form' | 'checkpoint';

/** Where a line's evidence is written: a file and the path to the record in it, and the commit when the record is git's. */
export interface RecordRef {
  kind: RecordKind;
  file: string;
  path: (string | number)[];
  /** The commit the record was read from, when the status file keeps no history of its own. */
  commit?: string;
}

/** base, the caps of an event, floor and ceiling: lines the policy itself adds. */
export type ScoreLineKind = ScoreEventKind | 'base' | 'cap' | 'floor' | 'ceiling';

export interface ScoreLine {
  event: ScoreLineKind;
  date: IsoDate;
  task?: Task;
  checkpoint?: IsoDate;
  role?: Role;
  /** Days late (late events). */
  days?: number;
  /** Days or started weeks counted by a rule with `per`. */
  count?: number;
  points: number;
  /** The points before the rule's cap cut them, when it did. */
  uncapped?: number;
  rule?: ScoringRule;
  /** The event a `cap` line caps. */
  capped?: ScoreEventKind;
  /** Where in scoring.yaml the policy says so: a rule, a cap, base, floor or ceiling. */
  policy: (string | number)[];
  records: RecordRef[];
}

export interface UnitScore {
  unit: Unit;
  /** Competition ranking: tied totals share a rank, the next rank skips. */
  rank: number;
  total: number;
  lines: ScoreLine[];
}

export interface Scoreboard {
  scoring: Scoring;
  from?: IsoDate;
  /** The first day the score counts without --from: the plan's start (span.start, else its signing). */
  start?: IsoDate;
  to: IsoDate;
  units: UnitScore[];
}

/** Points are added as written (0.5, 0.1): sums are rounded to a millionth so 0.1 + 0.2 is 0.3 and ties are ties. */
export const roundPoints = (n: number): number => Math.round(n * 1e6) / 1e6 + 0;

/** A history record read from git carries the commit it came from (load/git-history.ts). */
type SourcedRecord = HistoryRecord & { commit?: string };

export function scoreUnits(ledger: Ledger, scoring: Scoring, from?: IsoDate): Scoreboard {
  const { data, asOf: to } = ledger;
  const historyOf = ledger.historyOf ?? ((_u: string, _t: string, entry: StatusEntry | undefined) => entry?.details?.history ?? entry?.history);
  const inPeriod = (date: IsoDate, since: IsoDate | undefined): boolean => date <= to && (from === undefined || date >= from) && (since === undefined || date >= since);

  const assignments = new Map<string, Assignment[]>();
  for (const row of ledger.rows) {
    for (const a of row.assignments) {
      const list = assignments.get(a.unit.id);
      if (list) list.push(a);
      else assignments.set(a.unit.id, [a]);
    }
  }
  const leads = new Set<string>();
  for (const row of ledger.rows) for (const u of ledger.unitsOf(row.task.lead)) leads.add(u.id);
  const checkpoints = [...data.plan.checkpoints].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const reporting = new Map<string, { checkpoint: Checkpoint; received?: FormReturn; late: boolean }[]>();
  for (const c of checkpoints) {
    for (const r of returnsFor(ledger, c)) {
      const list = reporting.get(r.unit.id) ?? [];
      list.push({ checkpoint: c, ...(r.received && { received: r.received }), late: r.late });
      reporting.set(r.unit.id, list);
    }
  }
  // The n-th return of a unit is `returns[n]` of its status file.
  const returnIndex = new Map<FormReturn, number>();
  const nth = new Map<string, number>();
  for (const r of data.returns) {
    const i = nth.get(r.unit) ?? 0;
    nth.set(r.unit, i + 1);
    returnIndex.set(r, i);
  }
  const statusFile = (unit: Unit): string => data.origins.statuses.get(unit.id)?.file ?? '';
  const taskOrigin = (task: Task): RecordRef | undefined => {
    const o = data.origins.tasks.get(task.id)?.[0];
    return o && { kind: 'deadline', file: o.file, path: [...o.path, 'deadline'] };
  };

  const scored: { unit: Unit; total: number; lines: ScoreLine[] }[] = [];
  for (const unit of data.units) {
    const since = unit.since;
    if (since !== undefined && since > to) continue;
    const mine = assignments.get(unit.id) ?? [];
    const reports = reporting.get(unit.id) ?? [];
    if (mine.length === 0 && reports.length === 0) continue;
    const lines: ScoreLine[] = [];
    const score = (event: ScoreEventKind, role: Role, line: Omit<ScoreLine, 'event' | 'points' | 'policy' | 'role'>): void => {
      const rule = ruleFor(scoring, event, role, line.days);
      if (!rule || rule.points === 0) return;
      const count = rule.per === 'day' ? line.days! : rule.per === 'week' ? Math.ceil(line.days! / 7) : 1;
      const uncapped = roundPoints(rule.points * count);
      const points = rule.cap !== undefined && Math.abs(uncapped) > rule.cap ? Math.sign(uncapped) * rule.cap : uncapped;
      lines.push({ event, role, ...line, ...(rule.per !== undefined && { count }), points, ...(points !== uncapped && { uncapped }), rule, policy: ['rules', rule.index] });
    };

    for (const a of mine) {
      const { task, entry } = a;
      if (since !== undefined && task.deadline !== null && task.deadline < since) continue;
      const file = statusFile(unit);
      const history = (historyOf(unit.id, task.id, entry) ?? []) as readonly SourcedRecord[];
      const ownHistory = entry?.details?.history ?? entry?.history ?? [];
      const refOf = (h: SourcedRecord | undefined, kind: RecordKind, fallback: string): RecordRef => {
        if (h?.commit !== undefined) return { kind, file, path: ['tasks', task.id], commit: h.commit };
        const i = h === undefined ? -1 : ownHistory.indexOf(h);
        return { kind, file, path: i >= 0 ? ['tasks', task.id, 'history', i] : ['tasks', task.id, fallback] };
      };
      const review = entry?.review ?? [];
      const extensions = entry?.extensions ?? [];
      const reviewRef = (r: ReviewRecord, kind: RecordKind): RecordRef => ({ kind, file, path: ['tasks', task.id, 'review', review.indexOf(r)] });
      const extensionRef = (x: ExtensionRecord): RecordRef => ({ kind: 'extension', file, path: ['tasks', task.id, 'extensions', extensions.indexOf(x)] });
      const deadlineRef = (grant: ExtensionRecord | undefined): RecordRef[] => {
        if (grant) return [{ ...extensionRef(grant), kind: 'deadline' }];
        const o = taskOrigin(task);
        return o ? [o] : [];
      };

      const then = stateOn(entry, history, to);
      const claimed = claimDate(entry, history, then.state, to);
      const claimRecord = claimed === undefined ? undefined : [...history].reverse().find((h) => h.date === claimed && isClaim(h.to) && h.from !== h.to);
      let closed: { date: IsoDate; records: RecordRef[] } | undefined;
      let awaiting = false;
      if (data.plan.review === 'required') {
        const view = reviewOn(review, then.state, claimed, to);
        if (view.state === 'accepted') closed = { date: view.decision!.date, records: [reviewRef(view.decision!, 'acceptance'), refOf(claimRecord, 'claim', 'completed')] };
        else awaiting = view.state === 'pending';
      } else if (isClosed(then.state) && claimed !== undefined) {
        closed = { date: then.state === 'done' ? (then.completed ?? claimed) : claimed, records: [refOf(claimRecord, 'claim', then.state === 'done' ? 'completed' : 'state')] };
      }
      if (closed && then.state === 'done' && inPeriod(closed.date, since)) {
        const inForce = deadlineOn(task.deadline, extensions, closed.date);
        const completed = then.completed ?? claimed ?? closed.date;
        const late = inForce.deadline === null ? 0 : daysBetween(inForce.deadline, completed);
        const records = [...closed.records, ...deadlineRef(inForce.grant)];
        if (late > 0) score('closed-late', a.role, { date: closed.date, task, days: late, records });
        else score('closed-on-time', a.role, { date: closed.date, task, records });
      } else if (!closed && !awaiting) {
        const inForce = deadlineOn(task.deadline, extensions, to);
        const late = inForce.deadline === null ? 0 : daysBetween(inForce.deadline, to);
        if (late > 0) {
          // The state in force: the last record on or before the day, else the entry itself (none: never started).
          const last = history.filter((h) => h.date <= to).reduce<SourcedRecord | undefined>((l, h) => (l === undefined || h.date >= l.date ? h : l), undefined);
          const state = last ? [refOf(last, 'state', 'state')] : entry ? [{ kind: 'state' as const, file, path: ['tasks', task.id, 'state'] }] : [];
          const records: RecordRef[] = [...deadlineRef(inForce.grant), ...state];
          score('open-overdue', a.role, { date: to, task, days: late, records });
        }
      }

      const decided = review.filter((r) => r.date <= to);
      decided.forEach((r, i) => {
        if (r.decision !== 'returned' || !inPeriod(r.date, since) || decided[i + 1]?.decision === 'reopened') return;
        const sentBack = history.find((h) => h.date === r.date && h.from !== undefined && isClaim(h.from) && !isClaim(h.to));
        score('returned', a.role, { date: r.date, task, records: [reviewRef(r, 'return'), ...(sentBack ? [refOf(sentBack, 'return', 'state')] : [])] });
      });
      for (const x of extensions) {
        if (x.decision === undefined || x.decided === undefined || !inPeriod(x.decided, since)) continue;
        score(x.decision === 'granted' ? 'extension-granted' : 'extension-denied', a.role, { date: x.decided, task, records: [extensionRef(x)] });
      }
    }

    const role: Role = leads.has(unit.id) ? 'lead' : 'responsible';
    for (const r of reports) {
      const c = r.checkpoint;
      if (since !== undefined && c.date < since) continue;
      const checkpointRef: RecordRef = { kind: 'checkpoint', file: data.origins.plan, path: ['checkpoints', c.entry ?? data.plan.checkpoints.indexOf(c)] };
      if (r.received) {
        const got = r.received.received;
        if (!inPeriod(got, since)) continue;
        const records: RecordRef[] = [{ kind: 'form', file: statusFile(unit), path: ['returns', returnIndex.get(r.received) ?? 0] }, checkpointRef];
        const late = daysBetween(c.date, got);
        if (late > 0) score('report-late', role, { date: got, checkpoint: c.date, days: late, records });
        else score('report-on-time', role, { date: got, checkpoint: c.date, records });
      } else if (r.late && inPeriod(c.date, since)) {
        score('report-missing', role, { date: c.date, checkpoint: c.date, records: [checkpointRef] });
      }
    }

    lines.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || (x.task && y.task ? byDeadline({ task: x.task }, { task: y.task }) || compareIds(x.task.id, y.task.id) : 0));
    // The policy's own lines: the caps of events, the base first, floor and ceiling last.
    for (const [event, cap] of Object.entries(scoring.caps) as [ScoreEventKind, number][]) {
      const sum = roundPoints(lines.filter((l) => l.event === event).reduce((n, l) => n + l.points, 0));
      if (Math.abs(sum) > cap) lines.push({ event: 'cap', capped: event, date: to, points: roundPoints(Math.sign(sum) * cap - sum), policy: ['caps', event], records: [] });
    }
    if (scoring.base !== 0) lines.unshift({ event: 'base', date: from ?? since ?? data.plan.span?.start ?? data.plan.signed ?? to, points: scoring.base, policy: ['base'], records: [] });
    let total = roundPoints(lines.reduce((n, l) => n + l.points, 0));
    if (scoring.floor !== undefined && total < scoring.floor) {
      lines.push({ event: 'floor', date: to, points: roundPoints(scoring.floor - total), policy: ['floor'], records: [] });
      total = scoring.floor;
    }
    if (scoring.ceiling !== undefined && total > scoring.ceiling) {
      lines.push({ event: 'ceiling', date: to, points: roundPoints(scoring.ceiling - total), policy: ['ceiling'], records: [] });
      total = scoring.ceiling;
    }
    scored.push({ unit, total, lines });
  }

  // Highest first; ties keep the order of units.yaml and share the rank.
  const order = [...scored].sort((a, b) => b.total - a.total);
  return {
    scoring,
    ...(from !== undefined && { from }),
    ...(from === undefined && (data.plan.span?.start ?? data.plan.signed) !== undefined && { start: data.plan.span?.start ?? data.plan.signed }),
    to,
    units: order.map((u) => ({ ...u, rank: 1 + order.filter((o) => o.total > u.total).length })),
  };
}

/** The one rule for an occurrence (the checks make sure there is at most one). */
export function ruleFor(scoring: Scoring, event: ScoreEventKind, role: Role, days: number | undefined): ScoringRule | undefined {
  return scoring.rules.find(
    (r) => r.event === event && (r.role === undefined || r.role === role) && (r.days === undefined || (days !== undefined && days >= (r.days.min ?? 1) && days <= (r.days.max ?? Infinity))),
  );
}
