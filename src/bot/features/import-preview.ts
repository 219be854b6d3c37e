import type { ImportPlan } from '../../domain/metrics/import-rows.ts';
import type { Observation } from '../../domain/metrics/types.ts';
import { html } from '../../text/html.ts';
import type { Translate } from '../../text/i18n.ts';

export const MAX_ERRORS_LISTED = 20;

/** Rows read, to add, to replace, and the errors with their row numbers (at most 20 listed). */
export function previewImport(
  t: Translate,
  plan: ImportPlan,
  exists: (o: Observation) => boolean,
  source: { file: string; encoding: string },
  confirmHint: 'import.confirmHint' | 'import.cliHint' = 'import.confirmHint',
): { text: string; added: number; replaced: number } {
  const replaced = plan.observations.filter(exists).length;
  const added = plan.observations.length - replaced;
  const lines = [t('import.preview', { file: source.file, rows: plan.rowsRead, encoding: source.encoding, add: added, replace: replaced })];
  if (plan.errors.length > 0) {
    lines.push(t('import.errorsHeader', { count: plan.errors.length }));
    for (const e of plan.errors.slice(0, MAX_ERRORS_LISTED)) {
      lines.push(t('import.errorLine', { line: e.line, reason: html(t(`import.err.${e.code}`, { value: e.value ?? '' })) }));
    }
    if (plan.errors.length > MAX_ERRORS_LISTED) lines.push(t('import.moreErrors', { count: plan.errors.length - MAX_ERRORS_LISTED }));
    lines.push(t('import.fixAndResend'));
  } else lines.push(t(confirmHint));
  return { text: lines.join('\n'), added, replaced };
}
