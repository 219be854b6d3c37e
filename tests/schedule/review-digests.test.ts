import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Telegram } from 'telegraf';
import { loadSeedUnits } from '../../src/app.ts';
import { parseConfig, type Config } from '../../src/config.ts';
import type { Observation } from '../../src/domain/metrics/types.ts';
import { silentLogger } from '../../src/logger.ts';
import { runReviews } from '../../src/schedule/jobs/reviews.ts';
import { createSender } from '../../src/schedule/sender.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { FakeTelegram } from '../helpers/fake-telegram.ts';
import { tempDataDir } from '../helpers/harness.ts';

const ADMIN_ID = 1001;
const COURT_GROUP = -100401;
const ENF_GROUP = -100402;
const AGENDA_ONLY = -100403;

const ytd = (period: string, numerator: number, denominator: number, unit = 'court'): Observation => ({
  metric: 'first_enf_terminated_round_rate',
  unit,
  period,
  basis: 'ytd',
  value: (numerator / denominator) * 100,
  numerator,
  denominator,
});

/** 终本率 year to date: Q2 2024 = 30/250 = 12.00 %, Q3 2024 = 60/300 = 20.00 %, Q3 2023 = 45/300 = 15.00 %. */
const FIGURES: Observation[] = [
  ytd('2024-03', 20, 250),
  ytd('2024-06', 50, 500),
  ytd('2024-09', 110, 800),
  ytd('2023-06', 40, 400),
  ytd('2023-09', 85, 700),
  ytd('2024-06', 10, 100, 'enforcement'),
  ytd('2024-09', 40, 200, 'enforcement'),
];

void describe('quarterly, half-year and year reviews (injected clock, fake Bot API)', () => {
  let fake: FakeTelegram;
  let dataDir: string;
  let config: Config;
  let store: Store;
  const open = async () => (store = await openStore(dataDir, { seedUnits: await loadSeedUnits() }));
  const run = (now: string) =>
    runReviews({ config, store, logger: silentLogger, sender: createSender({ telegram: new Telegram(fake.token, { apiRoot: fake.apiRoot }), org: store.org, logger: silentLogger, sleep: async () => {} }) }, new Date(now));

  beforeEach(async () => {
    fake = await FakeTelegram.start();
    dataDir = await tempDataDir();
    config = parseConfig({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATA_DIR: dataDir, ADMIN_IDS: String(ADMIN_ID) });
    await open();
    const bound = { title: 'g', active: true, boundBy: ADMIN_ID, boundAt: '2024-09-01T00:00:00Z' };
    await store.org.saveChat({ id: COURT_GROUP, unit: 'court', subscriptions: ['review'], ...bound });
    await store.org.saveChat({ id: ENF_GROUP, unit: 'enforcement', subscriptions: ['summary', 'review'], ...bound });
    await store.org.saveChat({ id: AGENDA_ONLY, unit: 'branch_civil', subscriptions: ['agenda'], ...bound });
    for (const id of [COURT_GROUP, ENF_GROUP, AGENDA_ONLY]) fake.addChat(id);
    await store.metrics.saveObservations(FIGURES);
    await store.tasks.create({ title: '清理长期未结案件', owners: [ADMIN_ID], unit: 'enforcement', due: '2024-09-15', status: 'open', createdBy: ADMIN_ID, createdAt: '2024-07-01T00:00:00Z' });
  });
  afterEach(async () => {
    await store.close();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  void it('sends the 2024Q3 consultation on 5 October 09:00 once per subscribed group, after a restart too', async () => {
    await run('2024-10-05T00:59:00Z');
    assert.equal(fake.sent.length, 0, 'not before 09:00 on the 5th');
    await run('2024-10-05T01:00:00Z');
    assert.equal(fake.sentTo(COURT_GROUP).length, 1);
    assert.equal(fake.sentTo(ENF_GROUP).length, 1);
    assert.equal(fake.sentTo(AGENDA_ONLY).length, 0);
    const text = fake.sentTo(COURT_GROUP)[0]!.plain;
    assert.match(text, /【本院 2024年第三季度审判执行质效会商】/);
    assert.match(text, /各庭室（团队）：现将2024年第三季度审判执行质效情况通报如下/);
    assert.match(text, /首执案件终本率：20\.00%｜较上季度（12\.00%）上升8\.00个百分点/, 'the quarter derived from ytd numerators and denominators');
    assert.match(text, /较去年同期（15\.00%）上升5\.00个百分点/);
    assert.match(text, /执行局：.*30\.00%/, 'the unit table: (40 − 10) ÷ (200 − 100)');
    assert.match(text, /T1 清理长期未结案件｜1001｜2024-09-15｜⚠ 已逾期/);
    assert.match(text, /存在问题：＿＿＿＿/);
    assert.match(text, /下一步工作：＿＿＿＿/);
    assert.equal(store.deliveries.get('review_quarterly', '2024Q3', COURT_GROUP)?.status, 'sent');

    await store.close();
    await open();
    await run('2024-10-05T01:05:00Z');
    await run('2024-10-08T03:00:00Z');
    assert.equal(fake.sentTo(COURT_GROUP).length, 1, 'never twice, after a restart either');
    assert.equal(fake.sentTo(ENF_GROUP).length, 1);
  });

  void it('sends the half-year assessment on 5 July and the year-end review on 5 January on their own schedules', async () => {
    for (const c of store.org.chats()) await store.org.saveChat({ ...c, boundAt: '2024-06-01T00:00:00Z' });
    await run('2024-07-05T01:00:00Z');
    const july = fake.sentTo(COURT_GROUP).map((m) => m.plain);
    assert.deepEqual(july.map((t) => t.split('\n')[0]), ['【本院 2024年第二季度审判执行质效会商】', '【本院 2024年上半年审判执行质效初评】']);
    assert.match(july[1]!, /首执案件终本率：10\.00%/, 'the half-year is the ytd at June');
    await run('2025-01-05T01:00:00Z');
    const january = fake.sentTo(COURT_GROUP).map((m) => m.plain.split('\n')[0]).slice(2);
    assert.deepEqual(january, ['【本院 2024年第四季度审判执行质效会商】', '【本院 2024年年终审判执行质效总评】']);
    await run('2025-01-06T01:00:00Z');
    assert.equal(fake.sentTo(COURT_GROUP).length, 4);
  });
});
