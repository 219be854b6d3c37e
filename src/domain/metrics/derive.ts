import { partsOf, type Unit } from '../org.ts';
import { judgedDirection } from './judge.ts';
import { addMonths, endMonth, periodKind, previousPeriod, sameMonthLastYear, startMonth, startsYear } from './period.ts';
import { COURT_UNIT, isRatioKind, isStockKind, ratioScale, type Basis, type MetricDef, type Observation } from './types.ts';

/**
 * How a figure was obtained when it was not imported as such:
 * `month_from_ytd` the period alone from the ytd figures at its ends (Δ ÷ Δ, or Δ for counts);
 * `ytd_at_end` a quarter's or year's ytd is the ytd of its last month;
 * `period_end` a stock is its value at the period's end;
 * `per_capita_period` Δ cases ÷ the headcount at the period's end;
 * `sum_of_units` Σ numerators ÷ Σ denominators (or Σ) over one level of units.
 */
export type Derivation = 'month_from_ytd' | 'ytd_at_end' | 'period_end' | 'per_capita_period' | 'sum_of_units';

/** Why no figure could be given, in one line for the reader. */
export type MissingReason =
  | 'no_data'
  | 'no_parts'
  | 'no_earlier_ytd'
  | 'no_headcount'
  | 'zero_denominator'
  | 'inconsistent'
  | 'no_units';

/** Which of the units that report the indicator a sum covers (由 5/8 个部门合计). */
export interface Coverage {
  have: number;
  of: number;
  missing: string[];
}

/** A figure as shown: an observation's value fields, and how it was derived if it was. */
export type Figure = Pick<Observation, 'metric' | 'unit' | 'period' | 'basis' | 'value' | 'numerator' | 'denominator' | 'rank' | 'rankTotal'> & {
  derived?: Derivation;
  /** Set when a sum lacks some of its units. */
  coverage?: Coverage;
};

export type Resolution = { figure: Figure; reason?: undefined } | { figure?: undefined; reason: MissingReason; /** The period it needed. */ needs?: string };

export interface FigureQuery {
  unit: string;
  period: string;
  basis: Basis;
}

// -0 + 0 is 0: a difference of equal figures must never show as -0.
const clean = (n: number) => n + 0;

