import type { MiddlewareFn } from 'telegraf';
import type { InHandInfo } from '../../ops/watch-state.ts';
import type { BotContext, BotDeps } from '../context.ts';

export const updateKey = (updateId: number): string => `u:${updateId}`;

/** What the notes and the logs say about an update: the command word or the kind, never user text. */
export function describeUpdate(ctx: BotContext): InHandInfo {
  const msg = ctx.msg as { message_id?: number; text?: string; document?: unknown } | undefined;
  const command = msg?.text && /^\/[A-Za-z0-9_]{1,32}/.exec(msg.text)?.[0];
  const type = Object.keys(ctx.update).find((k) => k !== 'update_id') ?? 'update';
  return {
    kind: 'update',
    ...(ctx.chat ? { chatId: ctx.chat.id } : {}),
    ...(ctx.from ? { userId: ctx.from.id } : {}),
    ...(msg?.message_id !== undefined && ctx.callbackQuery === undefined ? { messageId: msg.message_id } : {}),
    label: command || (msg?.document ? 'document' : type),
  };
}

/**
 * First in the chain: every update runs as watched work (see ops/watchdog.ts), and one the
 * watchdog dropped (in hand at two consecutive stalls or crashes) is not handled again.
 */
export function watchUpdates(deps: Pick<BotDeps, 'watchdog'>): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    const watchdog = deps.watchdog;
    if (!watchdog) return next();
    const key = updateKey(ctx.update.update_id);
    if (watchdog.isDropped(key)) return;
    return watchdog.run(key, describeUpdate(ctx), next);
  };
}
