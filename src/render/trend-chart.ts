import type { LineChartGuide, LineChartSpec } from '../chart/svg-line-chart.ts';
import type { Lang } from '../domain/language.ts';
import { metricName } from '../domain/metrics/catalog.ts';
import type { Basis, MetricDef } from '../domain/metrics/types.ts';
import { htmlToText } from '../text/html.ts';
import type { Translate } from '../text/i18n.ts';
import { formatValue } from './figures.ts';
import { fixed } from './numbers.ts';
import { formatPeriodSpan } from './period.ts';

interface PeriodParts {
  year: string;
  /** Month `8`, quarter `Q3`, half `H1`; absent for a year. */
  part?: string;
}

/** `2024-08`, `2024-Q3`, `2024-H1`, `2024`: a series of any one kind. */
function splitAnyPeriod(period: string): PeriodParts {
  const m = /^(\d{4})(?:-(\d{2}|Q[1-4]|H[12]))?$/.exec(period);
  if (!m) return { year: period };
  return { year: m[1]!, part: m[2] === undefined ? undefined : /^\d/.test(m[2]) ? String(Number(m[2])) : m[2] };
}

function partLabel(t: Translate, part: string | undefined, year: string): string {
  const text = (s: string) => htmlToText(s);
  if (part === undefined) return text(t('period.year', { year }));
  if (part.startsWith('Q')) return text(t('period.quarter', { n: part.slice(1) }));
  if (part.startsWith('H')) return text(t(part === 'H1' ? 'period.halfFirst' : 'period.halfSecond'));
  return text(t('period.month', { month: part }));
}

/** Axis labels: the month (quarter, half) under each point, the year under the first and where it changes. */
export function periodAxisLabels(t: Translate, periods: readonly string[]): { label: string; sublabel?: string }[] {
  let lastYear = '';
  return periods.map((period) => {
    const { year, part } = splitAnyPeriod(period);
    const changed = year !== lastYear;
    lastYear = year;
    const label = partLabel(t, part, year);
    return part !== undefined && changed ? { label, sublabel: htmlToText(t('period.year', { year })) } : { label };
  });
}

/** Values as plotted: yuan in 万元, everything else as stored. */
function plotted(def: MetricDef, value: number): number {
  return def.unit === 'yuan' ? value / 10_000 : value;
}

function decimalsOf(def: MetricDef): number {
  return def.unit === 'cases' ? 0 : 2;
}

export interface TrendChartInput {
  t: Translate;
  lang: Lang;
  def: MetricDef;
  /** The court or unit shown: `本院`, `开发区法庭`. */
  scope: string;
  basis: Basis;
  points: { period: string; value: number | undefined }[];
}

/** Every word of a /trend chart: title with unit, subtitle with scope, periods and basis, labelled reference lines. */
export function buildTrendChartSpec(input: TrendChartInput): LineChartSpec {
  const { t, def } = input;
  const unit = htmlToText(t(`chart.unit.${def.unit}`));
  const decimals = decimalsOf(def);
  const pointText = (v: number) => fixed(plotted(def, v), decimals);
  // Amounts are plotted in 万元 in both languages, so their reference lines say so too.
  const guideText = (v: number) => (def.unit === 'yuan' ? `${fixed(v / 10_000)} ${unit}` : formatValue(input.lang, def.unit, v));
  const name = metricName(def, input.lang);
  const guides: LineChartGuide[] = [];
  for (const kind of ['min', 'max', 'target'] as const) {
    const value = def.reference[kind];
    if (value !== undefined && Number.isFinite(value)) guides.push({ kind, value: plotted(def, value), label: htmlToText(t(`chart.${kind}`, { value: guideText(value) })) });
  }
  const labels = periodAxisLabels(t, input.points.map((p) => p.period));
  return {
    title: htmlToText(def.unit === 'ratio' ? t('chart.titleNoUnit', { metric: name }) : t('chart.title', { metric: name, unit })),
    subtitle: htmlToText(
      t('chart.subtitle', {
        scope: input.scope,
        span: formatPeriodSpan(input.lang, input.points[0]?.period ?? '', input.points.at(-1)?.period ?? ''),
        basis: htmlToText(t(`basis.${input.basis}`)),
      }),
    ),
    axisLabel: htmlToText(t('chart.axis', { unit })),
    guides,
    tickText: (value, tickDecimals) => fixed(value, tickDecimals),
    points: input.points.map((p, i) => ({
      ...labels[i]!,
      value: p.value === undefined ? undefined : plotted(def, p.value),
      valueText: p.value === undefined ? undefined : pointText(p.value),
    })),
  };
}
