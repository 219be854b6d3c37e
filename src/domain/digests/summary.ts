import { changeBetween, resolveFigure, type Change, type Figure } from '../metrics/derive.ts';
import { hasDirection } from '../metrics/judge.ts';
import { sameMonthLastYear } from '../metrics/period.ts';
import { metricStatus, type MetricStatus } from '../metrics/status.ts';
import { COURT_UNIT, type Basis, type MetricDef, type Observation } from '../metrics/types.ts';
import type { Unit } from '../org.ts';

/**
 * The monthly enforcement summary (执行工作月度通报) as numbers and judged values: which
 * indicators, which unit's figures, the closing rate, the month's enforcement progress.
 * Pure; src/render/digests.ts writes it.
 */

/** The template's core indicators, in its order; the catalog's other enforcement indicators follow. */
export const SUMMARY_CORE = [
  'first_enf_terminated_round_rate',
  'enf_completion_rate',
  'enf_amount_realized_rate',
  'actual_enf_rate',
  'enf_within_limit_rate',
  'enf_avg_days',
] as const;

/** The counts of the first section and the amounts of the third. */
export const SUMMARY_COUNTS = {
  received: 'enf_cases_received',
  receivedFirst: 'enf_first_cases',
  receivedResumed: 'enf_resumed_cases',
  closed: 'enf_cases_closed',
  pending: 'enf_cases_pending',
  amountApplied: 'enf_amount_applied',
  amountRealised: 'enf_amount_realized',
} as const;

export interface SummaryIndicator {
  def: MetricDef;
  month?: number;
  ytd?: number;
  /** ytd of the same month last year, and the change from it. */
  ytdLastYear?: number;
  yoy?: Change;
  rank?: number;
  rankTotal?: number;
  /** Of the ytd figure. */
  status?: MetricStatus;
}

export interface SummaryUpdate {
  itemCode?: string;
  /** The unit it was posted for. */
  unit: string;
  author: string;
  text: string;
  /** `YYYY-MM-DD` in court time. */
  date: string;
}

export interface SummaryInput {
  courtName: string;
  /** `YYYY-MM` */
  period: string;
  catalog: readonly MetricDef[];
  observations: readonly Observation[];
  units: readonly Unit[];
  items: readonly { code: string; title: string; unit: string }[];
  /** The month's progress updates, any unit: the enforcement ones are picked here. */
  updates: readonly SummaryUpdate[];
  /** A rank column (imported ranks): only when the court turned it on (DIGEST_RANKS=on). */
  showRanks?: boolean;
}

export interface Summary {
  courtName: string;
  period: string;
  /** Whose figures: the court, else the enforcement bureau, else the first unit with figures. */
  unit: string;
  cases: {
    received?: number;
    receivedFirst?: number;
    receivedResumed?: number;
    closed?: number;
    /** Closed ÷ (closed + pending), year to date, in %. */
    closeRate?: number;
    pending?: number;
    receivedLastYear?: number;
    receivedYoy?: Change;
  };
  indicators: SummaryIndicator[];
  ranked: boolean;
  /** Yuan, year to date. */
  amountApplied?: number;
  amountRealised?: number;
  groups: { itemCode?: string; itemTitle?: string; updates: { author: string; text: string; date: string }[] }[];
}

/** The indicators of the summary's table: the core ones in order, then every other enforcement indicator (not counts or amounts). */
export function summaryIndicators(catalog: readonly MetricDef[]): MetricDef[] {
  const enforcement = catalog.filter((d) => d.group === 'enforcement' && hasDirection(d));
  const core = SUMMARY_CORE.map((code) => enforcement.find((d) => d.code === code)).filter((d): d is MetricDef => d !== undefined);
  return [...core, ...enforcement.filter((d) => !core.includes(d))];
}

/** Units whose progress is enforcement work: units of kind `enforcement`, and party branches that cover one. */
export function enforcementUnits(units: readonly Unit[]): Set<string> {
  const bureaus = new Set(units.filter((u) => u.kind === 'enforcement').map((u) => u.code));
  const branches = units.filter((u) => u.kind === 'branch' && (u.covers ?? []).some((c) => bureaus.has(c)));
  return new Set([...bureaus, ...branches.map((u) => u.code)]);
}

/** Closed ÷ (closed + pending), in %; undefined without both or with nothing to close. */
export function closeRate(closedYtd: number | undefined, pending: number | undefined): number | undefined {
  if (closedYtd === undefined || pending === undefined || closedYtd + pending <= 0) return undefined;
  return (closedYtd / (closedYtd + pending)) * 100;
}

