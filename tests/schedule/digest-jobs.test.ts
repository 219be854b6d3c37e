import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Telegram } from 'telegraf';
import { loadSeedUnits } from '../../src/app.ts';
import { parseConfig, type Config } from '../../src/config.ts';
import type { Observation } from '../../src/domain/metrics/types.ts';
import type { BoundChat } from '../../src/domain/org.ts';
import { silentLogger } from '../../src/logger.ts';
import { createDigestSources } from '../../src/schedule/digest-sources.ts';
import { createDigestRunner, type DigestRunOptions } from '../../src/schedule/jobs/digests.ts';
import { parseCron } from '../../src/schedule/cron.ts';
import { createSender } from '../../src/schedule/sender.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { FakeTelegram } from '../helpers/fake-telegram.ts';
import { tempDataDir } from '../helpers/harness.ts';

const ADMIN_ID = 1001;
const BRANCH_ENF = -100201;
const BRANCH_CIVIL = -100202;
const SUMMARY_ONLY = -100203;
/** Monday 2 September 2024, 08:00 in Asia/Shanghai. */
const MONDAY_0800 = '2024-09-02T00:00:00Z';

function chat(id: number, unit: string, subscriptions: string[], extra: Partial<BoundChat> = {}): BoundChat {
  return { id, title: `group ${unit}`, unit, subscriptions, active: true, boundBy: ADMIN_ID, boundAt: '2024-08-31T16:00:00Z', ...extra };
}

function observation(metric: string, value: number, basis: 'ytd' | 'month' = 'ytd', period = '2024-08'): Observation {
  return { metric, unit: 'court', period, basis, value };
}

const AUGUST: Observation[] = [
  observation('first_enf_terminated_round_rate', 10.47),
  observation('enf_amount_realized_rate', 80.81),
  observation('enf_cases_received', 320, 'month'),
  observation('enf_cases_closed', 300, 'month'),
  observation('enf_amount_realized', 99_765_432),
];

