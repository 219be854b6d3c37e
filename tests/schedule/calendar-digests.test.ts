import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Telegram } from 'telegraf';
import { loadSeedUnits } from '../../src/app.ts';
import { parseConfig, type Config } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import { createDigestSources } from '../../src/schedule/digest-sources.ts';
import { createDigestRunner, type DigestRunOptions } from '../../src/schedule/jobs/digests.ts';
import { parseCron } from '../../src/schedule/cron.ts';
import { createSender } from '../../src/schedule/sender.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { FakeTelegram } from '../helpers/fake-telegram.ts';
import { tempDataDir } from '../helpers/harness.ts';

const ADMIN_ID = 1001;
const BRANCH = -100301;
const ENF = -100302;

void describe('digests on the court calendar (injected clock, fake Bot API)', () => {
  let fake: FakeTelegram;
  let dataDir: string;
  let config: Config;
  let store: Store;

  const open = async () => (store = await openStore(dataDir, { seedUnits: await loadSeedUnits() }));
  const boot = () => {
    const sender = createSender({ telegram: new Telegram(fake.token, { apiRoot: fake.apiRoot }), org: store.org, logger: silentLogger, sleep: async () => {} });
    const runner = createDigestRunner({ config, store, sender, logger: silentLogger, parseCron, sources: createDigestSources({ ...store, timeZone: config.timeZone }) });
    return (kind: 'agenda' | 'summary', now: string, trigger: DigestRunOptions['trigger'] = 'sweep') => runner.run(kind, { now: new Date(now), trigger });
  };

  beforeEach(async () => {
    fake = await FakeTelegram.start();
    dataDir = await tempDataDir();
    config = parseConfig({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATA_DIR: dataDir, ADMIN_IDS: String(ADMIN_ID) });
    await open();
    const bound = { title: 'g', active: true, boundBy: ADMIN_ID, boundAt: '2025-09-30T00:00:00Z' };
    await store.org.saveChat({ id: BRANCH, unit: 'branch_enf', subscriptions: ['agenda'], ...bound });
    await store.org.saveChat({ id: ENF, unit: 'enforcement', subscriptions: ['summary'], ...bound });
    for (const id of [BRANCH, ENF, ADMIN_ID]) fake.addChat(id);
    await store.metrics.saveObservations([{ metric: 'enf_amount_realized_rate', unit: 'court', period: '2025-09', basis: 'ytd', value: 80.81 }]);
  });
  afterEach(async () => {
    await store.close();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  void it('sends the summary due on 2025-10-01 on 2025-10-09, the first working day after National Day, once, after a restart too', async () => {
    let run = boot();
    for (const now of ['2025-10-01T01:00:00Z', '2025-10-05T03:00:00Z', '2025-10-08T09:00:00Z', '2025-10-09T00:59:00Z']) {
      assert.equal((await run('summary', now, 'cron')).sent, 0, `nothing on ${now}`);
    }
    assert.equal(fake.sentTo(ENF).length, 0);
    assert.equal((await run('summary', '2025-10-09T01:00:00Z')).sent, 1);
    assert.match(fake.sentTo(ENF)[0]!.plain, /2025年9月执行工作情况/);
    await store.close();
    await open();
    run = boot();
    await run('summary', '2025-10-09T01:05:00Z', 'start');
    await run('summary', '2025-10-10T01:00:00Z');
    assert.equal(fake.sentTo(ENF).length, 1);
    assert.equal(fake.sentTo(ADMIN_ID).length, 0, 'nothing to report');
  });

  void it('treats a make-up working day as one: the summary due on 2026-01-01 goes out on Sunday 2026-01-04', async () => {
    await store.metrics.saveObservations([{ metric: 'enf_amount_realized_rate', unit: 'court', period: '2025-12', basis: 'ytd', value: 81 }]);
    const run = boot();
    assert.equal((await run('summary', '2026-01-03T02:00:00Z')).sent, 0);
    assert.equal((await run('summary', '2026-01-04T01:00:00Z')).sent, 1);
  });

  void it('moves the Monday agenda of National Day week to Thursday, and skips the Spring Festival week without a "missed" note', async () => {
    const run = boot();
    assert.equal((await run('agenda', '2025-10-06T00:00:00Z', 'cron')).sent, 0);
    assert.equal((await run('agenda', '2025-10-09T00:00:00Z')).sent, 1);
    assert.equal(store.deliveries.get('agenda', '2025-W41', BRANCH)?.status, 'sent');
    await run('agenda', '2026-02-09T00:00:00Z');
    assert.equal((await run('agenda', '2026-02-16T00:00:00Z', 'cron')).sent, 0);
    assert.equal((await run('agenda', '2026-02-24T00:00:00Z', 'start')).sent, 1, 'the week after the holiday');
    assert.equal(store.deliveries.get('agenda', '2026-W08', BRANCH), undefined);
    assert.equal(fake.sentTo(ADMIN_ID).filter((m) => /W08/.test(m.plain)).length, 0, 'no "missed" note for the holiday week');
  });
});
