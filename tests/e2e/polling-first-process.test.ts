import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Delivery } from '../../src/store/ports.ts';
import { justBoundGroup, prepareGroups, startBotProcess } from '../helpers/bot-process.ts';
import { FakeTelegram } from '../helpers/fake-telegram.ts';
import { tempDataDir } from '../helpers/harness.ts';
import { ADMIN } from '../helpers/updates.ts';

/**
 * As a real process (issue 12, item 14): services start only once polling is confirmed, so a
 * second instance on a copied data directory sends nothing before it learns of the conflict;
 * a stop during Telegram's 429 waits is prompt and leaves the unsent groups for the next start.
 */
const GROUPS = [-100510001, -100510002, -100510003];
const env = { WEEKLY_AGENDA_CRON: '*/2 * * * * *' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

void describe('start after polling is confirmed, stop without waiting out 429s', () => {
  let fake: FakeTelegram;
  let dataDir: string;
  beforeEach(async () => {
    fake = await FakeTelegram.start();
    dataDir = await tempDataDir();
    await prepareGroups(fake, dataDir, GROUPS.map((id) => justBoundGroup(id)));
  });
  afterEach(async () => {
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const deliveries = async () => {
    const log = JSON.parse(await readFile(join(dataDir, 'deliveries.json'), 'utf8')) as { deliveries: Delivery[] };
    return log.deliveries.map((d) => [d.chatId, d.status] as const).sort();
  };

  void it('sends no due digest while getUpdates answers 409, and exits with code 3', async () => {
    fake.failMethod('getUpdates', 409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
    const bot = startBotProcess({ fake, dataDir, env });
    const exit = await Promise.race([bot.exited, sleep(20_000).then(() => undefined)]);
    if (!exit) await bot.stop('SIGKILL');
    assert.deepEqual(exit, { code: 3, signal: null }, bot.stderr());
    assert.match(bot.stderr(), /another instance is polling/);
    for (const id of GROUPS) assert.equal(fake.sentTo(id).length, 0, `group ${id} got a digest from an instance in conflict`);
    assert.deepEqual(await deliveries(), [], 'nothing claimed either');
  });

  void it('starts its services as soon as Telegram answers, not after a first long poll of 50 s', { timeout: 60_000 }, async () => {
    await fake.close();
    fake = await FakeTelegram.start({ maxPollSeconds: 50 });
    for (const id of [...GROUPS, ADMIN.id]) fake.addChat(id);
    const bot = startBotProcess({ fake, dataDir, env });
    try {
      await bot.waitForPolling();
      // Nothing waits in the queue: a first poll with Telegram's long timeout would hold the services back 50 s.
      await fake.waitFor(() => GROUPS.every((id) => fake.sentTo(id).length > 0), 15_000, 'the due agenda in every group');
    } finally {
      assert.equal((await bot.stop('SIGTERM')).code, 0, bot.stderr());
    }
  });

  void it('stops within seconds on SIGTERM while the sender waits out retry_after=300; the next start sends each group once', { timeout: 60_000 }, async () => {
    for (const id of GROUPS) fake.rateLimit(id, 300, 1000);
    const first = startBotProcess({ fake, dataDir, env });
    await first.waitForPolling();
    await fake.waitFor(() => fake.callsOf('sendMessage').some((c) => c.error?.code === 429), 15_000, 'a 429 for the digest');
    await sleep(500);
    const stopped = Date.now();
    const exit = await first.stop('SIGTERM', 20_000);
    const took = Date.now() - stopped;
    assert.deepEqual(exit, { code: 0, signal: null }, first.stderr());
    assert.ok(took < 5000, `SIGTERM took ${took} ms`);
    for (const id of GROUPS) assert.equal(fake.sentTo(id).length, 0);
    const log = await deliveries();
    for (const [chatId, status] of log) assert.notEqual(status, 'sent', `group ${chatId} recorded as sent`);
    assert.ok(log.some(([, status]) => status === 'deferred'), `the group claimed before its 429 is left deferred: ${JSON.stringify(log)}`);

    fake.clearFaults();
    const second = startBotProcess({ fake, dataDir, env });
    await second.waitForPolling();
    await fake.waitFor(() => GROUPS.every((id) => fake.sentTo(id).length > 0), 15_000, 'every group to get the digest');
    await sleep(4500); // two more cron ticks at least
    assert.equal((await second.stop('SIGTERM')).code, 0, second.stderr());
    for (const id of GROUPS) assert.equal(fake.sentTo(id).length, 1, `group ${id}`);
    assert.deepEqual(await deliveries(), GROUPS.map((id) => [id, 'sent'] as const).sort());
  });
});
