import type { Config, Lang } from '../../config.ts';
import { dueReview, lastClosedSpan, parseReviewPeriod, REVIEW_KINDS, type ReviewKind } from '../../domain/meetings/review-period.ts';
import type { Logger } from '../../logger.ts';
import type { Store } from '../../store/open-store.ts';
import type { Delivery } from '../../store/ports.ts';
import { splitMessage } from '../../text/split.ts';
import { parseCron } from '../cron.ts';
import { readReview } from '../review-source.ts';
import type { Sender } from '../sender-port.ts';
import { sendClaimedParts } from './send-parts.ts';

export interface ReviewJobDeps {
  config: Config;
  store: Store;
  sender: Sender;
  logger: Logger;
}

export interface ReviewReport {
  kind: ReviewKind;
  period?: string;
  sent: number;
  skipped: number;
  failed: number;
}

const MAX_ATTEMPTS = 3;

export function reviewCron(config: Config, kind: ReviewKind): string {
  return kind === 'quarterly' ? config.quarterlyReviewCron : kind === 'halfyear' ? config.halfYearReviewCron : config.yearReviewCron;
}

/** The delivery-log kind of a review (subscription `review` covers all three). */
export const reviewLogKind = (kind: ReviewKind) => `review_${kind}`;

function mayRetry(entry: Delivery, force: boolean): boolean {
  if (force) return true;
  if (entry.status === 'deferred') return true;
  return entry.status === 'failed' && entry.attempts < MAX_ATTEMPTS && entry.reason !== 'blocked' && entry.reason !== 'not_found';
}

/**
 * One review to every group subscribed to `review`: due on its schedule (holiday-shifted),
 * or the period given. Exactly once per period and group through the digests' delivery log:
 * the claim ("sending") is written before the first message, so a restart never repeats one.
 */
export async function runReview(deps: ReviewJobDeps, kind: ReviewKind, options: { now: Date; period?: string; force?: boolean; chatIds?: number[] }): Promise<ReviewReport> {
  const { store, config } = deps;
  const at = options.now.toISOString();
  const report: ReviewReport = { kind, sent: 0, skipped: 0, failed: 0 };
  const logKind = reviewLogKind(kind);
  const fields = parseCron(reviewCron(config, kind));
  const html = new Map<Lang, string>();
  const chats = store.org.chats().filter((c) => c.active && c.subscriptions.includes('review') && (!options.chatIds || options.chatIds.includes(c.id)));
  for (const chat of chats) {
    const period = options.period ?? dueReview({ kind, fields, now: options.now, timeZone: config.timeZone, boundAt: chat.boundAt, calendar: store.calendar.calendar() });
    if (!period) continue;
    const span = parseReviewPeriod(period);
    if (!span) continue;
    report.period = period;
    const existing = store.deliveries.get(logKind, period, chat.id);
    // A claim a crash left uncertain is never resent automatically (as for the other digests).
    if (existing && ((existing.status === 'sending' && !options.force) || !mayRetry(existing, options.force ?? false))) {
      report.skipped += 1;
      continue;
    }
    const lang = chat.lang ?? config.defaultLang;
    if (!html.has(lang)) html.set(lang, readReview(store, span, lang, options.now, config.timeZone));
    const entry = await store.deliveries.claim(logKind, period, chat.id, at, (e) => mayRetry(e, options.force ?? false));
    if (!entry) {
      report.skipped += 1;
      continue;
    }
    const outcome = await sendClaimedParts(store.deliveries, deps.sender, entry, splitMessage(html.get(lang)!), options.force ? 0 : entry.partsSent, at);
    if (!outcome.ok) {
      await store.deliveries.finish(entry, outcome.reason === 'deferred' ? 'deferred' : 'failed', at, outcome.reason);
      report.failed += 1;
      continue;
    }
    await store.deliveries.finish(entry, 'sent', at);
    report.sent += 1;
  }
  if (report.sent + report.failed > 0) await store.deliveries.recordRun(logKind, { at, ok: true, sent: report.sent, failed: report.failed });
  deps.logger.info('review run', { ...report });
  return report;
}

/** Every review kind, in order (the scheduler's sweep and the start-up catch-up call this). */
export async function runReviews(deps: ReviewJobDeps, now: Date): Promise<void> {
  for (const kind of REVIEW_KINDS) {
    try {
      await runReview(deps, kind, { now });
    } catch (err) {
      deps.logger.error('review run failed', { kind, err });
    }
  }
}

/** The period `/review` means without one: the quarter just closed. */
export function defaultReviewPeriod(now: Date, timeZone: string): string {
  return lastClosedSpan('quarterly', now, timeZone).code;
}
