import { Composer } from 'telegraf';
import { resolveFigure } from '../../domain/metrics/derive.ts';
import { findPeriod } from '../../domain/metrics/period.ts';
import { COURT_UNIT, METRIC_GROUPS } from '../../domain/metrics/types.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { renderBoard } from '../../render/board.ts';
import { replyHtml } from '../reply.ts';
import { defaultBasis } from './metric-support.ts';

export type BoardDeps = FeatureDeps<'metrics' | 'org', 'timeZone' | 'digestRanks', 'clock'>;

/** /board [period]: the court's board indicators (catalog flag `board`), grouped, marked ✅/⚠️. */
export function createBoardFeature(deps: BoardDeps): Feature {
  const composer = new Composer<BotContext>();
  composer.command('board', async (ctx) => {
    const board = deps.store.metrics.catalog().filter((def) => def.board);
    const codes = new Set(board.map((def) => def.code));
    const found = findPeriod(ctx.payload, deps.clock.now(), deps.config.timeZone);
    const asked = found?.period;
    const basis = /当月|当期|\bmonth\b/i.test(ctx.payload) ? 'month' : (found?.basis ?? defaultBasis(asked));
    const rest = ctx.payload.replace(found?.matched ?? '', ' ').replace(/当月|当期|\bmonth\b|累计|\bytd\b/gi, ' ').trim();
    if (rest !== '') return void (await replyHtml(ctx, ctx.t('board.unknownPeriod', { text: rest.slice(0, 40) })));
    const units = deps.store.org.units();
    const period = asked ?? deps.store.metrics.periods({ basis: 'ytd' }).filter((p) => deps.store.metrics.observations({ period: p }).some((o) => codes.has(o.metric))).at(-1);
    if (!period || board.length === 0) {
      await replyHtml(ctx, ctx.t('board.empty'));
      return;
    }
    const observations = (code: string) => deps.store.metrics.observations({ metric: code });
    const groups = METRIC_GROUPS.map((group) => ({
      group,
      entries: board
        .filter((def) => def.group === group)
        .map((def) => ({ def, figure: resolveFigure(def, observations(def.code), { unit: COURT_UNIT, period, basis }, units) })),
    }));
    await replyHtml(ctx, renderBoard(ctx.lang, { period, basis, groups, ranks: deps.config.digestRanks }));
  });
  return { name: 'board', commands: [{ command: 'board', minRole: 'staff', chats: 'any', help: 'menu.board' }], composer, reactsTo: [] };
}
