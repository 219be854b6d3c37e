import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import { createFixedClock } from '../../src/schedule/clock.ts';
import type { DigestRunOptions } from '../../src/schedule/jobs/digests.ts';
import { isValidCron, parseCron } from '../../src/schedule/cron.ts';
import { createScheduler } from '../../src/schedule/scheduler.ts';
import { openMemoryStore } from '../../src/store/open-store.ts';

void describe('scheduler', () => {
  void it('catches up on start, reports each job with its next run, and records a failed run', async () => {
    const store = await openMemoryStore();
    const runs: { kind: string; trigger: DigestRunOptions['trigger'] }[] = [];
    let summaryRan = () => {};
    const summaryCalled = new Promise<void>((resolve) => (summaryRan = resolve));
    const scheduler = createScheduler({
      config: parseConfig({}),
      clock: createFixedClock('2024-09-02T02:00:00Z'),
      logger: silentLogger,
      deliveries: store.deliveries,
      runDigest: async (kind, options) => {
        runs.push({ kind, trigger: options.trigger });
        if (kind === 'summary') {
          summaryRan();
          throw new Error('figures store unreadable');
        }
        return { kind, sent: 0, skipped: 0, failed: 0, deferred: 0 };
      },
      runReminders: async () => undefined,
    });
    await scheduler.start();
    await summaryCalled;
    await scheduler.stop();
    assert.deepEqual(runs, [
      { kind: 'agenda', trigger: 'start' },
      { kind: 'summary', trigger: 'start' },
    ]);
    assert.equal(store.deliveries.runs().summary?.ok, false);
    assert.equal(store.deliveries.runs().summary?.detail, 'figures store unreadable');
    assert.deepEqual(scheduler.status(), [], 'stopped: no tasks left');
  });

  void it('stop waits for a reminder run in progress, so its "sent" marks are written before the store closes', async () => {
    const store = await openMemoryStore();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = () => {};
    const reminderStarted = new Promise<void>((resolve) => (started = resolve));
    let finished = false;
    const scheduler = createScheduler({
      config: parseConfig({ REMINDER_CRON: '* * * * * *' }),
      clock: createFixedClock('2024-09-02T02:00:00Z'),
      logger: silentLogger,
      deliveries: store.deliveries,
      runDigest: async (kind) => ({ kind, sent: 0, skipped: 0, failed: 0, deferred: 0 }),
      runReminders: async () => {
        started();
        await gate;
        finished = true;
      },
    });
    await scheduler.start();
    await reminderStarted;
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(stopped, false, 'stop returned while the reminder run was still going');
    release();
    await stopping;
    assert.equal(finished, true);
  });

  void it('prunes the delivery log beyond two years while running, not only at start', async () => {
    const store = await openMemoryStore();
    const clock = createFixedClock('2024-09-02T02:00:00Z');
    let sweeps = 0;
    let twoSweeps = () => {};
    const swept = new Promise<void>((resolve) => (twoSweeps = resolve));
    const scheduler = createScheduler({
      config: parseConfig({}),
      clock,
      logger: silentLogger,
      deliveries: store.deliveries,
      sweepCron: '* * * * * *',
      runDigest: async (kind, options) => {
        if (options.trigger === 'sweep' && kind === 'summary' && ++sweeps === 2) twoSweeps();
        return { kind, sent: 0, skipped: 0, failed: 0, deferred: 0 };
      },
    });
    await scheduler.start();
    try {
      await store.deliveries.claim('agenda', '2024-W36', -100, '2024-09-02T02:00:00Z', () => false);
      // A year and a half of uptime later the entry is over two years old.
      clock.set('2026-10-01T02:00:00Z');
      await swept;
    } finally {
      await scheduler.stop();
    }
    assert.equal(store.deliveries.get('agenda', '2024-W36', -100), undefined);
  });

  void it('lists agenda, summary and reminders while running, each with a next run', async () => {
    const store = await openMemoryStore();
    const scheduler = createScheduler({
      config: parseConfig({}),
      clock: createFixedClock('2024-09-02T02:00:00Z'),
      logger: silentLogger,
      deliveries: store.deliveries,
      runDigest: async (kind) => ({ kind, sent: 0, skipped: 0, failed: 0, deferred: 0 }),
      runReminders: async () => undefined,
    });
    await scheduler.start();
    try {
      const status = scheduler.status();
      assert.deepEqual(status.map((s) => s.name), ['agenda', 'summary', 'reminders']);
      assert.ok(status.every((s) => s.nextRun instanceof Date));
    } finally {
      await scheduler.stop();
    }
  });

  void it('validates and parses cron the way node-cron does', () => {
    assert.equal(isValidCron('0 8 * * 1'), true);
    assert.equal(isValidCron('0 99 * * 1'), false);
    assert.deepEqual(parseCron('0 8 * * 1').dayOfWeek, [1]);
  });
});
