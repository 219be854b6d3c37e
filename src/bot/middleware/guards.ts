import type { MiddlewareFn } from 'telegraf';
import { hasRole, isRegistered } from '../../domain/access.ts';
import type { Role } from '../../domain/org.ts';
import { replyHtml } from '../reply.ts';
import type { BotContext } from '../context.ts';

/** Telegram's stand-in sender for anonymous group admins. */
export const GROUP_ANONYMOUS_BOT_ID = 1087968824;

export function isAnonymousAdmin(ctx: BotContext): boolean {
  return ctx.from?.id === GROUP_ANONYMOUS_BOT_ID || (ctx.msg !== undefined && 'sender_chat' in ctx.msg);
}

function isCommand(ctx: BotContext): boolean {
  const text = ctx.msg && 'text' in ctx.msg ? ctx.msg.text : undefined;
  return text?.startsWith('/') ?? false;
}

/**
 * Court data is not public. Only registered, active staff pass, and in groups only in
 * bound chats: an unbound group hears nothing but how to bind it.
 */
export function accessGate(): MiddlewareFn<BotContext> {
  // Those who pass go straight on (no promise of the gate's own); the others hear why below.
  return (ctx, next) => (isRegistered(ctx.actor) && (ctx.chatKind === 'private' || ctx.boundChat?.active) ? next() : turnAway(ctx));
}

async function turnAway(ctx: BotContext): Promise<void> {
  if (ctx.chatKind === 'private') {
    if (!ctx.from || 'my_chat_member' in ctx.update) return;
    if (ctx.callbackQuery) await ctx.answerCbQuery();
    const key = ctx.actor.member && !ctx.actor.member.active ? 'access.deactivated' : 'access.refused';
    await replyHtml(ctx, ctx.t(key, { id: ctx.from.id }));
    return;
  }
  if (!ctx.boundChat?.active) {
    if (isCommand(ctx)) await replyHtml(ctx, ctx.t('access.unboundGroup'));
    else if (ctx.callbackQuery) await ctx.answerCbQuery();
    return;
  }
  // A bound group's member who is not registered hears how to register, and nothing else.
  if (ctx.callbackQuery) await ctx.answerCbQuery();
  else if (isCommand(ctx) && ctx.from) await replyHtml(ctx, ctx.t(isAnonymousAdmin(ctx) ? 'error.anonymousAdmin' : 'access.refused', { id: ctx.from.id }));
}

export function requireRole(role: Role): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (hasRole(ctx.actor, role)) return next();
    if (ctx.callbackQuery) await ctx.answerCbQuery();
    if (isAnonymousAdmin(ctx)) {
      await replyHtml(ctx, ctx.t('error.anonymousAdmin'));
      return;
    }
    await replyHtml(ctx, ctx.t('error.notAllowed', { role: ctx.t(`role.${role}`) }));
  };
}

export function privateOnly(): MiddlewareFn<BotContext> {
  return async (ctx, next) => (ctx.chatKind === 'private' ? next() : void (await replyHtml(ctx, ctx.t('error.privateOnly'))));
}

export function groupOnly(): MiddlewareFn<BotContext> {
  return async (ctx, next) => (ctx.chatKind === 'group' ? next() : void (await replyHtml(ctx, ctx.t('error.groupOnly'))));
}
