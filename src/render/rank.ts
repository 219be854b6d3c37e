import type { Lang } from '../domain/language.ts';
import { metricName } from '../domain/metrics/catalog.ts';
import type { Figure } from '../domain/metrics/derive.ts';
import type { Basis, MetricDef } from '../domain/metrics/types.ts';
import { formatFigure } from './figures.ts';
import { formatPeriod } from './period.ts';
import { statusMark } from './status.ts';
import { metricStatus } from '../domain/metrics/status.ts';
import { tr } from './translate.ts';

export interface RankView {
  def: MetricDef;
  period: string;
  basis: Basis;
  court?: Figure;
  /** Divisions, teams and branches apart (a branch spans divisions), each already in order, with names. */
  groups: { kind: 'divisions' | 'teams' | 'branches'; units: { label: string; figure: Figure }[] }[];
  /** How the units are ordered: by value, or by distance to the range and target. */
  order: 'up' | 'down' | 'range';
}

/** /rank: the court's imported rank, and its units in order on the indicator. */
export function renderRank(lang: Lang, view: RankView): string {
  const t = tr(lang);
  const { def, court } = view;
  const value = (f: Figure) => formatFigure(lang, def, f.value);
  const lines = [t('rank.title', { metric: metricName(def, lang), period: formatPeriod(lang, view.period, view.basis) })];
  if (court?.rank !== undefined && court.rankTotal !== undefined) lines.push(t('rank.court', { rank: court.rank, total: court.rankTotal, value: value(court) }));
  else if (court) lines.push(t('rank.courtNone', { value: value(court) }));
  const groups = view.groups.filter((g) => g.units.length > 0);
  if (groups.length === 0) lines.push(t('rank.noUnits'));
  for (const group of groups) {
    lines.push('', t('rank.unitsHeader', { group: t(`rank.group.${group.kind}`), order: t(`rank.order.${view.order}`) }));
    group.units.forEach(({ label, figure }, i) =>
      lines.push(t('rank.unitLine', { n: i + 1, unit: label, value: value(figure), mark: statusMark(def, figure.value, metricStatus(def, figure.value, view.period)) })),
    );
  }
  lines.push('', t('rank.note'));
  return lines.join('\n');
}
