import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startHarness, tempDataDir, type Harness } from '../helpers/harness.ts';
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
    assert.match(invalid!.plain, /目录文件无效，未做更改/);
    assert.match(invalid!.plain, /#1 bail_rate\.unit：“kg”不是可选值之一/);
  });

  it('refuses a catalog file with a 200,000-character alias or a clashing name, listing the problems, and changes nothing', async () => {
    const before = JSON.stringify(h.app.store.metrics.catalog());
    const def = { code: 'huge_rate', nameZh: '巨大率', nameEn: 'huge rate', aliases: ['x'.repeat(200_000), '终本率', 'ＢＡＩＬ　ＲＡＴＥ'], group: 'quality', unit: '%', direction: 'up', reference: { min: 50, max: 20, target: 'TARGET' } };
    const others = [{ ...def, code: 'Bad-Code', aliases: [] }, { ...def, code: 'huge_rate2', nameZh: '巨大率二', nameEn: 'huge rate 2', aliases: [], unit: 'kg' }];
    // 1e999 is valid JSON and parses to Infinity.
    const file = Buffer.from(JSON.stringify({ metrics: [def, ...others] }).replace(/"TARGET"/g, '1e999'));
    const [reply] = await h.send(documentMessage({ fileId: h.fake.addFile(file, 'huge.json'), fileName: 'huge.json', from: ADMIN }));
    assert.match(reply!.plain, /目录文件无效，未做更改/);
    assert.match(reply!.plain, /#1 huge_rate\.aliases\[1\]：长于 40 个字符/);
    assert.match(reply!.plain, /#1 huge_rate\.aliases\[2\]：名称“终本率”已被 first_enf_terminated_round_rate 使用/);
    assert.match(reply!.plain, /#1 huge_rate\.aliases\[3\]：名称“ＢＡＩＬ\u3000ＲＡＴＥ”已被 bail_rate 使用/);
    assert.match(reply!.plain, /#1 huge_rate\.reference：min 大于 max/);
    assert.match(reply!.plain, /#1 huge_rate\.reference\.target：“Infinity”不是有效的数值/);
    assert.match(reply!.plain, /还有 \d+ 处问题/);
    assert.ok(reply!.text.length < 4096);
    assert.equal(JSON.stringify(h.app.store.metrics.catalog()), before);
  });

  it('refuses a catalog file over the size limit before reading it', async () => {
    const file = Buffer.from(JSON.stringify({ metrics: [], pad: 'x'.repeat(300 * 1024) }));
    const [reply] = await h.send(documentMessage({ fileId: h.fake.addFile(file, 'big.json'), fileName: 'big.json', from: ADMIN }));
    assert.match(reply!.plain, /目录文件大于 256 KB/);
  });

  it('keeps /catalog add and /catalog alias within the same limits', async () => {
    const [alias] = await h.say(ADMIN, `/catalog alias bail_rate ${'y'.repeat(41)}`);
    assert.match(alias!.plain, /长于 40 个字符/);
    assert.ok(!h.app.store.metrics.metric('bail_rate')!.aliases.some((a) => a.length > 40));
    const [added] = await h.say(ADMIN, `/catalog add long_rate ${'长'.repeat(31)} long effect % up`);
    assert.match(added!.plain, /长于 30 个字符/);
    assert.equal(h.app.store.metrics.metric('long_rate'), undefined);
  });
});

describe('/metric with a huge alias already in the stored catalog', () => {
  let h: Harness;
  let dataDir: string;
  before(async () => {
    dataDir = await tempDataDir();
    const first = await startHarness({ dataDir });
    await first.stop({ removeData: false });
    // As an older version could have stored it: the alias never passed the import's checks.
    const path = join(dataDir, 'metrics.json');
    const doc = JSON.parse(await readFile(path, 'utf8')) as { catalog: { code: string; aliases: string[]; nameZh: string }[] };
    doc.catalog.find((d) => d.code === 'closure_rate')!.aliases.push('结'.repeat(200_000));
    doc.catalog.find((d) => d.code === 'mediation_rate')!.nameZh = `调解${'长'.repeat(100_000)}`;
    await writeFile(path, JSON.stringify(doc));
    h = await startHarness({ dataDir });
  });
  after(async () => {
    await h.stop({ removeData: false });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses an overlong query, suggests for a long unknown one, and keeps answering', async () => {
    const [long] = await h.say(ADMIN, `/metric ${'执行到位率'.repeat(1000)}`);
    assert.match(long!.plain, /查询太长/);
    const [unknown] = await h.say(ADMIN, `/metric ${'结案'.repeat(45)}`);
    assert.match(unknown!.plain, /没有找到指标/);
    const [plain] = await h.say(ADMIN, '终本率 2024-08');
    assert.ok(plain, 'the bot still answers');
    const [trend] = await h.say(ADMIN, `/trend ${'结'.repeat(5000)}`);
    assert.match(trend!.plain, /查询太长/);
  });

  it('shows the stored definition in one message, the huge alias cut short', async () => {
    const sent = await h.say(ADMIN, '/catalog show closure_rate');
    assert.equal(sent.length, 1, `${sent.length} messages`);
    assert.match(sent[0]!.plain, /结{40}…/);
    const list = await h.say(ADMIN, '/catalog');
    assert.equal(list.length, 1);
  });

  it('answers about an indicator with a huge stored name in one message, the name cut short', async () => {
    for (const query of ['/metric mediation_rate', '/trend mediation_rate', '/rank mediation_rate', '/metric mediation_rat']) {
      const sent = await h.say(ADMIN, query);
      assert.equal(sent.length, 1, `${query}: ${sent.length} messages`);
      assert.ok(sent[0]!.plain.length < 1000, `${query}: ${sent[0]!.plain.length} characters`);
    }
  });
});
