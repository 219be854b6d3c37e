import { dayKind, nextWorkingDay, type WorkCalendar } from '../calendar/work-calendar.ts';
import type { DigestKind } from '../org.ts';
import { isoWeek, localDate, localTime, zonedInstant } from '../time.ts';

/** A cron expression already parsed into the values each field allows (node-cron's parse()). */
export interface CronFields {
  second: number[];
  minute: number[];
  hour: number[];
  dayOfMonth: (number | string)[];
  month: number[];
  dayOfWeek: (number | string)[];
}

/** The stretch of time in which one digest period is delivered: the ISO week, or the calendar month. */
export interface DigestWindow {
  kind: DigestKind;
  start: Date;
  end: Date;
  /** The period the digest covers: the week itself (`2024-W36`) or the month before (`2024-08`). */
  period: string;
}

const DAY_MS = 86_400_000;

function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function monthOf(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The delivery window that holds `now` (offset -1: the one before it). */
export function digestWindow(kind: DigestKind, now: Date, timeZone: string, offset = 0): DigestWindow {
  const t = localTime(now, timeZone);
  if (kind === 'agenda') {
    const monday = addDays(t, 1 - t.weekday + offset * 7);
    const next = addDays(monday, 7);
    return { kind, start: zonedInstant(monday, timeZone), end: zonedInstant(next, timeZone), period: isoWeek(monday) };
  }
  const first = { year: t.year, month: t.month + offset, day: 1 };
  const start = zonedInstant({ year: first.year, month: first.month, day: 1 }, timeZone);
  const end = zonedInstant({ year: first.year, month: first.month + 1, day: 1 }, timeZone);
  return { kind, start, end, period: monthOf(first.year, first.month - 1) };
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The weekday nearest to `target` within its month (the `W` token), as node-cron computes it. */
function nearestWeekday(year: number, month: number, target: number): number {
  const last = lastDayOfMonth(year, month);
  if (target < 1 || target > last) return -1;
  const weekday = weekdayOf(year, month, target);
  if (weekday === 6) return target === 1 ? target + 2 : target - 1;
  if (weekday === 0) return target === last ? target - 2 : target + 1;
  return target;
}

/** Day-of-month values as node-cron's parse() gives them: numbers, `L`, `15W`, `LW`, `L-2`. */
function domMatches(value: number | string, date: { year: number; month: number; day: number }): boolean {
  if (typeof value === 'number') return value === date.day;
  const last = lastDayOfMonth(date.year, date.month);
  if (value === 'L') return date.day === last;
  const nearest = /^(\d{1,2}|L)W$/.exec(value);
  if (nearest) return nearestWeekday(date.year, date.month, nearest[1] === 'L' ? last : Number(nearest[1])) === date.day;
  const beforeLast = /^L-(\d{1,2})$/.exec(value);
  if (beforeLast) return last - Number(beforeLast[1]) === date.day;
  return Number(value) === date.day;
}

/** Day-of-week values: numbers (0 or 7 Sunday), `1#2` (second Monday), `5L` (last Friday). */
function dowMatches(value: number | string, date: { year: number; month: number; day: number }, weekday: number): boolean {
  if (typeof value === 'number') return value % 7 === weekday;
  const nth = /^([0-7])#([1-5])$/.exec(value);
  if (nth) return Number(nth[1]) % 7 === weekday && Math.floor((date.day - 1) / 7) + 1 === Number(nth[2]);
  const lastOf = /^([0-7])L$/i.exec(value);
  if (lastOf) return Number(lastOf[1]) % 7 === weekday && date.day + 7 > lastDayOfMonth(date.year, date.month);
  return Number(value) % 7 === weekday;
}

function dayMatches(fields: CronFields, date: { year: number; month: number; day: number }): boolean {
  if (!fields.month.includes(date.month)) return false;
  if (!fields.dayOfMonth.some((d) => domMatches(d, date))) return false;
  const weekday = weekdayOf(date.year, date.month, date.day);
  return fields.dayOfWeek.some((d) => dowMatches(d, date, weekday));
}

/** The latest time the cron fires in [from, to], in the court's time zone; undefined when it does not. */
export function latestFire(fields: CronFields, from: Date, to: Date, timeZone: string): Date | undefined {
  const desc = (values: number[]) => [...values].sort((a, b) => b - a);
  const hours = desc(fields.hour);
  const minutes = desc(fields.minute);
  const seconds = desc(fields.second);
  let day = localTime(to, timeZone);
  for (let i = 0; i < 40; i++) {
    if (dayMatches(fields, day)) {
      for (const hour of hours) {
        if (zonedInstant({ year: day.year, month: day.month, day: day.day, hour, minute: 0 }, timeZone).getTime() > to.getTime()) continue;
        for (const minute of minutes) {
          const base = zonedInstant({ year: day.year, month: day.month, day: day.day, hour, minute }, timeZone).getTime();
          if (base > to.getTime()) continue;
          for (const second of seconds) {
            const at = base + second * 1000;
            if (at > to.getTime()) continue;
            return at >= from.getTime() ? new Date(at) : undefined;
          }
        }
      }
    }
    const previous = addDays(day, -1);
    if (zonedInstant({ ...previous, hour: 23, minute: 59 }, timeZone).getTime() + 59_000 < from.getTime()) return undefined;
    day = { ...day, ...previous };
  }
  return undefined;
}

/**
 * When a fire on a public holiday takes effect: the same time on the next working day
 * (a make-up working Saturday counts). Other fires take effect at once.
 */
export function holidayShift(fire: Date, calendar: WorkCalendar | undefined, timeZone: string): Date {
  if (!calendar) return fire;
  const date = localDate(fire, timeZone);
  if (dayKind(calendar, date) !== 'holiday') return fire;
  const [year, month, day] = nextWorkingDay(calendar, date).split('-').map(Number) as [number, number, number];
  const t = localTime(fire, timeZone);
  return new Date(zonedInstant({ year, month, day, hour: t.hour, minute: t.minute }, timeZone).getTime() + (fire.getTime() % 60_000));
}

/**
 * Whether a digest is due for a chat at `now`: its schedule fired in the current window
 * (and after the chat was bound). Returns the period to deliver and when it fell due.
 * With a calendar, a fire on a public holiday falls due on the next working day; one that
 * would fall due only after its window is over is skipped (a week wholly inside a holiday).
 */
export function dueDigest(input: {
  kind: DigestKind;
  fields: CronFields;
  now: Date;
  timeZone: string;
  boundAt?: string;
  offset?: number;
  calendar?: WorkCalendar;
}): { period: string; dueAt: Date } | undefined {
  const window = digestWindow(input.kind, input.now, input.timeZone, input.offset ?? 0);
  const limit = input.offset ? new Date(window.end.getTime() - 1) : input.now;
  const bound = input.boundAt ? new Date(input.boundAt) : undefined;
  const from = bound && bound > window.start ? bound : window.start;
  let to = limit;
  // Each step goes back past one holiday stretch; a few are plenty for any window.
  for (let i = 0; i < 8; i++) {
    const fire = latestFire(input.fields, from, to, input.timeZone);
    if (!fire) return undefined;
    const dueAt = holidayShift(fire, input.calendar, input.timeZone);
    if (dueAt.getTime() <= limit.getTime()) return { period: window.period, dueAt };
    to = new Date(fire.getTime() - 1000);
  }
  return undefined;
}

/**
 * The agenda that topics and previews go to: this week's until this week's has fallen due
 * under the chat's schedule (and the court calendar), then next week's.
 */
export function nextAgendaWindow(input: { fields: CronFields; now: Date; timeZone: string; calendar?: WorkCalendar }): DigestWindow & { offset: 0 | 1 } {
  const offset = dueDigest({ kind: 'agenda', ...input }) ? 1 : 0;
  return { ...digestWindow('agenda', input.now, input.timeZone, offset), offset };
}
