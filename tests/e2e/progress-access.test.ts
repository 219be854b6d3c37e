import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Update } from 'telegraf/types';
import type { BoundChat, StaffMember } from '../../src/domain/org.ts';
import type { WorkItem } from '../../src/domain/progress/types.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN, editedMessage, nextMessageId, textMessage, type TestChat, type TestUser } from '../helpers/updates.ts';

/**
 * Issue 12, item 5: whose items one may report on, edits that move an update to another item,
 * updates that are only invisible characters, and anonymous admins' #进度.
 */
const user = (id: number, first_name: string, language_code = 'zh-hans'): TestUser => ({ id, first_name, language_code });
const ENF = user(7201, '执行干警');
const CIV = user(7202, '民一干警');
const CIV_EN = user(7203, 'Civil clerk', 'en');
const BOTH = user(7204, '两部门干警');
const OWNER = user(7205, '刑庭负责人员');
const ASSIST = user(7206, '民二配合干警');
const LEADER = user(7207, '分管院领导');
const ANONYMOUS: TestUser = { id: 1087968824, first_name: 'Group', username: 'GroupAnonymousBot' };
const GROUP_CIV: TestChat = { id: -1007200000001, type: 'supergroup', title: '民一庭工作群' };
const GROUP_EN: TestChat = { id: -1007200000002, type: 'supergroup', title: 'Civil (en)' };

const member = (u: TestUser, units: string[]): StaffMember => ({ id: u.id, name: u.first_name, role: 'staff', units, active: true, registeredAt: '2024-08-01T00:00:00.000Z' });
const bound = (chat: TestChat, unit: string, extra: Partial<BoundChat> = {}): BoundChat => ({
  id: chat.id,
  title: chat.title!,
  unit,
  subscriptions: ['agenda'],
  active: true,
  boundBy: ADMIN.id,
  boundAt: '2024-08-01T00:00:00.000Z',
  ...extra,
});
const item = (title: string, unit: string, extra: Partial<WorkItem> = {}): Omit<WorkItem, 'code'> => ({
  title,
  unit,
  owners: [],
  status: 'open',
  createdBy: ADMIN.id,
  createdAt: '2024-08-01T00:00:00.000Z',
  ...extra,
});

/** The same message, as an anonymous admin sends it: "as the group". */
function asGroup(update: Omit<Update, 'update_id'>, chat: TestChat): Omit<Update, 'update_id'> {
  const message: object = 'message' in update ? (update as Update.MessageUpdate).message : (update as Update.EditedMessageUpdate).edited_message;
  Object.assign(message, { sender_chat: { id: chat.id, type: 'supergroup', title: chat.title } });
  return update;
}

