import { Composer } from 'telegraf';
import { metricName } from '../../domain/metrics/catalog.ts';
import { resolveFigure, type Figure } from '../../domain/metrics/derive.ts';
import type { MetricQuery } from '../../domain/metrics/query.ts';
import { COURT_UNIT, type MetricDef } from '../../domain/metrics/types.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { renderRank } from '../../render/rank.ts';
import { replyHtml } from '../reply.ts';
import { queryContext } from './metric-query.ts';
import { latestPeriodFor, suggestionButtons, unitLabel, withMetric } from './metric-support.ts';

export type RankDeps = FeatureDeps<'metrics' | 'org', 'timeZone', 'clock'>;

async function answerRank(deps: RankDeps, ctx: BotContext, def: MetricDef, query: Omit<MetricQuery, 'name'>): Promise<void> {
  const basis = query.basis ?? 'ytd';
  const period = query.period ?? latestPeriodFor(deps, def.code, COURT_UNIT, basis);
  const name = metricName(def, ctx.lang);
  if (!period) {
    await replyHtml(ctx, ctx.t('metric.noDataAtAll', { metric: name, unit: unitLabel(deps, ctx, COURT_UNIT) }));
    return;
  }
  const observations = deps.store.metrics.observations({ metric: def.code });
  const court = resolveFigure(def, observations, { unit: COURT_UNIT, period, basis });
  const order = def.direction === 'down' ? 'down' : 'up';
  const unitCodes = [...new Set(observations.filter((o) => o.unit !== COURT_UNIT).map((o) => o.unit))];
  const units = unitCodes
    .map((unit) => resolveFigure(def, observations, { unit, period, basis }))
    .filter((f): f is Figure => f !== undefined)
    .sort((a, b) => (order === 'down' ? a.value - b.value : b.value - a.value))
    .map((figure) => ({ label: unitLabel(deps, ctx, figure.unit), figure }));
  await replyHtml(ctx, renderRank(ctx.lang, { def, period, basis, ...(court ? { court } : {}), units, order }));
}

/** /rank <name> [period]: the court's imported rank among the city's courts, and its units ordered on the indicator. */
export function createRankFeature(deps: RankDeps): Feature {
  const composer = new Composer<BotContext>();
  composer.command('rank', (ctx) => withMetric(deps, ctx, ctx.payload, queryContext(deps), 'mr', answerRank));
  composer.use(suggestionButtons(deps, 'mr', answerRank));
  return { name: 'rank', commands: [{ command: 'rank', minRole: 'staff', chats: 'any', help: 'menu.rank' }], composer, reactsTo: ['callback'] };
}
