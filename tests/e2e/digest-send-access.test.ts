import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BoundChat } from '../../src/domain/org.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN, type TestUser } from '../helpers/updates.ts';

/**
 * /summary send and /review send push a court-wide text into groups: a manager sends only the
 * period now due, only into the groups of the units they manage; past periods, every group and
 * `force` are an admin's decision (issue 12, item 5).
 */
const MANAGER: TestUser = { id: 4201, first_name: '执行局长', language_code: 'zh-hans' };
const ENGLISH_MANAGER: TestUser = { id: 4202, first_name: 'Office head', language_code: 'en' };
const ENF_GROUP = -100420001;
const CIVIL_GROUP = -100420002;

void describe('who may push the summary and the reviews', () => {
  let h: Harness;
  const sent = (chatId: number) => h.fake.sentTo(chatId).length;

  before(async () => {
    h = await startHarness({ now: '2024-10-10T02:00:00Z' });
    const org = h.app.store.org;
    await org.saveMember({ id: MANAGER.id, name: MANAGER.first_name, role: 'manager', units: ['enforcement'], active: true, registeredAt: '2024-01-01T00:00:00Z' });
    await org.saveMember({ id: ENGLISH_MANAGER.id, name: ENGLISH_MANAGER.first_name, role: 'manager', units: ['tmo'], active: true, registeredAt: '2024-01-01T00:00:00Z' });
    const chat = (id: number, unit: string): BoundChat => ({ id, title: `g${id}`, unit, subscriptions: ['summary', 'review'], active: true, boundBy: ADMIN.id, boundAt: '2024-01-01T00:00:00Z' });
    await org.saveChat(chat(ENF_GROUP, 'enforcement'));
    await org.saveChat(chat(CIVIL_GROUP, 'civil1'));
    h.fake.addChat(ENF_GROUP);
    h.fake.addChat(CIVIL_GROUP);
    await h.app.store.metrics.saveObservations(
      ['2024-08', '2024-09'].map((period) => ({ metric: 'enf_amount_realized_rate', unit: 'court', period, basis: 'ytd' as const, value: 80.81 })),
    );
  });
  after(() => h.stop());

  void it('refuses a manager a past month, says why, and sends nothing', async () => {
    const reply = (await h.say(MANAGER, '/summary send 2024-08')).at(-1);
    assert.match(reply!.plain, /只有管理员可以补发往期/);
    assert.match(reply!.plain, /2024年9月/, 'the refusal names the month a manager may send');
    assert.equal(sent(ENF_GROUP) + sent(CIVIL_GROUP), 0);
    const english = (await h.say(ENGLISH_MANAGER, '/summary send 2024-08')).at(-1);
    assert.match(english!.plain, /Only admins send a past period/);
  });

  void it('lets a manager send the month now due into their own units’ groups only', async () => {
    const replies = await h.say(MANAGER, '/summary send');
    assert.match(replies.at(-1)!.plain, /已发送 1 个群/);
    assert.equal(sent(ENF_GROUP), 1);
    assert.equal(sent(CIVIL_GROUP), 0, 'another unit’s group is the admins’ or its own manager’s to send to');
    const none = (await h.say(ENGLISH_MANAGER, '/summary send 2024-09')).at(-1);
    assert.match(none!.plain, /no group of your units/i);
    assert.equal(sent(CIVIL_GROUP), 0);
  });

  void it('lets an admin send any month to every subscribed group', async () => {
    assert.match((await h.say(ADMIN, '/summary send 2024-08')).at(-1)!.plain, /已发送 2 个群/);
    assert.match((await h.say(ADMIN, '/summary send')).at(-1)!.plain, /已发送 1 个群，跳过（已发过）1 个/);
    assert.equal(sent(ENF_GROUP), 2);
    assert.equal(sent(CIVIL_GROUP), 2);
  });

  void it('applies the same rule to /review send', async () => {
    const before = [sent(ENF_GROUP), sent(CIVIL_GROUP)];
    const refused = (await h.say(MANAGER, '/review send 2024Q2')).at(-1);
    assert.match(refused!.plain, /只有管理员可以补发往期/);
    assert.deepEqual([sent(ENF_GROUP), sent(CIVIL_GROUP)], before);
    assert.match((await h.say(MANAGER, '/review send')).at(-1)!.plain, /已发送 1 个群/);
    assert.deepEqual([sent(ENF_GROUP), sent(CIVIL_GROUP)], [before[0]! + 1, before[1]]);
    assert.match((await h.say(ADMIN, '/review send 2024Q2')).at(-1)!.plain, /已发送 2 个群/);
  });
});
