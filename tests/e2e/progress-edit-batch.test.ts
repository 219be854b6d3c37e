import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Update } from 'telegraf/types';
import type { StaffMember } from '../../src/domain/org.ts';
import type { SentMessage } from '../helpers/fake-telegram.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN, editedMessage, nextMessageId, textMessage, type TestChat, type TestUser } from '../helpers/updates.ts';

/**
 * Issue 12, item 9: an edit delivered in the same getUpdates answer as its message, an edit of
 * a message with no record, and the /undo echo that must not cut an emoji in half.
 */
const STAFF: TestUser = { id: 7301, first_name: '执行干警', language_code: 'zh-hans' };
const GROUP: TestChat = { id: -1007300000001, type: 'supergroup', title: '执行局工作群' };
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('progress edits in one batch with their message, and /undo echoes', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ now: '2024-09-03T02:00:00Z' });
    const staff: StaffMember = { id: STAFF.id, name: STAFF.first_name, role: 'staff', units: ['enforcement'], active: true, registeredAt: '2024-08-01T00:00:00.000Z' };
    await h.app.store.org.saveMember(staff);
    await h.app.store.org.saveChat({ id: GROUP.id, title: GROUP.title!, unit: 'enforcement', subscriptions: ['agenda'], active: true, boundBy: ADMIN.id, boundAt: '2024-08-01T00:00:00.000Z' });
    await h.app.store.tasks.create({ title: '执行款发放', unit: 'enforcement', owners: [STAFF.id], status: 'open', createdBy: ADMIN.id, createdAt: '2024-08-01T00:00:00.000Z' });
  });
  after(async () => {
    await h.stop();
  });

  /** Pushes the updates as one getUpdates answer and waits until the bot handled them all. */
  const batch = async (updates: Omit<Update, 'update_id'>[]): Promise<SentMessage[]> => {
    const from = h.fake.sent.length;
    const ids = h.fake.pushBatch(updates);
    await h.fake.waitFor(() => h.fake.pendingUpdates === 0, 20_000, 'the batch to be handled');
    assert.ok(
      h.fake.deliveredBatches.some((b) => ids.every((id) => b.includes(id))),
      `not delivered in one answer: ${JSON.stringify(h.fake.deliveredBatches.slice(-3))}`,
    );
    return h.fake.sent.slice(from);
  };

  for (const [where, chat, command] of [
    ['private chat', undefined, '/progress'],
    ['bound group', GROUP, '#进度'],
  ] as const) {
    it(`applies an edit that arrives with its message in one batch (${where})`, async () => {
      const messageId = nextMessageId();
      const sent = await batch([
        textMessage({ text: `${command} #T1 初稿 10%`, from: STAFF, messageId, ...(chat ? { chat } : {}) }),
        editedMessage({ text: `${command} #T1 二稿 20%`, from: STAFF, messageId, ...(chat ? { chat } : {}) }),
        editedMessage({ text: `${command} #T1 定稿 30%`, from: STAFF, messageId, ...(chat ? { chat } : {}) }),
      ]);
      const record = h.app.store.progress.byMessage(chat?.id ?? STAFF.id, messageId);
      assert.equal(record?.text, '定稿 30%', JSON.stringify(sent.map((m) => m.plain)));
      assert.equal(record?.percent, 30);
      assert.equal(sent.filter((m) => /已记录进展/.test(m.plain)).length, 1);
      assert.equal(sent.filter((m) => /已按修改后的消息更新进展/.test(m.plain)).length, 2);
    });
  }

  it('answers an edit of a message that has no record (never recorded, or taken back) and changes nothing', async () => {
    const stored = async () => JSON.stringify(await h.app.store.progress.between(new Date(0)));
    const before = await stored();
    for (const chat of [undefined, GROUP]) {
      const sent = await h.send(editedMessage({ text: '#进度 #T1 补记 50%', from: STAFF, messageId: nextMessageId(), ...(chat ? { chat } : {}) }));
      assert.equal(sent.length, 1);
      assert.match(sent[0]!.plain, /没有对应的进展记录.*未做更改/);
    }
    const messageId = nextMessageId();
    await h.send(textMessage({ text: '#进度 #T1 要撤回的 40%', from: STAFF, chat: GROUP, messageId }));
    await h.say(STAFF, '/undo');
    const afterUndo = await stored();
    const [edited] = await h.send(editedMessage({ text: '#进度 #T1 撤回后再改 45%', from: STAFF, chat: GROUP, messageId }));
    assert.match(edited!.plain, /没有对应的进展记录.*未做更改/);
    assert.equal(await stored(), afterUndo);
    assert.equal(afterUndo, before);
    assert.equal(h.app.store.progress.byMessage(GROUP.id, messageId)?.text, '要撤回的 40%');
  });

  it('echoes an undone update without cutting an emoji that straddles the 80th character', async () => {
    const text = `${'进'.repeat(79)}😀${'展'.repeat(10)}`;
    assert.equal(text.charCodeAt(79), 0xd83d);
    await h.say(STAFF, `/progress ${text}`);
    const [undone] = await h.say(STAFF, '/undo');
    assert.ok(undone, 'no answer');
    assert.ok(!LONE_SURROGATE.test(undone.text), `a lone surrogate in ${JSON.stringify(undone.text.slice(-12))}`);
    assert.ok(undone.plain.includes(`${'进'.repeat(79)}…`), undone.plain);
    const flag = `${'进'.repeat(78)}👨‍👩‍👧 后面`;
    await h.say(STAFF, `/progress ${flag}`);
    const [family] = await h.say(STAFF, '/undo');
    assert.ok(family!.plain.endsWith(`${'进'.repeat(78)}…`), family!.plain);
  });
});
