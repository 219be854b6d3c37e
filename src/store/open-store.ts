import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CalendarYear } from '../domain/calendar/work-calendar.ts';
import type { Unit } from '../domain/org.ts';
import { AppendLog } from './append-log.ts';
import { createAuditRepo, createMemoryAuditRepo } from './audit-store.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { JsonDoc } from './json-doc.ts';
import { createOrgRepo, ORG_DOC } from './org-store.ts';
import { AGENDA_DOC, createAgendaRepo } from './agenda-store.ts';
import { createMeetingRepo, MEETING_DOC } from './meeting-store.ts';
import { CALENDAR_DOC, createCalendarRepo, loadShippedCalendar } from './calendar-store.ts';
import { createDeliveryRepo, DELIVERY_DOC } from './delivery-store.ts';
import { createMetricsRepo, METRICS_DOC } from './metrics-store.ts';
import type { AgendaRepo, AuditEntry, CalendarRepo, MeetingRepo, AuditRepo, DeliveryRepo, MetricsRepo, OrgRepo, ProgressRepo, ReminderLog, TaskRepo, UpdateLedger, WallPageRepo } from './ports.ts';
import { createUpdateLedger, LEDGER_DOC } from './update-ledger.ts';
import { MemoryEventLog, openProgressRepo } from './progress-store.ts';
import { createReminderLog, createTaskRepo, REMINDER_DOC, TASK_DOC } from './task-store.ts';
import type { ProgressEvent } from '../domain/progress/types.ts';
import { createWallPageRepo, WALLPAGE_DOC } from './wallpage-store.ts';

export interface Store {
  /** Undefined for the in-memory store. */
  dataDir: string | undefined;
  org: OrgRepo;
  audit: AuditRepo;
  updates: UpdateLedger;
  deliveries: DeliveryRepo;
  agenda: AgendaRepo;
  metrics: MetricsRepo;
  progress: ProgressRepo;
  tasks: TaskRepo;
  reminders: ReminderLog;
  calendar: CalendarRepo;
  meetings: MeetingRepo;
  wallPage: WallPageRepo;
  close(): Promise<void>;
}

export interface StoreOptions {
  seedUnits?: Unit[];
  /** Holiday calendar years; default: the shipped ones (data/seed/calendar/) on disk, none in memory. */
  seedCalendar?: CalendarYear[];
  /** Skip the pid lock (read-only tools such as --check on a copy). */
  noLock?: boolean;
}

/** A binding moved to a supergroup's new id takes its delivery log along (exactly once per period). */
function withDeliveriesFollowing(org: OrgRepo, deliveries: DeliveryRepo): OrgRepo {
  return {
    ...org,
    async moveChat(fromId, toId) {
      await org.moveChat(fromId, toId);
      if (org.chat(toId) && !org.chat(fromId)) await deliveries.moveChat(fromId, toId);
    },
  };
}

async function seed(org: OrgRepo, units: Unit[] | undefined): Promise<void> {
  if (org.units().length > 0 || !units) return;
  for (const unit of units) await org.saveUnit(unit);
}

/**
 * Layout under DATA_DIR: small documents (org.json, updates.json, …) rewritten atomically
 * by lowdb; what only grows (audit/, progress/) in append-only monthly JSON-lines files.
 */
export async function openStore(dataDir: string, options: StoreOptions = {}): Promise<Store> {
  await mkdir(dataDir, { recursive: true });
  const unlock = options.noLock ? async () => {} : await lockDataDir(dataDir);
  try {
    const orgDoc = await JsonDoc.openFile(join(dataDir, 'org.json'), ORG_DOC);
    const ledgerDoc = await JsonDoc.openFile(join(dataDir, 'updates.json'), LEDGER_DOC);
    const auditLog = new AppendLog<AuditEntry>(join(dataDir, 'audit'));
    const deliveryDoc = await JsonDoc.openFile(join(dataDir, 'deliveries.json'), DELIVERY_DOC);
    const agendaDoc = await JsonDoc.openFile(join(dataDir, 'agenda.json'), AGENDA_DOC);
    const metrics = await createMetricsRepo(await JsonDoc.openFile(join(dataDir, 'metrics.json'), METRICS_DOC));
    const progress = await openProgressRepo(new AppendLog<ProgressEvent>(join(dataDir, 'progress')));
    const tasks = createTaskRepo(await JsonDoc.openFile(join(dataDir, 'tasks.json'), TASK_DOC));
    const reminders = createReminderLog(await JsonDoc.openFile(join(dataDir, 'reminders.json'), REMINDER_DOC));
    const calendar = createCalendarRepo(await JsonDoc.openFile(join(dataDir, 'calendar.json'), CALENDAR_DOC), options.seedCalendar ?? (await loadShippedCalendar()));
    const meetings = createMeetingRepo(await JsonDoc.openFile(join(dataDir, 'meetings.json'), MEETING_DOC));
    const wallPage = createWallPageRepo(await JsonDoc.openFile(join(dataDir, 'wallpage.json'), WALLPAGE_DOC));
    const deliveries = createDeliveryRepo(deliveryDoc);
    const org = withDeliveriesFollowing(createOrgRepo(orgDoc), deliveries);
    await seed(org, options.seedUnits);
    return {
      dataDir,
      org,
      audit: createAuditRepo(auditLog),
      updates: createUpdateLedger(ledgerDoc),
      deliveries,
      agenda: createAgendaRepo(agendaDoc),
      metrics,
      progress,
      tasks,
      reminders,
      calendar,
      meetings,
      wallPage,
      async close() {
        await auditLog.close();
        await progress.close();
        await unlock();
      },
    };
  } catch (err) {
    await unlock();
    throw err;
  }
}

export async function openMemoryStore(options: StoreOptions = {}): Promise<Store & { auditEntries: AuditEntry[] }> {
  const deliveries = createDeliveryRepo(await JsonDoc.openMemory(DELIVERY_DOC));
  const org = withDeliveriesFollowing(createOrgRepo(await JsonDoc.openMemory(ORG_DOC)), deliveries);
  await seed(org, options.seedUnits);
  const audit: AuditRepo & { entries: AuditEntry[] } = createMemoryAuditRepo();
  return {
    dataDir: undefined,
    org,
    audit,
    auditEntries: audit.entries,
    updates: createUpdateLedger(await JsonDoc.openMemory(LEDGER_DOC)),
    deliveries,
    agenda: createAgendaRepo(await JsonDoc.openMemory(AGENDA_DOC)),
    metrics: await createMetricsRepo(await JsonDoc.openMemory(METRICS_DOC)),
    progress: await openProgressRepo(new MemoryEventLog<ProgressEvent>()),
    tasks: createTaskRepo(await JsonDoc.openMemory(TASK_DOC)),
    reminders: createReminderLog(await JsonDoc.openMemory(REMINDER_DOC)),
    calendar: createCalendarRepo(await JsonDoc.openMemory(CALENDAR_DOC), options.seedCalendar),
    meetings: createMeetingRepo(await JsonDoc.openMemory(MEETING_DOC)),
    wallPage: createWallPageRepo(await JsonDoc.openMemory(WALLPAGE_DOC)),
    close: async () => {},
  };
}
