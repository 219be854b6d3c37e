import { Telegram } from 'telegraf';
import type { Config, Lang } from '../config.ts';
import { digestWindow, nextAgendaWindow } from '../domain/digests/periods.ts';
import type { BoundChat, DigestKind } from '../domain/org.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/open-store.ts';
import type { Clock } from './clock.ts';
import { createDigestSources } from './digest-sources.ts';
import { createDigestRunner, type DigestJobDeps, type DigestReport, type DigestRunOptions } from './jobs/digests.ts';
import { chatCron, parseCron } from './cron.ts';
import { runMinutesPush } from './jobs/minutes-push.ts';
import { runReviews } from './jobs/reviews.ts';
import { createScheduler, type JobStatus } from './scheduler.ts';
import { createSender } from './sender.ts';
import type { Sender } from './sender-port.ts';
import type { Service } from './service.ts';

/** What the bot's commands (/agenda, /summary, /status) and the console use of the digests. */
export interface DigestControl {
  run(kind: DigestKind, options?: Partial<DigestRunOptions>): Promise<DigestReport>;
  /** The digest as it would go out now; undefined for a summary whose figures are missing. */
  preview(kind: DigestKind, chat: BoundChat, lang: Lang, period?: string): Promise<string | undefined>;
  status(): JobStatus[];
  startedAt(): Date | undefined;
  sender: Sender;
  service: Service;
  /** The process is stopping: the sender's waits end now and nothing more is sent (what is unsent stays due). */
  cancelSends(): void;
}

export interface DigestServiceOptions {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
  token: string;
  /** Tests pass a sender with virtual time. */
  sender?: Sender;
  runReminders?: (now: Date) => Promise<unknown>;
}

/**
 * Wires sender, sources, runner and scheduler. The sender gets a Telegram client of its own
 * (same token and API root as the bot); the console's stand-in on Telegram.prototype covers it too.
 */
export function createDigestControl(options: DigestServiceOptions): DigestControl {
  const { config, store, clock, logger } = options;
  const stopping = new AbortController();
  const sender =
    options.sender ??
    createSender({ telegram: new Telegram(options.token, { apiRoot: config.apiRoot, webhookReply: false }), org: store.org, logger, signal: stopping.signal });
  const sources = createDigestSources({ ...store, timeZone: config.timeZone, ranks: config.digestRanks });
  const jobDeps: DigestJobDeps = { config, store, sender, logger, sources, parseCron };
  const runner = createDigestRunner(jobDeps);
  const scheduler = createScheduler({
    config,
    clock,
    logger,
    deliveries: store.deliveries,
    runDigest: (kind, runOptions) => runner.run(kind, runOptions),
    idle: () => runner.idle(),
    ...(options.runReminders ? { runReminders: options.runReminders } : {}),
    runReviews: (now) => runner.idle().then(async () => {
      await runReviews({ config, store, sender, logger }, now);
      await runMinutesPush({ config, store, sender, logger }, now);
    }),
  });
  return {
    run: (kind, runOptions = {}) => runner.run(kind, { now: clock.now(), trigger: 'manual', ...runOptions }),
    async preview(kind, chat, lang, period) {
      if (kind === 'agenda') {
        const now = clock.now();
        const next = nextAgendaWindow({ fields: parseCron(chatCron(chat, config, 'agenda')), now, timeZone: config.timeZone, calendar: store.calendar.calendar() });
        return sources.agenda(chat, next.offset === 1 ? next.start : now, lang);
      }
      return sources.summary(period ?? digestWindow('summary', clock.now(), config.timeZone).period, lang);
    },
    status: () => scheduler.status(),
    startedAt: () => scheduler.started(),
    sender,
    service: {
      name: scheduler.name,
      start: () => scheduler.start(),
      async stop() {
        stopping.abort();
        await scheduler.stop();
      },
    },
    cancelSends: () => stopping.abort(),
  };
}
