import type { MiddlewareFn } from 'telegraf';
import type { Logger } from '../../logger.ts';
import type { UpdateLedger } from '../../store/ports.ts';
import type { BotContext } from '../context.ts';

/**
 * Telegram delivers updates at least once (a crash mid-batch redelivers it). An update is
 * marked done only after its handlers finished, so a crash means a retry, never a loss.
 * A failed ledger write (a full disk) is logged, not reported: the update was handled and
 * answered, and the handler already answered for its own failed writes (one apology, not two).
 */
export function dedupeUpdates(ledger: UpdateLedger, logger: Pick<Logger, 'warn'>): MiddlewareFn<BotContext> {
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
    await written?.catch((err: unknown) => logger.warn('update ledger write failed: the id goes with the next write (a restart before then may handle the update again)', { err, updateId: id }));
  };
}
