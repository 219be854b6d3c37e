import { figureWithChanges, isImprovement } from '../metrics/derive.ts';
import { metricStatus } from '../metrics/status.ts';
import { COURT_UNIT, type MetricDef, type Observation } from '../metrics/types.ts';
import type { Unit } from '../org.ts';
import type { AgendaFigure } from './agenda.ts';

/** A unit's own figures when any were imported for it, else the court's. */
export function figuresUnit(observations: readonly Observation[], unit: string): string {
  return observations.some((o) => o.unit === unit) ? unit : COURT_UNIT;
}

/**
 * Every indicator of the latest year-to-date period of the unit (or the court), judged: out
 * of its range, short of its target, worse than the month before beyond the noise threshold.
 * The agenda keeps the flagged ones.
 */
export function agendaFigures(catalog: readonly MetricDef[], ytdObservations: readonly Observation[], unit: string, units: readonly Unit[] = []): AgendaFigure[] {
  const target = figuresUnit(ytdObservations, unit);
  let period: string | undefined;
  for (const o of ytdObservations) if (o.unit === target && (period === undefined || o.period > period)) period = o.period;
  if (!period) return [];
  const figures: AgendaFigure[] = [];
  for (const def of catalog) {
    const found = figureWithChanges(def, ytdObservations.filter((o) => o.metric === def.code), { unit: target, period, basis: 'ytd' }, units);
    if (!found) continue;
    const status = metricStatus(def, found.figure.value, period);
    figures.push({
      def,
      period,
      value: found.figure.value,
      ...(found.previous ? { previous: found.previous.value } : {}),
      ...(found.vsPrevious ? { change: found.vsPrevious } : {}),
      status,
      // Out of range is about the range only: a missed target inside it is said as such.
      outOfRange: status.range === 'low' || status.range === 'high',
      missesTarget: status.target === 'missed',
      worse: isImprovement(def, found.vsPrevious) === false,
    });
  }
  return figures;
}
