import { localTime } from '../time.ts';
import type { Basis } from './types.ts';

/**
 * Periods are written as codes: a month `2024-08`, a quarter `2024-Q3`, a half-year `2024-H1`,
 * a year `2024`. With the basis `ytd` a figure runs from January to the period's end
 * (2024年1—9月 for `2024-Q3`); with `month` it is the period alone (当月, 当季, 上半年, 全年).
 */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half', 'year'];

export interface PeriodParts {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2; 1 for a year. */
  n: number;
}

/** Months in one period of the kind. */
const LENGTH: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** A month code `YYYY-MM` (the only kind figures are imported for by default). */
export function isPeriod(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function makePeriod(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function periodCode(p: PeriodParts): string {
  if (p.kind === 'month') return makePeriod(p.year, p.n);
  if (p.kind === 'quarter') return `${p.year}-Q${p.n}`;
  if (p.kind === 'half') return `${p.year}-H${p.n}`;
  return String(p.year);
}

/** `2024-08`, `2024-Q3`, `2024-H1`, `2024` → parts; anything else → undefined. */
export function parsePeriodCode(code: string): PeriodParts | undefined {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(code);
  if (m) return { kind: 'month', year: Number(m[1]), n: Number(m[2]) };
  m = /^(\d{4})-Q([1-4])$/.exec(code);
  if (m) return { kind: 'quarter', year: Number(m[1]), n: Number(m[2]) };
  m = /^(\d{4})-H([12])$/.exec(code);
  if (m) return { kind: 'half', year: Number(m[1]), n: Number(m[2]) };
  m = /^(\d{4})$/.exec(code);
  if (m) return { kind: 'year', year: Number(m[1]), n: 1 };
  return undefined;
}

export function isPeriodCode(code: string): boolean {
  return parsePeriodCode(code) !== undefined;
}

export function periodKind(code: string): PeriodKind {
  return parsePeriodCode(code)?.kind ?? 'month';
}

export function splitPeriod(period: string): { year: number; month: number } {
  return { year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) };
}

/** The last month of a period: `2024-Q3` → `2024-09`, `2024` → `2024-12`. */
export function endMonth(code: string): string {
  const p = parsePeriodCode(code);
  if (!p || p.kind === 'month') return code;
  return makePeriod(p.year, p.n * LENGTH[p.kind]);
}

/** The first month of a period: `2024-Q3` → `2024-07`. */
export function startMonth(code: string): string {
  const p = parsePeriodCode(code);
  if (!p || p.kind === 'month') return code;
  return makePeriod(p.year, (p.n - 1) * LENGTH[p.kind] + 1);
}

/** The months a period spans, oldest first. */
export function monthsOf(code: string): string[] {
  const start = startMonth(code);
  const length = LENGTH[periodKind(code)];
  return Array.from({ length }, (_, i) => addMonths(start, i));
}

export function addMonths(period: string, months: number): string {
  const { year, month } = splitPeriod(period);
  const index = year * 12 + (month - 1) + months;
  return makePeriod(Math.floor(index / 12), (index % 12) + 1);
}

/** The period `steps` periods of the same kind later (earlier when negative). */
export function shiftPeriod(code: string, steps: number): string {
  const p = parsePeriodCode(code);
  if (!p) return code;
  const perYear = 12 / LENGTH[p.kind];
  const index = p.year * perYear + (p.n - 1) + steps;
  return periodCode({ kind: p.kind, year: Math.floor(index / perYear), n: (index % perYear) + 1 });
}

/** The period before, of the same kind: the month, quarter, half-year or year before. */
export function previousPeriod(period: string): string {
  return shiftPeriod(period, -1);
}

/** The same period a year before: `2024-08` → `2023-08`, `2024-Q3` → `2023-Q3`. */
export function sameMonthLastYear(period: string): string {
  const p = parsePeriodCode(period);
  return p ? periodCode({ ...p, year: p.year - 1 }) : period;
}
export const samePeriodLastYear = sameMonthLastYear;

/** The `count` periods of the same kind ending with `last`, oldest first. */
export function periodsEndingAt(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(last, i - count + 1));
}

/** The period of `kind` that holds a month: `2024-08` → `2024-Q3` for quarters. */
export function periodOfMonth(month: string, kind: PeriodKind): string {
  const { year, month: m } = splitPeriod(month);
  return periodCode({ kind, year, n: Math.ceil(m / LENGTH[kind]) });
}

