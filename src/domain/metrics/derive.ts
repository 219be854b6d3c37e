import { judgedDirection } from './judge.ts';
import { previousPeriod, sameMonthLastYear, splitPeriod } from './period.ts';
import { COURT_UNIT, ratioScale, type Basis, type MetricDef, type Observation } from './types.ts';

/** How a figure was obtained when it was not imported as such. */
export type Derivation = 'month_from_ytd' | 'sum_of_units';

/** A figure as shown: an observation's value fields, and how it was derived if it was. */
export type Figure = Pick<Observation, 'metric' | 'unit' | 'period' | 'basis' | 'value' | 'numerator' | 'denominator' | 'rank' | 'rankTotal'> & {
  derived?: Derivation;
};

function ratioValue(def: MetricDef, numerator: number, denominator: number): number | undefined {
  return denominator === 0 ? undefined : (numerator / denominator) * ratioScale(def.unit);
}

function figureOf(o: Observation): Figure {
  const { metric, unit, period, basis, value, numerator, denominator, rank, rankTotal } = o;
  return { metric, unit, period, basis, value, numerator, denominator, rank, rankTotal };
}

/**
 * A month's own figure from two consecutive year-to-date figures: the difference of the
 * numerators over the difference of the denominators (January's month is its ytd).
 * A stock (pending cases) is the same either way.
 */
export function monthFromYtd(def: MetricDef, ytd: Observation | Figure, previousYtd: Observation | Figure | undefined): Figure | undefined {
  const base = { metric: def.code, unit: ytd.unit, period: ytd.period, basis: 'month' as const, derived: 'month_from_ytd' as const };
  const january = splitPeriod(ytd.period).month === 1;
  if (def.kind === 'stock') return { ...base, value: ytd.value };
  if (def.kind === 'flow') {
    if (january) return { ...base, value: ytd.value };
    return previousYtd ? { ...base, value: ytd.value - previousYtd.value } : undefined;
  }
  if (ytd.numerator === undefined || ytd.denominator === undefined) return undefined;
  if (january) {
    const value = ratioValue(def, ytd.numerator, ytd.denominator);
    return value === undefined ? undefined : { ...base, value, numerator: ytd.numerator, denominator: ytd.denominator };
  }
  if (previousYtd?.numerator === undefined || previousYtd.denominator === undefined) return undefined;
  const numerator = ytd.numerator - previousYtd.numerator;
  const denominator = ytd.denominator - previousYtd.denominator;
  const value = ratioValue(def, numerator, denominator);
  return value === undefined ? undefined : { ...base, value, numerator, denominator };
}

/**
 * The court as a whole from its units: Σ numerators ÷ Σ denominators for a ratio (never an
 * average of rates), a plain sum for counts. Undefined when any unit lacks its parts.
 */
export function sumOfUnits(def: MetricDef, units: readonly (Observation | Figure)[]): Figure | undefined {
  const first = units[0];
  if (!first) return undefined;
  const base = { metric: def.code, unit: COURT_UNIT, period: first.period, basis: first.basis, derived: 'sum_of_units' as const };
  if (def.kind !== 'ratio') return { ...base, value: units.reduce((sum, o) => sum + o.value, 0) };
  if (units.some((o) => o.numerator === undefined || o.denominator === undefined)) return undefined;
  const numerator = units.reduce((sum, o) => sum + o.numerator!, 0);
  const denominator = units.reduce((sum, o) => sum + o.denominator!, 0);
  const value = ratioValue(def, numerator, denominator);
  return value === undefined ? undefined : { ...base, value, numerator, denominator };
}

export interface FigureQuery {
  unit: string;
  period: string;
  basis: Basis;
}

/**
 * The figure for one indicator, unit, period and basis: as imported if it was, else derived
 * (a month from ytd figures, the court from its units). `observations` are the indicator's.
 */
export function resolveFigure(def: MetricDef, observations: readonly Observation[], q: FigureQuery): Figure | undefined {
  const find = (unit: string, period: string, basis: Basis) =>
    observations.find((o) => o.metric === def.code && o.unit === unit && o.period === period && o.basis === basis);
  const direct = find(q.unit, q.period, q.basis);
  if (direct) return figureOf(direct);
  if (q.basis === 'month') {
    const ytd = resolveFigure(def, observations, { ...q, basis: 'ytd' });
    if (ytd) {
      const january = splitPeriod(q.period).month === 1;
      const previous = january ? undefined : resolveFigure(def, observations, { ...q, period: previousPeriod(q.period), basis: 'ytd' });
      const month = monthFromYtd(def, ytd, previous);
      if (month) return month;
    }
  }
  if (q.unit === COURT_UNIT) {
    const units = observations.filter(
      (o) => o.metric === def.code && o.unit !== COURT_UNIT && o.period === q.period && o.basis === q.basis,
    );
    return sumOfUnits(def, units);
  }
  return undefined;
}

export interface Change {
  /** In the indicator's unit: percentage points for % and ‱ (points of ‱). */
  delta: number;
  /** Relative change (0.05 = +5 %), for counts, days and amounts; undefined for rates. */
  relative?: number;
}

export function changeBetween(def: MetricDef, current: number, before: number | undefined): Change | undefined {
  if (before === undefined) return undefined;
  const delta = current - before;
  const isRate = def.unit === '%' || def.unit === '‱';
  return isRate || before === 0 ? { delta } : { delta, relative: delta / Math.abs(before) };
}

export interface FigureWithChanges {
  figure: Figure;
  previous?: Figure;
  lastYear?: Figure;
  vsPrevious?: Change;
  vsLastYear?: Change;
}

/** A figure with its change against the month before and the same month a year before, same basis. */
export function figureWithChanges(def: MetricDef, observations: readonly Observation[], q: FigureQuery): FigureWithChanges | undefined {
  const figure = resolveFigure(def, observations, q);
  if (!figure) return undefined;
  const previous = resolveFigure(def, observations, { ...q, period: previousPeriod(q.period) });
  const lastYear = resolveFigure(def, observations, { ...q, period: sameMonthLastYear(q.period) });
  // A January ytd has no earlier ytd of the same year to compare with.
  const comparablePrevious = q.basis === 'ytd' && splitPeriod(q.period).month === 1 ? undefined : previous;
  return {
    figure,
    previous: comparablePrevious,
    lastYear,
    vsPrevious: changeBetween(def, figure.value, comparablePrevious?.value),
    vsLastYear: changeBetween(def, figure.value, lastYear?.value),
  };
}

/** Whether a change is for the better, given the direction (undefined for `range`, counts, amounts or no change). */
export function isImprovement(def: MetricDef, change: Change | undefined): boolean | undefined {
  const direction = judgedDirection(def);
  if (!change || change.delta === 0 || direction === undefined) return undefined;
  return direction === 'up' ? change.delta > 0 : change.delta < 0;
}
