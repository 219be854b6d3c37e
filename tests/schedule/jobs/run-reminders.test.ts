import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { parseConfig } from '../../../src/config.ts';
import type { StaffMember } from '../../../src/domain/org.ts';
import type { WorkItem } from '../../../src/domain/progress/types.ts';
import { silentLogger } from '../../../src/logger.ts';
import { createFixedClock } from '../../../src/schedule/clock.ts';
import { runReminders } from '../../../src/schedule/jobs/run-reminders.ts';
import type { InlineButton, Sender, SendResult } from '../../../src/schedule/sender-port.ts';
import { openMemoryStore } from '../../../src/store/open-store.ts';

const config = parseConfig({});
const A = 20001;
const B = 20002;
const C = 20003;
const GONE = 20004;
const GROUP = -100777;

class FakeSender implements Sender {
  calls: { chatId: number; html: string; buttons?: InlineButton[][] }[] = [];
  blocked = new Set<number>();
  failing = new Set<number>();
  sendHtml(chatId: number, html: string, options?: { buttons?: InlineButton[][] }): Promise<SendResult> {
    this.calls.push({ chatId, html, ...(options?.buttons ? { buttons: options.buttons } : {}) });
    if (this.blocked.has(chatId)) return Promise.resolve({ ok: false, reason: 'blocked', description: 'Forbidden: bot was blocked by the user' });
    if (this.failing.has(chatId)) return Promise.resolve({ ok: false, reason: 'failed', description: 'Internal Server Error' });
    return Promise.resolve({ ok: true, messageIds: [1] });
  }
}

const member = (id: number, name: string, active = true): StaffMember => ({ id, name, role: 'staff', units: ['enforcement'], active, registeredAt: '2024-01-01T00:00:00.000Z' });
const item = (owners: number[], extra: Partial<Omit<WorkItem, 'code'>> = {}): Omit<WorkItem, 'code'> => ({
  title: `工作 <${owners.join(',')}>`,
  owners,
  unit: 'enforcement',
  status: 'open',
  createdBy: 1,
  createdAt: '2024-08-01T00:00:00.000Z',
  ...extra,
});

describe('runReminders', () => {
  let store: Awaited<ReturnType<typeof openMemoryStore>>;
  let sender: FakeSender;
  // Friday 2024-09-06 16:00 Shanghai; the last meeting was Monday 2024-09-02 08:00 Shanghai.
  const clock = createFixedClock('2024-09-06T08:00:00Z');
  const run = () => runReminders({ store, sender, clock, config, logger: silentLogger });

  beforeEach(async () => {
    clock.set('2024-09-06T08:00:00Z');
    sender = new FakeSender();
    store = await openMemoryStore({ seedUnits: [{ code: 'enforcement', nameZh: '执行局', nameEn: 'Enforcement', kind: 'enforcement' }] });
    for (const m of [member(A, '甲'), member(B, '乙'), member(C, '丙 <b>'), member(GONE, '离职', false)]) await store.org.saveMember(m);
    await store.org.saveChat({ id: GROUP, title: 'g', unit: 'enforcement', subscriptions: [], active: true, boundBy: 1, boundAt: '' });
    await store.tasks.create(item([A, B])); // T1: updated this week
    await store.tasks.create(item([A])); // T2: never updated
    await store.tasks.create(item([A, C])); // T3: updated before the last meeting only
    await store.tasks.create(item([B], { status: 'done' })); // T4: closed
    await store.tasks.create(item([GONE])); // T5: owner deactivated
    const base = { chatId: GROUP, author: A, authorName: '甲', unit: 'enforcement', text: 'x', source: 'tag' as const };
    await store.progress.record({ ...base, messageId: 1, itemCode: 'T1', at: '2024-09-03T02:00:00.000Z' });
    await store.progress.record({ ...base, messageId: 2, itemCode: 'T3', at: '2024-09-01T02:00:00.000Z' });
  });

  it('reminds each owner of a stale item once, privately, with a button', async () => {
    const report = await run();
    assert.equal(report.week, '2024-W36');
    assert.equal(report.since, '2024-09-02T00:00:00.000Z');
    assert.deepEqual(sender.calls.map((c) => c.chatId), [A, C]);
    const toA = sender.calls[0]!;
    assert.match(toA.html, /T2/);
    assert.match(toA.html, /T3/);
    assert.doesNotMatch(toA.html, /<b>T1<\/b>|T4|T5/);
    assert.match(toA.html, /工作 &lt;20001&gt;/);
    assert.deepEqual(toA.buttons?.[0]?.[0]?.callbackData, 'progress:prompt');
    assert.deepEqual({ sent: report.sent, skipped: report.skipped }, { sent: 2, skipped: 1 });
  });

  it('never sends twice in a week, across reruns, and reminds again the next week', async () => {
    await run();
    sender.calls = [];
    const again = await run();
    assert.equal(sender.calls.length, 0);
    assert.equal(again.skipped, 3);
    // Next week T1's update is from before the last meeting too, so B is due as well.
    clock.set('2024-09-13T08:00:00Z');
    await run();
    assert.deepEqual(sender.calls.map((c) => c.chatId), [A, B, C]);
  });

  it('mentions someone who blocked the bot in their unit group instead', async () => {
    sender.blocked.add(C);
    const report = await run();
    assert.deepEqual(sender.calls.map((c) => c.chatId), [A, C, GROUP]);
    const group = sender.calls[2]!;
    assert.match(group.html, new RegExp(`<a href="tg://user\\?id=${C}">丙 &lt;b&gt;</a>`));
    assert.match(group.html, /T3/);
    assert.doesNotMatch(group.html, /T2/);
    assert.equal(report.viaGroup, 1);
    sender.calls = [];
    await run();
    assert.equal(sender.calls.length, 0);
  });

  it('tries a failed send again on the next run', async () => {
    sender.failing.add(A);
    const first = await run();
    assert.equal(first.failed, 1);
    sender.failing.clear();
    sender.calls = [];
    await run();
    assert.deepEqual(sender.calls.map((c) => c.chatId), [A]);
  });
});
