import { Composer, type MiddlewareFn } from 'telegraf';
import { bindRefusal, canManageUnit, isRegistered, type CommandSpec } from '../../domain/access.ts';
import { DIGEST_KINDS, findUnit, unitName, type BoundChat, type DigestKind } from '../../domain/org.ts';
import { audit } from '../audit.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { accessGate, groupOnly, requireRole } from '../middleware/guards.ts';
import { replyHtml, words } from '../reply.ts';

export type BindDeps = FeatureDeps<'org' | 'audit', never, 'clock'>;

function defaultSubscriptions(unitKind: string): DigestKind[] {
  return unitKind === 'enforcement' ? ['agenda', 'summary'] : ['agenda'];
}

/** Mounted before the gate, but in a private chat a stranger still hears only the refusal. */
const refuseStrangersInPrivate: MiddlewareFn<BotContext> = (ctx, next) =>
  ctx.chatKind === 'private' && !isRegistered(ctx.actor) ? accessGate()(ctx, next) : next();

const COMMANDS: CommandSpec[] = [
  { command: 'bind', minRole: 'manager', chats: 'group', help: 'menu.bind' },
  { command: 'unbind', minRole: 'manager', chats: 'group', help: 'menu.unbind' },
  { command: 'subscribe', minRole: 'manager', chats: 'group', help: 'menu.subscribe' },
  { command: 'unsubscribe', minRole: 'manager', chats: 'group', help: 'menu.unsubscribe' },
];

/** Mounted before the gate, so the router does not check roles here: each command checks its spec's, after the chat. */
const roleOf = (command: string) => requireRole(COMMANDS.find((c) => c.command === command)!.minRole);

/**
 * /bind <unit> and /unbind in a group (admins, or managers of that unit); /subscribe and
 * /unsubscribe adjust which digests the group gets. Mounted before the access gate,
 * because an unbound group must be able to bind itself.
 */
export function createBindFeature(deps: BindDeps): Feature {
  const composer = new Composer<BotContext>();
  const subscriptionText = (ctx: BotContext, subs: string[]) =>
    subs.map((s) => ctx.t(s === 'summary' ? 'subscription.summary' : s === 'review' ? 'subscription.review' : s === 'minutes' ? 'subscription.minutes' : 'subscription.agenda')).join('、') ||
    ctx.t('subscription.none');

  const refuse = async (ctx: BotContext, why: 'notYourUnit' | 'notCurrentUnit', current: string | undefined) => {
    const unit = current !== undefined ? deps.store.org.unit(current) : undefined;
    const name = unit ? unitName(unit, ctx.lang) : (current ?? '');
    await replyHtml(ctx, why === 'notYourUnit' ? ctx.t('bind.notYourUnit') : ctx.t('bind.notCurrentUnit', { unit: name }));
  };

  composer.command('bind', refuseStrangersInPrivate, groupOnly(), roleOf('bind'), async (ctx) => {
    const [query] = words(ctx.payload);
    if (query === undefined) return void (await replyHtml(ctx, ctx.t('bind.usage')));
    const unit = findUnit(deps.store.org.units(), query);
    if (!unit) return void (await replyHtml(ctx, ctx.t('bind.unknownUnit', { unit: query })));
    const previous = deps.store.org.chat(ctx.chat.id);
    const refusal = bindRefusal(ctx.actor, unit.code, previous?.unit);
    if (refusal) return void (await refuse(ctx, refusal, previous?.unit));
    const chat: BoundChat = {
      id: ctx.chat.id,
      title: 'title' in ctx.chat ? ctx.chat.title : '',
      unit: unit.code,
      subscriptions: previous?.unit === unit.code ? previous.subscriptions : defaultSubscriptions(unit.kind),
      active: true,
      boundBy: ctx.from.id,
      boundAt: deps.clock.now().toISOString(),
      ...(previous?.schedules ? { schedules: previous.schedules } : {}),
    };
    await deps.store.org.saveChat(chat);
    await audit(deps, ctx, 'chat.bind', String(chat.id), { unit: unit.code, title: chat.title });
    await replyHtml(ctx, ctx.t('bind.done', { unit: unitName(unit, ctx.lang), subscriptions: subscriptionText(ctx, chat.subscriptions) }));
  });

  composer.command('unbind', refuseStrangersInPrivate, groupOnly(), roleOf('unbind'), async (ctx) => {
    const bound = deps.store.org.chat(ctx.chat.id);
    if (!bound) return void (await replyHtml(ctx, ctx.t('bind.notBound')));
    const refusal = bindRefusal(ctx.actor, undefined, bound.unit);
    if (refusal) return void (await refuse(ctx, refusal, bound.unit));
    await deps.store.org.removeChat(bound.id);
    await audit(deps, ctx, 'chat.unbind', String(bound.id), { unit: bound.unit });
    await replyHtml(ctx, ctx.t('bind.unbound'));
  });

  for (const verb of ['subscribe', 'unsubscribe'] as const) {
    composer.command(verb, refuseStrangersInPrivate, groupOnly(), roleOf(verb), async (ctx) => {
      const bound = deps.store.org.chat(ctx.chat.id);
      if (!bound) return void (await replyHtml(ctx, ctx.t('access.unboundGroup')));
      if (!canManageUnit(ctx.actor, bound.unit)) return void (await replyHtml(ctx, ctx.t('bind.notYourUnit')));
      const [kind] = words(ctx.payload);
      if (![...DIGEST_KINDS, 'review', 'minutes'].includes(kind ?? '')) {
        return void (await replyHtml(ctx, ctx.t('subscribe.usage')));
      }
      const others = bound.subscriptions.filter((s) => s !== kind);
      const subscriptions = verb === 'subscribe' ? [...others, kind as string] : others;
      await deps.store.org.saveChat({ ...bound, subscriptions });
      await audit(deps, ctx, `chat.${verb}`, String(bound.id), { kind });
      await replyHtml(ctx, ctx.t('subscribe.done', { subscriptions: subscriptionText(ctx, subscriptions) }));
    });
  }

  return {
    name: 'bind',
    commands: COMMANDS,
    composer,
    reactsTo: [],
  };
}
