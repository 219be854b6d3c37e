import { Composer } from 'telegraf';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';

export type MembershipDeps = FeatureDeps<'audit' | 'org', never, 'clock' | 'logger'>;

/**
 * Chat lifecycle from Telegram's service updates: a bot removed from a group (or blocked)
 * marks the chat inactive; a group that became a supergroup keeps its binding under the
 * new id (https://core.telegram.org/bots/api#message, migrate_to_chat_id).
 */
export function createMembershipFeature(deps: MembershipDeps): Feature {
  const composer = new Composer<BotContext>();
  composer.on('my_chat_member', async (ctx) => {
    const update = ctx.myChatMember;
    const bound = deps.store.org.chat(update.chat.id);
    if (!bound) return;
    const status = update.new_chat_member.status;
    const active = status === 'member' || status === 'administrator';
    if (bound.active === active) return;
    await deps.store.org.saveChat({ ...bound, active });
    await deps.store.audit.record({
      at: deps.clock.now().toISOString(),
      actor: update.from.id,
      action: active ? 'chat.rejoined' : 'chat.removed',
      target: String(bound.id),
    });
  });
  composer.on('message', async (ctx, next) => {
    const message = ctx.message;
    if ('migrate_to_chat_id' in message) {
      await deps.store.org.moveChat(message.chat.id, message.migrate_to_chat_id);
      deps.logger.info('chat migrated to supergroup', { from: message.chat.id, to: message.migrate_to_chat_id });
      return;
    }
    if ('migrate_from_chat_id' in message) return;
    return next();
  });
  return { name: 'membership', commands: [], composer, reactsTo: ['membership', 'other'] };
}
