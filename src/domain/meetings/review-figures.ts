import { changeBetween, resolveFigure, type Change } from '../metrics/derive.ts';
import { metricStatus, type MetricStatus } from '../metrics/status.ts';
import { isStockKind, ratioScale, type MetricDef, type Observation } from '../metrics/types.ts';
import type { ReviewSpan } from './review-period.ts';

export interface SpanFigure {
  value: number;
  /** How it was obtained: the ytd figure at the span's end, or the difference of two ytd figures. */
  basis: 'ytd_end' | 'ytd_difference';
}

const pad = (m: number) => String(m).padStart(2, '0');

/**
 * One indicator over a span of months, from year-to-date figures (see COURT-PRACTICE.md):
 * a ratio or average is Δ numerator ÷ Δ denominator between the ytd at the span's end and at
 * the month before it; a count is Δ of ytd; a stock is its value at the end; a per-capita
 * figure (headcount denominator) is not derived — its ytd at the end is shown.
 */
export function spanFigure(def: MetricDef, observations: readonly Observation[], unit: string, s: ReviewSpan): SpanFigure | undefined {
  const end = resolveFigure(def, observations, { unit, period: `${s.year}-${pad(s.toMonth)}`, basis: 'ytd' });
  if (!end) return undefined;
  const perCapita = def.formula?.denominatorUnit === 'people';
  if (s.fromMonth === 1 || isStockKind(def.kind) || def.kind === 'per_capita' || perCapita) return { value: end.value, basis: 'ytd_end' };
  const start = resolveFigure(def, observations, { unit, period: `${s.year}-${pad(s.fromMonth - 1)}`, basis: 'ytd' });
  if (!start) return undefined;
  if (def.kind === 'count' || def.kind === 'amount') return { value: end.value - start.value, basis: 'ytd_difference' };
  if (end.numerator === undefined || end.denominator === undefined || start.numerator === undefined || start.denominator === undefined) return undefined;
  const denominator = end.denominator - start.denominator;
  if (denominator <= 0) return undefined;
  return { value: ((end.numerator - start.numerator) / denominator) * ratioScale(def.unit), basis: 'ytd_difference' };
}

export interface ReviewIndicator {
  def: MetricDef;
  value: number;
  previous?: number;
  lastYear?: number;
  vsPrevious?: Change;
  vsLastYear?: Change;
  status: MetricStatus;
  /** Outside its range or short of its target. */
  flagged: boolean;
}

export function reviewIndicator(def: MetricDef, observations: readonly Observation[], unit: string, s: ReviewSpan, previous: ReviewSpan, lastYear: ReviewSpan): ReviewIndicator | undefined {
  const now = spanFigure(def, observations, unit, s);
  if (!now) return undefined;
  const before = spanFigure(def, observations, unit, previous)?.value;
  const ayear = spanFigure(def, observations, unit, lastYear)?.value;
  const status = metricStatus(def, now.value);
  const vsPrevious = changeBetween(def, now.value, before);
  const vsLastYear = changeBetween(def, now.value, ayear);
  return {
    def,
    value: now.value,
    ...(before !== undefined ? { previous: before } : {}),
    ...(ayear !== undefined ? { lastYear: ayear } : {}),
    ...(vsPrevious ? { vsPrevious } : {}),
    ...(vsLastYear ? { vsLastYear } : {}),
    status,
    flagged: !status.ok,
  };
}
