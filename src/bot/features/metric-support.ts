import { Composer, Markup } from 'telegraf';
import { callbackQuery } from 'telegraf/filters';
import { findMetric, metricName, suggestMetrics } from '../../domain/metrics/catalog.ts';
import { explainFigure, figureWithChanges } from '../../domain/metrics/derive.ts';
import { periodKind } from '../../domain/metrics/period.ts';
import { formatPeriod } from '../../render/period.ts';
import { MAX_QUERY_CHARS, parseMetricQuery, type MetricQuery, type QueryContext } from '../../domain/metrics/query.ts';
import { COURT_UNIT, type Basis, type MetricDef } from '../../domain/metrics/types.ts';
import { unitName } from '../../domain/org.ts';
import { createAnswerCache, type AnswerCache } from '../answer-cache.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import { renderFigure } from '../../render/metric-answer.ts';
import { requireRole } from '../middleware/guards.ts';
import { replyHtml, words } from '../reply.ts';

/** What the metric features (query, rank, trend) use. */
export type MetricDeps = FeatureDeps<'metrics' | 'org', 'timeZone', 'clock'>;

export function unitLabel(deps: MetricDeps, ctx: BotContext, code: string): string {
  const unit = deps.store.org.unit(code);
  return unit ? unitName(unit, ctx.lang) : code;
}

/** Periods with figures for the indicator and unit (for the court: any unit, since it can be derived). */
export function periodsWithData(deps: MetricDeps, metric: string, unit: string, basis?: Basis): string[] {
  return deps.store.metrics.periods({ metric, ...(unit === COURT_UNIT ? {} : { unit }), ...(basis ? { basis } : {}) });
}

/** The latest period with figures: for the asked basis if any, else any (a month can be derived from ytd). */
export function latestPeriodFor(deps: MetricDeps, metric: string, unit: string, basis: Basis): string | undefined {
  return periodsWithData(deps, metric, unit, basis).at(-1) ?? periodsWithData(deps, metric, unit).at(-1);
}

/** A month is read year to date unless the words say 当月; a quarter or half-year is the period alone. */
export function defaultBasis(period: string | undefined): Basis {
  return period === undefined || periodKind(period) === 'month' || periodKind(period) === 'year' ? 'ytd' : 'month';
}

/** Answers one metric query: value, period, basis, changes, reference and status, rank where imported. */
export async function answerMetric(deps: MetricDeps, ctx: BotContext, def: MetricDef, query: Omit<MetricQuery, 'name'>): Promise<void> {
  const unit = query.unit ?? COURT_UNIT;
  const basis = query.basis ?? defaultBasis(query.period);
  const label = unitLabel(deps, ctx, unit);
  const key = `${ctx.lang}\u0000${def.code}\u0000${unit}\u0000${label}\u0000${query.period ?? ''}\u0000${basis}`;
  await replyHtml(ctx, answersOf(deps.store.metrics).get(key, () => buildAnswer(deps, ctx, def, { unit, basis, label, period: query.period })));
}

/** Units changed (parents, branches, aliases): answers derived from them are stale. */
export function forgetAnswers(deps: { store: Pick<MetricDeps['store'], 'metrics'> }): void {
  caches.delete(deps.store.metrics);
}

/** One cache per store: the answer depends only on the figures, the catalog, the units, the language and the unit's name. */
const caches = new WeakMap<object, AnswerCache>();
function answersOf(metrics: MetricDeps['store']['metrics']): AnswerCache {
  let cache = caches.get(metrics);
  if (!cache) caches.set(metrics, (cache = createAnswerCache(() => metrics.revision())));
  return cache;
}

function buildAnswer(deps: MetricDeps, ctx: BotContext, def: MetricDef, q: { unit: string; basis: Basis; label: string; period: string | undefined }): string {
  const name = metricName(def, ctx.lang);
  const period = q.period ?? latestPeriodFor(deps, def.code, q.unit, q.basis);
  if (!period) return ctx.t('metric.noDataAtAll', { metric: name, unit: q.label });
  const observations = deps.store.metrics.observations({ metric: def.code });
  const units = deps.store.org.units();
  const result = figureWithChanges(def, observations, { unit: q.unit, period, basis: q.basis }, units);
  if (result) return renderFigure(ctx.lang, def, q.label, result, (code) => unitLabel(deps, ctx, code));
  // Why, in one line, when the figure could have been derived but cannot be (per capita, missing parts …).
  const why = explainFigure(def, observations, { unit: q.unit, period, basis: q.basis }, units);
  const periodText = formatPeriod(ctx.lang, period, q.basis);
  const lines =
    why.reason && why.reason !== 'no_data'
      ? [ctx.t('metric.why', { metric: name, unit: q.label, period: periodText, reason: ctx.t(`metric.why.${why.reason}`, { needs: why.needs ? formatPeriod(ctx.lang, why.needs, 'ytd') : '' }) })]
      : [ctx.t('metric.noData', { metric: name, unit: q.label, period: periodText })];
  const periods = periodsWithData(deps, def.code, q.unit);
  lines.push(periods.length > 0 ? ctx.t('metric.periodsWithData', { periods: periods.slice(-12).map((p) => formatPeriod(ctx.lang, p, 'month')).join(ctx.lang === 'zh' ? '、' : ', ') }) : ctx.t('metric.noDataAtAll', { metric: name, unit: q.label }));
  return lines.join('\n');
}

