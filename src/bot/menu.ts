import type { Telegram } from 'telegraf';
import type { CommandSpec } from '../domain/access.ts';
import { translate, type MessageKey } from '../text/i18n.ts';
import type { Lang } from '../domain/language.ts';
import { cutText } from '../domain/cut-text.ts';

/**
 * Registers the staff command menus: Chinese as the default (no language_code) and
 * English for users whose Telegram is in English. Admin commands stay out of the menu;
 * /help lists them for those who may use them.
 */
export async function registerMenus(telegram: Telegram, commands: CommandSpec[], defaultLang: Lang): Promise<void> {
  const scopes = [
    { scope: { type: 'all_private_chats' as const }, chats: ['private', 'any'] },
    { scope: { type: 'all_group_chats' as const }, chats: ['group', 'any'] },
  ];
  const otherLang: Lang = defaultLang === 'zh' ? 'en' : 'zh';
  for (const { scope, chats } of scopes) {
    const visible = commands.filter((c) => c.minRole === 'staff' && chats.includes(c.chats));
    const menu = (lang: Lang) =>
      visible.map((c) => ({ command: c.command, description: cutText(translate(lang, c.help as MessageKey), 256) }));
    await telegram.setMyCommands(menu(defaultLang), { scope });
    await telegram.setMyCommands(menu(otherLang), { scope, language_code: otherLang });
  }
}
