import { Composer } from 'telegraf';
import { commandsFor, effectiveRole, type CommandSpec } from '../../domain/access.ts';
import type { MessageKey } from '../../text/i18n.ts';
import type { BotContext } from '../context.ts';
import type { Feature } from '../feature.ts';
import { replyHtml } from '../reply.ts';

/** /help lists only what the user's role may do, here. */
export function createHelpFeature(allCommands: () => CommandSpec[]): Feature {
  const composer = new Composer<BotContext>();
  composer.help(async (ctx) => {
    const role = effectiveRole(ctx.actor) ?? 'staff';
    const lines = commandsFor(allCommands(), ctx.actor, ctx.chatKind)
      .filter((spec) => spec.command !== 'start')
      .map((spec) => `/${spec.command} — ${ctx.t(spec.help as MessageKey)}`);
    const footer = ctx.chatKind === 'private' ? ['', ctx.t('help.footer')] : [];
    await replyHtml(ctx, [ctx.t('help.header', { role: ctx.t(`role.${role}`) }), ...lines, ...footer].join('\n'));
  });
  return { name: 'help', commands: [{ command: 'help', minRole: 'staff', chats: 'any', help: 'menu.help' }], composer, reactsTo: [] };
}
