import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context.ts';

/**
 * A button on a message sent in inline mode arrives with `inline_message_id` and no chat
 * (https://core.telegram.org/bots/api#callbackquery): there is no chat to answer into, and
 * no handler after this one expects that. The button gets a short answer; nothing else runs.
 */
export function chatlessUpdates(): MiddlewareFn<BotContext> {
  // Not async: nearly every update has a chat and goes straight on (no promise of its own).
  return (ctx, next) => {
    if (ctx.chat) return next();
    return ctx.callbackQuery ? ctx.answerCbQuery(ctx.t('callback.inlineMessage')).then(() => undefined) : Promise.resolve();
  };
}
