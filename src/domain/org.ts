import type { Lang } from './language.ts';

export type Role = 'admin' | 'manager' | 'staff';
export const ROLES: readonly Role[] = ['staff', 'manager', 'admin'];

export type UnitKind = 'court' | 'division' | 'tribunal' | 'team' | 'branch' | 'enforcement' | 'office';
export const UNIT_KINDS: readonly UnitKind[] = ['court', 'division', 'tribunal', 'team', 'branch', 'enforcement', 'office'];

export interface Unit {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: UnitKind;
  /** The unit it belongs to (`court` for divisions, a division for its teams); none for the court. */
  parent?: string;
  /** Short names people use: 民一庭, 开发区, 环资庭. */
  aliases?: string[];
  /** A party branch: the units it spans (for progress, agendas and digests; never for sums). */
  covers?: string[];
}

export interface StaffMember {
  id: number;
  name: string;
  username?: string;
  role: Role;
  units: string[];
  lang?: Lang;
  active: boolean;
  registeredAt: string;
  invitedBy?: number;
}

/** The scheduled digests a bound group can receive. */
export const DIGEST_KINDS = ['agenda', 'summary'] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];

export interface BoundChat {
  id: number;
  title: string;
  unit: string;
  /** Digest kinds this chat receives, e.g. 'agenda', 'summary'. */
  subscriptions: string[];
  active: boolean;
  boundBy: number;
  boundAt: string;
  /** Per-chat cron overrides, keyed by digest kind. */
  schedules?: Record<string, string>;
  lang?: Lang;
}

export interface Invite {
  code: string;
  role: Role;
  unit?: string;
  createdBy: number;
  createdAt: string;
  expiresAt: string;
  usedBy?: number;
  usedAt?: string;
}

/** A person's name as Telegram shows it: first and last name. */
export function displayName(from: { first_name: string; last_name?: string }): string {
  return [from.first_name, from.last_name].filter(Boolean).join(' ');
}

/** What Telegram says about a person on every update, as the org record keeps it. */
export interface Identity {
  name: string;
  username?: string;
}

/** The stored name or username is not what Telegram shows now. */
export function identityChanged(member: StaffMember, now: Identity): boolean {
  return member.name !== now.name || member.username !== now.username;
}

export function unitName(unit: Unit, lang: Lang): string {
  return lang === 'zh' ? unit.nameZh : unit.nameEn;
}

/** Finds a unit by code, either name or an alias, ignoring case. */
export function findUnit(units: readonly Unit[], query: string): Unit | undefined {
  const q = query.trim().toLowerCase();
  return (
    units.find((u) => u.code.toLowerCase() === q || u.nameZh === query.trim() || u.nameEn.toLowerCase() === q) ??
    units.find((u) => (u.aliases ?? []).some((a) => a.toLowerCase() === q))
  );
}

/** Units that handle cases and so enter a sum: not the court itself, offices or party branches. */
export function isCaseHandling(unit: Unit): boolean {
  return unit.kind === 'division' || unit.kind === 'tribunal' || unit.kind === 'enforcement' || unit.kind === 'team';
}

/** Depth below the court: the court 0, divisions and tribunals 1, their teams 2. Branches sit beside the tree. */
export function unitLevel(units: readonly Unit[], code: string): number {
  let level = 0;
  let unit = units.find((u) => u.code === code);
  // A loop in hand-edited parents must not hang: no tree is deeper than the number of units.
  while (unit?.parent && level <= units.length) {
    level++;
    const parent = unit.parent;
    unit = units.find((u) => u.code === parent);
  }
  return level;
}

/**
 * The units whose figures make up `code`'s: for a party branch the units it covers, else the
 * case-handling units one level below it. Without any parents set (an old org file), the court
 * is made of every case-handling unit.
 */
export function partsOf(units: readonly Unit[], code: string): Unit[] {
  const unit = units.find((u) => u.code === code);
  if (unit?.kind === 'branch') return units.filter((u) => (unit.covers ?? []).includes(u.code) && isCaseHandling(u));
  const children = units.filter((u) => u.parent === code && isCaseHandling(u));
  if (children.length > 0 || units.some((u) => u.parent !== undefined)) return children;
  return unit?.kind === 'court' ? units.filter(isCaseHandling) : [];
}

export function isUnitCode(value: string): boolean {
  return /^[a-z][a-z0-9_-]{1,31}$/.test(value);
}
