import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Telegram } from 'telegraf';
import { loadSeedUnits } from '../../src/app.ts';
import { parseConfig, type Config } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import { runMinutesPush } from '../../src/schedule/jobs/minutes-push.ts';
import { createSender } from '../../src/schedule/sender.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { FakeTelegram } from '../helpers/fake-telegram.ts';
import { tempDataDir } from '../helpers/harness.ts';

const BRANCH = -100501;
const OTHER = -100502;

void describe('the optional minutes push an hour after the meeting', () => {
  let fake: FakeTelegram;
  let dataDir: string;
  let config: Config;
  let store: Store;
  const open = async () => (store = await openStore(dataDir, { seedUnits: await loadSeedUnits() }));
  const run = (now: string) =>
    runMinutesPush({ config, store, logger: silentLogger, sender: createSender({ telegram: new Telegram(fake.token, { apiRoot: fake.apiRoot }), org: store.org, logger: silentLogger, sleep: async () => {} }) }, new Date(now));

  beforeEach(async () => {
    fake = await FakeTelegram.start();
    dataDir = await tempDataDir();
    config = parseConfig({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATA_DIR: dataDir, ADMIN_IDS: '1001' });
    await open();
    const bound = { title: 'g', active: true, boundBy: 1001, boundAt: '2024-09-01T00:00:00Z' };
    await store.org.saveChat({ id: BRANCH, unit: 'branch_enf', subscriptions: ['agenda', 'minutes'], ...bound });
    await store.org.saveChat({ id: OTHER, unit: 'branch_civil', subscriptions: ['agenda'], ...bound });
    for (const id of [BRANCH, OTHER]) fake.addChat(id);
    await store.meetings.ensure('branch_enf', '2024-W36', '2024-09-02');
    await store.meetings.setAttendance('branch_enf', '2024-W36', { expected: 9, present: 8, absent: '张三（出差）' });
  });
  afterEach(async () => {
    await store.close();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  void it('pushes the minutes at 09:00 after the Monday 08:00 meeting, once per subscribed group, after a restart too', async () => {
    assert.equal(await run('2024-09-02T00:59:00Z'), 0, 'not before an hour after the meeting');
    assert.equal(await run('2024-09-02T01:00:00Z'), 1);
    const [text] = fake.sentTo(BRANCH).map((m) => m.plain);
    assert.match(text!, /执行局党支部2024年度第1次支部会议纪要/);
    assert.match(text!, /应到9人，实到8人，缺席：张三（出差）/);
    assert.match(text!, /\/agenda minutes 获取/);
    assert.equal(fake.sentTo(OTHER).length, 0);
    await store.close();
    await open();
    assert.equal(await run('2024-09-02T03:00:00Z'), 0);
    assert.equal(fake.sentTo(BRANCH).length, 1);
  });
});
