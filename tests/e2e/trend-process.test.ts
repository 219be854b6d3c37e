import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadSeedUnits } from '../../src/app.ts';
import { openStore } from '../../src/store/open-store.ts';
import { prepareDataDir, startBotProcess } from '../helpers/bot-process.ts';
import { FakeTelegram, type SentMessage } from '../helpers/fake-telegram.ts';
import { FLAT_METRIC, seedNearConstantSeries } from '../helpers/hostile-figures.ts';
import { ADMIN, textMessage } from '../helpers/updates.ts';

/**
 * Issue 12 done-when, as a real process: the /trend that froze the bot for good (a series whose
 * range is below the float resolution of its values) answers with a chart, and the bot keeps
 * answering; the process never stalls long enough for the watchdog to end it.
 */
describe('/trend of a near-constant series in the real bot process', () => {
  let fake: FakeTelegram;
  let dataDir: string;
  before(async () => {
    fake = await FakeTelegram.start();
    dataDir = await mkdtemp(join(tmpdir(), 'courtwall-trend-'));
    await prepareDataDir(dataDir);
    const store = await openStore(dataDir, { seedUnits: await loadSeedUnits() });
    try {
      await seedNearConstantSeries(store);
    } finally {
      await store.close();
    }
  });
  after(async () => {
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const nextAnswer = (from: number) => fake.waitFor(() => fake.sent.slice(from).find((m: SentMessage) => m.chatId === ADMIN.id), 30_000, 'an answer to the admin');

  it('answers with a PNG chart each time and then answers /help', { timeout: 120_000 }, async () => {
    const bot = startBotProcess({ fake, dataDir, env: { WATCHDOG_SECONDS: '5' } });
    try {
      await bot.waitForPolling();
      for (const query of [`/trend ${FLAT_METRIC}`, `/trend ${FLAT_METRIC} enforcement`]) {
        let from = fake.sent.length;
        fake.pushUpdate(textMessage({ text: query, from: ADMIN }));
        const chart = await nextAnswer(from);
        assert.equal(chart.method, 'sendPhoto', `${query}: ${chart.method} ${chart.plain}`);
        assert.deepEqual([...chart.photo!.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
        from = fake.sent.length;
        fake.pushUpdate(textMessage({ text: '/help', from: ADMIN }));
        assert.match((await nextAnswer(from)).plain, /\/metric/);
      }
      assert.equal(bot.exit, undefined, `the bot stays up: ${bot.stderr()}`);
    } finally {
      assert.equal((await bot.stop('SIGTERM')).code, 0, bot.stderr());
    }
  });
});
