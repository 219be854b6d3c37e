import { localTime, type LocalTime } from '../time.ts';
import { nextMilestone, type Milestone, type ProgressUpdate, type WorkItem } from './types.ts';

/** One update as the views show it: plain data, rendering escapes it. */
export interface UpdateEntry {
  id: number;
  authorName: string;
  /** Court time; src/render writes it (`09-03 14:05`). */
  when: LocalTime;
  percent?: number;
  text: string;
  edited: boolean;
}

export interface WallGroup {
  /** Undefined for general updates that name no item. */
  code?: string;
  title?: string;
  next?: Milestone;
  entries: UpdateEntry[];
}

export interface WallView {
  unit: string;
  week: string;
  groups: WallGroup[];
  total: number;
}

export function toEntry(update: ProgressUpdate, timeZone: string): UpdateEntry {
  return {
    id: update.id,
    authorName: update.authorName,
    when: localTime(new Date(update.at), timeZone),
    ...(update.percent !== undefined ? { percent: update.percent } : {}),
    text: update.text,
    edited: update.editedAt !== undefined,
  };
}

export const itemNumber = (code: string) => Number(code.slice(1)) || 0;

/** The week's updates of a unit, grouped by item (in code order), general updates last. */
export function buildWall(input: {
  unit: string;
  week: string;
  updates: readonly ProgressUpdate[];
  items: readonly WorkItem[];
  timeZone: string;
  /** `YYYY-MM-DD`: shows each item's next milestone from this day on. */
  today?: string;
}): WallView {
  const groups = new Map<string, WallGroup>();
  for (const update of input.updates) {
    const key = update.itemCode ?? '';
    let group = groups.get(key);
    if (!group) {
      const item = update.itemCode ? input.items.find((i) => i.code === update.itemCode) : undefined;
      const next = item && input.today ? nextMilestone(item, input.today) : undefined;
      group = { ...(update.itemCode ? { code: update.itemCode } : {}), ...(item ? { title: item.title } : {}), ...(next ? { next } : {}), entries: [] };
      groups.set(key, group);
    }
    group.entries.push(toEntry(update, input.timeZone));
  }
  const ordered = [...groups.values()].sort((a, b) => {
    if (a.code === undefined) return 1;
    if (b.code === undefined) return -1;
    return itemNumber(a.code) - itemNumber(b.code);
  });
  return { unit: input.unit, week: input.week, groups: ordered, total: input.updates.length };
}

export interface MineItem {
  item: WorkItem;
  next?: Milestone;
  last?: UpdateEntry;
  overdue: boolean;
}

export interface MineView {
  items: MineItem[];
  overdue: number;
}

/** Is an open item past its due date (court-time date `today`)? */
export function isOverdue(item: WorkItem, today: string): boolean {
  return item.status === 'open' && item.due !== undefined && item.due < today;
}

/** One's open items, the last update of each, overdue ones first. */
export function buildMine(input: {
  member: number;
  items: readonly WorkItem[];
  updates: readonly ProgressUpdate[];
  today: string;
  timeZone: string;
}): MineView {
  const mine = input.items.filter((i) => i.status === 'open' && i.owners.includes(input.member));
  const rows = mine.map((item) => {
    let last: ProgressUpdate | undefined;
    for (const u of input.updates) if (u.itemCode === item.code && (!last || u.at >= last.at)) last = u;
    const next = nextMilestone(item, input.today);
    return { item, ...(next ? { next } : {}), ...(last ? { last: toEntry(last, input.timeZone) } : {}), overdue: isOverdue(item, input.today) };
  });
  rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || itemNumber(a.item.code) - itemNumber(b.item.code));
  return { items: rows, overdue: rows.filter((r) => r.overdue).length };
}

export interface TaskHistoryView {
  item: WorkItem;
  next?: Milestone;
  entries: UpdateEntry[];
  lastPercent?: number;
  overdue: boolean;
}

export function buildTaskHistory(input: { item: WorkItem; updates: readonly ProgressUpdate[]; today: string; timeZone: string }): TaskHistoryView {
  const entries = input.updates.filter((u) => u.itemCode === input.item.code).map((u) => toEntry(u, input.timeZone));
  const withPercent = entries.filter((e) => e.percent !== undefined);
  const lastPercent = withPercent.at(-1)?.percent;
  const next = nextMilestone(input.item, input.today);
  return { item: input.item, ...(next ? { next } : {}), entries, ...(lastPercent !== undefined ? { lastPercent } : {}), overdue: isOverdue(input.item, input.today) };
}

/** Open items in `items` with no update since `since`: the reminder's and the agenda's "no progress" list. */
export function staleItems(items: readonly WorkItem[], updatesSince: readonly ProgressUpdate[]): WorkItem[] {
  const touched = new Set(updatesSince.map((u) => u.itemCode).filter(Boolean));
  return items.filter((i) => i.status === 'open' && !touched.has(i.code));
}
