import type { MetricGroup } from '../metrics/types.ts';
import type { Unit } from '../org.ts';

const TRIAL: MetricGroup[] = ['quality', 'efficiency', 'effect'];
const ALL: MetricGroup[] = [...TRIAL, 'enforcement'];

/**
 * The indicator groups a unit's meeting reviews: enforcement units (the bureau, its branch,
 * its teams) see enforcement figures, trial units the trial ones, the court and its offices all.
 */
export function unitIndicatorGroups(unit: Unit | undefined): MetricGroup[] {
  if (!unit || unit.kind === 'court' || unit.kind === 'office') return ALL;
  if (unit.kind === 'enforcement' || unit.nameZh.includes('执行') || /(^|_)enf/.test(unit.code)) return ['enforcement'];
  return TRIAL;
}
