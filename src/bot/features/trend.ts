import { Composer } from 'telegraf';
import { svgToPng } from '../../chart/render-png.ts';
import { buildLineChartSvg } from '../../chart/svg-line-chart.ts';
import { metricName } from '../../domain/metrics/catalog.ts';
import { resolveFigure } from '../../domain/metrics/derive.ts';
import { periodsEndingAt } from '../../domain/metrics/period.ts';
import type { MetricQuery } from '../../domain/metrics/query.ts';
import { COURT_UNIT, type MetricDef } from '../../domain/metrics/types.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { formatPeriodSpan } from '../../render/period.ts';
import { replyHtml } from '../reply.ts';
import { buildTrendChartSpec } from '../../render/trend-chart.ts';
import { queryContext } from './metric-query.ts';
import { latestPeriodFor, suggestionButtons, unitLabel, withMetric } from './metric-support.ts';

export type TrendDeps = FeatureDeps<'metrics' | 'org', 'timeZone', 'clock'>;

const CAPTION_LIMIT = 1024;

async function answerTrend(deps: TrendDeps, ctx: BotContext, def: MetricDef, query: Omit<MetricQuery, 'name'>): Promise<void> {
  const unit = query.unit ?? COURT_UNIT;
  const basis = query.basis ?? 'ytd';
  const name = metricName(def, ctx.lang);
  const label = unitLabel(deps, ctx, unit);
  const last = query.period ?? latestPeriodFor(deps, def.code, unit, basis);
  const observations = deps.store.metrics.observations({ metric: def.code });
  const points = last ? periodsEndingAt(last, 12).map((period) => ({ period, value: resolveFigure(def, observations, { unit, period, basis })?.value })) : [];
  if (!last || points.every((p) => p.value === undefined)) {
    await replyHtml(ctx, ctx.t('trend.noData', { metric: name, unit: label }));
    return;
  }
  const png = await svgToPng(buildLineChartSvg(buildTrendChartSpec({ t: ctx.t, lang: ctx.lang, def, scope: label, basis, points })));
  const caption = ctx.t('trend.caption', { metric: name, unit: label, span: formatPeriodSpan(ctx.lang, points[0]!.period, last), basis: ctx.t(`basis.${basis}`) });
  await ctx.replyWithPhoto({ source: png, filename: `${def.code}.png` }, { caption: caption.slice(0, CAPTION_LIMIT), parse_mode: 'HTML' });
}

/** /trend <name> [unit]: a PNG line chart of the last twelve periods, titled in the chart and in the caption. */
export function createTrendFeature(deps: TrendDeps): Feature {
  const composer = new Composer<BotContext>();
  composer.command('trend', (ctx) => withMetric(deps, ctx, ctx.payload, queryContext(deps), 'mt', answerTrend));
  composer.use(suggestionButtons(deps, 'mt', answerTrend));
  return { name: 'trend', commands: [{ command: 'trend', minRole: 'staff', chats: 'any', help: 'menu.trend' }], composer, reactsTo: ['callback'] };
}
