import type { Lang } from '../domain/language.ts';
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
 * `2024-08` with its basis (ytd by default), or `2024-Q3`, `2024Q3`, `2024-H1`, `2024H1`, `2024`.
 * Undefined for anything else.
 */
export function periodRef(period: string, basis: Basis = 'ytd'): PeriodRef | undefined {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return { kind: basis === 'month' ? 'month' : 'ytd', year: Number(m[1]), month: Number(m[2]) };
  m = /^(\d{4})-?Q([1-4])$/i.exec(period);
  if (m) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) };
  m = /^(\d{4})-?H([12])$/i.exec(period);
  if (m) return { kind: 'half', year: Number(m[1]), half: Number(m[2]) };
  m = /^(\d{4})$/.exec(period);
  if (m) return { kind: 'year', year: Number(m[1]) };
  return undefined;
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

/** Which earlier period "the one before" is, for 较上月 / 较上季度 …; a ytd compares with the month before. */
export function previousKind(period: string, basis?: Basis): 'month' | 'quarter' | 'half' | 'year' {
  const kind = periodRef(period, basis)?.kind ?? 'month';
  return kind === 'ytd' ? 'month' : kind;
}