void describe('scheduled digests with an injected clock', () => {
  let fake: FakeTelegram;
  let dataDir: string;
  let config: Config;
  let store: Store;

  const open = async () => (store = await openStore(dataDir, { seedUnits: await loadSeedUnits() }));
  /** A process: its own runner and sender over the store on disk. */
  const boot = () => {
    const sender = createSender({ telegram: new Telegram(fake.token, { apiRoot: fake.apiRoot }), org: store.org, logger: silentLogger, sleep: async () => {} });
    const runner = createDigestRunner({ config, store, sender, logger: silentLogger, parseCron, sources: createDigestSources({ ...store, timeZone: config.timeZone }) });
    return (kind: 'agenda' | 'summary', now: string, trigger: DigestRunOptions['trigger'] = 'cron', extra: Partial<DigestRunOptions> = {}) =>
      runner.run(kind, { now: new Date(now), trigger, ...extra });
  };
  const restart = async () => {
    await store.close();
    await open();
    return boot();
  };

  beforeEach(async () => {
    fake = await FakeTelegram.start();
    dataDir = await tempDataDir();
    config = parseConfig({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATA_DIR: dataDir, ADMIN_IDS: String(ADMIN_ID) });
    await open();
    for (const c of [chat(BRANCH_ENF, 'branch_enf', ['agenda']), chat(BRANCH_CIVIL, 'branch_civil', ['agenda']), chat(SUMMARY_ONLY, 'enforcement', ['summary'])]) {
      await store.org.saveChat(c);
      fake.addChat(c.id);
    }
    fake.addChat(ADMIN_ID);
  });
  afterEach(async () => {
    await store.close();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  void it('sends each bound branch group its agenda once on Monday 08:00, and nothing more after a restart at 08:05', async () => {
    const run = boot();
    assert.equal((await run('agenda', '2024-09-01T23:59:00Z')).sent, 0, 'not before 08:00');
    const [first, overlapping] = await Promise.all([run('agenda', MONDAY_0800), run('agenda', MONDAY_0800)]);
    assert.equal(first.sent + overlapping.sent, 2);
    assert.equal(fake.sentTo(BRANCH_ENF).length, 1);
    assert.equal(fake.sentTo(BRANCH_CIVIL).length, 1);
    assert.equal(fake.sentTo(SUMMARY_ONLY).length, 0);
    assert.match(fake.sentTo(BRANCH_ENF)[0]!.plain, /2024年度第1次支部会议议程】 {2}2024年9月2日—9月8日/);
    assert.equal(store.deliveries.get('agenda', '2024-W36', BRANCH_ENF)?.status, 'sent');

    const again = await restart();
    await again('agenda', '2024-09-02T00:05:00Z', 'start');
    await again('agenda', '2024-09-02T00:06:00Z', 'sweep');
    assert.equal(fake.sent.length, 2);
  });

  void it('records in the delivery log a part that went out again after its answer was lost', async () => {
    fake.loseAnswerNext(BRANCH_ENF);
    const run = boot();
    assert.equal((await run('agenda', MONDAY_0800)).sent, 2);
    assert.equal(fake.sentTo(BRANCH_ENF).length, 2, 'Telegram had accepted the first try');
    const entry = store.deliveries.get('agenda', '2024-W36', BRANCH_ENF);
    assert.deepEqual([entry?.status, entry?.mayRepeat], ['sent', 1]);
    assert.equal(store.deliveries.get('agenda', '2024-W36', BRANCH_CIVIL)?.mayRepeat, undefined);
    await store.close();
    await open();
    assert.equal(store.deliveries.get('agenda', '2024-W36', BRANCH_ENF)?.mayRepeat, 1, 'on disk');
  });

  void it('sends the agenda at start when the bot was down from Sunday to Monday 10:00', async () => {
    const run = boot();
    await run('agenda', '2024-09-01T04:00:00Z', 'sweep');
    assert.equal(fake.sent.length, 0);
    const later = await restart();
    const report = await later('agenda', '2024-09-02T02:00:00Z', 'start');
    assert.equal(report.sent, 2);
    assert.equal(fake.sentTo(BRANCH_ENF).length, 1);
    assert.equal(fake.sentTo(ADMIN_ID).length, 0, 'nothing to report: the period is still current');
  });

  void it('tells the admins once, instead of sending, when the whole period passed while the bot was down', async () => {
    for (const c of store.org.chats()) await store.org.saveChat({ ...c, boundAt: '2024-08-20T00:00:00Z' });
    const run = boot();
    await run('agenda', '2024-08-26T00:00:00Z');
    assert.equal(fake.sentTo(BRANCH_ENF).length, 1);
    fake.sent.length = 0;
    const later = await restart();
    await later('agenda', '2024-09-09T02:00:00Z', 'start');
    await later('agenda', '2024-09-09T02:01:00Z', 'sweep');
    const notes = fake.sentTo(ADMIN_ID);
    assert.equal(notes.length, 1);
    assert.match(notes[0]!.plain, /2024年9月2日—9月8日/);
    assert.equal(fake.sentTo(BRANCH_ENF).filter((m) => /2024年9月9日—9月15日/.test(m.plain)).length, 1, 'the current week goes out');
    assert.equal(fake.sentTo(BRANCH_ENF).filter((m) => /2024年9月2日—9月8日/.test(m.plain)).length, 0);
  });

  void it('sends the August summary on 1 September with the August figures', async () => {
    await store.metrics.saveObservations(AUGUST);
    const run = boot();
    await run('summary', '2024-09-01T01:00:00Z');
    const [summary] = fake.sentTo(SUMMARY_ONLY);
    assert.ok(summary);
    assert.match(summary.plain, /2024年8月执行工作情况/);
    assert.match(summary.plain, /首执案件终本率：—｜10\.47%/);
    assert.match(summary.plain, /实际到位9,976\.54万元/);
    assert.equal(fake.sentTo(BRANCH_ENF).length, 0);
  });

  void it('tells the admins once when the figures are missing, and sends once after they are imported', async () => {
    const run = boot();
    await run('summary', '2024-09-01T01:00:00Z');
    await run('summary', '2024-09-01T02:00:00Z', 'sweep');
    assert.equal(fake.sentTo(SUMMARY_ONLY).length, 0);
    assert.equal(fake.sentTo(ADMIN_ID).length, 1);
    assert.match(fake.sentTo(ADMIN_ID)[0]!.plain, /2024年8月执行月度通报未发出：[^]*\/summary send 2024-08）/);

    await store.metrics.saveObservations(AUGUST);
    await run('summary', '2024-09-03T03:00:00Z', 'sweep');
    const again = await restart();
    await again('summary', '2024-09-03T03:01:00Z', 'start');
    assert.equal(fake.sentTo(SUMMARY_ONLY).length, 1);
    assert.match(fake.sentTo(SUMMARY_ONLY)[0]!.plain, /10\.47%/);
    assert.equal(fake.sentTo(ADMIN_ID).length, 1);
  });

  void it('does not resend a digest whose send was interrupted by a crash; asks the admins to check', async () => {
    await store.deliveries.claim('agenda', '2024-W36', BRANCH_ENF, MONDAY_0800, () => false);
    const run = await restart();
    await run('agenda', '2024-09-02T00:10:00Z', 'start');
    assert.equal(fake.sentTo(BRANCH_ENF).length, 0);
    assert.equal(fake.sentTo(BRANCH_CIVIL).length, 1);
    assert.match(fake.sentTo(ADMIN_ID)[0]!.plain, /发送中断/);
  });

  void it('resends a digest left uncertain by a crash when an admin forces it, as the admins\' note suggests', async () => {
    await store.deliveries.claim('agenda', '2024-W36', BRANCH_ENF, MONDAY_0800, () => false);
    const run = await restart();
    await run('agenda', '2024-09-02T00:10:00Z', 'start');
    assert.equal(fake.sentTo(BRANCH_ENF).length, 0);
    const report = await run('agenda', '2024-09-02T01:00:00Z', 'manual', { period: '2024-W36', force: true, chatIds: [BRANCH_ENF] });
    assert.equal(report.sent, 1);
    assert.equal(fake.sentTo(BRANCH_ENF).length, 1);
    assert.equal(store.deliveries.get('agenda', '2024-W36', BRANCH_ENF)?.status, 'sent');
  });

  void it('a forced resend of a digest sent in several parts sends every part again, not only the last', async () => {
    const long = Array.from({ length: 300 }, (_, i) => `line ${i} of a long agenda`).join('\n');
    const sender = createSender({ telegram: new Telegram(fake.token, { apiRoot: fake.apiRoot }), org: store.org, logger: silentLogger, sleep: async () => {} });
    const runner = createDigestRunner({ config, store, sender, logger: silentLogger, parseCron, sources: { agenda: async () => long, summary: async () => undefined } });
    await runner.run('agenda', { now: new Date(MONDAY_0800), trigger: 'cron', chatIds: [BRANCH_ENF] });
    const parts = fake.sentTo(BRANCH_ENF).length;
    assert.ok(parts > 1, 'the agenda went out in several parts');
    await runner.run('agenda', { now: new Date(MONDAY_0800), trigger: 'manual', period: '2024-W36', force: true, chatIds: [BRANCH_ENF] });
    assert.equal(fake.sentTo(BRANCH_ENF).length, 2 * parts);
  });

  void it('does not send the week\'s agenda again after the group became a supergroup (new chat id)', async () => {
    const NEW_ID = -1009990201;
    fake.migrate(BRANCH_ENF, NEW_ID);
    const run = boot();
    await run('agenda', MONDAY_0800);
    assert.equal(fake.sentTo(NEW_ID).length, 1, 'the sender followed migrate_to_chat_id');
    await run('agenda', '2024-09-02T00:01:00Z', 'sweep');
    const later = await restart();
    await later('agenda', '2024-09-04T02:00:00Z', 'start');
    assert.equal(fake.sentTo(NEW_ID).length, 1, 'once per week, whatever the chat id');
    assert.equal(store.deliveries.get('agenda', '2024-W36', NEW_ID)?.status, 'sent');
  });

  void it('keeps the delivery log with a binding moved by a migration service message', async () => {
    const NEW_ID = -1009990202;
    const run = boot();
    await run('agenda', MONDAY_0800);
    assert.equal(fake.sentTo(BRANCH_ENF).length, 1);
    await store.org.moveChat(BRANCH_ENF, NEW_ID);
    fake.addChat(NEW_ID);
    await run('agenda', '2024-09-04T02:00:00Z', 'sweep');
    assert.equal(fake.sentTo(NEW_ID).length, 0);
  });

  void it('follows a per-chat schedule', async () => {
    await store.org.saveChat({ ...store.org.chat(BRANCH_CIVIL)!, schedules: { agenda: '30 9 * * 1' } });
    const run = boot();
    await run('agenda', '2024-09-02T01:00:00Z', 'sweep');
    assert.equal(fake.sentTo(BRANCH_CIVIL).length, 0);
    await run('agenda', '2024-09-02T01:30:00Z', 'sweep');
    assert.equal(fake.sentTo(BRANCH_CIVIL).length, 1);
  });

  void it('marks a group that removed the bot inactive and does not try it again', async () => {
    fake.removeBot(BRANCH_CIVIL);
    const run = boot();
    const report = await run('agenda', MONDAY_0800);
    assert.deepEqual([report.sent, report.failed], [1, 1]);
    assert.equal(store.org.chat(BRANCH_CIVIL)?.active, false);
    assert.equal(store.deliveries.get('agenda', '2024-W36', BRANCH_CIVIL)?.reason, 'blocked');
    const calls = fake.calls.length;
    await run('agenda', '2024-09-02T00:01:00Z', 'sweep');
    assert.equal(fake.calls.length, calls);
  });

  void it('delivers an agenda with 200 progress updates as several messages the fake accepts', async () => {
    const item = await store.tasks.create({ title: '积案清理', owners: [ADMIN_ID], unit: 'branch_enf', status: 'open', createdBy: ADMIN_ID, createdAt: '2024-08-01T00:00:00Z' });
    for (let i = 0; i < 200; i++) {
      await store.progress.record({
        chatId: BRANCH_ENF,
        messageId: i + 1,
        author: 2000 + i,
        authorName: `干警${i}`,
        unit: 'branch_enf',
        itemCode: item.code,
        percent: i % 100,
        text: `第${i}条：清理 <积案> ${i} 件 & 核查终本案件，联系申请人说明进展情况。`,
        source: 'tag',
        at: new Date(Date.parse('2024-08-27T02:00:00Z') + i * 60_000).toISOString(),
      });
    }
    const run = boot();
    await run('agenda', MONDAY_0800);
    const parts = fake.sentTo(BRANCH_ENF);
    assert.ok(parts.length > 1, `${parts.length} part(s)`);
    const all = parts.map((p) => p.plain).join('\n');
    assert.match(all, /第0条：清理 <积案> 0 件 & 核查/);
    assert.match(all, /第199条/);
    assert.ok(fake.calls.every((c) => !c.error));
    assert.equal(store.deliveries.get('agenda', '2024-W36', BRANCH_ENF)?.status, 'sent');
  });
});
