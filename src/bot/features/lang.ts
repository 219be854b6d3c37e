import { Composer } from 'telegraf';
import { parseLang } from '../../domain/language.ts';
import { translator } from '../../text/i18n.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { replyHtml } from '../reply.ts';

export type LangDeps = FeatureDeps<'org', never, 'clock'>;

export function createLangFeature(deps: LangDeps): Feature {
  const composer = new Composer<BotContext>();
  composer.command('lang', async (ctx) => {
    const lang = parseLang(ctx.payload);
    if (!lang) {
      await replyHtml(ctx, ctx.t('lang.usage'));
      return;
    }
    const member = deps.store.org.member(ctx.from.id) ?? {
      // A bootstrap admin who never registered still gets a record to keep the choice.
      id: ctx.from.id,
      name: ctx.from.first_name,
      role: 'admin' as const,
      units: [],
      active: true,
      registeredAt: deps.clock.now().toISOString(),
    };
    await deps.store.org.saveMember({ ...member, lang });
    await replyHtml(ctx, translator(lang)('lang.set'));
  });
  return { name: 'lang', commands: [{ command: 'lang', minRole: 'staff', chats: 'any', help: 'menu.lang' }], composer, reactsTo: [] };
}
