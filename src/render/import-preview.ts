import type { Lang } from '../domain/language.ts';
import { metricName } from '../domain/metrics/catalog.ts';
import type { ImportPlan, RowError } from '../domain/metrics/import-rows.ts';
import { COURT_UNIT, type MetricDef, type Observation } from '../domain/metrics/types.ts';
import { unitName, type Unit } from '../domain/org.ts';
import { html } from '../text/html.ts';
import type { Translate } from '../text/i18n.ts';
import { formatFigure } from './figures.ts';
import { formatPeriod } from './period.ts';
import { shorten } from '../domain/cut-text.ts';

export const MAX_ERRORS_LISTED = 20;
export const MAX_ROWS_LISTED = 20;
/** Echoed cells are cut: a 1.9 MB cell must not come back as hundreds of messages. */
export const MAX_ECHO_CHARS = 50;

export interface PreviewContext {
  t: Translate;
  lang: Lang;
  catalog: readonly MetricDef[];
  units: readonly Unit[];
}

export function cutEcho(text: string): string {
  return shorten(text, MAX_ECHO_CHARS);
}

/** `2024年1—8月` for a year-to-date figure, `2024年8月（当月）` for a month's own. */
export function renderImportPeriod(t: Translate, lang: Lang, o: Pick<Observation, 'period' | 'basis'>): string {
  const text = formatPeriod(lang, o.period, o.basis);
  return o.basis === 'month' && /^\d{4}-\d{2}$/.test(o.period) ? `${text}${t('import.monthSuffix')}` : text;
}

function errorLine(c: PreviewContext, e: RowError): string {
  const value = e.value ?? '';
  let reason: string;
  if (e.code === 'out_of_bounds' && value.includes('|')) {
    const [text, min, max] = value.split('|');
    reason = c.t('import.err.out_of_bounds', { value: cutEcho(text!), min: min!, max: max! });
  } else if (e.code === 'formula_no_value' || e.code === 'missing_column') {
    reason = c.t(`import.err.${e.code}`, { value });
  } else reason = c.t(`import.err.${e.code}`, { value: cutEcho(value) });
  // The reason is already HTML (its parameters escaped once by t); the line template must not escape it again.
  return c.t('import.errorLine', { line: e.line, reason: html(reason) });
}

/**
 * The preview a clerk checks before Confirm: where the data was found, then either every error
 * with its row (nothing is imported) or the rows as they will be stored, with old → new for
 * replacements. Values in court wording; at most 20 of each listed.
 */
export function previewImport(
  c: PreviewContext,
  plan: ImportPlan,
  existing: (o: Observation) => Observation | undefined,
  source: { file: string; encoding: string },
  hint: 'import.confirmHint' | 'import.cliHint' | undefined = 'import.confirmHint',
): { text: string; added: number; replaced: number } {
  const olds = plan.observations.map(existing);
  const replaced = olds.filter((o) => o !== undefined).length;
  const added = plan.observations.length - replaced;
  const { t } = c;
  const lines = [t('import.preview', { file: cutEcho(source.file), rows: plan.rowsRead, encoding: source.encoding, add: added, replace: replaced })];
  const layout = plan.layout;
  if (layout && layout.sheetName !== '') lines.push(t('import.sheetNote', { sheet: cutEcho(layout.sheetName), index: layout.sheetIndex + 1 }));
  if (layout && layout.titleLines.length > 0) lines.push(t('import.titleNote', { lines: layout.titleLines.join('、') }));
  if (layout && layout.ignored.length > 0) lines.push(t('import.ignoredNote', { columns: layout.ignored.slice(0, 10).map(cutEcho).join('、') }));
  if (plan.errors.length > 0) {
    lines.push(t('import.errorsHeader', { count: plan.errors.length }));
    for (const e of plan.errors.slice(0, MAX_ERRORS_LISTED)) lines.push(errorLine(c, e));
    if (plan.errors.length > MAX_ERRORS_LISTED) lines.push(t('import.moreErrors', { count: plan.errors.length - MAX_ERRORS_LISTED }));
    lines.push(t('import.fixAndResend'));
    return { text: lines.join('\n'), added, replaced };
  }
  if (plan.observations.length > 0) lines.push(t('import.rowsHeader'));
  const defs = new Map(c.catalog.map((d) => [d.code, d]));
  plan.observations.slice(0, MAX_ROWS_LISTED).forEach((o, i) => {
    const def = defs.get(o.metric)!;
    const unit = c.units.find((u) => u.code === o.unit);
    const params = {
      line: plan.lines[i] ?? '',
      metric: metricName(def, c.lang),
      unit: unit ? unitName(unit, c.lang) : o.unit === COURT_UNIT ? t('import.court') : o.unit,
      period: renderImportPeriod(t, c.lang, o),
      value: formatFigure(c.lang, def, o.value),
    };
    const old = olds[i];
    lines.push(old ? t('import.rowReplace', { ...params, old: formatFigure(c.lang, def, old.value) }) : t('import.rowLine', params));
  });
  if (plan.observations.length > MAX_ROWS_LISTED) lines.push(t('import.moreRows', { count: plan.observations.length - MAX_ROWS_LISTED }));
  if (hint) lines.push(t(hint));
  return { text: lines.join('\n'), added, replaced };
}
