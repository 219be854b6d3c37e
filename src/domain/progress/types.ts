/** A key work item (重点工作), e.g. T12. */
export type WorkItemStatus = 'open' | 'done' | 'dropped';

export interface WorkItem {
  /** `T` and a sequence number: T1, T2, … */
  code: string;
  title: string;
  /** Registered staff ids. */
  owners: number[];
  unit: string;
  /** `YYYY-MM-DD` in court time. */
  due?: string;
  status: WorkItemStatus;
  createdBy: number;
  createdAt: string;
  closedBy?: number;
  closedAt?: string;
  /** 责任领导: the court leader answerable for the item. */
  leader?: number;
  /** 牵头 and 配合 units (codes). */
  lead?: string;
  assist?: string[];
  /** 节点, by date. */
  milestones?: Milestone[];
  /** Set when the item is a decision (议定事项) of a meeting. */
  decision?: { unit: string; week: string; ordinal: number; date: string };
}

export interface Milestone {
  /** `YYYY-MM-DD` */
  date: string;
  text: string;
}

/** The first milestone on or after `today`. */
export function nextMilestone(item: Pick<WorkItem, 'milestones'>, today: string): Milestone | undefined {
  return [...(item.milestones ?? [])].sort((a, b) => a.date.localeCompare(b.date)).find((m) => m.date >= today);
}

/** Where an update came from: `/progress <text>` or a group message starting with #进度. */
export type ProgressSource = 'command' | 'tag';

/** One progress update as the wall shows it (the fold of its add, edit and remove events). */
export interface ProgressUpdate {
  id: number;
  /** Natural key: a message is recorded once, however often Telegram delivers it. */
  chatId: number;
  messageId: number;
  author: number;
  authorName: string;
  /** The unit the update counts for: the bound group's unit, or the author's first unit. */
  unit: string;
  itemCode?: string;
  /** 0–100 */
  percent?: number;
  text: string;
  source: ProgressSource;
  at: string;
  editedAt?: string;
  /** Never physically deleted: marked, and kept for the audit log. */
  removed?: { at: string; by: number };
}

/** What is appended to the log: the history of an update, never rewritten. */
export type ProgressEvent =
  | { op: 'add'; update: ProgressUpdate }
  | { op: 'edit'; id: number; at: string; by: number; text: string; itemCode?: string; percent?: number; unit?: string }
  | { op: 'remove'; id: number; at: string; by: number };

export type NewProgress = Omit<ProgressUpdate, 'id' | 'editedAt' | 'removed'>;

export interface ProgressChange {
  text: string;
  itemCode?: string;
  percent?: number;
  /** The unit of the item it now names (edits logged before 2026-12 carry none: the unit stays). */
  unit?: string;
}

export function isVisible(update: ProgressUpdate): boolean {
  return update.removed === undefined;
}

/** Applies one event to the updates it concerns (pure; used by the store and by history reads). */
export function applyEvent(records: Map<number, ProgressUpdate>, event: ProgressEvent): void {
  if (event.op === 'add') {
    records.set(event.update.id, event.update);
    return;
  }
  const current = records.get(event.id);
  if (!current) return;
  if (event.op === 'edit') {
    const { itemCode: _i, percent: _p, ...rest } = current;
    records.set(event.id, {
      ...rest,
      text: event.text,
      ...(event.itemCode !== undefined ? { itemCode: event.itemCode } : {}),
      ...(event.percent !== undefined ? { percent: event.percent } : {}),
      ...(event.unit !== undefined ? { unit: event.unit } : {}),
      editedAt: event.at,
    });
  } else {
    records.set(event.id, { ...current, removed: { at: event.at, by: event.by } });
  }
}

/** callback_data of the "post an update" button under a reminder. */
export const PROGRESS_PROMPT_ACTION = 'progress:prompt';
