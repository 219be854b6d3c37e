import { createTask, type ScheduledTask } from 'node-cron';
import type { Config } from '../config.ts';
import type { DigestKind } from '../domain/org.ts';
import type { Logger } from '../logger.ts';
import type { DeliveryRepo } from '../store/ports.ts';
import type { Clock } from './clock.ts';
import type { DigestReport, DigestRunOptions, Trigger } from './jobs/digests.ts';
import type { Service } from './service.ts';

export interface JobStatus {
  name: string;
  cron: string;
  lastRun?: { at: string; ok: boolean; sent: number; failed: number; detail?: string };
  nextRun?: Date;
}

export interface SchedulerDeps {
  config: Config;
  clock: Clock;
  logger: Logger;
  deliveries: Pick<DeliveryRepo, 'runs' | 'recordRun' | 'prune'>;
  runDigest(kind: DigestKind, options: DigestRunOptions): Promise<DigestReport>;
  /** The progress feature's reminder job, when there is one. */
  runReminders?: (now: Date) => Promise<unknown>;
  /** The review digests (quarter, half-year, year); checked by the sweep and at start. */
  runReviews?: (now: Date) => Promise<unknown>;
  /** Resolves when no digest run is in progress (stop waits for it before the store closes). */
  idle?: () => Promise<void>;
  /** Re-checks every digest this often: per-chat schedules, deferred sends, figures imported late. */
  sweepCron?: string;
}

/** Keep the delivery log two years: enough for any question about last year's digests. */
const KEEP_MS = 2 * 366 * 86_400_000;

/**
 * The only place node-cron is used for digests: cron triggers, the jobs decide (with the
 * delivery log) what is due. Catch-up on start is one run of each digest.
 */
export function createScheduler(deps: SchedulerDeps): Service & { status(): JobStatus[]; started(): Date | undefined } {
  const { config, logger } = deps;
  const tasks = new Map<string, { task: ScheduledTask; cron: string }>();
  let startedAt: Date | undefined;
  let stopping = false;
  let catchUp: Promise<void> = Promise.resolve();
  /** A reminder run in progress (not on the digest runner's queue): stop waits for it. */
  let reminderRun: Promise<void> = Promise.resolve();

  const digest = (kind: DigestKind, trigger: Trigger) => async () => {
    if (stopping) return;
    const now = deps.clock.now();
    try {
      await deps.runDigest(kind, { now, trigger });
    } catch (err) {
      logger.error('digest run failed', { kind, trigger, err });
      await deps.deliveries.recordRun(kind, { at: now.toISOString(), ok: false, sent: 0, failed: 0, detail: err instanceof Error ? err.message : String(err) });
    }
  };
  const reminders = () => {
    const run = remind();
    reminderRun = run.catch(() => undefined);
    return run;
  };
  const remind = async () => {
    if (stopping || !deps.runReminders) return;
    const now = deps.clock.now();
    try {
      await deps.runReminders(now);
      await deps.deliveries.recordRun('reminders', { at: now.toISOString(), ok: true, sent: 0, failed: 0 });
    } catch (err) {
      logger.error('reminder run failed', { err });
      await deps.deliveries.recordRun('reminders', { at: now.toISOString(), ok: false, sent: 0, failed: 0, detail: err instanceof Error ? err.message : String(err) });
    }
  };
  let prunedAt = 0;
  /** Once a day (at start, then from the sweep): a bot that runs for years keeps two years of log, not all of it. */
  const prune = async () => {
    const now = deps.clock.now().getTime();
    if (now - prunedAt < 86_400_000) return;
    prunedAt = now;
    await deps.deliveries.prune(new Date(now - KEEP_MS).toISOString());
  };
  const reviews = async () => {
    if (stopping || !deps.runReviews) return;
    await deps.runReviews(deps.clock.now()).catch((err: unknown) => logger.error('review run failed', { err }));
  };
  const sweep = async () => {
    await digest('agenda', 'sweep')();
    await digest('summary', 'sweep')();
    await reviews();
    if (!stopping) await prune().catch((err: unknown) => logger.error('delivery log prune failed', { err }));
  };

  const add = (name: string, cron: string, fn: () => Promise<void>) => {
    const task = createTask(cron, fn, { timezone: config.timeZone, name, noOverlap: true });
    task.on('execution:failed', (ctx) => logger.error('scheduled job failed', { job: name, err: ctx.execution?.error }));
    task.on('execution:missed', (ctx) => logger.warn('scheduled job missed its time (event loop busy); the sweep catches up', { job: name, at: ctx.date }));
    task.on('execution:overlap', () => logger.warn('scheduled job still running; this tick skipped', { job: name }));
    tasks.set(name, { task, cron });
  };

  return {
    name: 'scheduler',
    async start() {
      stopping = false;
      startedAt = deps.clock.now();
      add('agenda', config.weeklyAgendaCron, digest('agenda', 'cron'));
      add('summary', config.monthlySummaryCron, digest('summary', 'cron'));
      if (deps.runReminders) add('reminders', config.reminderCron, reminders);
      add('sweep', deps.sweepCron ?? '* * * * *', sweep);
      for (const { task } of tasks.values()) await task.start();
      prunedAt = 0;
      await prune();
      // Catch-up: whatever fell due while the bot was down goes out now (or is reported if too late).
      catchUp = digest('agenda', 'start')().then(digest('summary', 'start')).then(reviews);
    },
    async stop() {
      stopping = true;
      for (const { task } of tasks.values()) await task.destroy();
      tasks.clear();
      await catchUp;
      await reminderRun;
      await deps.idle?.();
    },
    status() {
      const runs = deps.deliveries.runs();
      return [...tasks.entries()]
        .filter(([name]) => name !== 'sweep')
        .map(([name, { task, cron }]) => ({ name, cron, ...(runs[name] ? { lastRun: runs[name] } : {}), ...(task.getNextRun() ? { nextRun: task.getNextRun()! } : {}) }));
    },
    started: () => startedAt,
  };
}
