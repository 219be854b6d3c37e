/** Indicator definitions and observations: plain data, shared by the bot, the import and the digests. */

export const METRIC_GROUPS = ['quality', 'efficiency', 'effect', 'enforcement'] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

export const METRIC_UNITS = ['%', '‱', 'ratio', 'days', 'cases', 'yuan', 'people'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/**
 * `up`: higher is better; `down`: lower is better; `range`: should sit inside the reference range;
 * `none`: a count or an amount, neither better nor worse.
 */
export const DIRECTIONS = ['up', 'down', 'range', 'none'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * How a figure is counted, which decides what may be derived (COURT-PRACTICE.md):
 * - `flow_ratio`: flow ÷ flow (结收比, 终本率); Σ÷Σ across units, Δ÷Δ between two ytd figures;
 * - `flow_average`: a flow of days ÷ a flow of cases (平均审理天数); the same rules;
 * - `per_capita`: a flow ÷ a headcount (法官人均结案数); Σ÷Σ across units, but a month or quarter
 *   is Δ cases ÷ the headcount at its end, stated as such;
 * - `stock_ratio`: stock ÷ stock at one date (超12个月未结案件比); a month or quarter is its end value;
 * - `count`: cases over the period (ytd = Σ months); `stock_count`: cases at the period's end;
 * - `amount`: yuan over the period.
 */
export const METRIC_KINDS = ['flow_ratio', 'flow_average', 'per_capita', 'stock_ratio', 'count', 'stock_count', 'amount'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** Kinds with a numerator and a denominator. */
export function isRatioKind(kind: MetricKind): boolean {
  return kind === 'flow_ratio' || kind === 'flow_average' || kind === 'per_capita' || kind === 'stock_ratio';
}

/** Kinds measured at a date rather than over a period. */
export function isStockKind(kind: MetricKind): boolean {
  return kind === 'stock_ratio' || kind === 'stock_count';
}

/** The kind of a definition written before kinds were split (schemaVersion 1: ratio, flow, stock). */
export function kindFromLegacy(legacy: string | undefined, unit: string, code = ''): MetricKind {
  if ((METRIC_KINDS as readonly string[]).includes(legacy ?? '')) return legacy as MetricKind;
  if (legacy === 'stock') return 'stock_count';
  if (legacy === 'flow' || (legacy === undefined && (unit === 'cases' || unit === 'yuan'))) return unit === 'yuan' ? 'amount' : 'count';
  if (code === 'judge_avg_closures') return 'per_capita';
  if (code === 'over_12m_pending_ratio') return 'stock_ratio';
  return unit === 'days' ? 'flow_average' : 'flow_ratio';
}

export const BASES = ['ytd', 'month'] as const;
/**
 * `ytd`: cumulative from January to the end of the period (how courts publish); `month`: the
 * period alone (the month, the quarter, the half-year). A year is the same either way.
 */
export type Basis = (typeof BASES)[number];

/** Editable placeholders: a court sets its own. */
export interface Reference {
  min?: number;
  max?: number;
  target?: number;
  /** Early warning: below it (direction up) or above it (direction down) the value is flagged as near. */
  warn?: number;
  /** Targets that rise through the year, by month 1–12 (结案率 ≥ 70 % by August): the latest set month applies. */
  targets?: Record<string, number>;
  /** Changes smaller than this (in the indicator's unit; per cent for counts and amounts) read as 持平. */
  noise?: number;
}

/** What a numerator or denominator counts: cases, yuan, days, or people (a headcount such as 员额法官). */
export const PART_UNITS = ['cases', 'yuan', 'days', 'people'] as const;
export type PartUnit = (typeof PART_UNITS)[number];

export interface Formula {
  numeratorZh: string;
  numeratorEn: string;
  denominatorZh?: string;
  denominatorEn?: string;
  /** Shown with the numerator and denominator, in the units they count (never 分子 494,961,250 in yuan). */
  numeratorUnit?: PartUnit;
  denominatorUnit?: PartUnit;
}

export interface MetricDef {
  code: string;
  nameZh: string;
  nameEn: string;
  aliases: string[];
  group: MetricGroup;
  unit: MetricUnit;
  direction: Direction;
  kind: MetricKind;
  formula?: Formula;
  reference: Reference;
  /** Shown by /board. */
  board?: boolean;
  /** A local management figure, not part of the national system (法官人均结案数 since 2024). */
  local?: boolean;
  /** A remark on the definition (what changed in 2024). */
  note?: string;
}

export interface Observation {
  metric: string;
  /** A unit code; `court` is the court as a whole. */
  unit: string;
  /** A period code: `YYYY-MM`, or `YYYY-Qn`, `YYYY-Hn`, `YYYY` when imported for a longer period. */
  period: string;
  basis: Basis;
  /** In the indicator's unit: 10.47 for 10.47 %. */
  value: number;
  numerator?: number;
  denominator?: number;
  rank?: number;
  rankTotal?: number;
  importedBy?: number;
  importedAt?: string;
  source?: string;
}

export interface ObservationFilter {
  metric?: string;
  unit?: string;
  period?: string;
  basis?: Basis;
}

export const COURT_UNIT = 'court';

export function observationKey(o: Pick<Observation, 'metric' | 'unit' | 'period' | 'basis'>): string {
  return `${o.metric}|${o.unit}|${o.period}|${o.basis}`;
}

/** How much one unit of numerator ÷ denominator is worth in the indicator's unit. */
export function ratioScale(unit: MetricUnit): number {
  if (unit === '%') return 100;
  if (unit === '‱') return 10_000;
  return 1;
}
