import { Composer } from 'telegraf';
import { metricName } from '../../domain/metrics/catalog.ts';
import { resolveFigure, type Figure } from '../../domain/metrics/derive.ts';
import type { MetricQuery } from '../../domain/metrics/query.ts';
import { COURT_UNIT, type MetricDef } from '../../domain/metrics/types.ts';
import type { BotContext, BotDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { requireRole } from '../middleware/guards.ts';
import { formatValue, statusMark } from '../render/metrics.ts';
import { replyHtml } from '../reply.ts';
import { queryContext } from './metric-query.ts';
import { latestPeriodFor, suggestionButtons, unitLabel, withMetric } from './metric-support.ts';

async function answerRank(deps: BotDeps, ctx: BotContext, def: MetricDef, query: Omit<MetricQuery, 'name'>): Promise<void> {
  const basis = query.basis ?? 'ytd';
  const period = query.period ?? latestPeriodFor(deps, def.code, COURT_UNIT, basis);
  const name = metricName(def, ctx.lang);
  if (!period) {
    await replyHtml(ctx, ctx.t('metric.noDataAtAll', { metric: name, unit: unitLabel(deps, ctx, COURT_UNIT) }));
    return;
  }
  const observations = deps.store.metrics.observations({ metric: def.code });
  const value = (f: Figure) => formatValue(ctx.t, ctx.lang, def, f.value);
  const court = resolveFigure(def, observations, { unit: COURT_UNIT, period, basis });
  const lines = [ctx.t('rank.title', { metric: name, period, basis: ctx.t(`basis.${basis}`) })];
  if (court?.rank !== undefined && court.rankTotal !== undefined) lines.push(ctx.t('rank.court', { rank: court.rank, total: court.rankTotal, value: value(court) }));
  else if (court) lines.push(ctx.t('rank.courtNone', { value: value(court) }));
  const unitCodes = [...new Set(observations.filter((o) => o.unit !== COURT_UNIT).map((o) => o.unit))];
  const figures = unitCodes
    .map((unit) => resolveFigure(def, observations, { unit, period, basis }))
    .filter((f): f is Figure => f !== undefined)
    .sort((a, b) => (def.direction === 'down' ? a.value - b.value : b.value - a.value));
  if (figures.length === 0) lines.push(ctx.t('rank.noUnits'));
  else {
    lines.push('', ctx.t('rank.unitsHeader', { order: ctx.t(def.direction === 'down' ? 'rank.orderDown' : 'rank.orderUp') }));
    figures.forEach((f, i) => lines.push(ctx.t('rank.unitLine', { n: i + 1, unit: unitLabel(deps, ctx, f.unit), value: value(f), mark: statusMark(def, f.value) })));
  }
  lines.push('', ctx.t('rank.note'));
  await replyHtml(ctx, lines.join('\n'));
}

/** /rank <name> [period]: the court's imported rank among the city's courts, and its units ordered on the indicator. */
export function createRankFeature(deps: BotDeps): Feature {
  const composer = new Composer<BotContext>();
  composer.command('rank', requireRole('staff'), (ctx) => withMetric(deps, ctx, ctx.payload, queryContext(deps), 'mr', answerRank));
  composer.use(suggestionButtons(deps, 'mr', answerRank));
  return { name: 'rank', commands: [{ command: 'rank', minRole: 'staff', chats: 'any', help: 'menu.rank' }], composer, reactsTo: ['callback'] };
}
