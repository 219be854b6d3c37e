import { Composer } from 'telegraf';
import { COURT_UNIT } from '../../domain/metrics/types.ts';
import { findUnit, unitName } from '../../domain/org.ts';
import { hashToken } from '../../web/wall-access.ts';
import { audit } from '../audit.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { privateOnly } from '../middleware/guards.ts';
import { replyHtml, words } from '../reply.ts';

export type WallpageDeps = FeatureDeps<'org' | 'wallPage' | 'audit', 'wall', 'clock' | 'newCode'>;

/** The page's address for a unit (the court's page is /wall). */
export function wallPageUrl(base: string, unit: string | undefined, token?: string): string {
  const path = unit === undefined || unit === COURT_UNIT ? '/wall' : `/wall/${encodeURIComponent(unit)}`;
  return `${base}${path}${token ? `?k=${encodeURIComponent(token)}` : ''}`;
}

/** /wallpage link [unit] · revoke [unit] · public on|off · status (admins, private chat): secret links to the lobby page. */
export function createWallPageFeature(deps: WallpageDeps): Feature {
  const composer = new Composer<BotContext>();
  const repo = deps.store.wallPage;

  composer.command('wallpage', privateOnly(), async (ctx) => {
    const wall = deps.config.wall;
    if (!wall) return replyHtml(ctx, ctx.t('wallpage.noPort'));
    const [verb, arg] = words(ctx.payload);
    if (verb === 'public' && (arg === 'on' || arg === 'off')) return setPublic(ctx, arg === 'on');
    const unit = arg === undefined ? undefined : findUnit(deps.store.org.units(), arg);
    if (arg !== undefined && !unit) return replyHtml(ctx, ctx.t('wallpage.unknownUnit', { unit: arg }));
    const scope = unit ? unitName(unit, ctx.lang) : ctx.t('wallpage.allUnits');
    switch (verb) {
      case 'link': {
        const token = deps.newCode();
        const link = { id: hashToken(token).slice(0, 8), hash: hashToken(token), ...(unit ? { unit: unit.code } : {}), createdBy: ctx.actor.telegramId, createdAt: deps.clock.now().toISOString() };
        await repo.addLink(link);
        await audit(deps, ctx, 'wallpage.link', unit?.code ?? COURT_UNIT, { id: link.id });
        return replyHtml(ctx, ctx.t('wallpage.link', { scope, url: wallPageUrl(wall.url, unit?.code, token) }));
      }
      case 'revoke': {
        const count = await repo.revoke(unit?.code);
        await audit(deps, ctx, 'wallpage.revoke', unit?.code ?? 'all', { count });
        return replyHtml(ctx, ctx.t('wallpage.revoked', { count, scope }));
      }
      case undefined:
      case 'status':
        return replyHtml(ctx, ctx.t('wallpage.status', { links: repo.links().length, public: ctx.t(repo.isPublic() ? 'wallpage.on' : 'wallpage.off') }));
    }
    return replyHtml(ctx, ctx.t('wallpage.usage'));
  });

  async function setPublic(ctx: BotContext, on: boolean): Promise<void> {
    await repo.setPublic(on);
    await audit(deps, ctx, 'wallpage.public', on ? 'on' : 'off');
    await replyHtml(ctx, on ? ctx.t('wallpage.publicOn', { url: wallPageUrl(deps.config.wall!.url, undefined) }) : ctx.t('wallpage.publicOff'));
  }

  return { name: 'wallpage', commands: [{ command: 'wallpage', minRole: 'admin', chats: 'private', help: 'menu.wallpage' }], composer, reactsTo: [] };
}
