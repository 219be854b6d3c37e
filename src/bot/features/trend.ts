import { Composer } from 'telegraf';
import { svgToPng } from '../../chart/render-png.ts';
import { buildLineChartSvg } from '../../chart/svg-line-chart.ts';
import { metricName } from '../../domain/metrics/catalog.ts';
import { resolveFigure } from '../../domain/metrics/derive.ts';
import { endMonth, periodKind, periodOfMonth, periodsEndingAt, previousPeriod, type PeriodKind } from '../../domain/metrics/period.ts';
import type { MetricQuery } from '../../domain/metrics/query.ts';
import { COURT_UNIT, type MetricDef } from '../../domain/metrics/types.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { formatPeriodSpan } from '../../render/period.ts';
import { replyHtml } from '../reply.ts';
import { buildTrendChartSpec } from '../../render/trend-chart.ts';
import { queryContext } from './metric-query.ts';
import { defaultBasis, latestPeriodFor, suggestionButtons, unitLabel, withMetric } from './metric-support.ts';
import { cutText } from '../../domain/cut-text.ts';

export type TrendDeps = FeatureDeps<'metrics' | 'org', 'timeZone', 'clock'>;

const CAPTION_LIMIT = 1024;

const SERIES_WORDS: { re: RegExp; kind: PeriodKind }[] = [
  { re: /(按季度?|季度|quarterly|by\s+quarter)/i, kind: 'quarter' },
  { re: /(按半年|半年度|half-yearly|by\s+half)/i, kind: 'half' },
  { re: /(按年度?|逐年|yearly|by\s+year)/i, kind: 'year' },
];

/** The latest complete period of `kind` up to a month with data: Q2 when the data end in August. */
function latestComplete(month: string, kind: PeriodKind): string {
  const period = periodOfMonth(month, kind);
  return endMonth(period) > month ? previousPeriod(period) : period;
}

async function answerTrend(deps: TrendDeps, ctx: BotContext, def: MetricDef, query: Omit<MetricQuery, 'name'>, seriesKind?: PeriodKind): Promise<void> {
  const unit = query.unit ?? COURT_UNIT;
  const kind = query.period ? periodKind(query.period) : (seriesKind ?? 'month');
  // Months run year to date; quarters and half-years are each the period alone (2024年第三季度).
  const basis = query.basis ?? (kind === 'month' ? 'ytd' : defaultBasis(`2000-${kind === 'quarter' ? 'Q1' : kind === 'half' ? 'H1' : '12'}`));
  const name = metricName(def, ctx.lang);
  const label = unitLabel(deps, ctx, unit);
  const latestMonth = latestPeriodFor(deps, def.code, unit, 'ytd');
  const last = query.period ?? (latestMonth && (kind === 'month' ? latestMonth : latestComplete(latestMonth, kind)));
  const observations = deps.store.metrics.observations({ metric: def.code });
  const units = deps.store.org.units();
  const count = kind === 'month' ? 12 : kind === 'quarter' ? 8 : kind === 'half' ? 6 : 5;
  const points = last ? periodsEndingAt(last, count).map((period) => ({ period, value: resolveFigure(def, observations, { unit, period, basis }, units)?.value })) : [];
  if (!last || points.every((p) => p.value === undefined)) {
    await replyHtml(ctx, ctx.t('trend.noData', { metric: name, unit: label }));
    return;
  }
  const png = await svgToPng(buildLineChartSvg(buildTrendChartSpec({ t: ctx.t, lang: ctx.lang, def, scope: label, basis, points })));
  const caption = ctx.t('trend.caption', { metric: name, unit: label, span: formatPeriodSpan(ctx.lang, points[0]!.period, last), basis: ctx.t(`basis.${basis}`) });
  await ctx.replyWithPhoto({ source: png, filename: `${def.code}.png` }, { caption: cutText(caption, CAPTION_LIMIT), parse_mode: 'HTML' });
}

/** /trend <name> [unit]: a PNG line chart of the last twelve periods, titled in the chart and in the caption. */
export function createTrendFeature(deps: TrendDeps): Feature {
  const composer = new Composer<BotContext>();
  composer.command('trend', (ctx) => {
    const series = SERIES_WORDS.find((w) => w.re.test(ctx.payload));
    const payload = series ? ctx.payload.replace(series.re, ' ') : ctx.payload;
    return withMetric(deps, ctx, payload, queryContext(deps), 'mt', (d, c, def, query) => answerTrend(d, c, def, query, series?.kind));
  });
  composer.use(suggestionButtons(deps, 'mt', answerTrend));
  return { name: 'trend', commands: [{ command: 'trend', minRole: 'staff', chats: 'any', help: 'menu.trend' }], composer, reactsTo: ['callback'] };
}
