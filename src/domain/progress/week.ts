import { isoWeek, localTime, zonedInstant } from '../time.ts';
import { isVisible, type ProgressUpdate } from './types.ts';

export interface WeekRange {
  /** `2024-W36` */
  label: string;
  /** Monday 00:00 court time. */
  start: Date;
  /** The next Monday 00:00 court time (exclusive). */
  end: Date;
}

function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function weekFromMonday(monday: { year: number; month: number; day: number }, timeZone: string): WeekRange {
  return {
    label: isoWeek(monday),
    start: zonedInstant(monday, timeZone),
    end: zonedInstant(addDays(monday, 7), timeZone),
  };
}

/** The ISO week (Monday–Sunday, court time) that holds `now`; `offset` -1 is last week. */
export function weekOf(now: Date, timeZone: string, offset = 0): WeekRange {
  const t = localTime(now, timeZone);
  return weekFromMonday(addDays(t, 1 - t.weekday + 7 * offset), timeZone);
}

/** `2024-W36` → that week; undefined when the label is not a real ISO week. */
export function weekByLabel(label: string, timeZone: string): WeekRange | undefined {
  const m = /^(\d{4})-?W(\d{1,2})$/i.exec(label.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const week = Number(m[2]);
  // 4 January is always in week 1.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday1 = addDays({ year, month: 1, day: 4 }, 1 - (jan4.getUTCDay() || 7));
  const range = weekFromMonday(addDays(monday1, 7 * (week - 1)), timeZone);
  return range.label === `${year}-W${String(week).padStart(2, '0')}` ? range : undefined;
}

/** Reads `/wall` week arguments: `2024-W36`, `last`/`上周`, `this`/`本周`. */
export function parseWeekArg(arg: string, now: Date, timeZone: string): WeekRange | undefined {
  const a = arg.trim().toLowerCase();
  if (a === 'last' || a === '上周') return weekOf(now, timeZone, -1);
  if (a === 'this' || a === '本周') return weekOf(now, timeZone);
  return weekByLabel(a, timeZone);
}

export interface WeeklyTime {
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  hour: number;
  minute: number;
}

export const DEFAULT_MEETING: WeeklyTime = { weekday: 1, hour: 8, minute: 0 };

/** `0 8 * * 1` → Monday 08:00; anything fancier than one weekly time falls back to the default. */
export function weeklyTimeOfCron(cron: string): WeeklyTime {
  const f = cron.trim().split(/\s+/);
  const [minute, hour, dom, month, dow] = f.length === 6 ? f.slice(1) : f;
  if (f.length < 5 || f.length > 6 || dom !== '*' || month !== '*' || ![minute, hour, dow].every((x) => /^\d+$/.test(x ?? ''))) {
    return DEFAULT_MEETING;
  }
  const weekday = Number(dow) % 7 === 0 ? 7 : Number(dow);
  if (weekday > 7 || Number(hour) > 23 || Number(minute) > 59) return DEFAULT_MEETING;
  return { weekday, hour: Number(hour), minute: Number(minute) };
}

/** The last weekly meeting at or before `now` (court time). */
export function lastMeetingBefore(now: Date, timeZone: string, meeting: WeeklyTime = DEFAULT_MEETING): Date {
  const t = localTime(now, timeZone);
  let day = addDays(t, meeting.weekday - t.weekday);
  let at = zonedInstant({ ...day, hour: meeting.hour, minute: meeting.minute }, timeZone);
  if (at > now) {
    day = addDays(day, -7);
    at = zonedInstant({ ...day, hour: meeting.hour, minute: meeting.minute }, timeZone);
  }
  return at;
}

/** Visible updates recorded at or after `since` (e.g. since the last meeting), oldest first. */
export function updatesSince(updates: readonly ProgressUpdate[], since: Date): ProgressUpdate[] {
  const from = since.toISOString();
  return updates.filter((u) => isVisible(u) && u.at >= from).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
}
