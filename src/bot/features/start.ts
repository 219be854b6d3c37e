import { Composer } from 'telegraf';
import { effectiveRole } from '../../domain/access.ts';
import { checkInvite, isInviteCode } from '../../domain/invite.ts';
import { displayName, unitName, type StaffMember } from '../../domain/org.ts';
import { audit } from '../audit.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { replyHtml } from '../reply.ts';
import { translator } from '../../text/i18n.ts';

export type StartDeps = FeatureDeps<'org' | 'audit', never, 'clock'>;

/** /start, and /start <code> from an invite link: the one way in for a new user. */
export function createStartFeature(deps: StartDeps): Feature {
  const composer = new Composer<BotContext>();
  composer.start(async (ctx) => {
    if (ctx.chatKind !== 'private') return;
    const role = effectiveRole(ctx.actor);
    const code = ctx.payload.trim();
    if (role !== undefined) {
      const key = code ? 'start.alreadyRegistered' : 'start.hello';
      await replyHtml(ctx, ctx.t(key, { role: ctx.t(`role.${role}`), name: displayName(ctx.from) }));
      return;
    }
    if (!code) {
      await replyHtml(ctx, ctx.t('access.refused', { id: ctx.from.id }));
      return;
    }
    const invite = isInviteCode(code) ? deps.store.org.invite(code) : undefined;
    const now = deps.clock.now();
    const check = checkInvite(invite, now);
    if (check !== 'ok' || !invite) {
      const key = check === 'used' ? 'start.inviteUsed' : check === 'expired' ? 'start.inviteExpired' : 'start.inviteUnknown';
      await replyHtml(ctx, ctx.t(key));
      return;
    }
    const previous = deps.store.org.member(ctx.from.id);
    if (previous && !previous.active) {
      await replyHtml(ctx, ctx.t('access.deactivated', { id: ctx.from.id }));
      return;
    }
    const member: StaffMember = {
      id: ctx.from.id,
      name: displayName(ctx.from),
      ...(ctx.from.username ? { username: ctx.from.username } : {}),
      role: invite.role,
      units: invite.unit ? [invite.unit] : [],
      lang: ctx.lang,
      active: true,
      registeredAt: now.toISOString(),
      invitedBy: invite.createdBy,
    };
    await deps.store.org.saveInvite({ ...invite, usedBy: member.id, usedAt: now.toISOString() });
    await deps.store.org.saveMember(member);
    await audit(deps, ctx, 'member.register', String(member.id), { role: member.role, unit: invite.unit, invite: invite.code });
    const unit = invite.unit ? deps.store.org.unit(invite.unit) : undefined;
    const t = translator(ctx.lang);
    await replyHtml(
      ctx,
      t('start.welcome', {
        name: member.name,
        role: t(`role.${member.role}`),
        unit: unit ? ` · ${unitName(unit, ctx.lang)}` : '',
      }),
    );
  });
  return { name: 'start', commands: [{ command: 'start', minRole: 'staff', chats: 'private', help: 'menu.start' }], composer, reactsTo: [] };
}
