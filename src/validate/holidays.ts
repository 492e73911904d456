/**
 * A plan's working calendar: the national data (load/holiday-data.ts) and the
 * plan's own plan/holidays.yaml, checked by its schema and read into days.
 * Loaded only for a plan with `calendar: cn`.
 */
import { addDays, isRealDate } from '../calendar.js';
import type { Diagnostic } from '../diagnostic.js';
import { nationalDays, readLocalHolidays } from '../load/holiday-data.js';
import type { IsoDate } from '../model.js';
import { NO_DAYS, workingCalendar, type DayName, type DaySet, type WorkingCalendar } from '../working-calendar.js';
import { checkShape } from './shape.js';

interface RawDay {
  date?: string;
  from?: string;
  to?: string;
  name: string;
  nameEn?: string;
}
interface RawHolidays {
  years?: number[];
  holidays?: RawDay[];
  workdays?: RawDay[];
}

/** The plan's own days (plan/holidays.yaml); none when the file does not exist. */
export async function localDays(dir: string): Promise<{ days: DaySet; diagnostics: Diagnostic[] }> {
  const read = await readLocalHolidays(dir);
  if (read === undefined) return { days: NO_DAYS, diagnostics: [] };
  if ('diagnostic' in read) return { days: NO_DAYS, diagnostics: [read.diagnostic] };
  const file = read.file;
  const shape = checkShape('holidays', file, read.data);
  if (shape.length > 0) return { days: NO_DAYS, diagnostics: shape };
  const raw = read.data as RawHolidays;
  const diagnostics: Diagnostic[] = [];
  const list = (key: 'holidays' | 'workdays'): Map<IsoDate, DayName> => {
    const out = new Map<IsoDate, DayName>();
    (raw[key] ?? []).forEach((day, i) => {
      const path = [key, i];
      const name = { zh: day.name, en: day.nameEn ?? day.name };
      const first = day.date ?? day.from;
      const last = day.date ?? day.to;
      if (first === undefined || last === undefined || (day.date !== undefined && (day.from !== undefined || day.to !== undefined))) {
        diagnostics.push({ code: 'holiday-date-or-range', severity: 'error', file, path, args: { list: key } });
        return;
      }
      for (const [field, value] of [['date', day.date], ['from', day.from], ['to', day.to]] as const) {
        if (value !== undefined && !isRealDate(value)) diagnostics.push({ code: 'invalid-date', severity: 'error', file, path: [...path, field], args: { value } });
      }
      if (!isRealDate(first) || !isRealDate(last)) return;
      if (last < first) {
        diagnostics.push({ code: 'holiday-range-backwards', severity: 'error', file, path: [...path, 'to'], args: { from: first, to: last } });
        return;
      }
      for (let d = first, n = 0; d <= last && n < 366; d = addDays(d, 1), n++) out.set(d, name);
    });
    return out;
  };
  const days: DaySet = { holidays: list('holidays'), workdays: list('workdays'), years: new Set(raw.years ?? []) };
  for (const date of days.workdays.keys()) {
    if (days.holidays.has(date)) diagnostics.push({ code: 'holiday-and-workday', severity: 'error', file, path: ['workdays'], args: { date } });
  }
  return { days, diagnostics };
}

/** The calendar a plan names, with the problems of its own file. */
export async function loadWorkingCalendar(dir: string): Promise<{ calendar: WorkingCalendar; diagnostics: Diagnostic[] }> {
  const national = nationalDays();
  const local = await localDays(dir);
  return { calendar: workingCalendar(national.days, local.days, national.source), diagnostics: local.diagnostics };
}
