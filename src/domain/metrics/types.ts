/** Indicator definitions and observations: plain data, shared by the bot, the import and the digests. */

export const METRIC_GROUPS = ['quality', 'efficiency', 'effect', 'enforcement'] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

export const METRIC_UNITS = ['%', '‱', 'ratio', 'days', 'cases', 'yuan'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** `up`: higher is better; `down`: lower is better; `range`: should sit inside the reference range. */
export const DIRECTIONS = ['up', 'down', 'range'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * `ratio`: numerator ÷ denominator (× 100 for %, × 10000 for ‱), recomputable from its parts;
 * `flow`: a count over the period (ytd = sum of months); `stock`: a count at the end of the period.
 */
export type MetricKind = 'ratio' | 'flow' | 'stock';

export const BASES = ['ytd', 'month'] as const;
/** `ytd`: cumulative from January to the end of the month (how courts publish); `month`: that month alone. */
export type Basis = (typeof BASES)[number];

/** Editable placeholders: a court sets its own. */
export interface Reference {
  min?: number;
  max?: number;
  target?: number;
  /** Early warning: below it (direction up) or above it (direction down) the value is flagged as near. */
  warn?: number;
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
}

export interface Observation {
  metric: string;
  /** A unit code; `court` is the court as a whole. */
  unit: string;
  /** `YYYY-MM` */
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
