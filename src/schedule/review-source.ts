import type { Lang } from '../domain/language.ts';
import { buildReview } from '../domain/meetings/review.ts';
import type { ReviewSpan } from '../domain/meetings/review-period.ts';
import { COURT_UNIT } from '../domain/metrics/types.ts';
import { unitName } from '../domain/org.ts';
import { localDate } from '../domain/time.ts';
import { renderReview } from '../render/review.ts';
import type { Store } from '../store/open-store.ts';

/** A review digest: read from the store → build (domain) → render. */
export function readReview(store: Pick<Store, 'org' | 'metrics' | 'tasks'>, span: ReviewSpan, lang: Lang, now: Date, timeZone: string): string {
  const review = buildReview({
    span,
    catalog: store.metrics.catalog(),
    observations: store.metrics.observations({ basis: 'ytd' }),
    units: store.org.units(),
    items: store.tasks.items(),
    today: localDate(now, timeZone),
  });
  const unitLabel = (code: string) => {
    const u = store.org.unit(code);
    return u ? unitName(u, lang) : code;
  };
  return renderReview(review, lang, { court: unitLabel(COURT_UNIT), member: (id) => store.org.member(id)?.name ?? String(id), unit: unitLabel });
}
