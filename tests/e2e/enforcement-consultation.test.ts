import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN, GROUP, type TestUser } from '../helpers/updates.ts';

const OFFICER: TestUser = { id: 4101, first_name: '孙执行', username: 'sun_exec', language_code: 'zh-hans' };

void describe('the monthly enforcement consultation in the summary (fake Bot API, injected clock)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ now: '2024-09-09T02:00:00Z' });
    await h.app.store.org.saveChat({ id: GROUP.id, title: GROUP.title ?? '', unit: 'enforcement', subscriptions: ['summary'], active: true, boundBy: ADMIN.id, boundAt: '2024-08-20T00:00:00Z' });
    await h.app.store.org.saveMember({ id: OFFICER.id, name: OFFICER.first_name, username: OFFICER.username!, role: 'staff', units: ['enforcement'], active: true, registeredAt: '2024-08-01T00:00:00Z' });
    h.fake.addChat(GROUP.id);
    await h.app.store.metrics.saveObservations([
      { metric: 'first_enf_terminated_round_rate', unit: 'court', period: '2024-09', basis: 'ytd', value: 10.47 },
      { metric: 'first_enf_terminated_round_rate', unit: 'enforcement', period: '2024-09', basis: 'ytd', value: 11.2 },
      { metric: 'enf_amount_realized_rate', unit: 'enforcement', period: '2024-09', basis: 'ytd', value: 80.81 },
    ]);
  });
  after(() => h.stop());

  void it('carries the addressee line, the unit table, last month\'s consultation decisions and the closing blanks', async () => {
    assert.match((await h.say(ADMIN, '/agenda decide 集中清理终本案件 @sun_exec 9月30日', GROUP))[0]!.plain, /T1 集中清理终本案件/);
    h.clock.set('2024-09-20T02:00:00Z');
    await h.say(OFFICER, '/progress T1 已核查 40 件', GROUP);
    h.clock.set('2024-10-01T01:00:00Z');
    const report = await h.app.deps.digests!.run('summary', { trigger: 'cron' });
    assert.equal(report.sent, 1);
    const text = h.fake.sentTo(GROUP.id).at(-1)!.plain;
    assert.match(text, /^【.*2024年9月执行工作情况】\n各庭室（团队）：现将2024年9月执行工作情况通报如下。/);
    assert.match(text, /各庭室（团队）情况（累计：首执案件终本率｜执行完毕率｜执行标的到位率/);
    assert.match(text, /• 执行局：11\.20%｜—｜80\.81%/);
    assert.match(text, /上月会商事项落实情况[^\n]*\n• T1 集中清理终本案件｜孙执行｜2024-09-30｜09-20 已核查 40 件｜⚠ 已逾期/);
    assert.match(text, /五、存在问题：＿＿＿＿/);
    assert.match(text, /六、下一步工作：＿＿＿＿/);
  });
});
