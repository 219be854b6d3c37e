import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { PNG } from 'pngjs';
import type { SentMessage } from '../helpers/fake-telegram.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN, GROUP, STRANGER, callbackQuery, documentMessage, textMessage, type TestUser } from '../helpers/updates.ts';

const STAFF: TestUser = { id: 4004, first_name: '张执行', language_code: 'zh-hans' };
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const CSV = [
  'metric,unit,period,basis,value,numerator,denominator,rank,rank_total',
  '终本率,本院,2024-08,ytd,10.47%,356,3400,1,16',
  '终本率,本院,2024-07,ytd,10.82%,,,2,16',
  '终本率,本院,2023-08,ytd,13.10%,,,,',
  'first_enf_terminated_round_rate,enforcement,2024-08,ytd,10.47,356,3400,,',
  '"终本率",执行局,2024-07,ytd,10.82,,,,',
].join('\r\n');

function buttonsOf(message: SentMessage | undefined): string[] {
  return (message?.replyMarkup?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? '');
}

async function upload(h: Harness, from: TestUser, content: Buffer, name: string): Promise<SentMessage[]> {
  const fileId = h.fake.addFile(content, name);
  return h.send(documentMessage({ fileId, fileName: name, from, size: content.length }));
}

async function uploadAndConfirm(h: Harness, content: Buffer, name: string): Promise<string> {
  const [preview] = await upload(h, ADMIN, content, name);
  const confirm = buttonsOf(preview).find((d) => d.startsWith('mi:ok:'));
  assert.ok(confirm, `no confirm button in: ${preview?.plain}`);
  const [applied] = await h.send(callbackQuery({ data: confirm, from: ADMIN }));
  return `${preview!.plain}\n${applied?.plain ?? ''}`;
}

