import { Composer } from 'telegraf';
import { digestSendScope } from '../../domain/digest-access.ts';
import { lastClosedSpan, parseReviewPeriod } from '../../domain/meetings/review-period.ts';
import { formatPeriod } from '../../render/period.ts';
import { defaultReviewPeriod, runReview } from '../../schedule/jobs/reviews.ts';
import { readReview } from '../../schedule/review-source.ts';
import { audit } from '../audit.ts';
import type { BotContext, BotDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { requireRole } from '../middleware/guards.ts';
import { replyHtml, words } from '../reply.ts';
import { refusedSend } from '../send-scope.ts';

/** /review preview [2024Q3|2024H1|2024] (staff) and /review send [period] [force] (who may send what: domain/digest-access.ts). */
export function createReviewFeature(deps: BotDeps): Feature {
  const composer = new Composer<BotContext>();

  composer.command('review', requireRole('staff'), async (ctx) => {
    const [verb, ...args] = words(ctx.payload);
    const force = args.includes('force');
    const rest = args.filter((a) => a !== 'force');
    const now = deps.clock.now();
    const span = parseReviewPeriod(rest[0] ?? defaultReviewPeriod(now, deps.config.timeZone));
    if ((verb !== 'preview' && verb !== 'send') || rest.length > 1 || !span) return void (await replyHtml(ctx, ctx.t('review.usage')));
    if (verb === 'preview') return void (await replyHtml(ctx, readReview(deps.store, span, ctx.lang, now, deps.config.timeZone)));
    // The period now due for its kind: the quarter, half-year or year that closed last.
    const due = lastClosedSpan(span.kind, now, deps.config.timeZone).code;
    const groups = deps.store.org.chats().filter((c) => c.active && c.subscriptions.includes('review'));
    const scope = digestSendScope(ctx.actor, { period: span.code, duePeriod: due, force, groups });
    if (await refusedSend(ctx, scope, { period: formatPeriod(ctx.lang, span.code), due: formatPeriod(ctx.lang, due) })) return;
    if (!deps.digests) return void (await replyHtml(ctx, ctx.t('review.usage')));
    const chatIds = scope.ok ? scope.chatIds : undefined;
    const options = { now, period: span.code, force, ...(chatIds ? { chatIds } : {}) };
    const report = await runReview({ config: deps.config, store: deps.store, sender: deps.digests.sender, logger: deps.logger }, span.kind, options);
    await audit(deps, ctx, 'review.send', span.code, { force, sent: report.sent, failed: report.failed, ...(chatIds ? { chatIds } : {}) });
    await replyHtml(
      ctx,
      ctx.t('review.sendResult', { period: formatPeriod(ctx.lang, span.code), title: ctx.t(`review.kind.${span.kind}`), sent: report.sent, skipped: report.skipped, failed: report.failed }),
    );
  });

  return { name: 'review', commands: [{ command: 'review', minRole: 'staff', chats: 'any', help: 'menu.review' }], composer, reactsTo: [] };
}
