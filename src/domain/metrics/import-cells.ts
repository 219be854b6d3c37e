import { findPeriod, isPeriod, makePeriod } from './period.ts';
import type { Basis } from './types.ts';

/** Full-width digits and punctuation as typed with a Chinese input method, made ASCII. */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** What clerks put in a cell that has no figure. */
const PLACEHOLDERS = new Set(['-', '--', '—', '——', '–', '/', '－', '／', '—/—', 'N/A', 'n/a', '#N/A']);
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDERS.has(text.trim());
}

export type PeriodCell =
  | { ok: true; period: string; basis?: Basis }
  | { ok: false; code: 'bad_period' | 'year_out_of_range' | 'period_kind_unsupported' };

// Excel day serials for 2000-01-01 and the last day it can mean.
const SERIAL_2000 = 36_526;

function serialDate(serial: number): { year: number; month: number } {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/**
 * `2024-08`, `2024/8`, `2024.10`, `2024年8月`, `202408`, `2024-08-31`, `2024年8月31日`, full-width
 * digits, an Excel date serial (`45505`) → a month; `2024年1-8月` → August, year to date.
 * Years before 2000 or after `maxYear` are refused: they are a misread, not a figure.
 */
export function parsePeriodCell(raw: string, maxYear = 9999): PeriodCell {
  const text = halfWidth(raw).trim().replace(/\s+/g, '');
  let year: number | undefined;
  let month: number | undefined;
  let basis: Basis | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})年(\d{1,2})月?[-~—–至到](\d{1,2})月份?$/.exec(text))) {
    // A span from January is the year to date; any other span is not a month we can store.
    if (Number(m[2]) !== 1) return { ok: false, code: 'period_kind_unsupported' };
    [year, month, basis] = [Number(m[1]), Number(m[3]), 'ytd'];
  } else if ((m = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*(?:月份?|月末|月底)?(?:[-/.]?\d{1,2}日?)?(?:T[\d:.]+Z?)?|(\d{2}))$/.exec(text))) {
    [year, month] = [Number(m[1]), Number(m[2] ?? m[3])];
  } else if ((m = /^(\d{4})年?(?:第?[一二三四1-4]季度|-?Q[1-4]|[上下]半年|-?H[12]|全?年度?)$/i.exec(text))) {
    // A quarter, half or year named in words is that period alone (basis month), never Jan→end.
    const found = findPeriod(text, new Date(Date.UTC(Number(m[1]), 0, 1)), 'UTC');
    if (!found || found.matched.replace(/\s+/g, '') !== text) return { ok: false, code: 'period_kind_unsupported' };
    const y = Number(m[1]);
    if (y < 2000 || y > maxYear) return { ok: false, code: 'year_out_of_range' };
    return { ok: true, period: found.period, basis: found.basis ?? 'month' };
  } else if (/^\d{5}(\.\d+)?$/.test(text) && Number(text) >= SERIAL_2000) {
    // Only an Excel date serial looks like this: a CSV of dates, or a date cell without its format.
    ({ year, month } = serialDate(Math.floor(Number(text))));
  } else return { ok: false, code: 'bad_period' };
  if (year < 2000 || year > maxYear) return { ok: false, code: 'year_out_of_range' };
  const period = makePeriod(year, month);
  if (!isPeriod(period)) return { ok: false, code: 'bad_period' };
  return basis ? { ok: true, period, basis } : { ok: true, period };
}

export function parseBasisCell(text: string): Basis | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'ytd' || t === '累计' || t === '年度累计' || t === '本年累计' || t === '年初至今') return 'ytd';
  if (t === 'month' || t === '当月' || t === '单月' || t === '月度' || t === '本月') return 'month';
  return undefined;
}

export type NumberCell =
  | { ok: true; value: number; mark?: '%' | '‱'; decimals: number }
  | { ok: true; value: null }
  | { ok: false; code: 'bad_number' | 'ambiguous_number' | 'not_finite' };

/**
 * `10.47`, `10.47%`, `1,234.5`, `８０.８１％`, `3‱` → a number with the sign it carried and the
 * decimals it was written with; empty or a placeholder → null. A comma is a decimal comma only
 * where it cannot be a thousands separator (`10,47`); `1.234,5` is refused as ambiguous.
 */
export function parseNumberCell(raw: string): NumberCell {
  let t = halfWidth(raw).trim().replace(/[\s\u00a0]/g, '');
  if (t === '' || isPlaceholder(t)) return { ok: true, value: null };
  let mark: '%' | '‱' | undefined;
  if (t.endsWith('%')) mark = '%';
  else if (t.endsWith('‱')) mark = '‱';
  if (mark) t = t.slice(0, -1);
  t = t.replace(/，/g, ',');
  if (/^[-+]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else if (/^[-+]?\d+,(\d{1,2}|\d{4,})$/.test(t)) {
    // Not thousands-shaped (`10,47`, `0,5`): a decimal comma.
    t = t.replace(',', '.');
  } else if (t.includes(',')) return { ok: false, code: 'ambiguous_number' };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return { ok: false, code: 'bad_number' };
  const value = Number(t);
  if (!Number.isFinite(value)) return { ok: false, code: 'not_finite' };
  const decimals = /e/i.test(t) ? 6 : (/\.(\d+)/.exec(t)?.[1]?.length ?? 0);
  return mark ? { ok: true, value, mark, decimals } : { ok: true, value, decimals };
}
