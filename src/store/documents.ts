import { AGENDA_DOC } from './agenda-store.ts';
import { CALENDAR_DOC } from './calendar-store.ts';
import { DELIVERY_DOC } from './delivery-store.ts';
import { upgradeDoc, type DocSpec, type Versioned } from './json-doc.ts';
import { MEETING_DOC } from './meeting-store.ts';
import { METRICS_DOC } from './metrics-store.ts';
import { ORG_DOC } from './org-store.ts';
import { REMINDER_DOC, TASK_DOC } from './task-store.ts';
import { LEDGER_DOC } from './update-ledger.ts';
import { WALLPAGE_DOC } from './wallpage-store.ts';

/** The JSON documents in DATA_DIR and their specs (open-store.ts opens each of them). */
export const DOCUMENTS: Readonly<Record<string, DocSpec<Versioned>>> = {
  'org.json': ORG_DOC,
  'updates.json': LEDGER_DOC,
  'deliveries.json': DELIVERY_DOC,
  'agenda.json': AGENDA_DOC,
  'metrics.json': METRICS_DOC,
  'tasks.json': TASK_DOC,
  'reminders.json': REMINDER_DOC,
  'calendar.json': CALENDAR_DOC,
  'meetings.json': MEETING_DOC,
  'wallpage.json': WALLPAGE_DOC,
};

/**
 * Every backup of courtwall's data has these (the store writes org.json at its first start).
 * The other documents are optional: a data directory from an older courtwall may lack the
 * later ones (meetings.json, wallpage.json, …), and the store starts them empty.
 */
export const REQUIRED_DOCUMENTS: readonly string[] = ['org.json'];

/** The append-only logs (folders of monthly JSON-lines partitions). */
export const LOG_DIRS: readonly string[] = ['audit', 'progress'];

/**
 * A document's text as the store would take it at start: the problem that would stop the
 * store, or its schemaVersion. Unknown names get the generic check (a JSON object with a schemaVersion).
 */
export function inspectDocument(name: string, content: string): { ok: true; version: number } | { ok: false; problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (err) {
    return { ok: false, problem: `does not parse (${err instanceof Error ? err.message : String(err)})` };
  }
  const spec = DOCUMENTS[name];
  try {
    if (spec) upgradeDoc(spec, raw);
    // An unknown document: only what every courtwall document has.
    else upgradeDoc({ name, version: Math.max(1, Number((raw as Partial<Versioned> | null)?.schemaVersion) || 1), defaults: () => ({ schemaVersion: 1 }) }, raw);
    return { ok: true, version: (raw as Versioned).schemaVersion };
  } catch (err) {
    return { ok: false, problem: err instanceof Error ? err.message : String(err) };
  }
}
