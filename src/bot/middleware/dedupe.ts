import type { MiddlewareFn } from 'telegraf';
import type { UpdateLedger } from '../../store/ports.ts';
import type { BotContext } from '../context.ts';

/**
 * Telegram delivers updates at least once (a crash mid-batch redelivers it). An update is
 * marked done only after its handlers finished, so a crash means a retry, never a loss.
 */
export function dedupeUpdates(ledger: UpdateLedger): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    if (ledger.isDone(id)) return;
    ledger.begin();
    let written: Promise<void> | undefined;
    try {
      await next();
      written = ledger.markDone(id);
    } finally {
      ledger.end();
    }
    await written;
  };
}
