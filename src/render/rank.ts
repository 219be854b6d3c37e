import type { Lang } from '../domain/language.ts';
import { metricName } from '../domain/metrics/catalog.ts';
import type { Figure } from '../domain/metrics/derive.ts';
import type { Basis, MetricDef } from '../domain/metrics/types.ts';
import { formatFigure } from './figures.ts';
import { formatPeriod } from './period.ts';
import { statusMark } from './status.ts';
import { tr } from './translate.ts';

export interface RankView {
  def: MetricDef;
  period: string;
  basis: Basis;
  court?: Figure;
  /** Already in the order to show, with the units' names. */
  units: { label: string; figure: Figure }[];
  /** How `units` are ordered. */
  order: 'up' | 'down';
}

/** /rank: the court's imported rank, and its units in order on the indicator. */
export function renderRank(lang: Lang, view: RankView): string {
  const t = tr(lang);
  const { def, court } = view;
  const value = (f: Figure) => formatFigure(lang, def, f.value);
  const lines = [t('rank.title', { metric: metricName(def, lang), period: formatPeriod(lang, view.period, view.basis) })];
  if (court?.rank !== undefined && court.rankTotal !== undefined) lines.push(t('rank.court', { rank: court.rank, total: court.rankTotal, value: value(court) }));
  else if (court) lines.push(t('rank.courtNone', { value: value(court) }));
  if (view.units.length === 0) lines.push(t('rank.noUnits'));
  else {
    lines.push('', t('rank.unitsHeader', { order: t(view.order === 'down' ? 'rank.orderDown' : 'rank.orderUp') }));
    view.units.forEach(({ label, figure }, i) => lines.push(t('rank.unitLine', { n: i + 1, unit: label, value: value(figure), mark: statusMark(def, figure.value) })));
  }
  lines.push('', t('rank.note'));
  return lines.join('\n');
}
