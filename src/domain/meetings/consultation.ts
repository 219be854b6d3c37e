import { resolveFigure } from '../metrics/derive.ts';
import type { MetricDef, Observation } from '../metrics/types.ts';
import type { Unit } from '../org.ts';
import type { ProgressUpdate, WorkItem } from '../progress/types.ts';
import { unitIndicatorGroups } from './unit-indicators.ts';

/** What the monthly enforcement consultation (执行工作会商) adds to the summary. */
export interface Consultation {
  /** 庭室/团队 with figures for the month (year to date), for the core indicators. */
  indicators: MetricDef[];
  units: { unit: Unit; values: (number | undefined)[] }[];
  /** Decisions of last month's consultation (recorded with /agenda decide by an enforcement unit in the month). */
  decisions: { code: string; title: string; owners: number[]; due?: string; last?: { date: string; text: string }; state: 'done' | 'open' | 'overdue' }[];
}

export function buildConsultation(input: {
  /** `YYYY-MM` the summary covers. */
  period: string;
  core: readonly MetricDef[];
  observations: readonly Observation[];
  units: readonly Unit[];
  items: readonly WorkItem[];
  updates: readonly ProgressUpdate[];
  /** `YYYY-MM` of an instant in court time. */
  monthOf: (iso: string) => string;
  dateOf: (iso: string) => string;
  today: string;
}): Consultation {
  const enforcementUnits = input.units.filter((u) => u.kind !== 'court' && u.kind !== 'branch' && unitIndicatorGroups(u).length === 1 && unitIndicatorGroups(u)[0] === 'enforcement');
  const rows = enforcementUnits
    .map((unit) => ({
      unit,
      values: input.core.map((def) => resolveFigure(def, input.observations.filter((o) => o.metric === def.code), { unit: unit.code, period: input.period, basis: 'ytd' })?.value),
    }))
    .filter((row) => row.values.some((v) => v !== undefined));
  const isEnforcement = (code: string) => {
    const unit = input.units.find((u) => u.code === code);
    return unit !== undefined && unitIndicatorGroups(unit).length === 1 && unitIndicatorGroups(unit)[0] === 'enforcement';
  };
  const decisions = input.items
    .filter((i) => i.decision && isEnforcement(i.decision.unit) && i.status !== 'dropped' && input.monthOf(i.createdAt) === input.period)
    .map((i) => {
      const last = input.updates.filter((u) => u.itemCode === i.code).sort((a, b) => a.at.localeCompare(b.at)).at(-1);
      const state = i.status === 'done' ? ('done' as const) : i.due !== undefined && i.due < input.today ? ('overdue' as const) : ('open' as const);
      return { code: i.code, title: i.title, owners: i.owners, ...(i.due ? { due: i.due } : {}), ...(last ? { last: { date: input.dateOf(last.at), text: last.text } } : {}), state };
    });
  return { indicators: [...input.core], units: rows, decisions };
}