function summaryUnit(inMonth: readonly Observation[], units: readonly Unit[]): string | undefined {
  if (inMonth.some((o) => o.unit === COURT_UNIT)) return COURT_UNIT;
  const bureau = units.find((u) => u.kind === 'enforcement' && inMonth.some((o) => o.unit === u.code));
  return bureau?.code ?? inMonth[0]?.unit;
}

function groupUpdates(input: SummaryInput): Summary['groups'] {
  const enforcement = enforcementUnits(input.units);
  const itemOf = (code: string | undefined) => (code === undefined ? undefined : input.items.find((i) => i.code === code));
  const groups = new Map<string, Summary['groups'][number]>();
  const mine = input.updates.filter((u) => enforcement.has(itemOf(u.itemCode)?.unit ?? u.unit));
  for (const u of [...mine].sort((a, b) => a.date.localeCompare(b.date))) {
    const key = u.itemCode ?? '';
    const title = itemOf(u.itemCode)?.title ?? '';
    const group = groups.get(key) ?? { ...(u.itemCode ? { itemCode: u.itemCode, itemTitle: title } : {}), updates: [] };
    group.updates.push({ author: u.author, text: u.text, date: u.date });
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) => Number(a.itemCode === undefined) - Number(b.itemCode === undefined) || (a.itemCode ?? '').localeCompare(b.itemCode ?? '', 'en', { numeric: true }),
  );
}

/** The summary of `period`; undefined when no enforcement figure of that month was imported. */
export function buildSummary(input: SummaryInput): Summary | undefined {
  const { period } = input;
  const enforcementCodes = new Set(input.catalog.filter((d) => d.group === 'enforcement').map((d) => d.code));
  const inMonth = input.observations.filter((o) => o.period === period && enforcementCodes.has(o.metric));
  const unit = summaryUnit(inMonth, input.units);
  if (unit === undefined) return undefined;
  const figure = (def: MetricDef | undefined, basis: Basis, p = period): Figure | undefined =>
    def ? resolveFigure(def, input.observations, { unit, period: p, basis }, input.units) : undefined;
  const count = (code: string, basis: Basis, p = period) => figure(input.catalog.find((d) => d.code === code), basis, p)?.value;
  const ranked = input.showRanks === true;
  const indicators: SummaryIndicator[] = [];
  for (const def of summaryIndicators(input.catalog)) {
    const month = figure(def, 'month');
    const ytd = figure(def, 'ytd');
    if (!month && !ytd) continue;
    const lastYear = figure(def, 'ytd', sameMonthLastYear(period));
    const yoy = ytd ? changeBetween(def, ytd.value, lastYear?.value) : undefined;
    indicators.push({
      def,
      ...(month ? { month: month.value } : {}),
      ...(ytd ? { ytd: ytd.value, status: metricStatus(def, ytd.value, input.period) } : {}),
      ...(lastYear ? { ytdLastYear: lastYear.value } : {}),
      ...(yoy ? { yoy } : {}),
      ...(ranked && ytd?.rank !== undefined ? { rank: ytd.rank } : {}),
      ...(ranked && ytd?.rankTotal !== undefined ? { rankTotal: ytd.rankTotal } : {}),
    });
  }
  const received = count(SUMMARY_COUNTS.received, 'month');
  const receivedLastYear = count(SUMMARY_COUNTS.received, 'month', sameMonthLastYear(period));
  const receivedDef = input.catalog.find((d) => d.code === SUMMARY_COUNTS.received);
  const receivedYoy = received !== undefined && receivedDef ? changeBetween(receivedDef, received, receivedLastYear) : undefined;
  const pending = count(SUMMARY_COUNTS.pending, 'ytd') ?? count(SUMMARY_COUNTS.pending, 'month');
  const rate = closeRate(count(SUMMARY_COUNTS.closed, 'ytd'), pending);
  const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return {
    courtName: input.courtName,
    period,
    unit,
    cases: defined({
      received,
      receivedFirst: count(SUMMARY_COUNTS.receivedFirst, 'month'),
      receivedResumed: count(SUMMARY_COUNTS.receivedResumed, 'month'),
      closed: count(SUMMARY_COUNTS.closed, 'month'),
      closeRate: rate,
      pending,
      receivedLastYear,
      receivedYoy,
    }),
    indicators,
    ranked,
    ...defined({ amountApplied: count(SUMMARY_COUNTS.amountApplied, 'ytd'), amountRealised: count(SUMMARY_COUNTS.amountRealised, 'ytd') }),
    groups: groupUpdates(input),
  };
}

