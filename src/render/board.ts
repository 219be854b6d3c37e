import type { Lang } from '../domain/language.ts';
import { metricName } from '../domain/metrics/catalog.ts';
import type { Figure } from '../domain/metrics/derive.ts';
import type { Basis, MetricDef, MetricGroup } from '../domain/metrics/types.ts';
import { metricStatus } from '../domain/metrics/status.ts';
import { formatFigure } from './figures.ts';
import { formatPeriod } from './period.ts';
import { statusMark } from './status.ts';
import { tr } from './translate.ts';

export interface BoardView {
  /** A period code (`YYYY-MM`, `YYYY-Qn`, `YYYY-Hn`, `YYYY`) with its basis (year to date by default). */
  period: string;
  basis?: Basis;
  groups: { group: MetricGroup; entries: { def: MetricDef; figure?: Figure }[] }[];
  /** Imported ranks beside the figures (DIGEST_RANKS=on); none by default. */
  ranks?: boolean;
}

/** /board: the board indicators of one period, grouped, marked ✅/⚠️, rank only where imported. */
export function renderBoard(lang: Lang, view: BoardView): string {
  const t = tr(lang);
  const lines = [t('board.title', { period: formatPeriod(lang, view.period, view.basis ?? 'ytd') })];
  for (const { group, entries } of view.groups) {
    if (entries.length === 0) continue;
    lines.push('', t('board.group', { group: t(`group.${group}`) }));
    for (const { def, figure } of entries) {
      const name = metricName(def, lang);
      if (!figure) {
        lines.push(t('board.missing', { metric: name }));
        continue;
      }
      const rank = view.ranks && figure.rank !== undefined && figure.rankTotal !== undefined ? t('board.rank', { rank: figure.rank, total: figure.rankTotal }) : '';
      const partial = figure.coverage ? t('board.partial', { have: figure.coverage.have, of: figure.coverage.of }) : '';
      lines.push(t('board.line', { mark: statusMark(def, figure.value, metricStatus(def, figure.value, view.period)), metric: name, value: formatFigure(lang, def, figure.value), rank: rank + partial }));
    }
  }
  lines.push('', t('board.legend'));
  return lines.join('\n');
}
