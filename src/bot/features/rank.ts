import { Composer } from 'telegraf';
import { metricName } from '../../domain/metrics/catalog.ts';
import { resolveFigure, type Figure } from '../../domain/metrics/derive.ts';
import type { MetricQuery } from '../../domain/metrics/query.ts';
import { rankGroups, rankOrder } from '../../domain/metrics/rank.ts';
import { COURT_UNIT, type MetricDef } from '../../domain/metrics/types.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { renderRank } from '../../render/rank.ts';
import { replyHtml } from '../reply.ts';
import { queryContext } from './metric-query.ts';
import { defaultBasis, latestPeriodFor, suggestionButtons, unitLabel, withMetric } from './metric-support.ts';

export type RankDeps = FeatureDeps<'metrics' | 'org', 'timeZone', 'clock'>;

async function answerRank(deps: RankDeps, ctx: BotContext, def: MetricDef, query: Omit<MetricQuery, 'name'>): Promise<void> {
  const basis = query.basis ?? defaultBasis(query.period);
  const period = query.period ?? latestPeriodFor(deps, def.code, COURT_UNIT, basis);
  const name = metricName(def, ctx.lang);
  if (!period) {
    await replyHtml(ctx, ctx.t('metric.noDataAtAll', { metric: name, unit: unitLabel(deps, ctx, COURT_UNIT) }));
    return;
  }
  const observations = deps.store.metrics.observations({ metric: def.code });
  const units = deps.store.org.units();
  const court = resolveFigure(def, observations, { unit: COURT_UNIT, period, basis }, units);
  const order = def.direction === 'range' ? 'range' : def.direction === 'down' ? 'down' : 'up';
  // Divisions, teams and party branches are never ranked together: a branch spans divisions.
  const groups = rankGroups(units, observations.filter((o) => o.unit !== COURT_UNIT).map((o) => o.unit)).map((group) => ({
    kind: group.kind,
    units: group.units
      .map((unit) => resolveFigure(def, observations, { unit, period, basis }, units))
      .filter((f): f is Figure => f !== undefined)
      .sort(rankOrder(def, period))
      .map((figure) => ({ label: unitLabel(deps, ctx, figure.unit), figure })),
  }));
  await replyHtml(ctx, renderRank(ctx.lang, { def, period, basis, ...(court ? { court } : {}), groups, order }));
}

/** /rank <name> [period]: the court's imported rank among the city's courts, and its units ordered on the indicator. */
export function createRankFeature(deps: RankDeps): Feature {
  const composer = new Composer<BotContext>();
  composer.command('rank', (ctx) => withMetric(deps, ctx, ctx.payload, queryContext(deps), 'mr', answerRank));
  composer.use(suggestionButtons(deps, 'mr', answerRank));
  return { name: 'rank', commands: [{ command: 'rank', minRole: 'staff', chats: 'any', help: 'menu.rank' }], composer, reactsTo: ['callback'] };
}
