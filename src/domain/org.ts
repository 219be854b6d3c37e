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

export function unitName(unit: Unit, lang: Lang): string {
  return lang === 'zh' ? unit.nameZh : unit.nameEn;
}

/** Finds a unit by code or either name, ignoring case. */
export function findUnit(units: readonly Unit[], query: string): Unit | undefined {
  const q = query.trim().toLowerCase();
  return units.find((u) => u.code.toLowerCase() === q || u.nameZh === query.trim() || u.nameEn.toLowerCase() === q);
}

export function isUnitCode(value: string): boolean {
  return /^[a-z][a-z0-9_-]{1,31}$/.test(value);
}
