import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SentMessage } from '../helpers/fake-telegram.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { callbackQuery, documentMessage, type TestUser } from '../helpers/updates.ts';

/** Issue 12 item 4: a manager imports only their own units' figures; the trial-management office all. */
const DEVZONE_MANAGER: TestUser = { id: 7007, first_name: '钱庭长', language_code: 'zh-hans' };
const TMO_MANAGER: TestUser = { id: 7008, first_name: '孙主任', language_code: 'zh-hans' };
const CSV = '指标,单位,期间,数值\n结案率,开发区法庭,2024-08,80\n结案率,民事审判一庭,2024-08,81\n结案率,本院,2024-08,82\n';

describe('who may import which figures', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ now: '2024-09-02T01:00:00Z' });
    const member = (user: TestUser, unit: string) => ({ id: user.id, name: user.first_name, role: 'manager' as const, units: [unit], active: true, registeredAt: '2024-09-01T00:00:00Z' });
    await h.app.store.org.saveMember(member(DEVZONE_MANAGER, 'devzone'));
    await h.app.store.org.saveMember(member(TMO_MANAGER, 'tmo'));
  });
  after(async () => {
    await h.stop();
  });

  const upload = (from: TestUser, content: string, name: string): Promise<SentMessage[]> =>
    h.send(documentMessage({ fileId: h.fake.addFile(Buffer.from(content), name), fileName: name, from, size: Buffer.byteLength(content) }));
  const stored = (unit: string) => h.app.store.metrics.observation({ metric: 'closure_rate', unit, period: '2024-08', basis: 'ytd' });

  it("refuses another unit's rows and the court's for a unit manager, naming the rows; nothing is stored", async () => {
    const [preview] = await upload(DEVZONE_MANAGER, CSV, 'all.csv');
    assert.match(preview!.plain, /第 3 行：无权导入“民事审判一庭”的数据/);
    assert.match(preview!.plain, /第 4 行：无权导入“本院”的数据/);
    assert.doesNotMatch(preview!.plain, /第 2 行/);
    assert.equal(stored('devzone'), undefined);
  });

  it("imports the manager's own unit", async () => {
    const [preview] = await upload(DEVZONE_MANAGER, '指标,单位,期间,数值\n结案率,开发区法庭,2024-08,80\n', 'own.csv');
    const confirm = (preview!.replyMarkup?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? '').find((d) => d.startsWith('mi:ok:'));
    assert.ok(confirm, preview!.plain);
    await h.send(callbackQuery({ data: confirm, from: DEVZONE_MANAGER }));
    assert.equal(stored('devzone')?.value, 80);
  });

  it('lets a manager of the trial-management office (IMPORT_ALL_UNITS) import every unit and the court', async () => {
    const [preview] = await upload(TMO_MANAGER, CSV, 'all.csv');
    assert.doesNotMatch(preview!.plain, /无权/);
    assert.match(preview!.plain, /新增 2 条，替换 1 条/);
  });
});
