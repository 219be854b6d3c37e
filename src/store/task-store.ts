import type { WorkItem } from '../domain/progress/types.ts';
import { JsonDoc, type DocSpec } from './json-doc.ts';
import { doc as shape, fields, int, list, oneOf, record, text } from './doc-shape.ts';
import type { ReminderLog, TaskRepo } from './ports.ts';

export interface TaskDoc {
  schemaVersion: number;
  /** The number the next item gets (T<n>); never reused. */
  nextNumber: number;
  items: WorkItem[];
}

export const TASK_DOC: DocSpec<TaskDoc> = {
  name: 'tasks',
  version: 2,
  defaults: () => ({ schemaVersion: 2, nextNumber: 1, items: [] }),
  // v2: items may carry a leader, lead and assisting units, milestones and the meeting that decided them.
  migrations: { 1: (doc) => ({ ...doc, items: Array.isArray(doc.items) ? doc.items : [] }) },
  validate: shape({ nextNumber: int, items: list(fields({ code: text, title: text, unit: text, owners: list(int), status: oneOf(['open', 'done', 'dropped']) })) }),
};

/** tasks.json: key work items are few (hundreds a year), so one small document is enough. */
export function createTaskRepo(doc: JsonDoc<TaskDoc>): TaskRepo {
  return {
    items: () => doc.data.items,
    item: (code) => doc.data.items.find((i) => i.code === code.toUpperCase()),
    async create(input) {
      let created: WorkItem | undefined;
      await doc.update((d) => {
        created = { ...input, code: `T${d.nextNumber}` };
        d.nextNumber += 1;
        d.items.push(created);
      });
      return created as WorkItem;
    },
    save: (item) =>
      doc.update((d) => {
        const index = d.items.findIndex((i) => i.code === item.code);
        if (index >= 0) d.items[index] = item;
        else d.items.push(item);
      }),
  };
}

export interface ReminderDoc {
  schemaVersion: number;
  /** `2024-W36:10002` → when it went out. */
  sent: Record<string, string>;
}

export const REMINDER_DOC: DocSpec<ReminderDoc> = {
  name: 'reminders',
  version: 1,
  defaults: () => ({ schemaVersion: 1, sent: {} }),
  validate: shape({ sent: record(text) }),
};

/** Keeps about a year of keys so the file stays small. */
const KEEP_DAYS = 400;

export function createReminderLog(doc: JsonDoc<ReminderDoc>): ReminderLog {
  return {
    wasSent: (key) => key in doc.data.sent,
    markSent: (key, at) =>
      doc.update((d) => {
        d.sent[key] = at;
        const oldest = new Date(Date.parse(at) - KEEP_DAYS * 86_400_000).toISOString();
        for (const [k, when] of Object.entries(d.sent)) if (when < oldest) delete d.sent[k];
      }),
  };
}
