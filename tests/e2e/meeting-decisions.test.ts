import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listZip, readZipEntry } from '../../src/import/zip.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN, GROUP, type TestUser } from '../helpers/updates.ts';

const OWNER: TestUser = { id: 4081, first_name: '张执行', username: 'zhang_exec', language_code: 'zh-hans' };
const LEADER: TestUser = { id: 4082, first_name: '李院长', username: 'li_leader', language_code: 'zh-hans' };
/** Monday 2 September 2024, 10:00 in Asia/Shanghai: the week's meeting has been held (agenda due 08:00). */
const MONDAY = '2024-09-02T02:00:00Z';

void describe('meeting decisions become tracked work (fake Bot API, injected clock)', () => {
  let h: Harness;
  const groupText = () => h.fake.sentTo(GROUP.id).map((m) => m.plain);
  before(async () => {
    h = await startHarness({ now: MONDAY });
    await h.app.store.org.saveChat({ id: GROUP.id, title: GROUP.title ?? '', unit: 'branch_enf', subscriptions: ['agenda'], active: true, boundBy: ADMIN.id, boundAt: '2024-08-20T00:00:00Z' });
    for (const u of [OWNER, LEADER]) {
      await h.app.store.org.saveMember({ id: u.id, name: u.first_name, username: u.username!, role: 'staff', units: ['branch_enf'], active: true, registeredAt: '2024-08-01T00:00:00Z' });
    }
    h.fake.addChat(GROUP.id);
  });
  after(() => h.stop());

  void it('records a decision of this week\'s meeting with owner, due date, lead and assisting units and the leader', async () => {
    assert.match((await h.say(OWNER, '/agenda decide 清理积案 @zhang_exec 9月30日', GROUP))[0]!.plain, /只有本部门的管理人员/);
    assert.match((await h.say(ADMIN, '/agenda decide 清理积案 9月30日', GROUP))[0]!.plain, /须写明责任人/);
    assert.match((await h.say(ADMIN, '/agenda decide 清理积案 @zhang_exec lead:nowhere', GROUP))[0]!.plain, /没有这些部门：nowhere/);
    const [reply] = await h.say(ADMIN, '/agenda decide 清理执行积案 @zhang_exec 9月30日 lead:enforcement assist:tmo leader:@li_leader', GROUP);
    assert.match(reply!.plain, /已记录2024年度第1次支部会议议定事项 T1 清理执行积案/);
    assert.match(reply!.plain, /责任人：张执行｜时限：2024-09-30｜牵头：执行局；配合：审判管理办公室｜责任领导：李院长/);
    const item = h.app.store.tasks.item('T1')!;
    assert.deepEqual(item.decision, { unit: 'branch_enf', week: '2024-W36', ordinal: 1, date: '2024-09-02' });
    assert.equal(item.leader, LEADER.id);
    assert.match((await h.say(ADMIN, '/agenda attend 9 8 缺席：张三（出差）', GROUP))[0]!.plain, /应到9人，实到8人，缺席：张三（出差）/);
    assert.match((await h.say(ADMIN, '/agenda attend 9 12', GROUP))[0]!.plain, /用法/);
    assert.match((await h.say(OWNER, '/task milestone T1 2024-09-20 完成财产查控', GROUP))[0]!.plain, /已为 T1 添加节点 2024-09-20：完成财产查控/);
  });

  void it('returns the minutes as text and as a .docx that opens', async () => {
    await h.say(ADMIN, '/agenda add 研究执行积案清理方案', GROUP);
    const sent = await h.say(OWNER, '/agenda minutes', GROUP);
    const text = sent[0]!.plain;
    assert.match(text, /执行局党支部2024年度第1次支部会议纪要/);
    assert.match(text, /应到9人，实到8人，缺席：张三（出差）/);
    assert.match(text, /1\. T1 清理执行积案｜责任人：张执行｜时限：2024-09-30｜牵头：执行局；配合：审判管理办公室｜责任领导：李院长/);
    const doc = sent.find((m) => m.photo !== undefined);
    assert.ok(doc?.photo, 'a document follows the text');
    const zip = listZip(doc.photo);
    const entry = zip.get('word/document.xml');
    assert.ok(entry, 'a Word document has word/document.xml');
    const xml = readZipEntry(doc.photo, entry, 5_000_000).toString('utf8');
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    assert.match(words, /执行局党支部2024年度第1次支部会议纪要/);
    assert.match(words, /T1 清理执行积案｜责任人：张执行｜时限：2024-09-30/);
    assert.match(words, /应到9人，实到8人/);
  });

  void it('shows it in /task with its milestone, and in /mine with the next milestone', async () => {
    const list = (await h.say(OWNER, '/task list', GROUP)).map((m) => m.plain).join('\n');
    assert.match(list, /T1 清理执行积案 · 张执行 · 截止 2024-09-30 · 下一节点 2024-09-20 完成财产查控/);
    const one = (await h.say(OWNER, '/task T1', GROUP)).map((m) => m.plain).join('\n');
    assert.match(one, /议定事项：2024年度第1次支部会议（2024-09-02）/);
    assert.match(one, /责任领导：李院长/);
    assert.match(one, /▶ 2024-09-20 完成财产查控/);
    assert.match((await h.say(OWNER, '/mine')).map((m) => m.plain).join('\n'), /下一节点 2024-09-20 完成财产查控/);
  });

  void it('opens the next Monday\'s agenda with the decision, its owner, due date and latest progress, which /task shows too', async () => {
    h.clock.set('2024-09-04T02:00:00Z');
    assert.match((await h.say(OWNER, '/progress T1 已清理 5 件 60%', GROUP))[0]!.plain, /已记录进展/);
    h.clock.set('2024-09-09T00:00:00Z');
    const report = await h.app.deps.digests!.run('agenda', { trigger: 'cron' });
    assert.equal(report.sent, 1);
    const agenda = groupText().at(-1)!;
    assert.match(agenda, /【执行局党支部 2024年度第2次支部会议议程】 {2}2024年9月9日—9月15日/);
    assert.match(agenda, /应到＿＿人/);
    const review = agenda.indexOf('上次会议议定事项落实情况');
    assert.ok(review > 0 && review < agenda.indexOf('一、第一议题'), 'the decisions come first');
    assert.match(agenda, /T1 清理执行积案（第1次会议议定）｜张执行｜2024-09-30｜09-04 已清理 5 件 60%｜推进中/);
    assert.doesNotMatch(agenda, /W3[67]/);
    assert.doesNotMatch(agenda, /其他进展/, 'progress on a decision is shown with the decision');
    assert.match((await h.say(OWNER, '/task T1', GROUP)).map((m) => m.plain).join('\n'), /已清理 5 件/);
  });

  void it('is signed off by a manager only, and then leaves the agenda', async () => {
    assert.match((await h.say(OWNER, '/task done T1', GROUP))[0]!.plain, /须由部门管理人员销号/);
    assert.match((await h.say(ADMIN, '/task done T1', GROUP))[0]!.plain, /T1 清理执行积案 已销号/);
    h.clock.set('2024-09-16T00:00:00Z');
    await h.app.deps.digests!.run('agenda', { trigger: 'cron' });
    const agenda = groupText().at(-1)!;
    assert.match(agenda, /2024年度第3次支部会议议程/);
    assert.doesNotMatch(agenda, /议定事项落实情况/);
    assert.doesNotMatch(agenda, /清理执行积案/);
  });
});
