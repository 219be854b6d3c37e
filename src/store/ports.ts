import type { CalendarYear, WorkCalendar } from '../domain/calendar/work-calendar.ts';
import type { Attendance, Meeting } from '../domain/meetings/meeting.ts';
import type { MetricDef, Observation, ObservationFilter } from '../domain/metrics/types.ts';
import type { BoundChat, Identity, Invite, StaffMember, Unit } from '../domain/org.ts';
import type { NewProgress, ProgressChange, ProgressUpdate, WorkItem } from '../domain/progress/types.ts';

/** Units, staff, bound chats and invites: small, read on every update, kept in memory. */
export interface OrgRepo {
  units(): readonly Unit[];
  unit(code: string): Unit | undefined;
  saveUnit(unit: Unit): Promise<void>;
  members(): readonly StaffMember[];
  member(id: number): StaffMember | undefined;
  /** Saves the member; a username they hold is taken from anyone else who still has it stored. */
  saveMember(member: StaffMember): Promise<void>;
  /** The member's current Telegram name and username (none: they dropped it), under the same rule. */
  refreshIdentity(id: number, identity: Identity): Promise<void>;
  chats(): readonly BoundChat[];
  chat(id: number): BoundChat | undefined;
  saveChat(chat: BoundChat): Promise<void>;
  removeChat(id: number): Promise<void>;
  /** A group became a supergroup: keep its binding under the new id. */
  moveChat(fromId: number, toId: number): Promise<void>;
  invite(code: string): Invite | undefined;
  saveInvite(invite: Invite): Promise<void>;
}

export interface AuditEntry {
  at: string;
  actor: number;
  action: string;
  target?: string;
  detail?: Record<string, unknown>;
}

export interface AuditRepo {
  record(entry: AuditEntry): Promise<void>;
  recent(limit: number): Promise<AuditEntry[]>;
}

/** Telegram delivers updates at least once: remembers which ones were applied. */
export interface UpdateLedger {
  isDone(updateId: number): boolean;
  /** An update's handlers start: ids marked meanwhile wait (briefly) to be written with it. */
  begin(): void;
  /** Its handlers finished or failed; call after markDone's id is queued (or instead of it). */
  end(): void;
  markDone(updateId: number): Promise<void>;
}

/** What happened to one digest for one period in one chat (see delivery-store.ts). */
export type DeliveryStatus = 'sending' | 'sent' | 'failed' | 'deferred';

export interface Delivery {
  /** Digest kind: 'agenda' | 'summary'. */
  kind: string;
  /** `2024-W36` for an agenda, `2024-08` for a summary. */
  period: string;
  chatId: number;
  status: DeliveryStatus;
  attempts: number;
  /** Parts of the split message already accepted by Telegram (a retry resumes after them). */
  partsSent: number;
  claimedAt: string;
  updatedAt: string;
  reason?: string;
  /**
   * Parts sent again after a network error or 5xx: Telegram may have accepted the first try as
   * well, so these may be in the chat twice (sendMessage has no idempotency key).
   */
  mayRepeat?: number;
}

/** The delivery log that makes every digest go out at most once per period and chat. */
export interface DeliveryRepo {
  get(kind: string, period: string, chatId: number): Delivery | undefined;
  /**
   * Claims the right to send (writes status "sending" first): when there is no entry yet, or
   * `retry(entry)` allows another attempt. The check is synchronous, so two overlapping runs
   * in one process never both win.
   */
  claim(kind: string, period: string, chatId: number, at: string, retry: (entry: Delivery) => boolean): Promise<Delivery | undefined>;
  progress(entry: Delivery, partsSent: number, at: string): Promise<void>;
  /** Records `parts` more parts that may have gone out twice (see `Delivery.mayRepeat`). */
  noteMayRepeat(entry: Delivery, parts: number, at: string): Promise<void>;
  finish(entry: Delivery, status: Exclude<DeliveryStatus, 'sending'>, at: string, reason?: string): Promise<void>;
  list(): readonly Delivery[];
  /** Records a one-off note (e.g. "figures missing"): true the first time for a key. */
  noteOnce(key: string, at: string): Promise<boolean>;
  recordRun(job: string, run: JobRun): Promise<void>;
  runs(): Readonly<Record<string, JobRun>>;
  /** Drops entries and notes claimed before `before` (ISO). */
  prune(before: string): Promise<number>;
  /** A group became a supergroup: its entries follow it to the new id, so nothing is sent twice. */
  moveChat(fromId: number, toId: number): Promise<void>;
}

export interface JobRun {
  at: string;
  ok: boolean;
  sent: number;
  failed: number;
  detail?: string;
}

/** What a branch puts on its meeting agenda for one week. */
export interface AgendaTopic {
  unit: string;
  week: string;
  text: string;
  by: number;
  byName: string;
  at: string;
}

export interface AgendaStudy {
  unit: string;
  week: string;
  text: string;
  by: number;
  at: string;
}

