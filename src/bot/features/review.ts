import { Composer } from 'telegraf';
import { hasRole } from '../../domain/access.ts';
import { parseReviewPeriod } from '../../domain/meetings/review-period.ts';
import { formatPeriod } from '../../render/period.ts';
import { defaultReviewPeriod, runReview } from '../../schedule/jobs/reviews.ts';
import { readReview } from '../../schedule/review-source.ts';
import { audit } from '../audit.ts';
import type { BotContext, BotDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { requireRole } from '../middleware/guards.ts';
import { replyHtml, words } from '../reply.ts';

/** /review preview [2024Q3|2024H1|2024] (staff) and /review send [period] [force] (managers; force: admins). */
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
    const needed = force ? 'admin' : 'manager';
    if (!hasRole(ctx.actor, needed)) return void (await replyHtml(ctx, ctx.t('error.notAllowed', { role: ctx.t(`role.${needed}`) })));
    if (!deps.digests) return void (await replyHtml(ctx, ctx.t('review.usage')));
    const report = await runReview({ config: deps.config, store: deps.store, sender: deps.digests.sender, logger: deps.logger }, span.kind, { now, period: span.code, force });
    await audit(deps, ctx, 'review.send', span.code, { force, sent: report.sent, failed: report.failed });
    await replyHtml(
      ctx,
      ctx.t('review.sendResult', { period: formatPeriod(ctx.lang, span.code), title: ctx.t(`review.kind.${span.kind}`), sent: report.sent, skipped: report.skipped, failed: report.failed }),
    );
  });

  return { name: 'review', commands: [{ command: 'review', minRole: 'staff', chats: 'any', help: 'menu.review' }], composer, reactsTo: [] };
}
