import { cutText } from '../cut-text.ts';

/**
 * The official calendar of public holidays and make-up working days (节假日与调休), which the
 * State Council General Office publishes each November for the next year. Shipped as data
 * (one JSON per year); an admin may load a newer year from a file. Dates are `YYYY-MM-DD`.
 */
export interface HolidaySpan {
  name: string;
  from: string;
  to: string;
}

export interface CalendarYear {
  year: number;
  /** Where the dates come from (the notice and its publication). */
  source: string;
  holidays: HolidaySpan[];
  /** Make-up working days (调休上班), usually a Saturday or Sunday. */
  workdays: string[];
}

export interface WorkCalendar {
  years: ReadonlyMap<number, CalendarYear>;
  off: ReadonlyMap<string, string>;
  work: ReadonlySet<string>;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function isRealDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** Later years in the list replace earlier ones of the same year (an admin's file over the shipped one). */
export function buildCalendar(years: readonly CalendarYear[]): WorkCalendar {
  const byYear = new Map<number, CalendarYear>();
  for (const y of years) byYear.set(y.year, y);
  const off = new Map<string, string>();
  const work = new Set<string>();
  for (const y of byYear.values()) {
    for (const span of y.holidays) {
      for (let d = span.from, i = 0; d <= span.to && i < 31; d = addDays(d, 1), i++) off.set(d, span.name);
    }
    for (const d of y.workdays) work.add(d);
  }
  return { years: byYear, off, work };
}

export const EMPTY_CALENDAR: WorkCalendar = buildCalendar([]);

export function dayKind(calendar: WorkCalendar, date: string): DayKind {
  if (calendar.work.has(date)) return 'makeup';
  if (calendar.off.has(date)) return 'holiday';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? 'weekend' : 'workday';
}

export function isWorkingDay(calendar: WorkCalendar, date: string): boolean {
  const kind = dayKind(calendar, date);
  return kind === 'workday' || kind === 'makeup';
}

/** The first working day after `date` (a make-up Saturday counts); holidays never run longer than a few weeks. */
export function nextWorkingDay(calendar: WorkCalendar, date: string): string {
  let d = addDays(date, 1);
  for (let i = 0; i < 60 && !isWorkingDay(calendar, d); i++) d = addDays(d, 1);
  return d;
}

export type CalendarParse = { ok: true; value: CalendarYear } | { ok: false; error: string; detail?: string };

const MAX_ENTRIES = 60;

/** Checks a year file (as shipped in data/seed/calendar/): every date real, spans short and near the year. */
export function parseCalendarYear(value: unknown): CalendarParse {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'shape' };
  const v = value as Record<string, unknown>;
  const year = v.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) return { ok: false, error: 'year' };
  if (!Array.isArray(v.holidays) || !Array.isArray(v.workdays)) return { ok: false, error: 'shape' };
  if (v.holidays.length > MAX_ENTRIES || v.workdays.length > MAX_ENTRIES) return { ok: false, error: 'tooMany', detail: String(MAX_ENTRIES) };
  const near = (d: string) => Math.abs(Number(d.slice(0, 4)) - year) <= 1;
  const holidays: HolidaySpan[] = [];
  for (const h of v.holidays as unknown[]) {
    const span = (h ?? {}) as Record<string, unknown>;
    const name = typeof span.name === 'string' ? cutText(span.name.trim(), 40) : '';
    if (!isRealDate(span.from) || !isRealDate(span.to) || !near(span.from) || !near(span.to)) return { ok: false, error: 'date', detail: cutText(JSON.stringify(h), 80) };
    const days = (Date.parse(span.to) - Date.parse(span.from)) / DAY_MS;
    if (name === '' || days < 0 || days > 30) return { ok: false, error: 'span', detail: cutText(JSON.stringify(h), 80) };
    holidays.push({ name, from: span.from, to: span.to });
  }
  const workdays: string[] = [];
  for (const d of v.workdays as unknown[]) {
    if (!isRealDate(d) || !near(d)) return { ok: false, error: 'date', detail: cutText(String(d), 40) };
    if (holidays.some((h) => d >= h.from && d <= h.to)) return { ok: false, error: 'both', detail: d };
    workdays.push(d);
  }
  const source = typeof v.source === 'string' ? cutText(v.source, 300) : '';
  return { ok: true, value: { year, source, holidays, workdays } };
}