export interface AgendaRepo {
  topics(unit: string, week: string): AgendaTopic[];
  addTopic(topic: AgendaTopic): Promise<void>;
  study(unit: string, week: string): AgendaStudy | undefined;
  setStudy(study: AgendaStudy): Promise<void>;
}

/** The indicator catalog and the imported figures (see src/domain/metrics). */
export interface MetricsRepo {
  catalog(): readonly MetricDef[];
  metric(code: string): MetricDef | undefined;
  /** Adds or replaces a definition by code. */
  saveMetric(def: MetricDef): Promise<void>;
  /** Adds or replaces several definitions in one write: all of them or none. */
  saveMetrics(defs: readonly MetricDef[]): Promise<void>;
  observations(filter?: ObservationFilter): Observation[];
  observation(key: Pick<Observation, 'metric' | 'unit' | 'period' | 'basis'>): Observation | undefined;
  /** The periods with data, oldest first. */
  periods(filter?: ObservationFilter): string[];
  latestPeriod(filter?: ObservationFilter): string | undefined;
  /** Same key (metric, unit, period, basis) replaces. */
  saveObservations(list: readonly Observation[]): Promise<{ added: number; replaced: number }>;
  /** Changes whenever the catalog or a figure does: answers built from them can be kept until then. */
  revision(): number;
}

/**
 * Progress updates (progress/ monthly append-only partitions). Recent months are indexed
 * in memory; older months are read from disk when a query reaches back to them.
 */
export interface ProgressRepo {
  /** Records once per (chatId, messageId): a second delivery returns the first record with created=false. */
  record(input: NewProgress): Promise<{ created: boolean; update: ProgressUpdate }>;
  /** The record of a message, if it is in the indexed recent months. */
  byMessage(chatId: number, messageId: number): ProgressUpdate | undefined;
  /** Indexed recent months only. */
  get(id: number): ProgressUpdate | undefined;
  edit(id: number, change: ProgressChange, by: number, at: string): Promise<ProgressUpdate | undefined>;
  /** Marks the update removed (kept in the log for audit). */
  remove(id: number, by: number, at: string): Promise<ProgressUpdate | undefined>;
  /** The author's most recent visible update at or after `notBefore` (ISO). */
  lastBy(author: number, notBefore: string): ProgressUpdate | undefined;
  /** Visible updates created in [from, to), oldest first; reads older months from disk when needed. */
  between(from: Date, to?: Date): Promise<ProgressUpdate[]>;
  /** Every visible update of an item created at or after `from` (the item's creation), oldest first. */
  forItem(code: string, from: Date): Promise<ProgressUpdate[]>;
  close(): Promise<void>;
}

/** Key work items (tasks.json): a few hundred a year, kept in memory. */
export interface TaskRepo {
  items(): readonly WorkItem[];
  item(code: string): WorkItem | undefined;
  /** Gives the item the next code (T1, T2, …). */
  create(input: Omit<WorkItem, 'code'>): Promise<WorkItem>;
  save(item: WorkItem): Promise<void>;
}

/** Which reminders went out (key: ISO week + person), so reruns and restarts never send twice. */
export interface ReminderLog {
  wasSent(key: string): boolean;
  markSent(key: string, at: string): Promise<void>;
}

/** The holiday and make-up working-day calendar: shipped years, and years an admin loaded. */
export interface CalendarRepo {
  calendar(): WorkCalendar;
  years(): CalendarYear[];
  /** Replaces the year of the same number. */
  saveYear(year: CalendarYear): Promise<void>;
}

/** Weekly meetings (meetings.json): ordinals in the year and attendance. */
export interface MeetingRepo {
  get(unit: string, week: string): Meeting | undefined;
  list(unit: string): Meeting[];
  /** The ordinal the meeting has, or would get if it were recorded now. */
  peekOrdinal(unit: string, week: string, date: string): number;
  /** The meeting record, created (and numbered) the first time it is needed. */
  ensure(unit: string, week: string, date: string): Promise<Meeting>;
  setAttendance(unit: string, week: string, attendance: Attendance): Promise<void>;
  setNextOrdinal(unit: string, year: number, ordinal: number): Promise<void>;
}

/** A secret link to the wall page: only its SHA-256 is stored, so the file gives no working link away. */
export interface WallLink {
  id: string;
  /** hex SHA-256 of the token in the URL. */
  hash: string;
  /** Undefined: the court's page and every unit's page. */
  unit?: string;
  createdBy: number;
  createdAt: string;
}

/** wallpage.json: links to the lobby page and whether the figures-only board is public. */
export interface WallPageRepo {
  links(): readonly WallLink[];
  isPublic(): boolean;
  addLink(link: WallLink): Promise<void>;
  /** Removes the links of one unit (undefined: every link); returns how many. */
  revoke(unit: string | undefined): Promise<number>;
  setPublic(on: boolean): Promise<void>;
}
