import type { Logger } from '../logger.ts';
import { translator } from '../text/i18n.ts';
import type { Config } from '../config.ts';
import type { BotContext } from './context.ts';

/**
 * The one error boundary for handlers. telegraf's default rethrows, which stops polling
 * and can end the process; this one logs (without the token: the logger redacts it) and
 * tells the user briefly. It must never throw itself.
 */
export function createErrorHandler(logger: Logger, config: Pick<Config, 'defaultLang'>) {
  return async (err: unknown, ctx: BotContext): Promise<void> => {
    try {
      logger.error('handler failed', { err, updateId: ctx.update.update_id, updateType: ctx.updateType });
      const t = ctx.t ?? translator(config.defaultLang);
      if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
      if (ctx.chat) await ctx.reply(t('error.generic'), { parse_mode: 'HTML' });
    } catch (replyErr) {
      try {
        logger.warn('could not send the apology', { err: replyErr });
      } catch {
        // Nothing left to do: never throw from the error boundary.
      }
    }
  };
}
