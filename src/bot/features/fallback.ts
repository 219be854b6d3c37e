import { Composer } from 'telegraf';
import type { BotContext } from '../context.ts';
import type { Feature } from '../feature.ts';
import { replyHtml } from '../reply.ts';

/** Last in the list: whatever no feature took. Groups stay quiet unless addressed. */
export function createFallbackFeature(): Feature {
  const composer = new Composer<BotContext>();
  composer.on('callback_query', async (ctx) => {
    await ctx.answerCbQuery();
  });
  composer.on('message', async (ctx) => {
    const text = 'text' in ctx.message ? ctx.message.text : undefined;
    const command = text?.match(/^\/([A-Za-z0-9_]+)(?:@(\w+))?/);
    if (command) {
      const addressee = command[2];
      if (addressee ? addressee.toLowerCase() !== ctx.botInfo.username.toLowerCase() : ctx.chatKind === 'group') return;
      await replyHtml(ctx, ctx.t('fallback.unknownCommand', { command: command[1]! }));
      return;
    }
    if (ctx.chatKind === 'private') await replyHtml(ctx, ctx.t('fallback.text'));
  });
  return { name: 'fallback', commands: [], composer };
}
