import type { Direction, MetricDef } from './types.ts';

/**
 * The direction a change is judged by, or undefined when a change is neither better nor
 * worse: counts and amounts (收案数, 到位金额) are volumes, not indicators, and a `range`
 * indicator is judged by its range, not by its movement.
 */
export function judgedDirection(def: Pick<MetricDef, 'direction' | 'kind'>): Exclude<Direction, 'range'> | undefined {
  if (def.kind === 'flow' || def.kind === 'stock') return undefined;
  return def.direction === 'range' ? undefined : def.direction;
}

/** Whether a directed indicator shows a direction at all (the catalog gives none for counts). */
export function hasDirection(def: Pick<MetricDef, 'kind'>): boolean {
  return def.kind !== 'flow' && def.kind !== 'stock';
}
