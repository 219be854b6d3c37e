import type { Lang } from '../domain/language.ts';
import { metricName } from '../domain/metrics/catalog.ts';
import type { FigureWithChanges } from '../domain/metrics/derive.ts';
import type { MetricDef } from '../domain/metrics/types.ts';
import { html } from '../text/html.ts';
import { formatComparison, formatFigure, formatPart } from './figures.ts';
import { formatPeriod } from './period.ts';
import { formatRank, formatReference, formatStatus } from './status.ts';
import { tr } from './translate.ts';

/** The full answer to a metric query (/metric, plain-text queries); every line balanced HTML. */
export function renderFigure(lang: Lang, def: MetricDef, unitLabel: string, result: FigureWithChanges): string {
  const t = tr(lang);
  const { figure } = result;
  const lines = [
    t('metric.title', { metric: metricName(def, lang), unit: unitLabel }),
    t('metric.periodLine', { period: formatPeriod(lang, figure.period, figure.basis) }),
    t('metric.valueLine', { value: formatFigure(lang, def, figure.value), status: html(formatStatus(lang, def, figure.value)) }),
    formatComparison(lang, def, 'previous', result.previous?.value, result.vsPrevious, figure.period),
    formatComparison(lang, def, 'lastYear', result.lastYear?.value, result.vsLastYear, figure.period),
    t('metric.reference', { reference: html(formatReference(lang, def)) }),
  ];
  const rank = formatRank(lang, figure);
  if (rank) lines.push(rank);
  if (figure.numerator !== undefined && figure.denominator !== undefined) {
    lines.push(
      t('metric.parts', {
        numerator: formatPart(lang, def.formula?.numeratorUnit, figure.numerator),
        denominator: formatPart(lang, def.formula?.denominatorUnit, figure.denominator),
      }),
    );
  }
  if (figure.derived) lines.push(t(`metric.derived.${figure.derived}`));
  return lines.join('\n');
}
