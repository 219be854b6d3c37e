import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN, documentMessage, type TestUser } from '../helpers/updates.ts';

const STAFF: TestUser = { id: 4005, first_name: '李书记员', language_code: 'en' };

describe('/catalog, end to end', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    await h.app.store.org.saveMember({ id: STAFF.id, name: STAFF.first_name, role: 'staff', units: ['civil1'], active: true, registeredAt: '2024-09-01T00:00:00Z' });
  });
  after(async () => {
    await h.stop();
  });

  it('lists the catalog for staff but lets only managers change it', async () => {
    const [list] = await h.say(STAFF, '/catalog');
    assert.match(list!.plain, /Indicator catalog \(34; ★ on the board\)/);
    assert.match(list!.plain, /★first_enf_terminated_round_rate first-enforcement cases terminated this round \(%, lower is better\) at most 30\.00%, target ≤ 25\.00%/);
    assert.match(list!.plain, /enf_cases_received enforcement cases received \(cases\) not set/, 'a count has no direction');
    const [zh] = await h.say(ADMIN, '/catalog');
    assert.match(zh!.plain, /avg_disposition_days 平均审理天数（天，越低越好）不高于 90\.00天/);
    assert.match(zh!.plain, /enf_amount_applied 申请执行标的金额（万元）未设定/);
    const [refused] = await h.say(STAFF, '/catalog set 终本率 max=20');
    assert.doesNotMatch(refused!.plain, /Updated/);
    assert.equal(h.app.store.metrics.metric('first_enf_terminated_round_rate')?.reference.max, 30);
  });

  it('sets a range, toggles the board, adds an indicator and an alias, all audited', async () => {
    const [set] = await h.say(ADMIN, '/catalog set 终本率 max=20 target=- warn=15%');
    assert.match(set!.plain, /已更新 首执案件终本率：不高于 20\.00%/);
    assert.deepEqual(h.app.store.metrics.metric('first_enf_terminated_round_rate')?.reference, { max: 20, warn: 15 });
    const [bad] = await h.say(ADMIN, '/catalog set 终本率 min=50 max=20');
    assert.match(bad!.plain, /参数有误/);

    await h.say(ADMIN, '/catalog board 调解率 on');
    assert.equal(h.app.store.metrics.metric('mediation_rate')?.board, true);

    const [added] = await h.say(ADMIN, '/catalog add preservation_rate 诉讼保全率 preservation_rate effect % up');
    assert.match(added!.plain, /已添加指标 诉讼保全率/);
    const [alias] = await h.say(ADMIN, '/catalog alias preservation_rate 保全率');
    assert.match(alias!.plain, /已为 诉讼保全率 添加别名“保全率”/);
    const [taken] = await h.say(ADMIN, '/catalog alias preservation_rate 终本率');
    assert.match(taken!.plain, /已被使用/);
    const actions = (await h.app.store.audit.recent(20)).map((e) => e.action);
    for (const a of ['catalog.set', 'catalog.board', 'catalog.add', 'catalog.alias']) assert.ok(actions.includes(a), a);
  });

  it('imports a catalog JSON file sent by an admin', async () => {
    const def = { code: 'bail_rate', nameZh: '取保候审率', nameEn: 'bail rate', aliases: ['取保率'], group: 'quality', unit: '%', direction: 'range', reference: { min: 5, max: 40 } };
    const file = Buffer.from(JSON.stringify({ metrics: [def] }));
    const [reply] = await h.send(documentMessage({ fileId: h.fake.addFile(file, 'catalog.json'), fileName: 'catalog.json', from: ADMIN }));
    assert.match(reply!.plain, /已从目录文件导入 1 项指标定义/);
    assert.equal(h.app.store.metrics.metric('bail_rate')?.kind, 'flow_ratio');
    const broken = Buffer.from(JSON.stringify({ metrics: [{ ...def, unit: 'kg' }] }));
    const [invalid] = await h.send(documentMessage({ fileId: h.fake.addFile(broken, 'c2.json'), fileName: 'c2.json', from: ADMIN }));
    assert.match(invalid!.plain, /目录文件无效：bail_rate: unit/);
  });
});