function ratioValue(def: MetricDef, numerator: number, denominator: number): number | undefined {
  if (denominator === 0 || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return undefined;
  return clean((numerator / denominator) * ratioScale(def.unit));
}

function figureOf(o: Observation): Figure {
  const { metric, unit, period, basis, value, numerator, denominator, rank, rankTotal } = o;
  return { metric, unit, period, basis, value, numerator, denominator, rank, rankTotal };
}

const hasParts = (f: Figure | Observation): boolean => f.numerator !== undefined && f.denominator !== undefined;

/**
 * A period's own figure (month, quarter, half-year) from the ytd figure at its end and the one
 * just before it starts, by the indicator's kind (COURT-PRACTICE.md). Periods starting in
 * January are their ytd.
 */
export function periodFromYtd(def: MetricDef, period: string, end: Figure | Observation, before: Figure | Observation | undefined): Resolution {
  const base = { metric: def.code, unit: end.unit, period, basis: 'month' as const };
  const { numerator, denominator } = end;
  if (isStockKind(def.kind)) return { figure: { ...base, value: end.value, numerator, denominator, derived: 'period_end' } };
  if (startsYear(period)) return { figure: { ...base, value: end.value, numerator, denominator, derived: 'month_from_ytd' } };
  if (!before) return { reason: 'no_earlier_ytd' };
  if (def.kind === 'count' || def.kind === 'amount') {
    const value = clean(end.value - before.value);
    return value < 0 ? { reason: 'inconsistent' } : { figure: { ...base, value, derived: 'month_from_ytd' } };
  }
  if (!hasParts(end) || before.numerator === undefined) return { reason: def.kind === 'per_capita' && end.numerator !== undefined ? 'no_headcount' : 'no_parts' };
  const dn = clean(numerator! - before.numerator);
  if (def.kind === 'per_capita') {
    // A headcount is not a flow: the cases of the period over the judges at its end, said so.
    if (dn < 0) return { reason: 'inconsistent' };
    const value = ratioValue(def, dn, denominator!);
    return value === undefined ? { reason: 'zero_denominator' } : { figure: { ...base, value, numerator: dn, denominator, derived: 'per_capita_period' } };
  }
  if (before.denominator === undefined) return { reason: 'no_parts' };
  const dd = clean(denominator! - before.denominator);
  if (dn < 0 || dd < 0) return { reason: 'inconsistent' };
  const value = ratioValue(def, dn, dd);
  return value === undefined ? { reason: 'zero_denominator' } : { figure: { ...base, value, numerator: dn, denominator: dd, derived: 'month_from_ytd' } };
}

/** Kept for callers of the month-only version: a month's figure from two consecutive ytd figures. */
export function monthFromYtd(def: MetricDef, ytd: Observation | Figure, previousYtd: Observation | Figure | undefined): Figure | undefined {
  return periodFromYtd(def, ytd.period, ytd, previousYtd).figure;
}

/**
 * A unit from its parts: Σ numerators ÷ Σ denominators for ratio kinds (never an average of
 * rates), a plain Σ for counts and amounts. Undefined when any part lacks numerator and denominator.
 */
export function sumOfUnits(def: MetricDef, parts: readonly (Observation | Figure)[], unit = COURT_UNIT): Figure | undefined {
  const first = parts[0];
  if (!first) return undefined;
  const base = { metric: def.code, unit, period: first.period, basis: first.basis, derived: 'sum_of_units' as const };
  if (!isRatioKind(def.kind)) return { ...base, value: clean(parts.reduce((sum, o) => sum + o.value, 0)) };
  if (parts.some((o) => !hasParts(o))) return undefined;
  const numerator = parts.reduce((sum, o) => sum + o.numerator!, 0);
  const denominator = parts.reduce((sum, o) => sum + o.denominator!, 0);
  const value = ratioValue(def, numerator, denominator);
  return value === undefined ? undefined : { ...base, value, numerator, denominator };
}

class Resolver {
  private readonly byKey = new Map<string, Observation>();
  private readonly reporting = new Set<string>();

  constructor(
    private readonly def: MetricDef,
    observations: readonly Observation[],
    private readonly units: readonly Unit[],
  ) {
    for (const o of observations) {
      if (o.metric !== def.code) continue;
      this.byKey.set(`${o.unit}|${o.period}|${o.basis}`, o);
      this.reporting.add(o.unit);
    }
  }

  resolve(q: FigureQuery, depth = 0): Resolution {
    const direct = this.byKey.get(`${q.unit}|${q.period}|${q.basis}`);
    if (direct) return { figure: figureOf(direct) };
    const kind = periodKind(q.period);
    if (kind !== 'month' && (q.basis === 'ytd' || kind === 'year')) {
      const other = kind === 'year' ? this.byKey.get(`${q.unit}|${q.period}|${q.basis === 'ytd' ? 'month' : 'ytd'}`) : undefined;
      if (other) return { figure: { ...figureOf(other), basis: q.basis } };
      const atEnd = this.resolve({ ...q, period: endMonth(q.period), basis: 'ytd' }, depth);
      return atEnd.figure ? { figure: { ...atEnd.figure, period: q.period, basis: q.basis, derived: atEnd.figure.derived ?? 'ytd_at_end' } } : atEnd;
    }
    let failure: Resolution | undefined;
    if (q.basis === 'month') {
      const end = this.resolve({ ...q, period: endMonth(q.period), basis: 'ytd' }, depth);
      if (end.figure) {
        const needs = addMonths(startMonth(q.period), -1);
        const before = startsYear(q.period) || isStockKind(this.def.kind) ? undefined : this.resolve({ ...q, period: needs, basis: 'ytd' }, depth).figure;
        const alone = periodFromYtd(this.def, q.period, end.figure, before);
        if (alone.figure) return { figure: { ...alone.figure, ...(end.figure.coverage ? { coverage: end.figure.coverage } : {}) } };
        failure = alone.reason === 'no_earlier_ytd' ? { reason: alone.reason, needs } : alone;
      }
    }
    const summed = this.sumOfParts(q, depth);
    return summed.figure ? summed : (failure ?? summed);
  }

  /** Codes of the units that make up `code` (for the court with no tree: every unit with figures). */
  private partsOf(code: string): string[] {
    if (this.units.length === 0) return code === COURT_UNIT ? [...this.reporting].filter((u) => u !== COURT_UNIT) : [];
    return partsOf(this.units, code).map((u) => u.code);
  }

  /** Whether a unit, or any of its parts, ever had a figure for the indicator. */
  private reports(code: string, depth = 0): boolean {
    return this.reporting.has(code) || (depth < 8 && this.partsOf(code).some((c) => this.reports(c, depth + 1)));
  }

  private sumOfParts(q: FigureQuery, depth: number): Resolution {
    if (depth > 8) return { reason: 'no_data' };
    const expected = this.partsOf(q.unit).filter((c) => this.reports(c));
    if (expected.length === 0) return { reason: 'no_data' };
    const found: Figure[] = [];
    const missing: string[] = [];
    let reason: Resolution | undefined;
    for (const code of expected) {
      const r = this.resolve({ ...q, unit: code }, depth + 1);
      if (r.figure && (!isRatioKind(this.def.kind) || hasParts(r.figure))) found.push(r.figure);
      else {
        missing.push(code);
        reason ??= r.figure ? { reason: 'no_parts' } : r;
      }
    }
    const sum = sumOfUnits(this.def, found, q.unit);
    if (!sum) return reason ?? { reason: 'no_units' };
    const partial = missing.length > 0 || found.some((f) => f.coverage);
    return { figure: { ...sum, period: q.period, basis: q.basis, ...(partial ? { coverage: { have: found.length, of: expected.length, missing } } : {}) } };
  }
}

/**
 * The figure for one indicator, unit, period and basis: as imported if it was, else derived
 * (a period alone from ytd figures, a unit from its parts), or why it cannot be.
 * `observations` are the indicator's; `units` the court's tree (empty: the court is the sum of
 * every unit with figures).
 */
export function explainFigure(def: MetricDef, observations: readonly Observation[], q: FigureQuery, units: readonly Unit[] = []): Resolution {
  return new Resolver(def, observations, units).resolve(q);
}

export function resolveFigure(def: MetricDef, observations: readonly Observation[], q: FigureQuery, units: readonly Unit[] = []): Figure | undefined {
  return explainFigure(def, observations, q, units).figure;
}

/** Default noise thresholds by unit: a change smaller than this is 持平 (per cent for counts and amounts). */
const NOISE: Record<MetricDef['unit'], number> = { '%': 0.05, '‱': 0.05, ratio: 0.005, days: 0.5, cases: 0.5, yuan: 0.5, people: 0.5 };

export function noiseOf(def: MetricDef): number {
  return def.reference.noise ?? NOISE[def.unit];
}

export interface Change {
  /** In the indicator's unit: percentage points for % and ‱ (points of ‱). */
  delta: number;
  /** Relative change (0.05 = +5 %), for counts, days and amounts; undefined for rates. */
  relative?: number;
  /** The value compared with, for 较上月（11.46%）. */
  before?: number;
  /** Smaller than the indicator's noise threshold: neither better nor worse. */
  flat?: boolean;
}

export function changeBetween(def: MetricDef, current: number, before: number | undefined): Change | undefined {
  if (before === undefined) return undefined;
  const delta = clean(current - before);
  const isRate = def.unit === '%' || def.unit === '‱' || def.unit === 'ratio';
  const relative = isRate || before === 0 ? undefined : delta / Math.abs(before);
  // Days are judged in days, counts and amounts in per cent.
  const size = relative === undefined || def.unit === 'days' ? Math.abs(delta) : Math.abs(relative) * 100;
  return { delta, ...(relative !== undefined ? { relative } : {}), before, ...(size < noiseOf(def) ? { flat: true } : {}) };
}

export interface FigureWithChanges {
  figure: Figure;
  previous?: Figure;
  lastYear?: Figure;
  vsPrevious?: Change;
  vsLastYear?: Change;
  /** A comparison left out because one side covers fewer units than the other. */
  incomparable?: ('previous' | 'lastYear')[];
}

const coverageKey = (f: Figure) => (f.coverage ? `${f.coverage.have}/${f.coverage.of}` : 'full');

/** A figure with its change against the period before and the same period a year before, same basis. */
export function figureWithChanges(def: MetricDef, observations: readonly Observation[], q: FigureQuery, units: readonly Unit[] = []): FigureWithChanges | undefined {
  const resolver = new Resolver(def, observations, units);
  const figure = resolver.resolve(q).figure;
  if (!figure) return undefined;
  // A ytd running from January has no earlier ytd of the same year to compare with.
  const firstOfYear = q.basis === 'ytd' && startsYear(q.period) && periodKind(q.period) !== 'year';
  const previous = firstOfYear ? undefined : resolver.resolve({ ...q, period: previousPeriod(q.period) }).figure;
  const lastYear = resolver.resolve({ ...q, period: sameMonthLastYear(q.period) }).figure;
  // A partial sum is never compared with a full one (or one of other units) without saying so.
  const incomparable: ('previous' | 'lastYear')[] = [];
  const comparable = (other: Figure | undefined, which: 'previous' | 'lastYear') => {
    if (!other || coverageKey(other) === coverageKey(figure)) return other;
    incomparable.push(which);
    return undefined;
  };
  const p = comparable(previous, 'previous');
  const y = comparable(lastYear, 'lastYear');
  return {
    figure,
    ...(p ? { previous: p } : {}),
    ...(y ? { lastYear: y } : {}),
    vsPrevious: changeBetween(def, figure.value, p?.value),
    vsLastYear: changeBetween(def, figure.value, y?.value),
    ...(incomparable.length > 0 ? { incomparable } : {}),
  };
}

/** Whether a change is for the better, given the direction (undefined for `range`, `none`, or within the noise). */
export function isImprovement(def: MetricDef, change: Change | undefined): boolean | undefined {
  const direction = judgedDirection(def);
  if (!change || change.delta === 0 || change.flat || direction === undefined) return undefined;
  return direction === 'up' ? change.delta > 0 : change.delta < 0;
}
