/**
 * scoring.yaml, the office's scoring policy, once its shape is checked: its
 * meaning as small named rules (events the tool knows, bands of days that make
 * sense, no two rules for one occurrence, caps that can cap).
 */
import type { Diagnostic } from '../diagnostic.js';
import { LATE_EVENTS, SCORE_EVENTS, type ScoreEventKind, type Scoring, type ScoringRule } from '../model.js';
import { closest } from '../suggest.js';

interface RawRule {
  event: string;
  role?: 'lead' | 'responsible';
  points: number;
  per?: 'day' | 'week';
  days?: { min?: number; max?: number };
  cap?: number;
  note?: string;
}

export interface RawScoring {
  title?: string;
  base?: number;
  floor?: number;
  ceiling?: number;
  public?: boolean;
  example?: boolean;
  rules: RawRule[];
  caps?: Record<string, number>;
}

const isEvent = (e: string): e is ScoreEventKind => (SCORE_EVENTS as readonly string[]).includes(e);

/**
 * The policy as data, or only diagnostics when a rule cannot be understood.
 * `shape`: the schema's findings; the rules and caps they name are set aside
 * and the others still checked, so one run lists every problem.
 */
export function checkScoring(file: string, data: RawScoring, shape: readonly Diagnostic[] = []): { scoring?: Scoring; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const broken = new Set(shape.filter((d) => d.path?.[0] === 'rules' && typeof d.path[1] === 'number').map((d) => d.path![1] as number));
  const brokenCaps = new Set(shape.filter((d) => d.path?.[0] === 'caps').map((d) => String(d.path![1])));
  const rawRules = Array.isArray(data?.rules) ? data.rules : [];
  const raw: RawScoring = {
    ...data,
    // Set aside by index, so the others keep their places in the list.
    rules: rawRules.map((r, i) => (broken.has(i) || r === null || typeof r !== 'object' ? undefined : r)) as RawRule[],
    caps: Object.fromEntries(Object.entries(data?.caps !== null && typeof data?.caps === 'object' ? data.caps : {}).filter(([k, v]) => !brokenCaps.has(k) && typeof v === 'number')),
  };
  const report = (code: string, severity: Diagnostic['severity'], path: (string | number)[], args: Record<string, string | number> = {}): void => {
    diagnostics.push({ code, severity, file, path, args });
  };
  const unknownEvent = (event: string, path: (string | number)[]): void => {
    const hint = closest(event, SCORE_EVENTS);
    report('scoring-unknown-event', 'error', path, { event, events: SCORE_EVENTS.join(', '), ...(hint && { hint }) });
  };

  raw.rules.forEach((r, i) => {
    if (r === undefined || typeof r.event !== 'string') return;
    if (!isEvent(r.event)) return unknownEvent(r.event, ['rules', i, 'event']);
    const late = LATE_EVENTS.has(r.event);
    if (r.per !== undefined && !late) report('scoring-per-not-late', 'error', ['rules', i, 'per'], { event: r.event });
    if (r.days !== undefined && !late) report('scoring-days-not-late', 'error', ['rules', i, 'days'], { event: r.event });
    if (r.days !== undefined) {
      const { min, max } = r.days;
      if ((min !== undefined && min < 1) || (max !== undefined && max < 1)) report('scoring-days-below-one', 'error', ['rules', i, 'days']);
      else if (min !== undefined && max !== undefined && min > max) report('scoring-days-empty', 'error', ['rules', i, 'days'], { min, max });
    }
    if (r.cap !== undefined && r.cap <= 0) report('scoring-cap-not-positive', 'error', ['rules', i, 'cap'], { cap: r.cap });
    else if (r.cap !== undefined && r.per === undefined) report('scoring-cap-without-per', 'warning', ['rules', i, 'cap'], { event: r.event });
  });
  for (const [event, cap] of Object.entries(raw.caps ?? {})) {
    if (!isEvent(event)) unknownEvent(event, ['caps', event]);
    else if (cap <= 0) report('scoring-cap-not-positive', 'error', ['caps', event], { cap });
  }
  if (typeof raw.floor === 'number' && typeof raw.ceiling === 'number' && raw.floor > raw.ceiling) report('scoring-floor-above-ceiling', 'error', ['floor'], { floor: raw.floor, ceiling: raw.ceiling });

  // Two rules that can both apply to one occurrence: the same event, a role in
  // common, bands of days that meet. The later one is reported, naming the first.
  raw.rules.forEach((b, j) => {
    if (b === undefined || !isEvent(b.event)) return;
    const a = raw.rules.slice(0, j).findIndex((a) => a !== undefined && a.event === b.event && rolesMeet(a, b) && bandsMeet(a, b));
    if (a >= 0) report('scoring-overlap', 'error', ['rules', j], { event: b.event, rule: j + 1, other: a + 1 });
  });

  if (shape.length > 0 || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const rules: ScoringRule[] = raw.rules.map((r, index) => ({ ...r, index, event: r.event as ScoreEventKind }));
  return {
    diagnostics,
    scoring: {
      ...(raw.title !== undefined && { title: raw.title }),
      base: raw.base ?? 0,
      ...(raw.floor !== undefined && { floor: raw.floor }),
      ...(raw.ceiling !== undefined && { ceiling: raw.ceiling }),
      public: raw.public === true,
      example: raw.example === true,
      rules,
      caps: (raw.caps ?? {}) as Scoring['caps'],
    },
  };
}

const rolesMeet = (a: RawRule, b: RawRule): boolean => a.role === undefined || b.role === undefined || a.role === b.role;

function bandsMeet(a: RawRule, b: RawRule): boolean {
  const lo = Math.max(a.days?.min ?? 1, b.days?.min ?? 1);
  const hi = Math.min(a.days?.max ?? Infinity, b.days?.max ?? Infinity);
  return lo <= hi;
}
