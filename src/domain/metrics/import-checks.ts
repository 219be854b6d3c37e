import { ratioScale, type MetricDef } from './types.ts';

/**
 * The values an indicator can take at all (not its reference range): a rate 0–100 %, ‱ 0–10,000,
 * days, cases and amounts ≥ 0. A rate whose reference reaches 100 % (结收比) may pass it.
 */
export function plausibleRange(def: MetricDef): { min: number; max: number } {
  const bounds = (def as MetricDef & { bounds?: { min?: number; max?: number } }).bounds;
  const refs = [def.reference.min, def.reference.max, def.reference.target].filter((n): n is number => n !== undefined);
  let max = Infinity;
  if (def.unit === '%') max = refs.some((n) => n >= 100) ? 1_000 : 100;
  else if (def.unit === '‱') max = 10_000;
  return { min: bounds?.min ?? 0, max: bounds?.max ?? max };
}

export type ValueProblem =
  | { code: 'mark_not_allowed' }
  | { code: 'out_of_bounds'; min: number; max: number }
  | { code: 'looks_like_fraction' };

/**
 * A value written with `%` or `‱` becomes the indicator's own scale (0.03 % is 3 ‱); a sign on
 * a count or an amount is a mistake. Returns the value in the indicator's unit, or the problem.
 */
export function toIndicatorScale(def: MetricDef, value: number, mark: '%' | '‱' | undefined): number | { code: 'mark_not_allowed' } {
  if (!mark) return value;
  if (def.unit !== '%' && def.unit !== '‱') return { code: 'mark_not_allowed' };
  if (mark === def.unit) return value;
  return Number((mark === '%' ? value * 100 : value / 100).toPrecision(12));
}

export function checkValue(def: MetricDef, value: number, confirmedByParts: boolean): ValueProblem | undefined {
  const { min, max } = plausibleRange(def);
  if (value < min || value > max) return { code: 'out_of_bounds', min, max };
  // 0.97 for a rate expected around 90: a fraction typed where a percentage belongs.
  const refs = [def.reference.min, def.reference.target, def.reference.warn].filter((n): n is number => n !== undefined);
  if (def.unit === '%' && value > 0 && value < 1 && refs.some((n) => n >= 10) && !confirmedByParts) return { code: 'looks_like_fraction' };
  return undefined;
}

/** Half a unit of the last decimal written: 96.79 stands for 96.785 … 96.795. */
export function roundingTolerance(decimals: number, scaleFactor = 1): number {
  return (0.5 * 10 ** -Math.min(decimals, 12) + 1e-9) * scaleFactor;
}

/** Whether the value agrees with numerator ÷ denominator in the indicator's unit, within the rounding written. */
export function agreesWithParts(def: MetricDef, value: number, numerator: number, denominator: number, tolerance: number): boolean {
  const expected = (numerator / denominator) * ratioScale(def.unit);
  return Math.abs(expected - value) <= tolerance + Math.abs(expected) * 1e-12;
}
