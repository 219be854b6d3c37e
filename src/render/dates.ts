import type { Lang } from '../domain/language.ts';
import { localTime } from '../domain/time.ts';
import { formatPeriod } from './period.ts';

/** Dates as court texts write them: 2024年9月2日 / 2 Sep 2024. Never ISO week codes. */
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

/** An instant in the court's time zone as operators read it: `2024-09-02 08:00`. */
export function courtDateTime(instant: Date | string, timeZone: string): string {
  const t = localTime(new Date(instant), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${two(t.month)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)}`;
}

/** `2024-09-02` → 2024年9月2日 | 2 Sep 2024 */
export function dayLabel(date: string, lang: Lang): string {
  const [y, m, d] = parts(date);
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** `2024-09-02`…`2024-09-08` → 2024年9月2日—9月8日 | 2–8 Sep 2024 */
export function dateRange(from: string, to: string, lang: Lang): string {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  if (lang === 'zh') return `${y1}年${m1}月${d1}日—${y1 === y2 ? '' : `${y2}年`}${m2}月${d2}日`;
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${MONTHS_EN[m2 - 1]} ${y2}`;
  return `${dayLabel(from, lang)} – ${dayLabel(to, lang)}`;
}

/** `2024-08` → 2024年8月 | August 2024 */
export function monthLabel(period: string, lang: Lang): string {
  return formatPeriod(lang, period, 'month');
}

/** Monday of ISO week `YYYY-Www`, `YYYY-MM-DD`. */
function isoWeekMonday(year: number, week: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() || 7) - 1)) + (week - 1) * 7 * 86_400_000;
  return new Date(monday).toISOString().slice(0, 10);
}

/**
 * A digest period as people read it: a delivery week (`2024-W36`, an internal key) becomes
 * its dates, a month 2024年8月; quarters, half-years and years as courts write them.
 */
export function periodLabel(period: string, lang: Lang): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) {
    const monday = isoWeekMonday(Number(week[1]), Number(week[2]));
    const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
    return dateRange(monday, sunday, lang);
  }
  return formatPeriod(lang, period, 'month');
}
