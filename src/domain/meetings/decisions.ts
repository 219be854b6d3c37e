import type { AgendaDecision } from '../digests/agenda.ts';
import type { ProgressUpdate, WorkItem } from '../progress/types.ts';

/**
 * 议定事项落实情况: the open decisions of a unit's earlier meetings (before `beforeWeek`),
 * each with its latest progress. A signed-off (销号) or dropped decision is no longer listed.
 */
export function reviewDecisions(input: {
  items: readonly WorkItem[];
  updates: readonly ProgressUpdate[];
  unit: string;
  /** Only decisions of meetings before this delivery week (`2024-W37`). */
  beforeWeek: string;
  today: string;
  /** `YYYY-MM-DD` of court time for an update instant. */
  dateOf: (iso: string) => string;
  nameOf: (id: number) => string;
}): AgendaDecision[] {
  return input.items
    .filter((i) => i.decision && i.decision.unit === input.unit && i.decision.week < input.beforeWeek && i.status === 'open')
    .map((item) => {
      const mine = input.updates.filter((u) => u.itemCode === item.code).sort((a, b) => a.at.localeCompare(b.at));
      const last = mine.at(-1);
      const percent = mine.filter((u) => u.percent !== undefined).at(-1)?.percent;
      const state: AgendaDecision['state'] =
        percent === 100 ? 'reported' : item.due !== undefined && item.due < input.today ? 'overdue' : 'open';
      return {
        code: item.code,
        title: item.title,
        owners: item.owners.map(input.nameOf),
        ...(item.due ? { due: item.due } : {}),
        ordinal: item.decision!.ordinal,
        ...(percent !== undefined ? { percent } : {}),
        ...(last ? { last: { date: input.dateOf(last.at), text: last.text } } : {}),
        state,
      };
    });
}

/** The decisions a meeting itself took (for its minutes), in the order they were recorded. */
export function decisionsOf(items: readonly WorkItem[], unit: string, week: string): WorkItem[] {
  return items.filter((i) => i.decision?.unit === unit && i.decision.week === week && i.status !== 'dropped');
}
