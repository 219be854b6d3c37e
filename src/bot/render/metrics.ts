import type { Lang } from '../../config.ts';
import { metricName } from '../../domain/metrics/catalog.ts';
import { isImprovement, type Change, type Figure, type FigureWithChanges } from '../../domain/metrics/derive.ts';
import { metricStatus } from '../../domain/metrics/status.ts';
import type { MetricDef } from '../../domain/metrics/types.ts';
import type { Translate } from '../../text/i18n.ts';
import { formatPp } from '../../domain/digests/format.ts';

function trim(n: number, decimals: number): string {
  return String(Number(n.toFixed(decimals)));
}

// toLocaleString with options builds a new Intl.NumberFormat on every call (a tenth of a millisecond or more):
// made once per precision instead, it was a fifth of the CPU of a metric query (npm run bench).
const groupers = new Map<number, Intl.NumberFormat>();
function grouped(n: number, decimals: number): string {
  let format = groupers.get(decimals);
  if (!format) groupers.set(decimals, (format = new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals })));
  return format.format(n);
}

/** A value in the indicator's unit: `10.47%`, `3.2‱`, `1.32`, `56 天`, `1,234 件`, `8,081.00 万元`. */
export function formatValue(t: Translate, lang: Lang, def: MetricDef, value: number): string {
  switch (def.unit) {
    case '%':
      return `${value.toFixed(2)}%`;
    case '‱':
      return `${value.toFixed(2)}‱`;
    case 'ratio':
      return value.toFixed(2);
    case 'days':
      return t('unit.days', { value: trim(value, 1) });
    case 'cases':
      return t('unit.cases', { value: grouped(value, 1) });
    case 'yuan':
      return lang === 'zh' && Math.abs(value) >= 10_000
        ? t('unit.wanYuan', { value: grouped(value / 10_000, 2) })
        : t('unit.yuan', { value: grouped(value, 2) });
  }
}

function signed(text: string, n: number): string {
  return n > 0 ? `+${text}` : text;
}

export function formatChange(t: Translate, lang: Lang, def: MetricDef, change: Change | undefined): string {
  if (!change) return t('change.none');
  let text: string;
  if (def.unit === '%' || def.unit === '‱') text = t('change.points', { delta: formatPp(change.delta) });
  else {
    const delta = signed(formatValue(t, lang, def, change.delta), change.delta);
    text =
      change.relative === undefined
        ? t('change.plain', { delta })
        : t('change.relative', { delta, percent: signed(`${(change.relative * 100).toFixed(1)}%`, change.relative) });
  }
  // A change that shows as ±0.00 is neither better nor worse to the reader.
  const better = text.startsWith('±') ? undefined : isImprovement(def, change);
  return text + (better === undefined ? '' : t(better ? 'change.better' : 'change.worse'));
}

/** `区间 85.00%–99.50%，目标 ≥ 90.00%`: the reference as set in the catalog. */
export function formatReference(t: Translate, lang: Lang, def: MetricDef): string {
  const { min, max, target } = def.reference;
  const v = (n: number) => formatValue(t, lang, def, n);
  const parts: string[] = [];
  if (min !== undefined && max !== undefined) parts.push(t('ref.range', { min: v(min), max: v(max) }));
  else if (min !== undefined) parts.push(t('ref.min', { min: v(min) }));
  else if (max !== undefined) parts.push(t('ref.max', { max: v(max) }));
  if (target !== undefined) {
    const key = def.direction === 'up' ? 'ref.targetUp' : def.direction === 'down' ? 'ref.targetDown' : 'ref.target';
    parts.push(t(key, { target: v(target) }));
  }
  return parts.length === 0 ? t('ref.none') : parts.join(t('ref.joiner'));
}

export function formatStatus(t: Translate, lang: Lang, def: MetricDef, value: number): string {
  const status = metricStatus(def, value);
  const key = status.kind === 'out_of_range' ? (status.side === 'low' ? 'status.out_of_range.low' : 'status.out_of_range.high') : `status.${status.kind}` as const;
  const warn = def.reference.warn;
  return t(key) + (status.warning && warn !== undefined ? t('status.warning', { warn: formatValue(t, lang, def, warn) }) : '');
}

/** ✅ or ⚠️ for lists. */
export function statusMark(def: MetricDef, value: number): string {
  const status = metricStatus(def, value);
  if (status.kind === 'no_reference') return '·';
  return status.ok && !status.warning ? '✅' : '⚠️';
}

export function formatRank(t: Translate, figure: Figure): string | undefined {
  if (figure.rank === undefined) return undefined;
  return figure.rankTotal === undefined ? t('metric.rankOnly', { rank: figure.rank }) : t('metric.rank', { rank: figure.rank, total: figure.rankTotal });
}

/** The full answer to a metric query; every line balanced HTML. */
export function renderFigure(t: Translate, lang: Lang, def: MetricDef, unitLabel: string, result: FigureWithChanges): string {
  const { figure } = result;
  const lines = [
    t('metric.title', { metric: metricName(def, lang), unit: unitLabel }),
    t('metric.periodLine', { period: figure.period, basis: t(`basis.${figure.basis}`) }),
    t('metric.valueLine', { value: formatValue(t, lang, def, figure.value), status: formatStatus(t, lang, def, figure.value) }),
    t('metric.vsPrevious', { change: formatChange(t, lang, def, result.vsPrevious) }),
    t('metric.vsLastYear', { change: formatChange(t, lang, def, result.vsLastYear) }),
    t('metric.reference', { reference: formatReference(t, lang, def) }),
  ];
  const rank = formatRank(t, figure);
  if (rank) lines.push(rank);
  if (figure.numerator !== undefined && figure.denominator !== undefined) {
    lines.push(t('metric.parts', { numerator: grouped(figure.numerator, 2), denominator: grouped(figure.denominator, 2) }));
  }
  if (figure.derived) lines.push(t(`metric.derived.${figure.derived}`));
  return lines.join('\n');
}
