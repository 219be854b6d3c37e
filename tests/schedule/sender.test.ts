import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Telegram } from 'telegraf';
import { silentLogger } from '../../src/logger.ts';
import { createSender } from '../../src/schedule/sender.ts';
import { Throttle } from '../../src/schedule/throttle.ts';
import { openMemoryStore, type Store } from '../../src/store/open-store.ts';
import { FakeTelegram } from '../helpers/fake-telegram.ts';

const GROUP_A = -1001;
const GROUP_B = -1002;

function virtualTime() {
  let t = 1_000_000;
  const waits: number[] = [];
  return { now: () => t, sleep: async (ms: number) => void (waits.push(ms), (t += ms)), waits };
}

void describe('sender against the fake Bot API', () => {
  let fake: FakeTelegram;
  let store: Store;
  before(async () => {
    fake = await FakeTelegram.start();
    store = await openMemoryStore();
  });
  after(() => fake.close());

  const bind = (id: number) =>
    store.org.saveChat({ id, title: `g${id}`, unit: 'enforcement', subscriptions: ['agenda'], active: true, boundBy: 1, boundAt: '2024-09-01T00:00:00Z' });
  const make = () => {
    const time = virtualTime();
    const telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    return { time, sender: createSender({ telegram, org: store.org, logger: silentLogger, now: time.now, sleep: time.sleep }) };
  };

  void it('waits out a 429 for retry_after seconds and then delivers once', async () => {
    fake.addChat(GROUP_A);
    fake.rateLimit(GROUP_A, 7);
    const { sender, time } = make();
    const result = await sender.sendHtml(GROUP_A, '<b>议程</b>');
    assert.equal(result.ok, true);
    assert.equal(fake.sentTo(GROUP_A).length, 1);
    assert.ok(time.waits.some((w) => w >= 7000), `waited ${time.waits.join(',')}`);
    assert.equal(sender.stats.retriedAfter429, 1);
  });

  void it('ends a 429 wait at once when stopped, sends nothing more, and says deferred', async () => {
    const id = -1011;
    fake.addChat(id);
    fake.rateLimit(id, 300, 5);
    const stop = new AbortController();
    const sender = createSender({ telegram: new Telegram(fake.token, { apiRoot: fake.apiRoot }), org: store.org, logger: silentLogger, signal: stop.signal });
    const sending = sender.sendHtml(id, 'x');
    await fake.waitFor(() => fake.callsOf('sendMessage').some((c) => c.payload.chat_id === id && c.error?.code === 429), 5000, 'the 429');
    const stopped = Date.now();
    stop.abort();
    const result = await sending;
    assert.ok(Date.now() - stopped < 1000, `the wait went on for ${Date.now() - stopped} ms`);
    assert.deepEqual(result.ok ? 'ok' : result.reason, 'deferred');
    const later = await sender.sendHtml(id, 'y');
    assert.deepEqual(later.ok ? 'ok' : later.reason, 'deferred');
    assert.equal(fake.callsOf('sendMessage').filter((c) => c.payload.chat_id === id).length, 1, 'nothing sent after the stop');
  });

  void it('defers instead of waiting hours', async () => {
    fake.addChat(GROUP_B);
    fake.rateLimit(GROUP_B, 3600);
    const { sender } = make();
    const result = await sender.sendHtml(GROUP_B, 'x');
    assert.deepEqual(result.ok ? 'ok' : result.reason, 'deferred');
    assert.equal(fake.sentTo(GROUP_B).length, 0);
  });

  void it('stops waiting on a chat that keeps answering 429 and defers it', async () => {
    const id = -1007;
    fake.addChat(id);
    fake.rateLimit(id, 2, 50);
    const { sender } = make();
    const result = await sender.sendHtml(id, 'x');
    assert.equal(result.ok ? 'ok' : result.reason, 'deferred');
    assert.equal(fake.callsOf('sendMessage').filter((c) => c.payload.chat_id === id).length, 11);
  });

  void it('marks a chat that removed the bot inactive and reports blocked', async () => {
    const id = -1003;
    fake.addChat(id);
    await bind(id);
    fake.removeBot(id);
    const { sender } = make();
    const result = await sender.sendHtml(id, 'x');
    assert.equal(result.ok ? 'ok' : result.reason, 'blocked');
    assert.equal(store.org.chat(id)?.active, false);
  });

  void it('follows migrate_to_chat_id: moves the binding and sends once to the new id', async () => {
    const id = -1004;
    const to = -1009004;
    fake.addChat(id);
    await bind(id);
    fake.migrate(id, to);
    const { sender } = make();
    const result = await sender.sendHtml(id, 'x');
    assert.equal(result.ok, true);
    assert.equal(fake.sentTo(to).length, 1);
    assert.equal(store.org.chat(id), undefined);
    assert.equal(store.org.chat(to)?.unit, 'enforcement');
  });

  void it('retries 5xx with backoff, gives up after the bounded number of retries', async () => {
    const id = -1005;
    fake.addChat(id);
    fake.failNext(id, 502, 'Bad Gateway', 2);
    const { sender, time } = make();
    assert.equal((await sender.sendHtml(id, 'x')).ok, true);
    assert.deepEqual(time.waits.filter((w) => w >= 1000), [1000, 2000]);
    fake.failNext(id, 500, 'Internal', 10);
    const failed = await sender.sendHtml(id, 'y');
    assert.equal(failed.ok ? 'ok' : failed.reason, 'failed');
  });

  void it('says which parts went out again after a lost answer (Telegram accepted the first try)', async () => {
    const GROUP_C = -1077;
    fake.addChat(GROUP_C);
    fake.loseAnswerNext(GROUP_C);
    const { sender } = make();
    const result = await sender.sendHtml(GROUP_C, '<b>通报</b>');
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(fake.sentTo(GROUP_C).length, 2, 'the retried part reached the chat twice');
    assert.equal(result.ok && result.mayRepeat, 1);
    const clean = await sender.sendHtml(GROUP_C, '<b>通报</b>');
    assert.equal(clean.ok && clean.mayRepeat, 0);
  });

  void it('reports a chat the bot never met as not_found', async () => {
    const { sender } = make();
    const result = await sender.sendHtml(-1999, 'x');
    assert.equal(result.ok ? 'ok' : result.reason, 'not_found');
  });

  void it('splits a long text into parts the fake accepts, in order', async () => {
    const id = -1006;
    fake.addChat(id);
    const line = '<b>T1</b> 进度 &lt;50%&gt; ' + '很长的进展说明'.repeat(20);
    const html = Array.from({ length: 100 }, (_, i) => `${i} ${line}`).join('\n');
    const { sender } = make();
    const result = await sender.sendHtml(id, html);
    assert.ok(result.ok);
    assert.ok(result.messageIds.length > 1);
    const parts = fake.sentTo(id);
    assert.equal(parts.length, result.messageIds.length);
    assert.match(parts[0]!.plain, /^0 T1/);
  });
});

void describe('throttle', () => {
  void it('keeps every second under the global rate and every group minute under 20', () => {
    const throttle = new Throttle({ globalPerSecond: 30, groupPerMinute: 20, chatIntervalMs: 1000 });
    const times: number[] = [];
    for (let i = 0; i < 300; i++) times.push(throttle.reserve(-(i % 300) - 1, 0));
    times.sort((a, b) => a - b);
    for (let i = 30; i < times.length; i++) assert.ok(times[i]! - times[i - 30]! >= 999);
    const group: number[] = [];
    for (let i = 0; i < 45; i++) group.push(throttle.reserve(-5000, 0));
    for (let i = 20; i < group.length; i++) assert.ok(group[i]! - group[i - 20]! >= 60_000);
    for (let i = 1; i < group.length; i++) assert.ok(group[i]! - group[i - 1]! >= 1000);
  });
});
