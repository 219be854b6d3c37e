import { Composer } from 'telegraf';
import { progressTagBody } from '../../domain/progress/parse-progress.ts';
import type { BotContext } from '../context.ts';
import type { Feature } from '../feature.ts';
import { isAnonymousAdmin } from '../middleware/guards.ts';
import { answer } from './progress-replies.ts';

/**
 * An anonymous admin's #进度 (sent "as the group", or as a channel) names no person, so it
 * cannot be recorded; the gate would drop it without a word. Mounted before the gate, it
 * says why, in a bound group only. Anything else such senders write is left to the gate.
 * https://core.telegram.org/bots/api#message (sender_chat)
 */
export function createAnonymousProgressFeature(): Feature {
  // Built in one step (no empty first step): every text message passes here.
  const composer = new Composer<BotContext>(async (ctx, next) => {
    const msg = ctx.message ?? ctx.editedMessage;
    if (!msg || !('text' in msg) || ctx.chatKind !== 'group' || !ctx.boundChat?.active) return next();
    if (!isAnonymousAdmin(ctx) || ('is_automatic_forward' in msg && msg.is_automatic_forward)) return next();
    if (progressTagBody(msg.text) === undefined) return next();
    await answer(ctx, ctx.t('progress.anonymous'), msg.message_id);
  });
  return { name: 'progress-anonymous', commands: [], composer, reactsTo: ['text', 'edit'] };
}
