import type { SendScope } from '../domain/digest-access.ts';
import type { BotContext } from './context.ts';
import { replyHtml } from './reply.ts';

/** Says why an on-demand send was refused (see domain/digest-access.ts); true when it was. */
export async function refusedSend(ctx: BotContext, scope: SendScope, labels: { period: string; due: string }): Promise<boolean> {
  if (scope.ok) return false;
  const text =
    scope.reason === 'pastPeriodNeedsAdmin' ? ctx.t('digestSend.pastPeriod', labels)
    : scope.reason === 'noOwnGroups' ? ctx.t('digestSend.noOwnGroups')
    : ctx.t('error.notAllowed', { role: ctx.t(scope.reason === 'forceNeedsAdmin' ? 'role.admin' : 'role.manager') });
  await replyHtml(ctx, text);
  return true;
}
