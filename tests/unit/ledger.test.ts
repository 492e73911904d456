import { describe, expect, it } from 'vitest';
import { dateIn } from '../../src/calendar.js';
import { checklistFor } from '../../src/ledger/checklist.js';
import { buildLedger, lightOf, rollUp, type Assignment } from '../../src/ledger/index.js';
import type { PlanData, StatusEntry, Task } from '../../src/model.js';

function task(over: Partial<Task> = {}): Task {
  return {
    id: 't1', section: 'x', title: 'T', text: 'text', lead: [], leadOpen: false, responsible: [],
    deadline: '2021-12-31', deadlineText: null, ongoing: false, reviewOn: [], ...over,
  };
}

function data(tasks: Task[], statuses: StatusEntry[] = []): PlanData {
  return {
    dir: 'mem',
    plan: { id: 'p', title: 'P', document: 'D', issuer: 'I', signed: '2021-08-30', implements: [], timezone: 'Asia/Shanghai', warnDays: 14, checkpoints: [{ date: '2021-09-05', reporters: ['towns', 'leads'], recipient: 'office' }, { date: '2021-12-05', reporters: ['towns'], recipient: 'office' }] },
    units: [
      { id: 'office', name: '县政府办公室', short: '县政府办', aliases: [], kind: 'county-department' },
      { id: 'finance', name: '县财政局', aliases: [], kind: 'county-department' },
      { id: 'a', name: 'A镇', aliases: [], kind: 'town' },
      { id: 'b', name: 'B镇', aliases: [], kind: 'town' },
    ],
    groups: [{ id: 'towns', name: '各镇人民政府', aliases: [], members: ['a', 'b'] }, { id: 'departments', name: '县政府各直属单位', aliases: [], members: ['office', 'finance'] }],
    tasks,
    statuses,
    returns: [],
    origins: { plan: 'plan.yaml', units: 'units.yaml', tasks: new Map(), statuses: new Map() },
  };
}

const roles = (as: Assignment[]): string[] => as.map((a) => `${a.unit.id}:${a.role}`);

describe('assignments', () => {
  it('expands groups into their members in the document order', () => {
    const l = buildLedger(data([task({ lead: ['office'], responsible: ['towns', 'departments'] })]), '2021-09-01');
    expect(roles(l.rows[0]!.assignments)).toEqual(['office:lead', 'a:responsible', 'b:responsible', 'finance:responsible']);
  });

  it('makes a unit named both ways lead, once', () => {
    const l = buildLedger(data([task({ lead: ['office', 'towns'], responsible: ['departments', 'towns'] })]), '2021-09-01');
    expect(roles(l.rows[0]!.assignments)).toEqual(['office:lead', 'a:lead', 'b:lead', 'finance:responsible']);
  });

  it('takes each state from the unit status, not started when absent', () => {
    const l = buildLedger(data([task({ responsible: ['towns'] })], [{ unit: 'a', task: 't1', state: 'in_progress', evidenceCount: 0, hasReason: false }]), '2021-09-01');
    expect(l.rows[0]!.assignments.map((a) => a.state)).toEqual(['in_progress', 'not_started']);
  });
});

describe('lights at the boundaries (deadline 2021-12-31, warning window 14 days)', () => {
  const t = task();
  it.each([
    ['2021-12-16', 'green'],
    ['2021-12-17', 'yellow'], // first day of the window: 14 days left
    ['2021-12-31', 'yellow'], // the deadline day itself is not overdue
    ['2022-01-01', 'red'], // overdue from the next day on
  ] as const)('open on %s is %s', (asOf, light) => {
    expect(lightOf(t, 'in_progress', undefined, asOf, 14)).toBe(light);
  });

  it('done on time is green; done after the deadline is done-late', () => {
    expect(lightOf(t, 'done', '2021-12-31', '2022-02-01', 14)).toBe('green');
    expect(lightOf(t, 'done', '2022-01-01', '2022-02-01', 14)).toBe('done-late');
  });

  it('not applicable counts as closed', () => {
    expect(lightOf(t, 'not_applicable', undefined, '2022-02-01', 14)).toBe('green');
  });

  it('an ongoing task without a deadline is never overdue', () => {
    expect(lightOf(task({ deadline: null, ongoing: true }), 'not_started', undefined, '2030-01-01', 14)).toBe('ongoing');
  });

  it('blocked is still open', () => {
    expect(lightOf(t, 'blocked', undefined, '2022-01-01', 14)).toBe('red');
  });
});

describe('roll-up', () => {
  it('counts closed assignments and takes the worst light', () => {
    const l = buildLedger(
      data([task({ responsible: ['towns', 'departments'] })], [
        { unit: 'a', task: 't1', state: 'done', completed: '2021-12-01', evidenceCount: 0, hasReason: false },
        { unit: 'b', task: 't1', state: 'not_applicable', evidenceCount: 0, hasReason: true },
      ]),
      '2022-01-03',
    );
    const row = l.rows[0]!;
    expect([row.done, row.total, row.light, row.daysLeft]).toEqual([2, 4, 'red', -3]);
    expect(row.assignments.filter((a) => a.light === 'red').map((a) => [a.unit.id, a.daysOverdue])).toEqual([['office', 3], ['finance', 3]]);
  });

  it('sorts by deadline, ongoing last, ids in numeric order', () => {
    const l = buildLedger(
      data([task({ id: '2.1.10', responsible: ['a'] }), task({ id: '3.2', deadline: null, ongoing: true, responsible: ['a'] }), task({ id: '2.1.9', responsible: ['a'] }), task({ id: '3.1', deadline: '2021-09-05', responsible: ['a'] })]),
      '2021-09-01',
    );
    expect(l.rows.map((r) => r.task.id)).toEqual(['3.1', '2.1.9', '2.1.10', '3.2']);
  });
});

