import type { Lang } from '../domain/language.ts';
import { endMonth, parsePeriodCode, splitPeriod } from '../domain/metrics/period.ts';
import type { Basis } from '../domain/metrics/types.ts';
import { tr } from './translate.ts';

/**
 * A period as reports name it. `ytd` is year to date up to the end of `month` (2024年1—8月);
 * quarter, half-year and year are whole periods (2024年第三季度, 2024年上半年, 2024年).
 */
export type PeriodKind = 'month' | 'ytd' | 'quarter' | 'half' | 'year';
export interface PeriodRef {
  kind: PeriodKind;
  year: number;
  /** 1–12 for month and ytd. */
  month?: number;
  /** 1–4 for quarter. */
  quarter?: number;
  /** 1–2 for half. */
  half?: number;
}

/**
 * A period code (`2024-08`, `2024-Q3` or `2024Q3`, `2024-H1`, `2024`) with its basis: `ytd` (the
 * default for a month) runs from January to the period's end, `month` is the period alone (the default for
 * a quarter or half-year). Undefined for anything else.
 */
export function periodRef(period: string, basis?: Basis): PeriodRef | undefined {
  const code = /^\d{4}[QH][1-4]$/i.test(period) ? `${period.slice(0, 4)}-${period.slice(4).toUpperCase()}` : period;
  const parts = parsePeriodCode(code);
  if (!parts) return undefined;
  const { kind, year, n } = parts;
  if (kind === 'year') return { kind: 'year', year };
  // A quarter or half-year read year to date runs from January to its end: 2024年1—9月.
  if (basis === 'ytd' || (basis === undefined && kind === 'month')) {
    const month = splitPeriod(endMonth(code)).month;
    return month === 12 ? { kind: 'year', year } : { kind: 'ytd', year, month };
  }
  if (kind === 'month') return { kind: 'month', year, month: n };
  return kind === 'quarter' ? { kind: 'quarter', year, quarter: n } : { kind: 'half', year, half: n };
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ZH_QUARTERS = ['一', '二', '三', '四'];

/** 2024年1—8月 · 2024年8月 · 2024年第三季度 · 2024年上半年 · 2024年; January–August 2024 · August 2024 · Q3 2024 … */
export function formatPeriod(lang: Lang, period: string | PeriodRef, basis?: Basis): string {
  const ref = typeof period === 'string' ? periodRef(period, basis) : period;
  if (!ref) return typeof period === 'string' ? period : '';
  const t = tr(lang);
  const { year } = ref;
  switch (ref.kind) {
    case 'month':
    case 'ytd': {
      const month = ref.month ?? 12;
      const key = ref.kind === 'ytd' && month > 1 ? 'fig.period.ytd' : 'fig.period.month';
      return t(key, { year, month, monthName: EN_MONTHS[month - 1] ?? String(month) });
    }
    case 'quarter': {
      const q = ref.quarter ?? 1;
      return t('fig.period.quarter', { year, quarter: lang === 'zh' ? (ZH_QUARTERS[q - 1] ?? String(q)) : q });
    }
    case 'half':
      return t(ref.half === 2 ? 'fig.period.half2' : 'fig.period.half1', { year });
    case 'year':
      return t('fig.period.year', { year });
  }
}

/** 2023年9月—2024年8月: a run of periods, for chart captions. */
export function formatPeriodSpan(lang: Lang, from: string, to: string, basis: Basis = 'month'): string {
  return tr(lang)('fig.period.span', { from: formatPeriod(lang, from, basis), to: formatPeriod(lang, to, basis) });
}

/** Which earlier period "the one before" is, for 较上月 / 较上季度 …: the period of the same kind before (a ytd month compares with the month before). */
export function previousKind(period: string, _basis?: Basis): 'month' | 'quarter' | 'half' | 'year' {
  const code = /^\d{4}[QH][1-4]$/i.test(period) ? `${period.slice(0, 4)}-${period.slice(4).toUpperCase()}` : period;
  return parsePeriodCode(code)?.kind ?? 'month';
}
