import type { CatalogProblem } from '../domain/metrics/catalog-file.ts';
import { html } from '../text/html.ts';
import type { Translate } from '../text/i18n.ts';

/** The first problems are enough to start correcting; the rest are counted. */
export const SHOWN_PROBLEMS = 12;

/** Why a catalog file is refused: its first problems, one a line, where and what. */
export function renderCatalogProblems(t: Translate, problems: readonly CatalogProblem[]): string {
  const lines = problems.slice(0, SHOWN_PROBLEMS).map((p) => {
    const problem = html(t(`catalog.rule.${p.rule}`, { limit: p.limit ?? '', value: p.value ?? '', other: p.other ?? '' }));
    return p.at === '' ? `• ${problem.value}` : t('catalog.problemLine', { at: p.at, problem });
  });
  if (problems.length > SHOWN_PROBLEMS) lines.push(t('catalog.fileMore', { count: problems.length - SHOWN_PROBLEMS }));
  return t('catalog.fileInvalid', { problems: html(lines.join('\n')) });
}
