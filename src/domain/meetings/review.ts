import { COURT_UNIT, type MetricDef, type Observation } from '../metrics/types.ts';
import type { Unit } from '../org.ts';
import type { WorkItem } from '../progress/types.ts';
import { reviewIndicator, spanFigure, type ReviewIndicator } from './review-figures.ts';
import { previousSpan, sameSpanLastYear, type ReviewSpan } from './review-period.ts';

/** A quarterly consultation, half-year first assessment or year-end review, as plain data. */
export interface Review {
  span: ReviewSpan;
  indicators: ReviewIndicator[];
  flagged: ReviewIndicator[];
  /** One level of case-handling units, with the chosen indicators they have figures for. */
  units: { unit: Unit; cells: { def: MetricDef; value: number }[] }[];
  unitIndicators: MetricDef[];
  items: { code: string; title: string; owners: number[]; due: string; state: 'done' | 'open' | 'overdue' }[];
}

const CASE_UNITS: readonly Unit['kind'][] = ['division', 'tribunal', 'enforcement'];

function lastDay(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export function buildReview(input: {
  span: ReviewSpan;
  catalog: readonly MetricDef[];
  observations: readonly Observation[];
  units: readonly Unit[];
  items: readonly WorkItem[];
  /** `YYYY-MM-DD` court time. */
  today: string;
}): Review {
  const { span } = input;
  const previous = previousSpan(span);
  const lastYear = sameSpanLastYear(span);
  const board = input.catalog.filter((d) => d.board);
  const obsOf = (code: string) => input.observations.filter((o) => o.metric === code);
  const indicators = board.map((d) => reviewIndicator(d, obsOf(d.code), COURT_UNIT, span, previous, lastYear)).filter((i): i is ReviewIndicator => i !== undefined);
  const units = input.units
    .filter((u) => CASE_UNITS.includes(u.kind))
    .map((unit) => ({
      unit,
      cells: board.flatMap((def) => {
        const f = spanFigure(def, obsOf(def.code), unit.code, span);
        return f ? [{ def, value: f.value }] : [];
      }),
    }))
    .filter((row) => row.cells.length > 0);
  const unitIndicators = board.filter((d) => units.some((row) => row.cells.some((c) => c.def.code === d.code)));
  const from = `${span.year}-${String(span.fromMonth).padStart(2, '0')}-01`;
  const to = lastDay(span.year, span.toMonth);
  const items = input.items
    .filter((i) => i.status !== 'dropped' && i.due !== undefined && i.due >= from && i.due <= to)
    .sort((a, b) => a.due!.localeCompare(b.due!))
    .map((i) => ({
      code: i.code,
      title: i.title,
      owners: i.owners,
      due: i.due!,
      state: i.status === 'done' ? ('done' as const) : i.due! < input.today ? ('overdue' as const) : ('open' as const),
    }));
  return { span, indicators, flagged: indicators.filter((i) => i.flagged), units, unitIndicators, items };
}
