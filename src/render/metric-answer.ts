import type { Lang } from '../domain/language.ts';
import { metricName } from '../domain/metrics/catalog.ts';
import type { FigureWithChanges } from '../domain/metrics/derive.ts';
import type { MetricDef } from '../domain/metrics/types.ts';
import { html } from '../text/html.ts';
import { formatComparison, formatFigure, formatPart } from './figures.ts';
import { formatPeriod } from './period.ts';
import { formatRank, formatReference, formatStatus } from './status.ts';
import { metricStatus } from '../domain/metrics/status.ts';
import { tr } from './translate.ts';

/** The full answer to a metric query (/metric, plain-text queries); every line balanced HTML. */
export function renderFigure(lang: Lang, def: MetricDef, unitLabel: string, result: FigureWithChanges, unitNames: (code: string) => string = (c) => c): string {
  const t = tr(lang);
  const { figure } = result;
  const lines = [
    t('metric.title', { metric: metricName(def, lang), unit: unitLabel }),
    t('metric.periodLine', { period: formatPeriod(lang, figure.period, figure.basis) }),
    t('metric.valueLine', { value: formatFigure(lang, def, figure.value), status: html(formatStatus(lang, def, figure.value, metricStatus(def, figure.value, figure.period))) }),
  ];
  // A partial sum says so, and is not compared with a full figure (由 5/8 个部门合计).
  if (figure.coverage) lines.push(t('metric.coverage', { have: figure.coverage.have, of: figure.coverage.of, missing: figure.coverage.missing.map(unitNames).join(t('metric.listJoiner')) || '—' }));
  lines.push(
    formatComparison(lang, def, 'previous', result.previous?.value, result.vsPrevious, figure.period),
    formatComparison(lang, def, 'lastYear', result.lastYear?.value, result.vsLastYear, figure.period),
  );
  for (const which of result.incomparable ?? []) lines.push(t('metric.incomparable', { which: t(`metric.which.${which}`) }));
  lines.push(t('metric.reference', { reference: html(formatReference(lang, def)) }));
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
