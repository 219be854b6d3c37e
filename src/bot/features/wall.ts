import { Composer } from 'telegraf';
import { findUnit } from '../../domain/org.ts';
import { buildMine, buildWall } from '../../domain/progress/views.ts';
import { parseWeekArg, weekOf, type WeekRange } from '../../domain/progress/week.ts';
import { localDate } from '../../domain/time.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { replyHtml, words } from '../reply.ts';
import { renderMine, renderWall, type RenderContext } from '../../render/progress.ts';

export type WallDeps = FeatureDeps<'org' | 'progress' | 'tasks', 'timeZone', 'clock'>;

/** How far back /mine looks for the last update of an item with no recent one. */
const MINE_LOOKBACK_DAYS = 92;

/** /wall [unit] [week]: a unit's updates of a week, grouped by item. /mine: one's open items. */
export function createWallFeature(deps: WallDeps): Feature {
  const composer = new Composer<BotContext>();
  const { store, config, clock } = deps;
  const renderer = (ctx: BotContext): RenderContext => ({ t: ctx.t, lang: ctx.lang, units: store.org.units(), members: store.org.members() });

  composer.command('wall', async (ctx) => {
    let unitCode: string | undefined;
    let week: WeekRange | undefined;
    for (const arg of words(ctx.payload)) {
      const asWeek = parseWeekArg(arg, clock.now(), config.timeZone);
      const asUnit = asWeek ? undefined : findUnit(store.org.units(), arg);
      if (asWeek && !week) week = asWeek;
      else if (asUnit && !unitCode) unitCode = asUnit.code;
      else return void (await replyHtml(ctx, asWeek || asUnit ? ctx.t('wall.usage') : ctx.t('wall.unknownUnit', { unit: arg })));
    }
    unitCode ??= ctx.boundChat?.unit ?? ctx.actor.member?.units[0];
    if (!unitCode) return void (await replyHtml(ctx, ctx.t('wall.noUnit')));
    week ??= weekOf(clock.now(), config.timeZone);
    const updates = (await store.progress.between(week.start, week.end)).filter((u) => u.unit === unitCode);
    const view = buildWall({ unit: unitCode, week: week.label, updates, items: store.tasks.items(), timeZone: config.timeZone, today: localDate(deps.clock.now(), config.timeZone) });
    await replyHtml(ctx, renderWall(renderer(ctx), view));
  });

  composer.command('mine', async (ctx) => {
    const now = clock.now();
    const updates = await store.progress.between(new Date(now.getTime() - MINE_LOOKBACK_DAYS * 86_400_000));
    const view = buildMine({
      member: ctx.actor.telegramId,
      items: store.tasks.items(),
      updates,
      today: localDate(now, config.timeZone),
      timeZone: config.timeZone,
    });
    await replyHtml(ctx, renderMine(renderer(ctx), view));
  });

  return {
    name: 'wall',
    commands: [
      { command: 'wall', minRole: 'staff', chats: 'any', help: 'menu.wall' },
      { command: 'mine', minRole: 'staff', chats: 'any', help: 'menu.mine' },
    ],
    composer,
    reactsTo: [],
  };
}