/** Whether a period starts in January: its ytd figure is its own. */
export function startsYear(code: string): boolean {
  return splitPeriod(startMonth(code)).month === 1;
}

export function currentPeriod(now: Date, timeZone: string): string {
  const t = localTime(now, timeZone);
  return makePeriod(t.year, t.month);
}

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_MONTH_RE =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?\.?(?:\s+(\d{4}))?\b/i;
const ZH_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

function numberOf(text: string): number {
  return ZH_NUMBERS[text] ?? Number(text);
}

/** The latest period of `kind` numbered `n` that has already ended by `now` (court time). */
function latestPast(kind: PeriodKind, n: number, now: Date, timeZone: string): string {
  const t = localTime(now, timeZone);
  const ended = n * LENGTH[kind] < t.month;
  return periodCode({ kind, year: ended ? t.year : t.year - 1, n });
}

export interface PeriodMatch {
  /** A period code: `2024-08`, `2024-Q3`, `2024-H1`, `2024`. */
  period: string;
  /** The characters of the text that named it, to take out of a query. */
  matched: string;
  /** Set when the words themselves name the basis: `2024年1-8月` is year to date. */
  basis?: Basis;
}

/** Full-width digits and letters as ASCII, one character for one, so positions stay the same. */
export function halfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

type Rule = { re: RegExp; read: (m: RegExpExecArray, now: Date, timeZone: string) => { period: string; basis?: Basis } | undefined };

const RANGE = String.raw`\s*[-—–~～至到]\s*`;
const isMonth = (n: number) => n >= 1 && n <= 12;
const thisYear = (now: Date, tz: string) => localTime(now, tz).year;

/** A span of months within one year: 1—8月 is year to date; 7—9月 a quarter; 1—12月 the year. */
function monthSpan(year: number, from: number, to: number): { period: string; basis?: Basis } | undefined {
  if (!isMonth(from) || !isMonth(to) || from > to) return undefined;
  if (from === 1) return to === 12 ? { period: String(year) } : { period: makePeriod(year, to), basis: 'ytd' };
  for (const kind of ['quarter', 'half'] as const) {
    const length = LENGTH[kind];
    if (to - from + 1 === length && (from - 1) % length === 0) return { period: periodCode({ kind, year, n: to / length }), basis: 'month' };
  }
  if (from === to) return { period: makePeriod(year, to) };
  return undefined;
}

