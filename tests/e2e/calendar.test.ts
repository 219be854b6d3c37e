import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN, documentMessage, type TestUser } from '../helpers/updates.ts';

const MANAGER: TestUser = { id: 4071, first_name: '王庭长', language_code: 'zh-hans' };

void describe('/calendar and loading a year from a file', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ now: '2026-12-01T02:00:00Z' });
    await h.app.store.org.saveMember({ id: MANAGER.id, name: MANAGER.first_name, role: 'manager', units: ['civil1'], active: true, registeredAt: '2026-01-01T00:00:00Z' });
  });
  after(() => h.stop());

  void it('shows the shipped years with their source, and warns that next year is missing', async () => {
    const text = (await h.say(MANAGER, '/calendar')).map((m) => m.plain).join('\n');
    assert.match(text, /2025年：元旦 01-01—01-01、春节 01-28—02-04/);
    assert.match(text, /调休上班：01-26、02-08、04-27、09-28、10-11/);
    assert.match(text, /国办发明电〔2024〕12号/);
    assert.match(text, /尚无 2027 年数据/);
  });

  void it('loads 2027 from an admin file, refuses a manager and a broken file', async () => {
    const year = { year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }], workdays: ['2027-01-09'] };
    const send = (from: TestUser, value: unknown, name: string) =>
      h.send(documentMessage({ fileId: h.fake.addFile(Buffer.from(JSON.stringify(value)), name), fileName: name, from }));
    assert.match((await send(MANAGER, year, '2027.json'))[0]!.plain, /只有管理员/);
    assert.match((await send(ADMIN, { ...year, workdays: ['2027-01-02'] }, '2027.json'))[0]!.plain, /未作任何修改/);
    assert.equal(h.app.store.calendar.calendar().years.has(2027), false);
    assert.match((await send(ADMIN, year, '2027.json'))[0]!.plain, /已载入 2027 年节假日安排：1 段假期，1 个调休上班日/);
    assert.equal(h.app.store.calendar.calendar().off.get('2027-01-02'), '元旦');
    assert.doesNotMatch((await h.say(MANAGER, '/calendar')).map((m) => m.plain).join('\n'), /尚无 2027/);
  });
});
