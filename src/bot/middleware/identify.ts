import type { MiddlewareFn } from 'telegraf';
import type { Actor } from '../../domain/access.ts';
import { pickLanguage } from '../../domain/language.ts';
import { translator } from '../../text/i18n.ts';
import type { BotContext, BotDeps } from '../context.ts';

/** Works out who is speaking, where, and in which language, once per update. */
export function identify({ store, config }: Pick<BotDeps, 'store' | 'config'>): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    const member = from ? store.org.member(from.id) : undefined;
    const actor: Actor = {
      telegramId: from?.id ?? 0,
      member,
      bootstrapAdmin: from !== undefined && config.adminIds.includes(from.id),
    };
    const chat = ctx.chat;
    ctx.actor = actor;
    ctx.chatKind = chat === undefined || chat.type === 'private' ? 'private' : 'group';
    ctx.boundChat = chat && ctx.chatKind === 'group' ? store.org.chat(chat.id) : undefined;
    ctx.lang = pickLanguage(member?.lang, from?.language_code, ctx.boundChat?.lang ?? config.defaultLang);
    ctx.t = translator(ctx.lang);
    await next();
  };
}
