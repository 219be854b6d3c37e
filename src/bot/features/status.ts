import { readFileSync } from 'node:fs';
import { Composer } from 'telegraf';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { courtDateTime, periodLabel } from '../../render/dates.ts';
import { replyHtml } from '../reply.ts';
import { operationsStatus } from '../../ops/status-lines.ts';
import type { Translate } from '../../text/i18n.ts';

export type StatusDeps = FeatureDeps<'deliveries' | 'org' | 'metrics' | 'dataDir', 'timeZone', 'clock' | 'digests'>;

const PACKAGE_FILE = new URL('../../../package.json', import.meta.url);

function uptime(t: Translate, ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  return t('status.uptime', { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 });
}

/** /status (admins): version, uptime, each job's last and next run, deliveries not completed, inactive chats. */
export function createStatusFeature(deps: StatusDeps): Feature {
  const composer = new Composer<BotContext>();
  const version = (JSON.parse(readFileSync(PACKAGE_FILE, 'utf8')) as { version: string }).version;
  const createdAt = deps.clock.now();

  composer.command('status', async (ctx) => {
    const now = deps.clock.now();
    const when = (d: Date | string | undefined) => (d ? courtDateTime(d, deps.config.timeZone) : ctx.t('status.never'));
    const lines = [ctx.t('status.title'), ctx.t('status.version', { version, uptime: uptime(ctx.t, now.getTime() - (deps.digests?.startedAt() ?? createdAt).getTime()), zone: deps.config.timeZone })];
    for (const job of deps.digests?.status() ?? []) {
      const run = job.lastRun;
      const outcome = !run ? '—' : run.ok ? ctx.t('status.ok', { sent: run.sent, failed: run.failed }) : ctx.t('status.failedRun', { detail: run.detail ?? '' });
      lines.push(ctx.t('status.job', { job: `${job.name} (${job.cron})`, last: when(run?.at), outcome, next: when(job.nextRun) }));
    }
    lines.push(...(await operationsStatus(deps.store, ctx.t, when)));
    lines.push(ctx.t('status.deliveries'));
    const problems = deps.store.deliveries.list().filter((d) => d.status !== 'sent').slice(-30);
    for (const d of problems) {
      const chat = deps.store.org.chat(d.chatId);
      lines.push(ctx.t('status.delivery', { kind: d.kind, period: periodLabel(d.period, ctx.lang), chat: chat?.title || String(d.chatId), status: d.status, reason: d.reason ?? '—' }));
    }
    if (problems.length === 0) lines.push(ctx.t('status.noProblems'));
    const inactive = deps.store.org.chats().filter((c) => !c.active);
    if (inactive.length > 0) {
      lines.push(ctx.t('status.inactiveHeader'));
      for (const c of inactive) lines.push(ctx.t('status.inactiveChat', { title: c.title || '—', id: c.id }));
    }
    await replyHtml(ctx, lines.join('\n'));
  });

  return { name: 'status', commands: [{ command: 'status', minRole: 'admin', chats: 'any', help: 'menu.status' }], composer, reactsTo: [] };
}
