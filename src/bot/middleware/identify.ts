import type { MiddlewareFn } from 'telegraf';
import type { Actor } from '../../domain/access.ts';
import { pickLanguage } from '../../domain/language.ts';
import { displayName, identityChanged, type Identity, type StaffMember } from '../../domain/org.ts';
import { translator } from '../../text/i18n.ts';
import type { BotContext, BotDeps } from '../context.ts';

type IdentifyDeps = Pick<BotDeps, 'store' | 'config' | 'logger'>;

/**
 * People rename themselves and hand usernames on: the stored name and @username follow what
 * Telegram shows on each update, so `@new` finds the person and `@old` no longer does. Written
 * only when something changed (a comparison per update, no write). A failed write leaves the
 * old record and does not stop the update.
 */
async function refreshed({ store, logger }: IdentifyDeps, member: StaffMember, now: Identity): Promise<StaffMember> {
  try {
    await store.org.refreshIdentity(member.id, now);
  } catch (err) {
    logger.warn('could not refresh a member’s name and username', { memberId: member.id, err });
  }
  return store.org.member(member.id) ?? member;
}

/** Works out who is speaking, where, and in which language, once per update. */
export function identify(deps: IdentifyDeps): MiddlewareFn<BotContext> {
  const { store, config } = deps;
  const settle = (ctx: BotContext, member: StaffMember | undefined) => {
    const from = ctx.from;
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
  };
  // Not async, and waits only when there is something to write: an update then runs on to its answer without a pause.
  return (ctx, next) => {
    const from = ctx.from;
    const stored = from ? store.org.member(from.id) : undefined;
    const shown: Identity | undefined = stored && from ? { name: displayName(from), ...(from.username ? { username: from.username } : {}) } : undefined;
    if (stored && shown && identityChanged(stored, shown)) {
      return refreshed(deps, stored, shown).then((member) => {
        settle(ctx, member);
        return next();
      });
    }
    settle(ctx, stored);
    return next();
  };
}