describe('checkpoints', () => {
  it('finds the next checkpoint and who owes a report: towns and every lead unit', () => {
    const l = buildLedger(data([task({ lead: ['finance'], responsible: ['towns'] })]), '2021-09-01');
    expect(l.nextCheckpoint?.checkpoint.date).toBe('2021-09-05');
    expect(l.nextCheckpoint?.daysLeft).toBe(4);
    expect(l.nextCheckpoint?.reporters.map((u) => u.id)).toEqual(['a', 'b', 'finance']);
  });

  it('counts the checkpoint day itself as ahead, the day after as past', () => {
    expect(buildLedger(data([]), '2021-09-05').nextCheckpoint?.checkpoint.date).toBe('2021-09-05');
    expect(buildLedger(data([]), '2021-09-06').nextCheckpoint?.checkpoint.date).toBe('2021-12-05');
    expect(buildLedger(data([]), '2021-12-06').nextCheckpoint).toBeUndefined();
  });

  it('a checklist lists tasks through groups and the checkpoints the unit reports at', () => {
    const l = buildLedger(data([task({ id: 'x', lead: ['finance'] }), task({ id: 'y', responsible: ['departments'] }), task({ id: 'z', responsible: ['towns'] })]), '2021-09-01');
    const finance = checklistFor(l, l.unitsById.get('finance')!);
    expect(finance.assignments.map((a) => `${a.task.id}:${a.role}`)).toEqual(['x:lead', 'y:responsible']);
    expect(finance.checkpoints.map((c) => c.date)).toEqual(['2021-09-05']);
    const town = checklistFor(l, l.unitsById.get('a')!);
    expect(town.assignments.map((a) => a.task.id)).toEqual(['z']);
    expect(town.checkpoints.map((c) => c.date)).toEqual(['2021-09-05', '2021-12-05']);
  });
});

describe('today in the plan time zone', () => {
  it('23:30 UTC on 2021-12-31 is already 2022-01-01 in Asia/Shanghai', () => {
    const now = new Date('2021-12-31T23:30:00Z');
    expect(dateIn('Asia/Shanghai', now)).toBe('2022-01-01');
    expect(dateIn('UTC', now)).toBe('2021-12-31');
    // …so a task due 2021-12-31 is overdue there, by one day.
    expect(lightOf(task(), 'not_started', undefined, dateIn('Asia/Shanghai', now), 14)).toBe('red');
  });
});

describe('fixed-offset zones answered without ICU', () => {
  it('agree with Intl for every hour of two years', () => {
    const zones = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'UTC'];
    for (let t = Date.UTC(2020, 11, 1); t < Date.UTC(2022, 11, 31); t += 3_600_000 * 7) {
      for (const timeZone of zones) {
        const viaIntl = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(t));
        expect(dateIn(timeZone, new Date(t))).toBe(viaIntl);
      }
    }
  });
});

describe('the roll-up counted without the pairs (buildLedger) equals the roll-up of the assignments', () => {
  const states = ['not_started', 'in_progress', 'blocked', 'done', 'not_applicable'] as const;
  const days = ['2021-08-01', '2021-09-05', '2021-10-01', '2021-11-30', '2021-12-01', '2021-12-02', '2022-01-15'];
  const owners = ['office', 'finance', 'a', 'b', 'towns', 'departments'];
  it('for random plans, statuses, histories and dates', async () => {
    const fc = (await import('fast-check')).default;
    const arbTask = fc.record({
      lead: fc.subarray(owners),
      responsible: fc.subarray(owners),
      deadline: fc.option(fc.constantFrom(...days), { nil: null }),
    });
    const arbEntry = fc.record({
      unit: fc.constantFrom('office', 'finance', 'a', 'b'),
      task: fc.integer({ min: 0, max: 3 }),
      state: fc.constantFrom(...states),
      completed: fc.option(fc.constantFrom(...days), { nil: undefined }),
      history: fc.option(fc.array(fc.record({ date: fc.constantFrom(...days), to: fc.constantFrom(...states) }), { maxLength: 3 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(arbTask, { minLength: 1, maxLength: 4 }), fc.array(arbEntry, { maxLength: 12 }), fc.constantFrom(...days), (specs, raw, asOf) => {
        const tasks = specs.map((s, i) => task({ id: `t${i}`, lead: s.lead, responsible: s.responsible, deadline: s.deadline, ongoing: s.deadline === null }));
        const statuses: StatusEntry[] = raw
          .filter((e) => e.task < tasks.length)
          .map((e) => ({ unit: e.unit, task: `t${e.task}`, state: e.state, evidenceCount: 0, hasReason: false, ...(e.completed && { completed: e.completed }), ...(e.history && { history: e.history }) }));
        const d = data(tasks, statuses);
        const l = buildLedger(d, asOf);
        for (const row of l.rows) {
          const again = rollUp(l, row.task, row.assignments);
          expect({ ...again, assignments: undefined }).toEqual({ task: row.task, assignments: undefined, done: row.done, total: row.total, light: row.light, daysLeft: row.daysLeft, ...(row.completed !== undefined && { completed: row.completed, completionDays: row.completionDays }) });
        }
        // One unit's checklist is its share of every row's assignments, in deadline order.
        for (const unit of d.units) {
          const fromRows = l.rows.flatMap((r) => r.assignments.filter((a) => a.unit.id === unit.id));
          expect(checklistFor(l, unit).assignments).toEqual(fromRows);
        }
      }),
      { numRuns: 300 },
    );
  });
});
