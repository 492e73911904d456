import { describe, expect, it } from 'vitest';
import { claimDate, deadlineOn, pendingExtensions, reviewOn } from '../../src/ledger/review.js';
import type { ExtensionRecord, HistoryRecord, ReviewRecord, StatusEntry } from '../../src/model.js';

const entry = (over: Partial<StatusEntry> = {}): StatusEntry => ({ unit: 'finance', task: '2.1.1', state: 'done', completed: '2021-11-20', evidenceCount: 0, hasReason: false, ...over });

describe('claims and the office’s decisions, read on a date', () => {
  const history: HistoryRecord[] = [
    { date: '2021-10-01', to: 'in_progress' },
    { date: '2021-11-20', from: 'in_progress', to: 'done' },
    { date: '2021-11-25', from: 'done', to: 'in_progress', note: '佐证不足' },
    { date: '2021-12-01', from: 'in_progress', to: 'done' },
  ];
  const review: ReviewRecord[] = [
    { date: '2021-11-25', decision: 'returned', claim: '2021-11-20', reason: '佐证不足' },
    { date: '2021-12-03', decision: 'accepted', claim: '2021-12-01' },
  ];

  it('a claim is the last record that made the entry done, on or before the date', () => {
    expect(claimDate(entry(), history, 'done', '2021-11-22')).toBe('2021-11-20');
    expect(claimDate(entry(), history, 'done', '2021-12-05')).toBe('2021-12-01');
    expect(claimDate(entry(), history, 'in_progress', '2021-11-26')).toBeUndefined();
    expect(claimDate(entry({ completed: '2021-09-09' }), [], 'done', '2021-12-05')).toBe('2021-09-09');
  });

  it('pending, returned, pending again, accepted: as the record stood each day', () => {
    expect(reviewOn(review, 'done', '2021-11-20', '2021-11-22').state).toBe('pending');
    const returned = reviewOn(review, 'in_progress', undefined, '2021-11-26');
    expect(returned.state).toBe('returned');
    expect(returned.decision?.reason).toBe('佐证不足');
    expect(reviewOn(review, 'done', '2021-12-01', '2021-12-02').state).toBe('pending');
    expect(reviewOn(review, 'done', '2021-12-01', '2021-12-03').state).toBe('accepted');
  });

  it('a reopened decision puts the claim back in the queue; no claim and no return is no review', () => {
    const reopened: ReviewRecord[] = [...review, { date: '2021-12-10', decision: 'reopened', reason: '抽查发现问题' }];
    expect(reviewOn(reopened, 'done', '2021-12-01', '2021-12-10').state).toBe('pending');
    expect(reviewOn(undefined, 'in_progress', undefined, '2021-12-10').state).toBeNull();
  });
});

describe('the deadline in force for one assignment', () => {
  const extensions: ExtensionRecord[] = [
    { requested: '2021-12-20', to: '2022-01-31', reason: '资金未到位', decision: 'granted', decided: '2021-12-22', grantedTo: '2022-01-15' },
    { requested: '2022-01-10', to: '2022-02-28', reason: '再延', decision: 'denied', decided: '2022-01-12', decisionReason: '不予延期' },
    { requested: '2022-01-13', to: '2022-02-10', reason: '三延' },
  ];
  it('the task’s until a grant is decided, then the date granted, with the original kept', () => {
    expect(deadlineOn('2021-12-31', extensions, '2021-12-21')).toEqual({ deadline: '2021-12-31' });
    const d = deadlineOn('2021-12-31', extensions, '2022-01-20');
    expect(d.deadline).toBe('2022-01-15');
    expect(d.original).toBe('2021-12-31');
  });
  it('requests not yet answered on the date', () => {
    expect(pendingExtensions(extensions, '2021-12-21').map((x) => x.to)).toEqual(['2022-01-31']);
    expect(pendingExtensions(extensions, '2022-01-20').map((x) => x.to)).toEqual(['2022-02-10']);
  });
});
