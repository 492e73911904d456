/**
 * `plan calendar`: a unit's deadlines, review dates and checkpoints as an
 * iCalendar file (RFC 5545) that a calendar app subscribes to.
 *
 * Every event is all-day (VALUE=DATE): a deadline is a calendar date of the
 * plan's time zone (Asia/Shanghai), the same date wherever the reader is, so
 * no VTIMEZONE is needed; X-WR-TIMEZONE names the zone for apps that show it.
 * The `ical-generator` package (loaded only here) writes and escapes the text.
 */
import { addDays } from '../../calendar.js';
import { isClosed, type Ledger } from '../../ledger/index.js';
import { extendedWord } from '../labels.js';
import type { Checklist } from '../../ledger/checklist.js';
import { shortName } from '../../ledger/units.js';
import type { IsoDate } from '../../model.js';
import { deadlineWords, reviewedStateWord, roleWord, t } from '../labels.js';
import { safeText } from '../text.js';
import type { Lang } from '../lang.js';

/** A date of the plan as a JavaScript Date at midnight UTC: ical-generator writes it back with UTC getters. */
const utcMidnight = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);

/** Reminders fire at 09:00 on the day `days` before the event (all-day events start at 00:00). */
const triggerSeconds = (days: number): number => days * 86_400 - 9 * 3_600;

export interface CalendarEventView {
  uid: string;
  date: IsoDate;
  summary: string;
  description: string;
  category: 'deadline' | 'review' | 'checkpoint' | 'milestone';
  /** Closed tasks and past dates keep their event, without reminders. */
  remind: boolean;
}

/** The events as data (tested apart from the file). */
export function calendarEvents(list: Checklist, ledger: Ledger, lang: Lang): CalendarEventView[] {
  const zh = lang === 'zh';
  const { plan } = ledger.data;
  const uid = (kind: string, key: string): string => `${plan.id}.${list.unit.id}.${kind}.${key}@plan-ledger`;
  const events: CalendarEventView[] = [];
  for (const a of list.assignments) {
    const closed = isClosed(a.state);
    const lines = [
      `${t('task', lang)}${zh ? '：' : ': '}${a.task.id} ${a.task.title}`,
      `${t('role', lang)}${zh ? '：' : ': '}${roleWord(a.role, lang)}`,
      `${t('state', lang)}${zh ? '：' : ': '}${reviewedStateWord(a, lang)}（${t('asOf', lang)} ${ledger.asOf}）`,
      ...(a.task.deadline !== null ? [`${t('deadline', lang)}${zh ? '：' : ': '}${deadlineWords(a.task, lang)}`] : []),
      ...(a.task.deadlineText ? [`${zh ? '原文' : 'As written'}${zh ? '：' : ': '}${a.task.deadlineText}`] : []),
      ...(a.originalDeadline !== undefined ? [`${t('extension', lang)}${zh ? '：' : ': '}${extendedWord(a, lang)}`] : []),
      `${plan.title}（${plan.document}）`,
      '',
      a.task.text,
    ];
    const description = lines.map(safeText).join('\n');
    // Under review a claim is not done until the office accepts it, and a return is open again: the mark says which.
    const mark = a.review === 'pending' ? (zh ? '【待审核】' : '[awaiting review] ') : a.review === 'returned' ? (zh ? '【已退回】' : '[returned] ') : closed ? (zh ? '【已完成】' : '[done] ') : '';
    // A reminder of a day already gone would fire at once, or never: past events carry none.
    const ahead = (date: IsoDate): boolean => !closed && date >= ledger.asOf;
    // The deadline in force: an extension granted moves the event (same uid, so a subscribed calendar moves it too).
    if (a.deadline !== null) {
      events.push({
        uid: uid('task', a.task.id),
        date: a.deadline,
        summary: safeText(`${mark}${a.task.id} ${a.task.title}${zh ? `（${roleWord(a.role, lang)}·完成时限）` : ` (${roleWord(a.role, lang)}, deadline)`}`),
        description,
        category: 'deadline',
        remind: ahead(a.deadline),
      });
    }
    // A task without a deadline is reviewed on the dates the plan gives (reviewOn).
    for (const date of a.task.reviewOn) {
      events.push({
        uid: uid('review', `${a.task.id}.${date}`),
        date,
        summary: safeText(`${mark}${a.task.id} ${a.task.title}${zh ? '（检查节点）' : ' (review)'}`),
        description,
        category: 'review',
        remind: ahead(date),
      });
    }
    for (const m of a.task.milestones ?? []) {
      events.push({
        uid: uid('milestone', `${a.task.id}.${m.date}`),
        date: m.date,
        summary: safeText(`${mark}${a.task.id} ${m.text}${zh ? '（阶段性节点）' : ' (milestone)'}`),
        description,
        category: 'milestone',
        remind: ahead(m.date),
      });
    }
  }
  for (const c of list.checkpoints) {
    const to = ledger.unitsById.get(c.recipient);
    const toName = to ? shortName(to) : c.recipient;
    events.push({
      uid: uid('checkpoint', c.date),
      date: c.date,
      summary: safeText(zh ? `报送节点：向${toName}报送任务推进落实情况` : `Checkpoint: report progress to ${toName}`),
      description: [c.source ?? '', `${plan.title}（${plan.document}）`].filter((x) => x !== '').map(safeText).join('\n'),
      category: 'checkpoint',
      remind: c.date >= ledger.asOf,
    });
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : 1));
}

export async function calendarFile(list: Checklist, ledger: Ledger, lang: Lang, remindDays: number[]): Promise<string> {
  const { default: ical, ICalAlarmType } = await import('ical-generator');
  const { plan } = ledger.data;
  const calendar = ical({
    name: safeText(`${shortName(list.unit)} · ${plan.title}`),
    description: safeText(`${plan.title}（${plan.document}）`),
    prodId: { company: 'plan-ledger', product: 'plan-ledger', language: lang === 'zh' ? 'ZH' : 'EN' },
    x: [['X-WR-TIMEZONE', plan.timezone]],
  });
  // A fixed stamp: the same ledger gives the same file, so a subscription sees no false changes.
  const stamp = utcMidnight(ledger.asOf);
  for (const e of calendarEvents(list, ledger, lang)) {
    calendar.createEvent({
      id: e.uid,
      allDay: true,
      start: utcMidnight(e.date),
      end: utcMidnight(addDays(e.date, 1)),
      stamp,
      summary: e.summary,
      description: e.description,
      categories: [{ name: e.category }],
      transparency: 'TRANSPARENT' as never,
      alarms: e.remind ? remindDays.map((d) => ({ type: ICalAlarmType.display, trigger: triggerSeconds(d), description: e.summary })) : [],
    });
  }
  return foldLines(calendar.toString());
}

/**
 * RFC 5545 3.1: content lines longer than 75 octets are folded, a CRLF and a
 * space before the rest. ical-generator counts characters, and a Chinese
 * character is three octets in UTF-8: the lines are unfolded and folded again
 * by octets, never inside a character.
 */
export function foldLines(text: string): string {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: string[] = [];
  for (const line of lines) {
    let part = '';
    let octets = 0;
    let limit = 75;
    for (const ch of line) {
      const size = Buffer.byteLength(ch);
      if (octets + size > limit) {
        out.push(part);
        part = ' ';
        octets = 1;
        limit = 75;
      }
      part += ch;
      octets += size;
    }
    out.push(part);
  }
  return out.join('\r\n');
}