const RULES: Rule[] = [
  // Year-to-date and other month spans: 2024年1-8月, 2024年1—8月, 1至8月.
  { re: new RegExp(String.raw`(?<!\d)(\d{4})\s*年\s*(\d{1,2})(?:\s*月)?${RANGE}(\d{1,2})\s*月(?:份|末|底)?`), read: (m) => monthSpan(Number(m[1]), Number(m[2]), Number(m[3])) },
  {
    re: new RegExp(String.raw`(?<!\d)(\d{1,2})(?:\s*月)?${RANGE}(\d{1,2})\s*月(?:份|末|底)?`),
    read: (m, now, tz) => {
      const to = Number(m[2]);
      if (!isMonth(to)) return undefined;
      return monthSpan(Number(latestPast('month', to, now, tz).slice(0, 4)), Number(m[1]), to);
    },
  },
  // Months with a year.
  { re: /(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})(?!\d)/, read: (m) => (isMonth(Number(m[2])) ? { period: makePeriod(Number(m[1]), Number(m[2])) } : undefined) },
  { re: /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?:份|末|底)?/, read: (m) => (isMonth(Number(m[2])) ? { period: makePeriod(Number(m[1]), Number(m[2])) } : undefined) },
  {
    re: EN_MONTH_RE,
    read: (m, now, tz) => {
      const index = EN_MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
      return { period: m[2] ? makePeriod(Number(m[2]), index) : latestPast('month', index, now, tz) };
    },
  },
  // Quarters: 2024年第三季度, 2024年三季度, 2024Q3, 2024-Q3, Q3 2024.
  { re: /(?<!\d)(\d{4})\s*年\s*(?:第\s*)?([1-4一二三四])\s*季度?/, read: (m) => ({ period: `${m[1]}-Q${numberOf(m[2]!)}`, basis: 'month' }) },
  { re: /(?<!\d)(\d{4})\s*(?:-\s*)?q([1-4])(?![0-9a-z])/i, read: (m) => ({ period: `${m[1]}-Q${m[2]}`, basis: 'month' }) },
  { re: /(?<![0-9a-z])q([1-4])\s*(?:-\s*)?(\d{4})(?!\d)/i, read: (m) => ({ period: `${m[2]}-Q${m[1]}`, basis: 'month' }) },
  // Half-years: 2024年上半年, 2024H1, H1 2024.
  { re: /(?<!\d)(\d{4})\s*年\s*(?:度\s*)?(上|下)半年度?/, read: (m) => ({ period: `${m[1]}-H${m[2] === '上' ? 1 : 2}`, basis: 'month' }) },
  { re: /(?<!\d)(\d{4})\s*(?:-\s*)?h([12])(?![0-9a-z])/i, read: (m) => ({ period: `${m[1]}-H${m[2]}`, basis: 'month' }) },
  { re: /(?<![0-9a-z])h([12])\s*(?:-\s*)?(\d{4})(?!\d)/i, read: (m) => ({ period: `${m[2]}-H${m[1]}`, basis: 'month' }) },
  // Without a year: the latest one already over.
  { re: /(?<!\d)(?:第\s*)?([1-4一二三四])\s*季度/, read: (m, now, tz) => ({ period: latestPast('quarter', numberOf(m[1]!), now, tz), basis: 'month' }) },
  { re: /(?<![0-9a-z])q([1-4])(?![0-9a-z])/i, read: (m, now, tz) => ({ period: latestPast('quarter', Number(m[1]), now, tz), basis: 'month' }) },
  { re: /(上|下)半年/, read: (m, now, tz) => ({ period: latestPast('half', m[1] === '上' ? 1 : 2, now, tz), basis: 'month' }) },
  { re: /(?<![0-9a-z])h([12])(?![0-9a-z])|\b(first|second)\s+half\b/i, read: (m, now, tz) => ({ period: latestPast('half', m[1] ? Number(m[1]) : m[2]!.toLowerCase() === 'first' ? 1 : 2, now, tz), basis: 'month' }) },
  { re: /(本季度?|这个?季度|this\s+quarter)/i, read: (_m, now, tz) => ({ period: periodOfMonth(currentPeriod(now, tz), 'quarter'), basis: 'month' }) },
  { re: /(上个?季度|last\s+quarter)/i, read: (_m, now, tz) => ({ period: previousPeriod(periodOfMonth(currentPeriod(now, tz), 'quarter')), basis: 'month' }) },
  // Years: 2024年, 2024年度, 去年, 前年, last year, a bare 2024.
  { re: /(?<!\d)(\d{4})\s*年度?(?!\s*(?:\d|第|上|下|[一二三四]季))/, read: (m) => ({ period: m[1]! }) },
  { re: /(去年|上一?年度?|last\s+year)/i, read: (_m, now, tz) => ({ period: String(thisYear(now, tz) - 1) }) },
  { re: /前年/, read: (_m, now, tz) => ({ period: String(thisYear(now, tz) - 2) }) },
  { re: /(?<![\d\-/.])((?:19|20)\d{2})(?![\d\-/.年])/, read: (m) => ({ period: m[1]! }) },
  // Months without a year.
  { re: /(?<!\d)(\d{1,2})\s*月(?:份|末|底)?/, read: (m, now, tz) => (isMonth(Number(m[1])) ? { period: latestPast('month', Number(m[1]), now, tz) } : undefined) },
  { re: /(上个?月|last\s+month)/i, read: (_m, now, tz) => ({ period: previousPeriod(currentPeriod(now, tz)) }) },
  { re: /(本月|这个月|this\s+month)/i, read: (_m, now, tz) => ({ period: currentPeriod(now, tz) }) },
];

/**
 * Finds a period in free text. Months: `2024-08`, `2024/8`, `2024年8月`, `8月` (the latest
 * August already over), `上月`, `本月`, `Aug 2024`. Year to date: `2024年1-8月`, `1—8月`.
 * Quarters: `2024Q3`, `2024年第三季度`, `三季度`, `本季度`. Half-years: `2024H1`, `2024年上半年`,
 * `上半年`. Years: `2024年`, `去年`, `2024`. Full-width digits are read as digits.
 */
export function findPeriod(text: string, now: Date, timeZone: string): PeriodMatch | undefined {
  const plain = halfWidth(text);
  for (const rule of RULES) {
    const m = rule.re.exec(plain);
    if (!m) continue;
    const found = rule.read(m, now, timeZone);
    if (!found || !isPeriodCode(found.period)) continue;
    return { ...found, matched: text.slice(m.index, m.index + m[0].length) };
  }
  return undefined;
}
