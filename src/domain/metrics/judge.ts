import { isRatioKind, type Direction, type MetricDef } from './types.ts';

/**
 * The direction a change is judged by, or undefined when a change is neither better nor
 * worse: counts and amounts (收案数, 到位金额) are volumes, not indicators, and a `range`
 * indicator is judged by its range, not by its movement.
 */
export function judgedDirection(def: Pick<MetricDef, 'direction' | 'kind'>): 'up' | 'down' | undefined {
  if (!hasDirection(def)) return undefined;
  const direction: Direction = def.direction;
  return direction === 'up' || direction === 'down' ? direction : undefined;
}

/** Whether an indicator shows a direction at all (the catalog gives none for counts and amounts). */
export function hasDirection(def: Pick<MetricDef, 'kind' | 'direction'>): boolean {
  return isRatioKind(def.kind) && def.direction !== 'none';
}
