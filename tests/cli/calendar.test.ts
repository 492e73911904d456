/** `plan calendar`: the .ics parsed back with an iCalendar parser (ical.js) and checked against the unit's checklist. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { HOSTILE, hostilePlan } from '../documents.js';
import { copyPlan, plan } from '../helpers.js';

interface Parsed {
  calendar: ICAL.Component;
  events: { uid: string; start: string; end: string; isDate: boolean; summary: string; description: string; alarms: number[] }[];
}

function parse(text: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      isDate: e.startDate.isDate,
      summary: e.summary,
      description: e.description,
      alarms: v.getAllSubcomponents('valarm').map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()),
    };
  });
  return { calendar, events };
}

function checklist(dir: string, unit: string, asOf: string): { task: string; deadline: string | null; reviewOn: string[]; state: string }[] {
  return JSON.parse(plan(['checklist', unit, '--format', 'json', '--plan', dir, '--as-of', asOf]).stdout).tasks;
}

describe('plan calendar', () => {
  it('has every deadline, review date and checkpoint of the unit as an all-day event', () => {
    const dir = copyPlan({ progress: true });
    const file = join(mkdtempSync(join(tmpdir(), 'plan-ics-')), 'finance.ics');
    const r = plan(['calendar', '--unit', '县财政局', '--out', file, '--plan', dir, '--as-of', '2021-09-20', '--lang', 'zh']);
    expect(r.code).toBe(0);
    const { calendar, events } = parse(readFileSync(file, 'utf8'));
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Shanghai');
    // Lines folded at 75 octets (RFC 5545 3.1), never inside a character; CRLF line ends.
    const raw = readFileSync(file, 'utf8');
    expect(raw.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
    expect(raw).not.toContain('\ufffd');
    const tasks = checklist(dir, 'finance', '2021-09-20');
    const expected = [
      ...tasks.filter((t) => t.deadline !== null).map((t) => [`linkou-2021-zwgk.finance.task.${t.task}@plan-ledger`, t.deadline]),
      ...tasks.flatMap((t) => t.reviewOn.map((d) => [`linkou-2021-zwgk.finance.review.${t.task}.${d}@plan-ledger`, d])),
      ['linkou-2021-zwgk.finance.checkpoint.2021-09-05@plan-ledger', '2021-09-05'],
      ['linkou-2021-zwgk.finance.checkpoint.2021-12-05@plan-ledger', '2021-12-05'],
    ];
    expect(events.map((e) => [e.uid, e.start]).sort()).toEqual(expected.sort());
    for (const e of events) {
      expect(e.isDate).toBe(true);
      expect(e.end > e.start).toBe(true);
    }
    const lead = events.find((e) => e.uid.includes('.task.2.1.3@'))!;
    expect(lead.summary).toBe('2.1.3 做好财政信息公开（牵头·完成时限）');
    expect(lead.description).toContain('进展：推进中（统计日期 2021-09-20）');
    // Reminders at 09:00, 7 days and 1 day before; none for a task already done.
    expect(lead.alarms).toEqual([-(7 * 86400 - 9 * 3600), -(86400 - 9 * 3600)]);
    const done = events.find((e) => e.uid.includes('.task.3.1@'))!;
    expect(done.summary.startsWith('【已完成】')).toBe(true);
    expect(done.alarms).toEqual([]);
    // A checkpoint already past gets no reminder; the next one does.
    expect(events.find((e) => e.uid.includes('checkpoint.2021-09-05'))!.alarms).toEqual([]);
    expect(events.find((e) => e.uid.includes('checkpoint.2021-12-05'))!.summary).toBe('报送节点：向县政府办报送任务推进落实情况');
  });

  it('gives the plan’s dates whatever the machine’s time zone', () => {
    const dir = copyPlan();
    const run = (tz: string): string[] => parse(plan(['calendar', '--unit', 'finance', '--plan', dir, '--as-of', '2021-09-01'], { env: { TZ: tz } }).stdout).events.map((e) => e.start);
    const shanghai = run('Asia/Shanghai');
    expect(run('America/Los_Angeles')).toEqual(shanghai);
    expect(run('Pacific/Kiritimati')).toEqual(shanghai);
    expect(shanghai).toContain('2021-12-31');
  });

  it('takes --remind days and refuses bad ones; needs one unit', () => {
    const dir = copyPlan();
    const { events } = parse(plan(['calendar', '--unit', 'finance', '--remind', '3', '--plan', dir, '--as-of', '2021-09-01']).stdout);
    expect(events.find((e) => e.uid.includes('.task.3.1@'))!.alarms).toEqual([-(3 * 86400 - 9 * 3600)]);
    expect(plan(['calendar', '--unit', 'finance', '--remind', '7,x', '--plan', dir]).code).toBe(2);
    expect(plan(['calendar', '--plan', dir]).code).toBe(2);
    expect(plan(['calendar', '--unit', '各镇人民政府', '--plan', dir]).code).toBe(2);
  });

  it('keeps hostile text as text: the parser reads it back whole', () => {
    const dir = hostilePlan();
    const text = plan(['calendar', '--unit', 'finance', '--plan', dir, '--as-of', '2021-09-20']).stdout;
    const { events } = parse(text);
    // One VEVENT per event: ";BEGIN:VEVENT," in a progress note does not start another.
    expect(text.match(/^BEGIN:VEVENT/gm)!.length).toBe(events.length);
    const e = events.find((x) => x.uid.includes('.task.3.1@'))!;
    expect(e.summary).toContain(HOSTILE.title.replace('\u001b', '\\x1b'));
    expect(text).not.toContain('\u001b');
  });
});
