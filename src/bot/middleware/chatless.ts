import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context.ts';

/**
 * A button on a message sent in inline mode arrives with `inline_message_id` and no chat
 * (https://core.telegram.org/bots/api#callbackquery): there is no chat to answer into, and
 * no handler after this one expects that. The button gets a short answer; nothing else runs.
 */
export function chatlessUpdates(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (ctx.chat) return next();
    if (ctx.callbackQuery) await ctx.answerCbQuery(ctx.t('callback.inlineMessage'));
  };
}
