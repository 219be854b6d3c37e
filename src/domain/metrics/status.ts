import type { MetricDef } from './types.ts';

export type StatusKind = 'out_of_range' | 'misses_target' | 'meets_target' | 'in_range' | 'no_reference';

export interface MetricStatus {
  kind: StatusKind;
  /** Which side of the range was crossed. */
  side?: 'low' | 'high';
  /** Within bounds but past the warning threshold. */
  warning: boolean;
  /** Nothing to flag: in range, meets its target, or nothing set. */
  ok: boolean;
}

/**
 * Direction-aware check against the reference. A `range` indicator is flagged on either side;
 * an `up` one only below its minimum, a `down` one (a lower 终本率 is better) only above its
 * maximum. Then the target: at least it (`up`), at most it (`down`).
 */
export function metricStatus(def: MetricDef, value: number): MetricStatus {
  const { min, max, target, warn } = def.reference;
  const flagLow = def.direction !== 'down' && min !== undefined && value < min;
  const flagHigh = def.direction !== 'up' && max !== undefined && value > max;
  if (flagLow || flagHigh) return { kind: 'out_of_range', side: flagLow ? 'low' : 'high', warning: false, ok: false };
  const warning =
    warn !== undefined && ((def.direction === 'up' && value < warn) || (def.direction === 'down' && value > warn));
  if (target !== undefined && def.direction !== 'range') {
    const meets = def.direction === 'up' ? value >= target : value <= target;
    return { kind: meets ? 'meets_target' : 'misses_target', warning, ok: meets };
  }
  if (min !== undefined || max !== undefined) return { kind: 'in_range', warning, ok: true };
  return { kind: 'no_reference', warning, ok: true };
}
