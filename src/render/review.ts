import type { Lang } from '../domain/language.ts';
import type { Review } from '../domain/meetings/review.ts';
import { metricName } from '../domain/metrics/catalog.ts';
import { html } from '../text/html.ts';
import { formatComparison, formatFigure } from './figures.ts';
import { formatPeriod } from './period.ts';
import { formatStatus } from './status.ts';
import { tr } from './translate.ts';

/**
 * 季度质效会商 / 半年初评 / 年终总评 as Telegram HTML: addressees, the board indicators with
 * both comparisons, those outside their range or short of target, the per-unit table, the
 * key work due in the period, and blanks for the analysis (the bot never writes it).
 */
export function renderReview(review: Review, lang: Lang, names: { court: string; member: (id: number) => string; unit: (code: string) => string }): string {
  const t = tr(lang);
  const period = formatPeriod(lang, review.span.code);
  const title = t(`review.kind.${review.span.kind}`);
  const lines = [t('review.title', { court: names.court, period, title }), t('review.addressees', { period }), t('review.indicators')];
  for (const i of review.indicators) {
    lines.push(
      t('review.indicator', {
        name: metricName(i.def, lang),
        value: formatFigure(lang, i.def, i.value),
        previous: html(formatComparison(lang, i.def, 'previous', i.previous, i.vsPrevious, review.span.code)),
        lastYear: html(formatComparison(lang, i.def, 'lastYear', i.lastYear, i.vsLastYear, review.span.code)),
        status: html(formatStatus(lang, i.def, i.value, i.status)),
      }),
    );
  }
  if (review.indicators.length === 0) lines.push(t('review.noFigures'));
  lines.push(t('review.flagged'));
  for (const i of review.flagged) lines.push(t('review.flaggedItem', { name: metricName(i.def, lang), value: formatFigure(lang, i.def, i.value), status: html(formatStatus(lang, i.def, i.value, i.status)) }));
  if (review.flagged.length === 0) lines.push(t('review.none'));
  const unitNames = review.unitIndicators.map((d) => metricName(d, lang)).join(lang === 'zh' ? '｜' : ' | ');
  lines.push(t('review.units', { indicators: unitNames === '' ? '' : lang === 'zh' ? `（${unitNames}）` : ` (${unitNames})` }));
  for (const row of review.units) {
    const cells = review.unitIndicators.map((d) => {
      const cell = row.cells.find((c) => c.def.code === d.code);
      return cell ? formatFigure(lang, d, cell.value) : '—';
    });
    lines.push(t('review.unitRow', { unit: names.unit(row.unit.code), cells: cells.join(lang === 'zh' ? '｜' : ' | ') }));
  }
  if (review.units.length === 0) lines.push(t('review.none'));
  lines.push(t('review.items'));
  for (const item of review.items) {
    lines.push(t('review.item', { code: item.code, title: item.title, owners: item.owners.map(names.member).join(lang === 'zh' ? '、' : ', '), due: item.due, state: html(t(`review.state.${item.state}`)) }));
  }
  if (review.items.length === 0) lines.push(t('review.none'));
  lines.push(t('review.problems'), t('review.next'));
  return lines.join('\n');
}
