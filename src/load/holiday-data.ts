/**
 * The working calendar's data, read only for a plan with `calendar: cn`: the
 * State Council's holidays and make-up working days (调休) as the
 * `chinese-days` package publishes them (dist/chinese-days.json, MIT, updated
 * from gov.cn each year), and the plan's own plan/holidays.yaml.
 *
 * Only the package's JSON is read, never its code: its functions take a
 * JavaScript Date and answer in the machine's time zone, where the ledger's
 * dates are plain YYYY-MM-DD strings of the plan's zone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { IsoDate } from '../model.js';
import type { CalendarSource, DayName, DaySet } from '../working-calendar.js';
import { readOne, type BrokenFile, type SourceFile } from './plan-files.js';

export const HOLIDAYS_FILE = 'holidays.yaml';
const PACKAGE = 'chinese-days';

/** `"National Day,国庆节,3"`: English name, Chinese name, days. */
function dayName(value: string): DayName {
  const [en = '', zh = ''] = value.split(',');
  return { zh: zh || en, en: en || zh };
}

/** The national data; throws when the package is missing (a broken install: exit 3 with the cause). */
export function nationalDays(): { days: DaySet; source: CalendarSource } {
  const require = createRequire(import.meta.url);
  const raw = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/dist/chinese-days.json`), 'utf8')) as { holidays: Record<string, string>; workdays: Record<string, string> };
  const { version } = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), 'utf8')) as { version: string };
  const holidays = new Map<IsoDate, DayName>();
  const workdays = new Map<IsoDate, DayName>();
  const years = new Set<number>();
  for (const [date, value] of Object.entries(raw.holidays)) {
    holidays.set(date, dayName(value));
    // A year whose notice is out has at least 元旦 in it: a year with no holiday is not covered.
    years.add(Number(date.slice(0, 4)));
  }
  for (const [date, value] of Object.entries(raw.workdays)) workdays.set(date, dayName(value));
  const sorted = [...years].sort((a, b) => a - b);
  return { days: { holidays, workdays, years }, source: { name: PACKAGE, version, first: sorted[0] ?? 0, last: sorted[sorted.length - 1] ?? 0 } };
}

/** plan/holidays.yaml as read (not yet checked); undefined when the plan has none. */
export async function readLocalHolidays(dir: string): Promise<SourceFile | BrokenFile | undefined> {
  const read = await readOne({ kind: 'holidays', file: join(dir, HOLIDAYS_FILE), stem: 'holidays' });
  return 'diagnostic' in read && read.diagnostic.code === 'file-missing' ? undefined : read;
}
