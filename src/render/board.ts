import type { Lang } from '../domain/language.ts';
import { metricName } from '../domain/metrics/catalog.ts';
import type { Figure } from '../domain/metrics/derive.ts';
import type { MetricDef, MetricGroup } from '../domain/metrics/types.ts';
import { formatFigure } from './figures.ts';
import { formatPeriod } from './period.ts';
import { statusMark } from './status.ts';
import { tr } from './translate.ts';

export interface BoardView {
  /** `YYYY-MM`, year to date. */
  period: string;
  groups: { group: MetricGroup; entries: { def: MetricDef; figure?: Figure }[] }[];
}

/** /board: the board indicators of one period, grouped, marked ✅/⚠️, rank only where imported. */
export function renderBoard(lang: Lang, view: BoardView): string {
  const t = tr(lang);
  const lines = [t('board.title', { period: formatPeriod(lang, view.period, 'ytd') })];
  for (const { group, entries } of view.groups) {
    if (entries.length === 0) continue;
    lines.push('', t('board.group', { group: t(`group.${group}`) }));
    for (const { def, figure } of entries) {
      const name = metricName(def, lang);
      if (!figure) {
        lines.push(t('board.missing', { metric: name }));
        continue;
      }
      const rank = figure.rank !== undefined && figure.rankTotal !== undefined ? t('board.rank', { rank: figure.rank, total: figure.rankTotal }) : '';
      lines.push(t('board.line', { mark: statusMark(def, figure.value), metric: name, value: formatFigure(lang, def, figure.value), rank }));
    }
  }
  lines.push('', t('board.legend'));
  return lines.join('\n');
}
