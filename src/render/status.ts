import type { Lang } from '../domain/language.ts';
import type { Figure } from '../domain/metrics/derive.ts';
import { metricStatus, type MetricStatus } from '../domain/metrics/status.ts';
import type { MetricDef } from '../domain/metrics/types.ts';
import { formatFigure } from './figures.ts';
import { tr } from './translate.ts';

/**
 * Range and target each in their own words (COURT-PRACTICE.md): ✅ 在合理区间内，未达目标（100.00%）;
 * plus the warning line when it was passed. Pass the status of the figure's period for monthly targets.
 */
export function formatStatus(lang: Lang, def: MetricDef, value: number, status: MetricStatus = metricStatus(def, value)): string {
  const t = tr(lang);
  const parts: string[] = [];
  if (status.range) parts.push(t(`status.range.${status.range}`));
  if (status.target && status.targetValue !== undefined) {
    const text = t(`status.target.${status.target}`, { target: formatFigure(lang, def, status.targetValue) });
    parts.push(parts.length === 0 ? (status.target === 'met' ? '✅ ' : '⚠️ ') + text : text);
  }
  if (parts.length === 0) return def.direction === 'none' ? '' : t('status.no_reference');
  const warn = def.reference.warn;
  return parts.join(t('status.joiner')) + (status.warning && warn !== undefined ? t('status.warning', { warn: formatFigure(lang, def, warn) }) : '');
}

/** ✅ or ⚠️ for lists; · when nothing is set. */
export function statusMark(def: MetricDef, value: number, status: MetricStatus = metricStatus(def, value)): string {
  if (status.kind === 'no_reference') return '·';
  return status.ok && !status.warning ? '✅' : '⚠️';
}

/** `区间 85.00%–99.50%，目标 ≥ 90.00%`: the reference as set in the catalog. */
export function formatReference(lang: Lang, def: MetricDef): string {
  const t = tr(lang);
  const { min, max, target } = def.reference;
  const v = (n: number) => formatFigure(lang, def, n);
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

/** 排名：第1名/共16家, only where a rank was imported. */
export function formatRank(lang: Lang, figure: Pick<Figure, 'rank' | 'rankTotal'>): string | undefined {
  const t = tr(lang);
  if (figure.rank === undefined) return undefined;
  return figure.rankTotal === undefined ? t('metric.rankOnly', { rank: figure.rank }) : t('metric.rank', { rank: figure.rank, total: figure.rankTotal });
}
