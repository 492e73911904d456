import { describe, expect, it } from 'vitest';
import { buildLedger, lightOf } from '../../src/ledger/index.js';
import { stateOn } from '../../src/ledger/replay.js';
import type { HistoryRecord, PlanData, StatusEntry, Task } from '../../src/model.js';

const entry = (over: Partial<StatusEntry>): StatusEntry => ({ unit: 'a', task: 't1', state: 'not_started', evidenceCount: 0, hasReason: false, ...over });

describe('stateOn: the entry as it stood on a date', () => {
  it('is not started with nothing recorded', () => {
    expect(stateOn(undefined, undefined, '2021-09-01')).toEqual({ state: 'not_started', replayed: false });
  });

  it('is the entry as it stands when nothing was recorded after the date', () => {
    const e = entry({ state: 'done', completed: '2021-09-03', updated: '2021-09-03', details: { progress: 'p', evidence: ['https://x'], history: [] } });
    expect(stateOn(e, [], '2021-09-03')).toEqual({ state: 'done', completed: '2021-09-03', progress: 'p', evidence: ['https://x'], replayed: false });
  });

  it('without history, counts a completion after the date as open then, and keeps other states', () => {
    expect(stateOn(entry({ state: 'done', completed: '2021-09-20' }), undefined, '2021-09-06')).toEqual({ state: 'not_started', replayed: true });
    expect(stateOn(entry({ state: 'blocked', updated: '2021-09-20' }), undefined, '2021-09-06').state).toBe('blocked');
  });

  const reopened: HistoryRecord[] = [
    { date: '2021-09-03', from: 'not_started', to: 'done' },
    { date: '2021-09-04', from: 'done', to: 'in_progress', note: '发现遗漏' },
    { date: '2021-09-20', from: 'in_progress', to: 'done', note: '整改完成' },
  ];
  const now = entry({ state: 'done', completed: '2021-09-20', updated: '2021-09-20' });

  it.each([
    ['2021-09-02', { state: 'not_started', replayed: true }],
    ['2021-09-03', { state: 'done', completed: '2021-09-03', replayed: true }],
    ['2021-09-10', { state: 'in_progress', progress: '发现遗漏', replayed: true }],
    ['2021-09-25', { state: 'done', completed: '2021-09-20', replayed: false }],
  ] as const)('replays done → reopened → done as of %s', (asOf, expected) => {
    expect(stateOn(now, reopened, asOf)).toEqual(expected);
  });

  it('goes by the record, keeping a back-dated completion once it was recorded', () => {
    const e = entry({ state: 'done', completed: '2021-09-03', updated: '2021-09-06' });
    const h: HistoryRecord[] = [{ date: '2021-09-06', from: 'in_progress', to: 'done' }];
    expect(stateOn(e, h, '2021-09-05').state).toBe('in_progress');
    expect(stateOn(e, [...h, { date: '2021-09-07', to: 'done', note: 'more evidence' }], '2021-09-06')).toMatchObject({ state: 'done', completed: '2021-09-03' });
  });

  it('gives the reason for a blocked state and the progress known before it', () => {
    const h: HistoryRecord[] = [
      { date: '2021-09-01', from: 'not_started', to: 'in_progress', note: '已启动' },
      { date: '2021-09-05', from: 'in_progress', to: 'blocked', note: '等待模板' },
      { date: '2021-10-01', from: 'blocked', to: 'in_progress', note: '模板已下发' },
    ];
    expect(stateOn(entry({ state: 'in_progress', updated: '2021-10-01' }), h, '2021-09-10')).toEqual({ state: 'blocked', reason: '等待模板', progress: '已启动', replayed: true });
  });
});

describe('blocked has its own light until its deadline passes', () => {
  const task: Task = { id: 't1', section: 'x', title: 'T', text: 't', lead: [], leadOpen: false, responsible: [], deadline: '2021-12-31', deadlineText: null, ongoing: false, reviewOn: [] };
  it.each([
    ['2021-09-01', 'blocked'],
    ['2021-12-20', 'blocked'],
    ['2022-01-01', 'red'],
  ] as const)('blocked on %s is %s', (asOf, light) => expect(lightOf(task, 'blocked', undefined, asOf, 14)).toBe(light));
  it('and with no deadline', () => expect(lightOf({ ...task, deadline: null, ongoing: true }, 'blocked', undefined, '2021-09-01', 14)).toBe('blocked'));
});

describe('buildLedger takes history records from another source', () => {
  it('replays records given as data, for a unit without a status entry', () => {
    const data: PlanData = {
      dir: 'mem',
      plan: { id: 'p', title: 'P', document: 'D', issuer: 'I', signed: '2021-08-30', implements: [], timezone: 'Asia/Shanghai', warnDays: 14, checkpoints: [] },
      units: [{ id: 'a', name: 'A', aliases: [], kind: 'town' }],
      groups: [],
      tasks: [{ id: 't1', section: 'x', title: 'T', text: 't', lead: ['a'], leadOpen: false, responsible: [], deadline: '2021-12-31', deadlineText: null, ongoing: false, reviewOn: [] }],
      statuses: [],
      returns: [],
      origins: { plan: 'plan.yaml', units: 'units.yaml', tasks: new Map(), statuses: new Map() },
    };
    const fromGit: HistoryRecord[] = [{ date: '2021-09-10', from: 'not_started', to: 'done' }];
    const history = (unit: string, task: string): HistoryRecord[] | undefined => (unit === 'a' && task === 't1' ? fromGit : undefined);
    const before = buildLedger(data, '2021-09-09', { history }).rows[0]!.assignments[0]!;
    const after = buildLedger(data, '2021-09-11', { history }).rows[0]!.assignments[0]!;
    expect([before.state, after.state, after.completed, after.completionDays]).toEqual(['not_started', 'done', '2021-09-10', -112]);
  });
});