/** `mq:<code>:<period>:<unit>:<basis>`, dropping the extras if Telegram's 64-byte limit would be passed. */
export function suggestionData(prefix: string, code: string, query: Omit<MetricQuery, 'name'>): string {
  const full = `${prefix}:${code}:${query.period ?? ''}:${query.unit ?? ''}:${query.basis ?? ''}`;
  return Buffer.byteLength(full) <= 64 ? full : `${prefix}:${code}`.slice(0, 64);
}

/** `prefix` tells which answer the button asks for: mq (figure), mr (rank), mt (trend). */
export function parseSuggestionData(data: string, expected: string): { code: string; query: Omit<MetricQuery, 'name'> } | undefined {
  const [prefix, code, period, unit, basis] = data.split(':');
  if (prefix !== expected || !code) return undefined;
  return {
    code,
    query: {
      ...(period ? { period } : {}),
      ...(unit ? { unit } : {}),
      ...(basis === 'ytd' || basis === 'month' ? { basis } : {}),
    },
  };
}

/** An unknown name: the three nearest indicators as buttons that answer the same query. */
export async function replySuggestions(deps: MetricDeps, ctx: BotContext, name: string, query: Omit<MetricQuery, 'name'>, prefix = 'mq'): Promise<void> {
  const near = suggestMetrics(deps.store.metrics.catalog(), name, 3);
  const buttons = near.map((def) => [Markup.button.callback(metricName(def, ctx.lang), suggestionData(prefix, def.code, query))]);
  await replyHtml(ctx, ctx.t('metric.unknown', { name }), Markup.inlineKeyboard(buttons));
}

const dataButton = callbackQuery('data');

type Answer = (deps: MetricDeps, ctx: BotContext, def: MetricDef, query: Omit<MetricQuery, 'name'>) => Promise<void>;

/** Handles the suggestion buttons of one prefix: staff only, answered at once. One step, no empty first one: every button passes here. */
export function suggestionButtons(deps: MetricDeps, prefix: string, answer: Answer): Composer<BotContext> {
  return new Composer<BotContext>(Composer.on<BotContext, typeof dataButton>(dataButton, async (ctx, next) => {
    const parsed = parseSuggestionData(ctx.callbackQuery.data, prefix);
    if (!parsed) return next();
    return requireRole('staff')(ctx, async () => {
      await ctx.answerCbQuery();
      const def = deps.store.metrics.metric(parsed.code);
      if (def) await answer(deps, ctx, def, parsed.query);
    });
  }));
}

/** Command payload → indicator, or the three nearest as buttons (`prefix` picks the answer they give). */
export async function withMetric(deps: MetricDeps, ctx: BotContext, payload: string, queryContext: QueryContext, prefix: string, answer: Answer): Promise<void> {
  // Checked before any parsing: every step after it is bounded by this length.
  if ([...payload].length > MAX_QUERY_CHARS) return void (await replyHtml(ctx, ctx.t('metric.tooLong', { limit: MAX_QUERY_CHARS })));
  const query = parseMetricQuery(payload, queryContext);
  if (!query) {
    await replyHtml(ctx, ctx.t('metric.usage'));
    return;
  }
  const { name, ...rest } = query;
  const catalog = deps.store.metrics.catalog();
  const def = findMetric(catalog, name);
  if (def) return answer(deps, ctx, def, rest);
  // `终本率 火星庭`: one word names an indicator, the rest is an unknown unit or a bad period.
  const parts = words(name);
  const known = parts.map((part) => findMetric(catalog, part));
  const found = known.filter((d) => d !== undefined);
  if (parts.length > 1 && found.length === 1) {
    const unknown = parts.filter((_, i) => known[i] === undefined).join(' ');
    await replyHtml(ctx, ctx.t('metric.unknownPart', { metric: metricName(found[0]!, ctx.lang), part: unknown }));
    return;
  }
  await replySuggestions(deps, ctx, name, rest, prefix);
}
