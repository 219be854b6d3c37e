import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN, GROUP, NEWCOMER } from '../helpers/updates.ts';

const STAFF = { id: 4040, first_name: '张执行', language_code: 'zh-hans' };

void describe('digest commands', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ now: '2024-09-02T00:00:00Z' });
    await h.app.store.org.saveChat({ id: GROUP.id, title: GROUP.title ?? '', unit: 'enforcement', subscriptions: ['agenda', 'summary'], active: true, boundBy: ADMIN.id, boundAt: '2024-08-01T00:00:00Z' });
    await h.app.store.org.saveMember({ id: STAFF.id, name: STAFF.first_name, role: 'staff', units: ['enforcement'], active: true, registeredAt: '2024-08-01T00:00:00Z' });
  });
  after(() => h.stop());

  void it('adds a topic and the study item to the next agenda, and shows them in the preview', async () => {
    const [added] = await h.say(STAFF, '/agenda add 研究 <积案> 清理方案', GROUP);
    assert.match(added!.plain, /已加入2024年9月9日当周会议议程/, 'Monday 08:00 has passed: the topic goes to next week');
    const [refused] = await h.say(STAFF, '/agenda study 领学人：张三', GROUP);
    assert.match(refused!.plain, /没有权限/);
    const [set] = await h.say(ADMIN, '/agenda study 领学人：王书记；材料：会议精神', GROUP);
    assert.match(set!.plain, /已设定2024年9月9日当周会议第一议题/);
    const preview = (await h.say(STAFF, '/agenda preview', GROUP)).map((m) => m.plain).join('\n');
    assert.match(preview, /【执行局 2024年度第1次周例会议程】 {2}2024年9月9日—9月15日/);
    assert.match(preview, /领学人：王书记；材料：会议精神/);
    assert.match(preview, /研究 <积案> 清理方案（张执行 提出）/);
    const audit = await h.app.store.audit.recent(10);
    assert.ok(audit.some((e) => e.action === 'agenda.add'));
  });

  void it('lets managers and admins change the group schedule, checking the cron', async () => {
    assert.match((await h.say(STAFF, '/schedule agenda 0 9 * * 1', GROUP))[0]!.plain, /没有权限/);
    assert.match((await h.say(ADMIN, '/schedule agenda 0 99 * * 1', GROUP))[0]!.plain, /不是有效的 cron/);
    assert.match((await h.say(ADMIN, '/schedule agenda 30 8 * * 1', GROUP))[0]!.plain, /30 8 \* \* 1/);
    assert.equal(h.app.store.org.chat(GROUP.id)?.schedules?.agenda, '30 8 * * 1');
    assert.match((await h.say(STAFF, '/schedule', GROUP))[0]!.plain, /30 8 \* \* 1（本群设定）/);
    await h.say(ADMIN, '/schedule agenda default', GROUP);
    assert.equal(h.app.store.org.chat(GROUP.id)?.schedules?.agenda, undefined);
  });

  void it('sends the summary on demand once, and says so when figures are missing', async () => {
    const missing = await h.say(ADMIN, '/summary send 2024-08');
    assert.match(missing.at(-1)!.plain, /2024年8月的执行指标尚未导入/);
    assert.match(missing[0]!.plain, /执行月度通报未发出/, 'the admins get their one note as well');
    assert.equal((await h.say(ADMIN, '/summary send 2024-08')).length, 1, 'the note is not repeated');
    await h.app.store.metrics.saveObservations([{ metric: 'enf_amount_realized_rate', unit: 'court', period: '2024-08', basis: 'ytd', value: 80.81 }]);
    const preview = (await h.say(STAFF, '/summary preview 2024-08')).map((m) => m.plain).join('\n');
    assert.match(preview, /执行标的到位率：—｜80\.81%/);
    assert.match((await h.say(STAFF, '/summary send 2024-08'))[0]!.plain, /没有权限/);
    const before = h.fake.sentTo(GROUP.id).length;
    const replies = await h.say(ADMIN, '/summary send 2024-08');
    assert.match(replies.at(-1)!.plain, /已发送 1 个群/);
    assert.equal(h.fake.sentTo(GROUP.id).length, before + 1);
    assert.match((await h.say(ADMIN, '/summary send 2024-08'))[0]!.plain, /已发送 0 个群，跳过（已发过）1 个/);
    await h.app.store.org.saveMember({ id: STAFF.id, name: STAFF.first_name, role: 'manager', units: ['enforcement'], active: true, registeredAt: '2024-08-01T00:00:00Z' });
    assert.match((await h.say(STAFF, '/summary send 2024-08 force'))[0]!.plain, /没有权限执行此操作（需要：管理员）/, 'only admins force a resend');
    assert.equal(h.fake.sentTo(GROUP.id).length, before + 1);
    await h.app.store.org.saveMember({ id: STAFF.id, name: STAFF.first_name, role: 'staff', units: ['enforcement'], active: true, registeredAt: '2024-08-01T00:00:00Z' });
  });

  void it('fires a day token set with /schedule on that day only (first Monday, 09:00)', async () => {
    assert.match((await h.say(ADMIN, '/schedule agenda 0 9 * * 1#1', GROUP))[0]!.plain, /0 9 \* \* 1#1/);
    const sweep = async (at: string) => {
      h.clock.set(at);
      const before = h.fake.sentTo(GROUP.id).length;
      await h.app.deps.digests!.run('agenda', { trigger: 'sweep', now: h.clock.now() });
      return h.fake.sentTo(GROUP.id).slice(before).map((m) => m.plain).join('\n');
    };
    try {
      // 2 September 2024 is the first Monday of the month; 08:00 court time (the default) is not the chat's time.
      assert.equal(await sweep('2024-09-02T00:30:00Z'), '');
      assert.notEqual(await sweep('2024-09-02T01:00:00Z'), '', 'the agenda goes out at 09:00 on the first Monday');
      assert.equal(await sweep('2024-09-09T02:00:00Z'), '', 'the second Monday is not 1#1');
      assert.notEqual(await sweep('2024-10-07T01:00:00Z'), '', 'the first Monday of October');
    } finally {
      await h.say(ADMIN, '/schedule agenda default', GROUP);
      h.clock.set('2024-09-02T00:00:00Z');
    }
  });

  void it('shows admins the status, and nobody else', async () => {
    const status = (await h.say(ADMIN, '/status')).map((m) => m.plain).join('\n');
    assert.match(status, /版本 0\.1\.0/);
    // Uptime in Chinese like the rest of the line, not `0d 0h 0m`.
    assert.match(status, /已运行 \d+天\d+小时\d+分/);
    assert.match(status, /未送达的推送/);
    assert.equal((await h.say(NEWCOMER, '/status')).some((m) => /版本/.test(m.plain)), false);
  });
});
