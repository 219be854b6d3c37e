import type { Invite, Role } from './org.ts';

export const INVITE_TTL_HOURS = 72;

export function buildInvite(input: {
  code: string;
  role: Role;
  unit?: string;
  createdBy: number;
  now: Date;
  ttlHours?: number;
}): Invite {
  const expires = new Date(input.now.getTime() + (input.ttlHours ?? INVITE_TTL_HOURS) * 3600_000);
  return {
    code: input.code,
    role: input.role,
    ...(input.unit ? { unit: input.unit } : {}),
    createdBy: input.createdBy,
    createdAt: input.now.toISOString(),
    expiresAt: expires.toISOString(),
  };
}

export type InviteCheck = 'ok' | 'unknown' | 'used' | 'expired';

export function checkInvite(invite: Invite | undefined, now: Date): InviteCheck {
  if (!invite) return 'unknown';
  if (invite.usedBy !== undefined) return 'used';
  if (new Date(invite.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'ok';
}

/** Deep-link payloads allow A-Z a-z 0-9 _ - and at most 64 characters. */
export function isInviteCode(value: string): boolean {
  return /^[A-Za-z0-9_-]{8,64}$/.test(value);
}

export function inviteLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${code}`;
}
