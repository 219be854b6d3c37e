import { localTime } from '../time.ts';

/** Periods are calendar months written `YYYY-MM`. */
export function isPeriod(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function makePeriod(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function splitPeriod(period: string): { year: number; month: number } {
  return { year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) };
}

export function addMonths(period: string, months: number): string {
  const { year, month } = splitPeriod(period);
  const index = year * 12 + (month - 1) + months;
  return makePeriod(Math.floor(index / 12), (index % 12) + 1);
}

export function previousPeriod(period: string): string {
  return addMonths(period, -1);
}

export function sameMonthLastYear(period: string): string {
  return addMonths(period, -12);
}

/** The `count` periods ending with `last`, oldest first. */
export function periodsEndingAt(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

export function currentPeriod(now: Date, timeZone: string): string {
  const t = localTime(now, timeZone);
  return makePeriod(t.year, t.month);
}

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_MONTH_RE =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?\.?(?:\s+(\d{4}))?\b/i;

/** The latest month numbered `month` that has already ended by `now` (court time). */
function latestPast(month: number, now: Date, timeZone: string): string {
  const t = localTime(now, timeZone);
  return makePeriod(month < t.month ? t.year : t.year - 1, month);
}

export interface PeriodMatch {
  period: string;
  /** The characters of the text that named it, to take out of a query. */
  matched: string;
}

/**
 * Finds a period in free text: `2024-08`, `2024/8`, `2024年8月`, `8月` (the latest August
 * already over), `上月` / `last month`, `本月` / `this month`, `Aug 2024`, `August`.
 */
export function findPeriod(text: string, now: Date, timeZone: string): PeriodMatch | undefined {
  const month = (m: number) => m >= 1 && m <= 12;
  let m = /(\d{4})\s*[-/.]\s*(\d{1,2})(?!\d)/.exec(text);
  if (m && month(Number(m[2]))) return { period: makePeriod(Number(m[1]), Number(m[2])), matched: m[0] };
  m = /(\d{4})\s*年\s*(\d{1,2})\s*月(份|末|底)?/.exec(text);
  if (m && month(Number(m[2]))) return { period: makePeriod(Number(m[1]), Number(m[2])), matched: m[0] };
  m = /(?<!\d)(\d{1,2})\s*月(份|末|底)?/.exec(text);
  if (m && month(Number(m[1]))) return { period: latestPast(Number(m[1]), now, timeZone), matched: m[0] };
  m = /(上个?月|last\s+month)/i.exec(text);
  if (m) return { period: previousPeriod(currentPeriod(now, timeZone)), matched: m[0] };
  m = /(本月|这个月|this\s+month)/i.exec(text);
  if (m) return { period: currentPeriod(now, timeZone), matched: m[0] };
  m = EN_MONTH_RE.exec(text);
  if (m) {
    const index = EN_MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    return { period: m[2] ? makePeriod(Number(m[2]), index) : latestPast(index, now, timeZone), matched: m[0] };
  }
  return undefined;
}
