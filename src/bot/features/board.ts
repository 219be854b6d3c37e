import { Composer } from 'telegraf';
import { metricName } from '../../domain/metrics/catalog.ts';
import { resolveFigure } from '../../domain/metrics/derive.ts';
import { findPeriod } from '../../domain/metrics/period.ts';
import { COURT_UNIT, METRIC_GROUPS } from '../../domain/metrics/types.ts';
import type { BotContext, BotDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { requireRole } from '../middleware/guards.ts';
import { formatValue, statusMark } from '../render/metrics.ts';
import { replyHtml } from '../reply.ts';

/** /board [period]: the court's board indicators (catalog flag `board`), grouped, marked ✅/⚠️. */
export function createBoardFeature(deps: BotDeps): Feature {
  const composer = new Composer<BotContext>();
  composer.command('board', requireRole('staff'), async (ctx) => {
    const board = deps.store.metrics.catalog().filter((def) => def.board);
    const codes = new Set(board.map((def) => def.code));
    const asked = findPeriod(ctx.payload, deps.clock.now(), deps.config.timeZone)?.period;
    const period = asked ?? deps.store.metrics.periods({ basis: 'ytd' }).filter((p) => deps.store.metrics.observations({ period: p }).some((o) => codes.has(o.metric))).at(-1);
    if (!period || board.length === 0) {
      await replyHtml(ctx, ctx.t('board.empty'));
      return;
    }
    const lines = [ctx.t('board.title', { period, basis: ctx.t('basis.ytd') })];
    for (const group of METRIC_GROUPS) {
      const defs = board.filter((def) => def.group === group);
      if (defs.length === 0) continue;
      lines.push('', ctx.t('board.group', { group: ctx.t(`group.${group}`) }));
      for (const def of defs) {
        const figure = resolveFigure(def, deps.store.metrics.observations({ metric: def.code }), { unit: COURT_UNIT, period, basis: 'ytd' });
        const name = metricName(def, ctx.lang);
        if (!figure) {
          lines.push(ctx.t('board.missing', { metric: name }));
          continue;
        }
        const rank = figure.rank !== undefined && figure.rankTotal !== undefined ? ctx.t('board.rank', { rank: figure.rank, total: figure.rankTotal }) : '';
        lines.push(ctx.t('board.line', { mark: statusMark(def, figure.value), metric: name, value: formatValue(ctx.t, ctx.lang, def, figure.value), rank }));
      }
    }
    lines.push('', ctx.t('board.legend'));
    await replyHtml(ctx, lines.join('\n'));
  });
  return { name: 'board', commands: [{ command: 'board', minRole: 'staff', chats: 'any', help: 'menu.board' }], composer, reactsTo: [] };
}
