import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context.ts';

/**
 * Telegraf handles the updates of one getUpdates answer at once (Promise.all), so an edit that
 * came in the same answer as its message would look for the record before the message was
 * stored, and be lost. Updates about one message (chat + message id) run one after another,
 * in the order they arrived. First in the chain: the first update of a message starts its
 * handling before any await, so that order is the batch order.
 */
export function oneMessageAtATime(): MiddlewareFn<BotContext> {
  const tails = new Map<string, Promise<unknown>>();
  return async (ctx, next) => {
    const msg = ctx.message ?? ctx.editedMessage;
    if (!msg) return next();
    const key = `${msg.chat.id}:${msg.message_id}`;
    const before = tails.get(key);
    const run = before ? before.then(() => next()) : next();
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
