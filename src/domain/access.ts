import type { Role, StaffMember } from './org.ts';
import type { WorkItem } from './progress/types.ts';

const RANK: Record<Role, number> = { staff: 1, manager: 2, admin: 3 };

export type ChatKind = 'private' | 'group';

/** Who is speaking, as far as access rules care. */
export interface Actor {
  telegramId: number;
  member?: StaffMember;
  /** Listed in ADMIN_IDS: an admin even before registering, and cannot be deactivated by others. */
  bootstrapAdmin: boolean;
}

export function effectiveRole(actor: Actor): Role | undefined {
  if (actor.bootstrapAdmin) return 'admin';
  if (!actor.member?.active) return undefined;
  return actor.member.role;
}

export function hasRole(actor: Actor, needed: Role): boolean {
  const role = effectiveRole(actor);
  return role !== undefined && RANK[role] >= RANK[needed];
}

export function isRegistered(actor: Actor): boolean {
  return effectiveRole(actor) !== undefined;
}

/** A manager acts on the units they belong to; an admin on all. */
export function canManageUnit(actor: Actor, unit: string): boolean {
  const role = effectiveRole(actor);
  if (role === 'admin') return true;
  return role === 'manager' && (actor.member?.units.includes(unit) ?? false);
}

/**
 * Why a sender may not bind a group to `target` (undefined: they may). A bound group belongs to
 * its unit: moving it elsewhere (its digests stop, its progress counts for the new unit) or
 * unbinding it (`target` undefined) needs the right to manage the unit it has now as well.
 */
export function bindRefusal(actor: Actor, target: string | undefined, current: string | undefined): 'notYourUnit' | 'notCurrentUnit' | undefined {
  if (target !== undefined && !canManageUnit(actor, target)) return 'notYourUnit';
  if (current !== undefined && current !== target && !canManageUnit(actor, current)) return 'notCurrentUnit';
  return undefined;
}

/**
 * Who may post progress on a key work item: the staff of its unit, of its lead (牵头) and
 * assisting (配合) units, its owners (who may sit in another unit), its responsible leader
 * (责任领导), and admins. Anyone else would put their report on another unit's wall.
 */
export function canReportOn(actor: Actor, item: Pick<WorkItem, 'unit' | 'owners' | 'leader' | 'lead' | 'assist'>): boolean {
  const role = effectiveRole(actor);
  if (role === 'admin') return true;
  if (role === undefined) return false;
  if (item.owners.includes(actor.telegramId) || item.leader === actor.telegramId) return true;
  const units = [item.unit, ...(item.lead !== undefined ? [item.lead] : []), ...(item.assist ?? [])];
  return actor.member?.units.some((u) => units.includes(u)) ?? false;
}

/**
 * Whose figures a sender may import: an admin any unit's and the court's; a manager of a unit
 * the court names in IMPORT_ALL_UNITS (the trial-management office, 审管办, which compiles the
 * court's statistics) the same; any other manager only their own units', never the court's.
 */
export function canImportFor(actor: Actor, unit: string, importAllUnits: readonly string[]): boolean {
  const role = effectiveRole(actor);
  if (role === 'admin') return true;
  if (role !== 'manager') return false;
  const own = actor.member?.units ?? [];
  return own.some((u) => importAllUnits.includes(u)) || (unit !== 'court' && own.includes(unit));
}

/** A manager may only hand out roles below their own; an admin any. */
export function canGrantRole(actor: Actor, role: Role): boolean {
  const own = effectiveRole(actor);
  if (own === 'admin') return true;
  return own === 'manager' && RANK[role] < RANK.manager;
}

export interface CommandSpec {
  command: string;
  minRole: Role;
  /** Where the command is offered. */
  chats: 'private' | 'group' | 'any';
  /** Message-catalog key of its one-line description. */
  help: string;
}

export function commandsFor(specs: readonly CommandSpec[], actor: Actor, chat: ChatKind): CommandSpec[] {
  return specs.filter((spec) => hasRole(actor, spec.minRole) && (spec.chats === 'any' || spec.chats === chat));
}
