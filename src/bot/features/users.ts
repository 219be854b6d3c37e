import { Composer } from 'telegraf';
import { ROLES, unitName, type Role, type StaffMember } from '../../domain/org.ts';
import { audit } from '../audit.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { privateOnly } from '../middleware/guards.ts';
import { replyHtml, words } from '../reply.ts';

export type UsersDeps = FeatureDeps<'org' | 'audit', 'adminIds', 'clock'>;

type Change = { kind: 'role'; role: Role } | { kind: 'units'; units: string[] } | { kind: 'active'; active: boolean };

function parseChange(verb: string, rest: string[]): Change | undefined {
  if (verb === 'role' && rest.length === 1 && (ROLES as readonly string[]).includes(rest[0]!)) {
    return { kind: 'role', role: rest[0] as Role };
  }
  if (verb === 'unit' && rest.length >= 1) return { kind: 'units', units: rest };
  if (verb === 'deactivate' && rest.length === 0) return { kind: 'active', active: false };
  if (verb === 'activate' && rest.length === 0) return { kind: 'active', active: true };
  return undefined;
}

/** /users: list people, change a role or units, deactivate (effective at once). Admins only. */
export function createUsersFeature(deps: UsersDeps): Feature {
  const composer = new Composer<BotContext>();
  const unitLabel = (ctx: BotContext, codes: string[]) =>
    codes.map((c) => {
      const unit = deps.store.org.unit(c);
      return unit ? unitName(unit, ctx.lang) : c;
    }).join('、') || '—';

  const list = async (ctx: BotContext) => {
    const members = deps.store.org.members();
    const lines = members.map((m) =>
      ctx.t('users.line', {
        status: ctx.t(m.active ? 'status.active' : 'status.inactive'),
        id: m.id,
        name: m.name,
        role: ctx.t(`role.${m.role}`),
        units: unitLabel(ctx, m.units),
      }),
    );
    await replyHtml(ctx, [ctx.t('users.header', { count: members.length }), ...lines, '', ctx.t('users.usage')].join('\n'));
  };

  const apply = async (ctx: BotContext, member: StaffMember, change: Change) => {
    if (deps.config.adminIds.includes(member.id)) {
      await replyHtml(ctx, ctx.t('users.cannotChangeBootstrap', { name: member.name }));
      return;
    }
    if (member.id === ctx.actor.telegramId && change.kind !== 'units') {
      await replyHtml(ctx, ctx.t('users.cannotChangeSelf'));
      return;
    }
    if (change.kind === 'units') {
      const unknown = change.units.find((u) => !deps.store.org.unit(u));
      if (unknown) {
        await replyHtml(ctx, ctx.t('invite.unknownUnit', { unit: unknown }));
        return;
      }
    }
    const updated: StaffMember =
      change.kind === 'role' ? { ...member, role: change.role }
      : change.kind === 'units' ? { ...member, units: change.units }
      : { ...member, active: change.active };
    await deps.store.org.saveMember(updated);
    await audit(deps, ctx, `member.${change.kind}`, String(member.id), { ...change });
    const reply =
      change.kind === 'role' ? ctx.t('users.roleChanged', { name: member.name, role: ctx.t(`role.${change.role}`) })
      : change.kind === 'units' ? ctx.t('users.unitsChanged', { name: member.name, units: unitLabel(ctx, change.units) })
      : ctx.t(change.active ? 'users.activated' : 'users.deactivated', { name: member.name });
    await replyHtml(ctx, reply);
  };

  composer.command('users', privateOnly(), async (ctx) => {
    const [verb, idText, ...rest] = words(ctx.payload);
    if (verb === undefined) return list(ctx);
    const change = parseChange(verb, rest);
    if (!change || idText === undefined || !/^\d+$/.test(idText)) {
      await replyHtml(ctx, ctx.t('users.usage'));
      return;
    }
    const member = deps.store.org.member(Number(idText));
    if (!member) {
      await replyHtml(ctx, ctx.t('users.notFound', { id: idText }));
      return;
    }
    await apply(ctx, member, change);
  });
  return { name: 'users', commands: [{ command: 'users', minRole: 'admin', chats: 'private', help: 'menu.users' }], composer, reactsTo: [] };
}
