import type { BotContext, FeatureDeps } from './context.ts';

/** Every data change and admin action goes to the audit log: who, when, what. */
export function audit(
  deps: FeatureDeps<'audit', never, 'clock'>,
  ctx: BotContext,
  action: string,
  target?: string,
  detail?: Record<string, unknown>,
): Promise<void> {
  return deps.store.audit.record({
    at: deps.clock.now().toISOString(),
    actor: ctx.actor.telegramId,
    action,
    ...(target !== undefined ? { target } : {}),
    ...(detail ? { detail } : {}),
  });
}
