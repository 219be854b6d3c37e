import { formatCount, formatPercent, formatPp, formatWan } from './format.ts';

/**
 * The monthly enforcement summary (执行工作月度通报) from plain data; every number is
 * formatted here, as court reports write it. Pure.
 */

export interface SummaryIndicatorInput {
  code: string;
  name: string;
  /** '%' values are formatted as percentages; 'days' and counts as they are. */
  unit: string;
  month?: number;
  ytd?: number;
  /** ytd of the same month last year, for the year-on-year change. */
  ytdLastYear?: number;
  rank?: number;
  rankTotal?: number;
  /** The reference range as text, e.g. "≥ 80.00%". */
  reference?: string;
  status?: 'in' | 'near' | 'out';
}

export interface SummaryInput {
  courtName: string;
  /** `YYYY-MM` */
  period: string;
  cases: {
    received?: number;
    receivedFirst?: number;
    receivedResumed?: number;
    closed?: number;
    closeRate?: number;
    pending?: number;
    /** Received, same month last year. */
    receivedLastYear?: number;
  };
  indicators: SummaryIndicatorInput[];
  /** Yuan. */
  amountApplied?: number;
  amountRealised?: number;
  updates: { itemCode?: string; itemTitle?: string; author: string; text: string; date: string }[];
}

export interface SummaryRow {
  name: string;
  month: string;
  ytd: string;
  yoy: string;
  rank: string;
  reference: string;
  status?: 'in' | 'near' | 'out';
}

export interface Summary {
  courtName: string;
  period: string;
  year: number;
  month: number;
  cases: { received: string; receivedFirst: string; receivedResumed: string; closed: string; closeRate: string; pending: string; yoy: string };
  rows: SummaryRow[];
  amountApplied: string;
  amountRealised: string;
  groups: { itemCode?: string; itemTitle?: string; updates: { author: string; text: string; date: string }[] }[];
}

const DASH = '—';

function value(v: number | undefined, unit: string): string {
  if (v === undefined) return DASH;
  if (unit === '%') return formatPercent(v);
  if (unit === 'days' || unit === 'ratio') return v.toFixed(2);
  if (unit === 'yuan') return formatWan(v);
  return formatCount(v);
}

function change(now: number | undefined, before: number | undefined, unit: string): string {
  if (now === undefined || before === undefined) return DASH;
  if (unit === '%') return formatPp(now - before);
  const diff = now - before;
  const text = unit === 'cases' ? formatCount(Math.abs(diff)) : Math.abs(diff).toFixed(2);
  return diff === 0 ? '±0' : `${diff > 0 ? '+' : '-'}${text}`;
}

export function buildSummary(input: SummaryInput): Summary {
  const [year, month] = input.period.split('-').map(Number) as [number, number];
  const c = input.cases;
  const count = (v: number | undefined) => (v === undefined ? DASH : formatCount(v));
  const groups = new Map<string, Summary['groups'][number]>();
  for (const u of [...input.updates].sort((a, b) => a.date.localeCompare(b.date))) {
    const key = u.itemCode ?? '';
    const group = groups.get(key) ?? { ...(u.itemCode ? { itemCode: u.itemCode } : {}), ...(u.itemTitle ? { itemTitle: u.itemTitle } : {}), updates: [] };
    group.updates.push({ author: u.author, text: u.text, date: u.date });
    groups.set(key, group);
  }
  return {
    courtName: input.courtName,
    period: input.period,
    year,
    month,
    cases: {
      received: count(c.received),
      receivedFirst: count(c.receivedFirst),
      receivedResumed: count(c.receivedResumed),
      closed: count(c.closed),
      closeRate: c.closeRate === undefined ? DASH : formatPercent(c.closeRate),
      pending: count(c.pending),
      yoy: change(c.received, c.receivedLastYear, 'cases'),
    },
    rows: input.indicators.map((i) => ({
      name: i.name,
      month: value(i.month, i.unit),
      ytd: value(i.ytd, i.unit),
      yoy: change(i.ytd, i.ytdLastYear, i.unit),
      rank: i.rank !== undefined ? `${i.rank}${i.rankTotal !== undefined ? `/${i.rankTotal}` : ''}` : DASH,
      reference: i.reference ?? DASH,
      ...(i.status ? { status: i.status } : {}),
    })),
    amountApplied: input.amountApplied === undefined ? DASH : formatWan(input.amountApplied),
    amountRealised: input.amountRealised === undefined ? DASH : formatWan(input.amountRealised),
    groups: [...groups.values()].sort((a, b) => Number(a.itemCode === undefined) - Number(b.itemCode === undefined) || (a.itemCode ?? '').localeCompare(b.itemCode ?? '', 'en', { numeric: true })),
  };
}
