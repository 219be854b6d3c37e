import { Composer } from 'telegraf';
import { canGrantRole, canManageUnit } from '../../domain/access.ts';
import { buildInvite, INVITE_TTL_HOURS, inviteLink } from '../../domain/invite.ts';
import { ROLES, unitName, type Role } from '../../domain/org.ts';
import { audit } from '../audit.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { privateOnly } from '../middleware/guards.ts';
import { replyHtml, words } from '../reply.ts';

export type InviteDeps = FeatureDeps<'org' | 'audit', never, 'clock' | 'newCode'>;

function parseInviteArgs(args: string[]): { role: Role; unit?: string } | undefined {
  let role: Role = 'staff';
  let unit: string | undefined;
  for (const arg of args) {
    if ((ROLES as readonly string[]).includes(arg)) role = arg as Role;
    else if (unit === undefined) unit = arg;
    else return undefined;
  }
  return { role, unit };
}

/** /invite [role] [unit]: a one-time, expiring deep link https://t.me/<bot>?start=<code>. */
export function createInviteFeature(deps: InviteDeps): Feature {
  const composer = new Composer<BotContext>();
  composer.command('invite', privateOnly(), async (ctx) => {
    const parsed = parseInviteArgs(words(ctx.payload));
    if (!parsed) {
      await replyHtml(ctx, ctx.t('invite.usage'));
      return;
    }
    const unitCode = parsed.unit ?? (ctx.actor.member?.units.length === 1 ? ctx.actor.member.units[0] : undefined);
    const unit = unitCode ? deps.store.org.unit(unitCode) : undefined;
    if (unitCode && !unit) {
      await replyHtml(ctx, ctx.t('invite.unknownUnit', { unit: unitCode }));
      return;
    }
    // Without a unit a new member could post no progress and see no wall: only admins may go without.
    if (!unit && parsed.role !== 'admin') {
      await replyHtml(ctx, ctx.t('invite.needUnit'));
      return;
    }
    if (!canGrantRole(ctx.actor, parsed.role) || (unit && !canManageUnit(ctx.actor, unit.code))) {
      await replyHtml(ctx, ctx.t('invite.badRole', { role: parsed.role }));
      return;
    }
    const invite = buildInvite({
      code: deps.newCode(),
      role: parsed.role,
      unit: unit?.code,
      createdBy: ctx.from.id,
      now: deps.clock.now(),
    });
    await deps.store.org.saveInvite(invite);
    await audit(deps, ctx, 'invite.create', invite.code, { role: invite.role, unit: invite.unit });
    await replyHtml(
      ctx,
      ctx.t('invite.created', {
        role: ctx.t(`role.${invite.role}`),
        unit: unit ? ` · ${unitName(unit, ctx.lang)}` : '',
        hours: INVITE_TTL_HOURS,
        link: inviteLink(ctx.botInfo.username, invite.code),
      }),
    );
  });
  return { name: 'invite', commands: [{ command: 'invite', minRole: 'manager', chats: 'private', help: 'menu.invite' }], composer, reactsTo: [] };
}
