import { endMonth, splitPeriod } from './period.ts';
import type { MetricDef, Reference } from './types.ts';

export type StatusKind = 'out_of_range' | 'misses_target' | 'meets_target' | 'in_range' | 'no_reference';

export interface MetricStatus {
  /** Against the reasonable range (合理区间), when one is set: inside, below or above. */
  range?: 'in' | 'low' | 'high';
  /** Against the court's target, when one applies: a different thing from the range. */
  target?: 'met' | 'missed';
  /** The target that applied (it may vary by month). */
  targetValue?: number;
  /** The one word for short lists: out of range first, then a missed target. */
  kind: StatusKind;
  /** Which side of the range was crossed. */
  side?: 'low' | 'high';
  /** Within bounds but past the warning threshold. */
  warning: boolean;
  /** Nothing to flag: in range, meets its target, or nothing set. */
  ok: boolean;
}

/**
 * The target for a period: the month-by-month targets (结案率 ≥ 70 % by August) give the one
 * of the latest month set at or before the period's last month; else the annual target.
 */
export function targetFor(reference: Reference, period?: string): number | undefined {
  if (period && reference.targets) {
    const month = splitPeriod(endMonth(period)).month;
    const set = Object.keys(reference.targets)
      .map(Number)
      .filter((m) => m <= month)
      .sort((a, b) => b - a)[0];
    if (set !== undefined) return reference.targets[String(set)];
  }
  return reference.target;
}

/**
 * Range and target judged apart (COURT-PRACTICE.md): a figure inside its range is 在合理区间内
 * even when it misses the court's target. A bound that is set is a bound whatever the direction.
 * The target reads by direction: at least it (`up`), at most it (`down`); `range` and `none`
 * (counts, amounts) have none, though a count may have a range the court set.
 */
export function metricStatus(def: MetricDef, value: number, period?: string): MetricStatus {
  const { min, max, warn } = def.reference;
  const hasRange = min !== undefined || max !== undefined;
  const range = !hasRange ? undefined : min !== undefined && value < min ? 'low' : max !== undefined && value > max ? 'high' : 'in';
  const targetValue = def.direction === 'up' || def.direction === 'down' ? targetFor(def.reference, period) : undefined;
  const target = targetValue === undefined ? undefined : (def.direction === 'up' ? value >= targetValue : value <= targetValue) ? 'met' : 'missed';
  const warning = warn !== undefined && ((def.direction === 'up' && value < warn) || (def.direction === 'down' && value > warn));
  const out = range === 'low' || range === 'high';
  const kind: StatusKind = out ? 'out_of_range' : target === 'missed' ? 'misses_target' : target === 'met' ? 'meets_target' : range === 'in' ? 'in_range' : 'no_reference';
  return {
    ...(range ? { range } : {}),
    ...(target ? { target, targetValue } : {}),
    kind,
    ...(out ? { side: range } : {}),
    warning: warning && !out,
    ok: !out && target !== 'missed',
  };
}
