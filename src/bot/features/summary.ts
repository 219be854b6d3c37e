import { Composer } from 'telegraf';
import { digestWindow } from '../../domain/digests/periods.ts';
import { digestSendScope } from '../../domain/digest-access.ts';
import { audit } from '../audit.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { formatPeriod } from '../../render/period.ts';
import { replyHtml, words } from '../reply.ts';
import { refusedSend } from '../send-scope.ts';

export type SummaryDeps = FeatureDeps<'audit' | 'org', 'timeZone', 'clock' | 'digests'>;

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** /summary preview [YYYY-MM] (staff) and /summary send [YYYY-MM] [force] (who may send what: domain/digest-access.ts). */
export function createSummaryFeature(deps: SummaryDeps): Feature {
  const composer = new Composer<BotContext>();

  composer.command('summary', async (ctx) => {
    const [verb, ...args] = words(ctx.payload);
    const explicit = args.find((a) => PERIOD.test(a));
    const force = args.includes('force');
    const unknown = args.filter((a) => a !== explicit && a !== 'force');
    if ((verb !== 'preview' && verb !== 'send') || unknown.length > 0 || !deps.digests) return void (await replyHtml(ctx, ctx.t('summary.usage')));
    const due = digestWindow('summary', deps.clock.now(), deps.config.timeZone).period;
    const period = explicit ?? due;
    if (verb === 'preview') {
      const chat = ctx.boundChat ?? { id: ctx.chat.id, title: '', unit: 'enforcement', subscriptions: [], active: true, boundBy: 0, boundAt: '' };
      const html = await deps.digests.preview('summary', chat, ctx.lang, period);
      return void (await replyHtml(ctx, html ?? ctx.t('summary.noFigures', { period: formatPeriod(ctx.lang, period, 'month') })));
    }
    const groups = deps.store.org.chats().filter((c) => c.active && c.subscriptions.includes('summary'));
    const scope = digestSendScope(ctx.actor, { period, duePeriod: due, force, groups });
    if (await refusedSend(ctx, scope, { period: formatPeriod(ctx.lang, period, 'month'), due: formatPeriod(ctx.lang, due, 'month') })) return;
    const chatIds = scope.ok ? scope.chatIds : undefined;
    const report = await deps.digests.run('summary', { period, force, ...(chatIds ? { chatIds } : {}) });
    await audit(deps, ctx, 'summary.send', period, { force, sent: report.sent, failed: report.failed, ...(chatIds ? { chatIds } : {}) });
    if (report.missingFigures) return void (await replyHtml(ctx, ctx.t('summary.noFigures', { period: formatPeriod(ctx.lang, period, 'month') })));
    await replyHtml(ctx, ctx.t('summary.sendResult', { period: formatPeriod(ctx.lang, period, 'month'), sent: report.sent, skipped: report.skipped, failed: report.failed + report.deferred }));
  });

  return { name: 'summary', commands: [{ command: 'summary', minRole: 'staff', chats: 'any', help: 'menu.summary' }], composer, reactsTo: [] };
}