describe('progress: whose items, edits, invisible text and anonymous admins', () => {
  let h: Harness;
  const stored = async () => h.app.store.progress.between(new Date('2024-01-01T00:00:00Z'));

  before(async () => {
    h = await startHarness({ now: '2024-09-03T02:00:00Z' });
    const org = h.app.store.org;
    for (const [u, units] of [
      [ENF, ['enforcement']],
      [CIV, ['civil1']],
      [CIV_EN, ['civil1']],
      [BOTH, ['enforcement', 'civil1']],
      [OWNER, ['criminal']],
      [ASSIST, ['civil2']],
      [LEADER, ['court']],
    ] as const) {
      await org.saveMember(member(u, [...units]));
    }
    await org.saveChat(bound(GROUP_CIV, 'civil1'));
    await org.saveChat(bound(GROUP_EN, 'civil1', { lang: 'en' }));
    const tasks = h.app.store.tasks;
    await tasks.create(item('执行款发放', 'enforcement', { owners: [OWNER.id], assist: ['civil2'], leader: LEADER.id })); // T1
    await tasks.create(item('诉前调解', 'civil1')); // T2
    await tasks.create(item('刑事速裁', 'criminal')); // T3
  });
  after(async () => {
    await h.stop();
  });

  it('refuses an update on another unit’s item, with the reason, and stores nothing', async () => {
    const before = (await stored()).length;
    const [zh] = await h.say(CIV, '/progress #T1 帮执行局发放执行款 50%');
    assert.match(zh!.plain, /T1 执行款发放 属于 执行局/);
    assert.match(zh!.plain, /未记录/);
    const [en] = await h.say(CIV_EN, '/progress #T1 paid out 50%');
    assert.match(en!.plain, /T1 执行款发放 belongs to Enforcement Bureau/);
    assert.match(en!.plain, /not recorded/);
    const [group] = await h.say(CIV, '#进度 #T3 速裁 20%', GROUP_CIV);
    assert.match(group!.plain, /T3 刑事速裁 属于 刑事审判庭/);
    assert.equal((await stored()).length, before);
  });

  it('takes updates on an item from its unit, owners, assisting units, its leader and admins', async () => {
    for (const u of [ENF, OWNER, ASSIST, LEADER, BOTH, ADMIN]) {
      const [ok] = await h.say(u, '/progress #T1 本周发放 3 笔 40%');
      assert.match(ok!.plain, /已记录进展 #\d+：T1 执行款发放/, `${u.first_name}: ${ok!.plain}`);
    }
    const onT1 = (await stored()).filter((u) => u.itemCode === 'T1' && u.text === '本周发放 3 笔 40%');
    assert.equal(onT1.length, 6);
    assert.ok(onT1.every((u) => u.unit === 'enforcement'));
  });

  it('moves an edited update to the new item’s unit, and refuses an edit to an item the author may not report on', async () => {
    const messageId = nextMessageId();
    const [first] = await h.send(textMessage({ text: '/progress #T1 初稿 10%', from: BOTH, messageId }));
    const id = Number(/#(\d+)/.exec(first!.plain)![1]);
    assert.equal(h.app.store.progress.get(id)?.unit, 'enforcement');

    const [moved] = await h.send(editedMessage({ text: '/progress #T2 其实是调解工作 20%', from: BOTH, messageId }));
    assert.match(moved!.plain, /已按修改后的消息更新进展/);
    const afterMove = h.app.store.progress.get(id)!;
    assert.equal(afterMove.itemCode, 'T2');
    assert.equal(afterMove.unit, 'civil1');

    const [refused] = await h.send(editedMessage({ text: '/progress #T3 速裁 30%', from: BOTH, messageId }));
    assert.match(refused!.plain, /T3 刑事速裁 属于 刑事审判庭/);
    assert.deepEqual(h.app.store.progress.get(id), afterMove);
  });

  it('refuses an update of only invisible characters as empty, with the usage hint', async () => {
    const before = (await stored()).length;
    const invisible = ['\u200B\u200C\u200D\u2060\uFEFF', ' \u200B \u3000\u2060\t', '\u00AD\u034F\u180E\u2800\u3164\u{E0020}', '#T2 \u200B\u200D'];
    for (const text of invisible) {
      const [privately] = await h.say(CIV, `/progress ${text}`);
      assert.match(privately!.plain, /用法：\/progress 进展内容/, JSON.stringify(text));
      const [inGroup] = await h.say(CIV, `#进度 ${text}`, GROUP_CIV);
      assert.match(inGroup!.plain, /用法：\/progress 进展内容/, JSON.stringify(text));
    }
    assert.equal((await stored()).length, before);
  });

  it('tells an anonymous admin why their #进度 is not recorded, in the group’s language', async () => {
    const before = (await stored()).length;
    const [zh] = await h.send(asGroup(textMessage({ text: '#进度 #T2 匿名发送 50%', from: ANONYMOUS, chat: GROUP_CIV }), GROUP_CIV));
    assert.match(zh!.plain, /匿名.*无法.*本人身份/s);
    assert.match(zh!.plain, /未记录/);
    const [en] = await h.send(asGroup(textMessage({ text: '#progress sent anonymously', from: ANONYMOUS, chat: GROUP_EN }), GROUP_EN));
    assert.match(en!.plain, /anonymous.*cannot be attributed.*as yourself/is);
    // Anything else an anonymous admin says in the group is still ignored.
    assert.equal((await h.send(asGroup(textMessage({ text: '大家好', from: ANONYMOUS, chat: GROUP_CIV }), GROUP_CIV))).length, 0);
    assert.equal((await stored()).length, before);
  });
});
