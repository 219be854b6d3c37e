import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN, GROUP, type TestUser } from '../helpers/updates.ts';

const STAFF: TestUser = { id: 4091, first_name: '赵法官', language_code: 'zh-hans' };
const ytd = (period: string, numerator: number, denominator: number) => ({
  metric: 'first_enf_terminated_round_rate', unit: 'court', period, basis: 'ytd' as const, value: (numerator / denominator) * 100, numerator, denominator,
});

void describe('/review preview and send', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ now: '2024-10-10T02:00:00Z' });
    await h.app.store.org.saveMember({ id: STAFF.id, name: STAFF.first_name, role: 'staff', units: ['civil1'], active: true, registeredAt: '2024-01-01T00:00:00Z' });
    await h.app.store.org.saveChat({ id: GROUP.id, title: GROUP.title ?? '', unit: 'court', subscriptions: [], active: true, boundBy: ADMIN.id, boundAt: '2024-01-01T00:00:00Z' });
    h.fake.addChat(GROUP.id);
    await h.app.store.metrics.saveObservations([ytd('2024-06', 50, 500), ytd('2024-09', 110, 800), ytd('2023-12', 150, 1000), ytd('2023-06', 40, 400)]);
  });
  after(() => h.stop());

  void it('previews the half-year and the year', async () => {
    const half = (await h.say(STAFF, '/review preview 2024H1')).map((m) => m.plain).join('\n');
    assert.match(half, /【本院 2024年上半年审判执行质效初评】/);
    assert.match(half, /首执案件终本率：10\.00%｜较上半年|首执案件终本率：10\.00%｜较/);
    const year = (await h.say(STAFF, '/review preview 2023')).map((m) => m.plain).join('\n');
    assert.match(year, /【本院 2023年年终审判执行质效总评】/);
    assert.match(year, /首执案件终本率：15\.00%/);
    assert.match((await h.say(STAFF, '/review preview 2024Q5'))[0]!.plain, /用法/);
  });

  void it('lets a group subscribe to review and sends 2024Q3 on demand, once', async () => {
    assert.match((await h.say(ADMIN, '/subscribe review', GROUP))[0]!.plain, /季度会商、半年初评、年终总评/);
    assert.match((await h.say(STAFF, '/review send 2024Q3'))[0]!.plain, /没有权限/);
    assert.match((await h.say(ADMIN, '/review send 2024Q3')).at(-1)!.plain, /已发送 1 个群/);
    assert.match(h.fake.sentTo(GROUP.id).at(-1)!.plain, /2024年第三季度审判执行质效会商/);
    assert.match((await h.say(ADMIN, '/review send 2024Q3'))[0]!.plain, /已发送 0 个群，跳过（已发过）1 个/);
  });
});
