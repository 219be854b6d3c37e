import { isCaseHandling, unitLevel, type Unit } from '../org.ts';
import type { Figure } from './derive.ts';
import { targetFor } from './status.ts';
import type { MetricDef } from './types.ts';

/** Units compared with each other only within one dimension: divisions, teams, party branches. */
export interface RankGroup {
  kind: 'divisions' | 'teams' | 'branches';
  units: string[];
}

/** Splits the units with figures into groups that may be ordered together (a branch spans divisions). */
export function rankGroups(units: readonly Unit[], withFigures: readonly string[]): RankGroup[] {
  const codes = [...new Set(withFigures)];
  const known = (code: string) => units.find((u) => u.code === code);
  const divisions = codes.filter((c) => {
    const u = known(c);
    return !u || (isCaseHandling(u) && unitLevel(units, c) <= 1);
  });
  const teams = codes.filter((c) => {
    const u = known(c);
    return u !== undefined && isCaseHandling(u) && unitLevel(units, c) > 1;
  });
  const branches = codes.filter((c) => known(c)?.kind === 'branch');
  const groups: RankGroup[] = [
    { kind: 'divisions', units: divisions },
    { kind: 'teams', units: teams },
    { kind: 'branches', units: branches },
  ];
  return groups.filter((g) => g.units.length > 0);
}

/**
 * How far a value sits from where it should: for a `range` indicator the distance outside its
 * range (0 inside), then the distance to the target or the range's middle; for `up` and `down`
 * the value itself, best first.
 */
export function rankOrder(def: MetricDef, period?: string): (a: Figure, b: Figure) => number {
  const { min, max } = def.reference;
  if (def.direction === 'range') {
    const target = targetFor(def.reference, period) ?? (min !== undefined && max !== undefined ? (min + max) / 2 : undefined);
    const outside = (v: number) => (min !== undefined && v < min ? min - v : max !== undefined && v > max ? v - max : 0);
    const near = (v: number) => (target === undefined ? 0 : Math.abs(v - target));
    return (a, b) => outside(a.value) - outside(b.value) || near(a.value) - near(b.value);
  }
  return (a, b) => (def.direction === 'down' ? a.value - b.value : b.value - a.value);
}
