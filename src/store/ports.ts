import type { BoundChat, Invite, StaffMember, Unit } from '../domain/org.ts';

/** Units, staff, bound chats and invites: small, read on every update, kept in memory. */
export interface OrgRepo {
  units(): readonly Unit[];
  unit(code: string): Unit | undefined;
  saveUnit(unit: Unit): Promise<void>;
  members(): readonly StaffMember[];
  member(id: number): StaffMember | undefined;
  saveMember(member: StaffMember): Promise<void>;
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
  markDone(updateId: number): Promise<void>;
}