describe('metrics, end to end against the fake Bot API', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ now: '2024-09-02T01:00:00Z' });
    await h.app.store.org.saveMember({ id: STAFF.id, name: STAFF.first_name, role: 'staff', units: ['enforcement'], active: true, registeredAt: '2024-09-01T00:00:00Z' });
  });
  after(async () => {
    await h.stop();
  });

  it('imports a UTF-8 CSV with BOM after a preview and confirm; staff then ask 终本率', async () => {
    const text = await uploadAndConfirm(h, Buffer.concat([BOM, Buffer.from(CSV)]), 'figures.csv');
    assert.match(text, /读取 5 行（编码 utf-8）：新增 5 条，替换 0 条/);
    assert.match(text, /已导入 5 条/);
    const stored = h.app.store.metrics.observation({ metric: 'first_enf_terminated_round_rate', unit: 'court', period: '2024-08', basis: 'ytd' });
    assert.equal(stored?.importedBy, ADMIN.id);
    assert.equal(stored?.source, 'figures.csv');
    assert.ok((await h.app.store.audit.recent(5)).some((e) => e.action === 'metrics.import' && e.target === 'figures.csv'));

    const [answer] = await h.say(STAFF, '终本率');
    assert.ok(answer);
    assert.match(answer.plain, /首执案件终本率 · 本院/);
    assert.match(answer.plain, /^2024年1—8月$/m);
    assert.match(answer.plain, /10\.47%/);
    assert.match(answer.plain, /第1名\/共16家/);
    assert.match(answer.plain, /较上月（10\.82%）下降0\.35个百分点（向好）/);
    assert.match(answer.plain, /较去年同期（13\.10%）下降2\.63个百分点（向好）/);
    assert.match(answer.plain, /分子 356件 \/ 分母 3,400件/);
    assert.match(answer.plain, /✅/);
  });

  it('imports an XLSX and answers 执行到位率 2024-08', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('到位率');
    sheet.addRow(['指标', '单位', '期间', '数值', '排名', '参评数']);
    sheet.addRow(['执行标的到位率', '', '2024-08', '80.81%', 1, 16]);
    sheet.addRow(['执行标的到位率', '', '2024-07', 0.79, '', '']).getCell(4).numFmt = '0.00%';
    const text = await uploadAndConfirm(h, Buffer.from(await wb.xlsx.writeBuffer()), 'daowei.xlsx');
    assert.match(text, /新增 2 条/);
    const [answer] = await h.say(STAFF, '执行到位率 2024-08');
    assert.match(answer!.plain, /80\.81%/);
    assert.match(answer!.plain, /第1名\/共16家/);
    assert.match(answer!.plain, /较上月（79\.00%）上升1\.81个百分点（向好）/);
  });

  it('imports a GBK CSV with Chinese headers the same way', async () => {
    const gbk = iconv.encode('指标,单位,期间,口径,数值,排名,参评数\r\n首执案件终本率,本院,2024年8月,累计,10.47%,1,16\r\n', 'gbk');
    const text = await uploadAndConfirm(h, gbk, '终本率.csv');
    assert.match(text, /编码 gb18030/);
    assert.match(text, /新增 0 条，替换 1 条/);
    const [answer] = await h.say(STAFF, '/metric 终本率');
    assert.match(answer!.plain, /10\.47%/);
    assert.match(answer!.plain, /第1名\/共16家/);
  });

  it('changes nothing when one row is bad, and names the row', async () => {
    const before = h.app.store.metrics.observations().length;
    const bad = 'metric,period,value\n终本率,2024-06,9.9\n终本率,2024-13,9.8\n';
    const [preview] = await upload(h, ADMIN, Buffer.from(bad), 'bad.csv');
    assert.match(preview!.plain, /发现 1 处错误，未导入任何数据/);
    assert.match(preview!.plain, /第 3 行：期间“2024-13”无效/);
    assert.deepEqual(buttonsOf(preview), []);
    assert.equal(h.app.store.metrics.observations().length, before);
  });

  it('refuses oversized, unreadable and unsupported files, changing nothing', async () => {
    const before = h.app.store.metrics.observations().length;
    const [big] = await h.send(documentMessage({ fileId: h.fake.addFile(Buffer.from('x'), 'big.csv'), fileName: 'big.csv', from: ADMIN, size: 3 * 1024 * 1024 }));
    assert.match(big!.plain, /文件过大（上限 2 MB）/);
    const [broken] = await upload(h, ADMIN, Buffer.from('not really a workbook'), 'broken.xlsx');
    assert.match(broken!.plain, /无法读取该文件/);
    const [pdf] = await upload(h, ADMIN, Buffer.from('%PDF-1.4'), 'report.pdf');
    assert.match(pdf!.plain, /只支持 CSV 或 XLSX/);
    assert.equal(h.app.store.metrics.observations().length, before);
  });

  it('lets only the sender confirm, and only admins and managers import', async () => {
    const [preview] = await upload(h, ADMIN, Buffer.from('metric,period,value\n终本率,2024-05,9\n'), 'may.csv');
    const confirm = buttonsOf(preview).find((d) => d.startsWith('mi:ok:'))!;
    assert.ok(Buffer.byteLength(confirm) <= 64);
    await h.send(callbackQuery({ data: confirm, from: STAFF }));
    assert.equal(h.app.store.metrics.observation({ metric: 'first_enf_terminated_round_rate', unit: 'court', period: '2024-05', basis: 'ytd' }), undefined);
    const [cancelled] = await h.send(callbackQuery({ data: confirm.replace(':ok:', ':no:'), from: ADMIN }));
    assert.match(cancelled!.plain, /已取消导入/);
    const [late] = await upload(h, ADMIN, Buffer.from('metric,period,value\n终本率,2024-04,9\n'), 'april.csv');
    h.clock.advance(11 * 60_000);
    const [expired] = await h.send(callbackQuery({ data: buttonsOf(late).find((d) => d.startsWith('mi:ok:'))!, from: ADMIN }));
    assert.match(expired!.plain, /已过期/);
    assert.equal(h.app.store.metrics.observation({ metric: 'first_enf_terminated_round_rate', unit: 'court', period: '2024-04', basis: 'ytd' }), undefined);
    const [refused] = await upload(h, STAFF, Buffer.from(CSV), 'x.csv');
    assert.match(refused!.plain, /只有管理员或部门负责人可以导入/);
  });

  it('offers the three nearest indicators for an unknown name', async () => {
    const [reply] = await h.say(STAFF, '/metric 终本');
    assert.match(reply!.plain, /没有找到指标“终本”/);
    const buttons = buttonsOf(reply);
    assert.equal(buttons.length, 3);
    assert.ok(buttons.includes('mq:first_enf_terminated_round_rate:::'), buttons.join());
    const [answer] = await h.send(callbackQuery({ data: 'mq:first_enf_terminated_round_rate:::', from: STAFF }));
    assert.match(answer!.plain, /10\.47%/);
    const [none] = await h.say(STAFF, '终本率 2024-03');
    assert.match(none!.plain, /2024年1—3月暂无数据/);
    assert.match(none!.plain, /有数据的期间：2023年8月、2024年7月、2024年8月/);
    // The indicator is known; what is not is the unit: say so, not "no indicator 终本率 火星庭".
    const [badUnit] = await h.say(STAFF, '/metric 终本率 火星庭');
    assert.match(badUnit!.plain, /首执案件终本率.*“火星庭”/);
    assert.doesNotMatch(badUnit!.plain, /没有找到指标/);
    assert.equal(buttonsOf(badUnit).length, 0);
  });

  it('shows the board, ranks and a trend chart', async () => {
    const [board] = await h.say(STAFF, '/board');
    assert.match(board!.plain, /关键指标看板 · 2024年1—8月/);
    assert.match(board!.plain, /【执行】/);
    // No rank on the board unless DIGEST_RANKS=on: the SPC asks courts not to publish ranks.
    assert.match(board!.plain, /✅ 首执案件终本率：10\.47%$/m);
    assert.match(board!.plain, /✅ 执行标的到位率：80\.81%/);

    const [rank] = await h.say(STAFF, '/rank 终本率');
    assert.match(rank!.plain, /第1名\/共16家/);
    assert.match(rank!.plain, /1\. 执行局：10\.47%/);

    const sent = await h.say(STAFF, '/trend 终本率');
    const photo = sent.find((m) => m.method === 'sendPhoto');
    assert.ok(photo?.photo, 'no photo sent');
    const png = PNG.sync.read(photo.photo);
    assert.equal(png.width, 1000);
    assert.match(photo.plain, /首执案件终本率 · 本院 · 2023年9月—2024年8月 · 累计/);
  });

  it('gives strangers and unbound groups no figures, and lets other text through', async () => {
    const [refusal] = await h.say(STRANGER, '终本率');
    assert.doesNotMatch(refusal!.plain, /10\.47/);
    const inGroup = await h.say(STAFF, `@${h.fake.botUsername} 终本率`, GROUP);
    assert.ok(inGroup.every((m) => !/10\.47/.test(m.plain)));
    const other = await h.say(STAFF, '今天下午开会');
    assert.ok(other.every((m) => !/指标/.test(m.plain)));
    const edited = await h.send(textMessage({ text: '/board', from: STRANGER }));
    assert.ok(edited.every((m) => !/10\.47/.test(m.plain)));
  });

  it('answers in a bound group only when addressed, and only registered staff', async () => {
    await h.app.store.org.saveChat({ id: GROUP.id, title: 'g', unit: 'enforcement', subscriptions: [], active: true, boundBy: ADMIN.id, boundAt: '2024-09-01T00:00:00Z' });
    const quiet = await h.say(STAFF, '终本率', GROUP);
    assert.equal(quiet.length, 0);
    const [addressed] = await h.say(STAFF, `@${h.fake.botUsername} 终本率`, GROUP);
    assert.match(addressed!.plain, /10\.47%/);
    const stranger = await h.say(STRANGER, `@${h.fake.botUsername} 终本率`, GROUP);
    assert.ok(stranger.every((m) => !/10\.47/.test(m.plain)));
  });
});
