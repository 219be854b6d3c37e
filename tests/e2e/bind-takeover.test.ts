import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BoundChat, StaffMember } from '../../src/domain/org.ts';
import { prepareDataDir, readJsonLines, startBotProcess } from '../helpers/bot-process.ts';
import { FakeTelegram, type SentMessage } from '../helpers/fake-telegram.ts';
import { startHarness, tempDataDir, type Harness } from '../helpers/harness.ts';
import { ADMIN, textMessage, type TestChat, type TestUser } from '../helpers/updates.ts';

/**
 * Issue 12, item 3: a group bound to unit B belongs to B. A manager of unit A alone cannot move
 * it to A (B's digests would stop, progress posted there would count for A) nor unbind it.
 */
const MANAGER_A: TestUser = { id: 7101, first_name: '民一庭庭长', language_code: 'zh-hans' };
const MANAGER_A_EN: TestUser = { id: 7102, first_name: 'Civil manager', language_code: 'en' };
const MANAGER_AB: TestUser = { id: 7103, first_name: '两部门负责人', language_code: 'zh-hans' };
const GROUP_B: TestChat = { id: -1007100000001, type: 'supergroup', title: '执行局工作群' };

const manager = (user: TestUser, units: string[]): StaffMember => ({
  id: user.id,
  name: user.first_name,
  role: 'manager',
  units,
  active: true,
  registeredAt: '2024-08-01T00:00:00.000Z',
});
const MEMBERS = [manager(MANAGER_A, ['civil1']), manager(MANAGER_A_EN, ['civil1']), manager(MANAGER_AB, ['civil1', 'enforcement'])];
const BOUND_B: BoundChat = {
  id: GROUP_B.id,
  title: GROUP_B.title!,
  unit: 'enforcement',
  subscriptions: ['agenda', 'summary'],
  active: true,
  boundBy: ADMIN.id,
  boundAt: '2024-08-01T00:00:00.000Z',
};

const REFUSAL_ZH = /本群已绑定到 执行局。只有 执行局 的负责人或管理员可以改绑或解绑，未做更改。/;
const REFUSAL_EN = /This group is bound to Enforcement Bureau\. Only a manager of Enforcement Bureau or an admin can rebind or unbind it; nothing was changed\./;

describe('binding a group that belongs to another unit (in process)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ now: '2024-09-03T02:00:00Z' });
    for (const m of MEMBERS) await h.app.store.org.saveMember(m);
    await h.app.store.org.saveChat(BOUND_B);
  });
  after(async () => {
    await h.stop();
  });

  it('refuses a manager of A who rebinds or unbinds B’s group, in zh and en, and changes nothing', async () => {
    const auditBefore = (await h.app.store.audit.recent(100)).length;
    const [zh] = await h.say(MANAGER_A, '/bind civil1', GROUP_B);
    assert.match(zh!.plain, REFUSAL_ZH);
    const [en] = await h.say(MANAGER_A_EN, '/bind civil1', GROUP_B);
    assert.match(en!.plain, REFUSAL_EN);
    const [unbind] = await h.say(MANAGER_A, '/unbind', GROUP_B);
    assert.match(unbind!.plain, REFUSAL_ZH);
    assert.deepEqual(h.app.store.org.chat(GROUP_B.id), BOUND_B);
    assert.equal((await h.app.store.audit.recent(100)).length, auditBefore);
  });

  it('lets a manager of both units, and an admin, move the group', async () => {
    const [moved] = await h.say(MANAGER_AB, '/bind civil1', GROUP_B);
    assert.match(moved!.plain, /已绑定到 民事审判一庭/);
    assert.equal(h.app.store.org.chat(GROUP_B.id)?.unit, 'civil1');
    const [back] = await h.say(ADMIN, '/bind enforcement', GROUP_B);
    assert.match(back!.plain, /已绑定到 执行局/);
    assert.equal(h.app.store.org.chat(GROUP_B.id)?.unit, 'enforcement');
    // Binding to the unit it already has is the own unit's manager's business: allowed.
    const [same] = await h.say(MANAGER_AB, '/bind enforcement', GROUP_B);
    assert.match(same!.plain, /已绑定到 执行局/);
  });
});

describe('binding a group that belongs to another unit (real bot process)', () => {
  let fake: FakeTelegram;
  let dataDir: string;
  before(async () => {
    fake = await FakeTelegram.start();
    dataDir = await tempDataDir();
    await prepareDataDir(dataDir, { members: MEMBERS, chats: [BOUND_B] });
  });
  after(async () => {
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const chatsOnDisk = async () => (JSON.parse(await readFile(join(dataDir, 'org.json'), 'utf8')) as { chats: BoundChat[] }).chats;
  // The process catches up on the week's agenda for the bound group too: look for the answer itself.
  const answerIn = (chatId: number, from: number, pattern: RegExp) =>
    fake.waitFor(() => fake.sent.slice(from).find((m: SentMessage) => m.chatId === chatId && pattern.test(m.plain)), 20_000, `${String(pattern)} in ${chatId}`);

  it('a manager cannot rebind another unit’s group', { timeout: 60_000 }, async () => {
    const chatsBefore = await chatsOnDisk();
    const bot = startBotProcess({ fake, dataDir });
    try {
      await bot.waitForPolling();
      for (const [user, text, refusal] of [
        [MANAGER_A, '/bind civil1', REFUSAL_ZH],
        [MANAGER_A_EN, '/bind civil1', REFUSAL_EN],
        [MANAGER_A, '/unbind', REFUSAL_ZH],
      ] as const) {
        const from = fake.sent.length;
        fake.pushUpdate(textMessage({ text, from: user, chat: GROUP_B }));
        await answerIn(GROUP_B.id, from, refusal);
      }
      assert.equal(bot.exit, undefined, bot.stderr());
    } finally {
      await bot.stop('SIGTERM');
    }
    assert.deepEqual(await chatsOnDisk(), chatsBefore);
    const audit = (await readJsonLines(join(dataDir, 'audit'))).map((r) => (r.record as { action: string }).action);
    assert.deepEqual(audit.filter((a) => a.startsWith('chat.')), []);
  });
});
