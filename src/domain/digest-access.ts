import { canManageUnit, hasRole, type Actor } from './access.ts';
import type { BoundChat } from './org.ts';

export type SendScope =
  | { ok: true; chatIds?: number[] }
  | { ok: false; reason: 'forceNeedsAdmin' | 'pastPeriodNeedsAdmin' | 'notManager' | 'noOwnGroups' };

/**
 * Who may push a court-wide digest on demand (/summary send, /review send). The text is the
 * court's, the groups are the units': an admin sends any period to every subscribed group,
 * and resends (`force`); a manager sends only the period now due (what the schedule sends
 * anyway), and only into the groups bound to units they manage. A past period is a resend
 * of record: an admin's decision. Previews stay open to staff (they reach only the asker).
 */
export function digestSendScope(
  actor: Actor,
  request: { period: string; duePeriod: string; force: boolean; groups: readonly BoundChat[] },
): SendScope {
  if (hasRole(actor, 'admin')) return { ok: true };
  if (request.force) return { ok: false, reason: 'forceNeedsAdmin' };
  if (!hasRole(actor, 'manager')) return { ok: false, reason: 'notManager' };
  if (request.period !== request.duePeriod) return { ok: false, reason: 'pastPeriodNeedsAdmin' };
  const chatIds = request.groups.filter((c) => canManageUnit(actor, c.unit)).map((c) => c.id);
  return chatIds.length > 0 ? { ok: true, chatIds } : { ok: false, reason: 'noOwnGroups' };
}
