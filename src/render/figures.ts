import type { Lang } from '../domain/language.ts';
import type { Change } from '../domain/metrics/derive.ts';
import { judgedDirection } from '../domain/metrics/judge.ts';
import type { MetricDef, MetricUnit, PartUnit } from '../domain/metrics/types.ts';
import { html } from '../text/html.ts';
import { fixed, grouped, groupedFixed } from './numbers.ts';
import { previousKind } from './period.ts';
import { tr } from './translate.ts';

/** Anything a value can be counted in: an indicator's unit, or what its numerator or denominator counts. */
export type ValueUnit = MetricUnit | PartUnit;

/** What the wording of a figure depends on: its unit, and whether (and how) its changes are judged. */
export type FigureShape = Pick<MetricDef, 'unit' | 'direction' | 'kind'>;

/**
 * THE way a value is written, on every surface: `10.47%`, `3.20‱`, `1:1.32` (案件比), `98.50天`,
 * `1,234件`, `12人`, `8,081.00万元`; in English `98.50 days`, `1,234 cases`, `¥80,810,000`.
 * The text holds no HTML special characters: it reads the same as HTML and as plain text.
 */
export function formatValue(lang: Lang, unit: ValueUnit, value: number): string {
  const t = tr(lang);
  switch (unit) {
    case '%':
      return `${fixed(value)}%`;
    case '‱':
      return `${fixed(value)}‱`;
    case 'ratio':
      return `1:${fixed(value)}`;
    case 'days':
      return t('fig.days', { value: groupedFixed(value) });
    case 'cases':
      return t(value === 1 ? 'fig.case' : 'fig.cases', { value: grouped(value) });
    case 'people':
      return t(value === 1 ? 'fig.person' : 'fig.people', { value: grouped(value) });
    case 'yuan':
      return t('fig.amount', { value: lang === 'zh' ? groupedFixed(value / 10_000) : grouped(value) });
  }
}

/** A figure of an indicator, in the indicator's unit. */
export function formatFigure(lang: Lang, def: Pick<MetricDef, 'unit'>, value: number): string {
  return formatValue(lang, def.unit, value);
}

/** A numerator or denominator in what it counts (万元, 件, 天, 人); a plain grouped number when the catalog does not say. */
export function formatPart(lang: Lang, unit: PartUnit | undefined, value: number): string {
  return unit ? formatValue(lang, unit, value) : grouped(value);
}

/** The size of a change, unsigned: `0.99个百分点` for rates, `8.64%` for counts and amounts, `0.02天` for days. */
function changeSize(lang: Lang, shape: FigureShape, change: Change): string | undefined {
  const t = tr(lang);
  const size = Math.abs(change.delta);
  switch (shape.unit) {
    case '%':
      return fixed(size) === '0.00' ? undefined : t('fig.points', { value: fixed(size) });
    case '‱':
      return fixed(size) === '0.00' ? undefined : t('fig.permyriadPoints', { value: fixed(size) });
    case 'ratio':
      return fixed(size) === '0.00' ? undefined : fixed(size);
    case 'days':
      return fixed(size) === '0.00' ? undefined : formatValue(lang, 'days', size);
    case 'cases':
    case 'people':
    case 'yuan': {
      if (change.relative !== undefined) {
        const percent = fixed(Math.abs(change.relative) * 100);
        return percent === '0.00' ? undefined : `${percent}%`;
      }
      // From zero there is no per cent: the amount itself.
      return size === 0 ? undefined : formatValue(lang, shape.unit, size);
    }
  }
}

/**
 * A change as reports write it: 下降0.99个百分点（向好）, 上升8.64%, 缩短0.02天, 持平. A fall of a
 * lower-is-better indicator is an improvement; counts and amounts are not judged.
 */
export function formatChange(lang: Lang, shape: FigureShape, change: Change | undefined): string {
  const t = tr(lang);
  if (!change) return t('fig.noComparison');
  const size = changeSize(lang, shape, change);
  if (size === undefined) return t('fig.flat');
  const rising = change.delta > 0;
  const key = shape.unit === 'days' ? (rising ? 'fig.longer' : 'fig.shorter') : rising ? 'fig.up' : 'fig.down';
  const direction = judgedDirection(shape);
  // A change within the indicator's noise threshold is stated but not judged (0.01 is not a decline).
  const judgement = direction === undefined || change.flat ? '' : t(rising === (direction === 'up') ? 'fig.better' : 'fig.worse');
  return t(key, { delta: html(size) }) + judgement;
}

export type Against = 'previous' | 'lastYear';

/**
 * A change with the earlier value: 较上月（11.46%）下降0.99个百分点（向好）, 较去年同期（1,200件）上升8.64%.
 * `period` (with its basis) names the period before: 较上月, 较上季度 …
 */
export function formatComparison(
  lang: Lang,
  shape: FigureShape,
  against: Against,
  before: number | undefined,
  change: Change | undefined,
  period = '',
): string {
  const t = tr(lang);
  const which = against === 'lastYear' ? 'lastYear' : previousKind(period);
  if (before === undefined || !change) return t(`fig.vsNone.${which}`);
  return t(`fig.vs.${which}`, { before: html(formatValue(lang, shape.unit, before)), change: html(formatChange(lang, shape, change)) });
}

/** The name of an indicator's unit, for the catalog: 天, 件, 万元 (yuan are shown in 万元 in Chinese). */
export function formatUnitName(lang: Lang, unit: MetricUnit): string {
  return tr(lang)(`fig.unitName.${unit}`);
}
