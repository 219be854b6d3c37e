import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadSeedUnits } from '../../src/app.ts';
import { openStore } from '../../src/store/open-store.ts';
import { prepareDataDir, startBotProcess } from '../helpers/bot-process.ts';
import { FakeTelegram, type SentMessage } from '../helpers/fake-telegram.ts';
import { callbackQuery, documentMessage, textMessage, type TestUser } from '../helpers/updates.ts';

/**
 * Issue 12 item 4 as a real process: a unit's manager cannot import other units' figures nor
 * the court's; what is refused never reaches the disk, and their own unit's rows do.
 */
const DEVZONE_MANAGER: TestUser = { id: 7107, first_name: '钱庭长', language_code: 'zh-hans' };
const MIXED = '指标,单位,期间,数值\n结案率,开发区法庭,2024-08,80\n结案率,民事审判一庭,2024-08,81\n结案率,本院,2024-08,82\n';
const OWN = '指标,单位,期间,数值\n结案率,开发区法庭,2024-08,79.5\n';

describe('who may import which figures, in the real bot process', () => {
  let fake: FakeTelegram;
  let dataDir: string;
  before(async () => {
    fake = await FakeTelegram.start();
    dataDir = await mkdtemp(join(tmpdir(), 'courtwall-import-access-'));
    await prepareDataDir(dataDir, {
      members: [{ id: DEVZONE_MANAGER.id, name: DEVZONE_MANAGER.first_name, role: 'manager', units: ['devzone'], active: true, registeredAt: '2024-08-01T00:00:00.000Z' }],
    });
  });
  after(async () => {
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const upload = (content: string, name: string) =>
    fake.pushUpdate(documentMessage({ fileId: fake.addFile(Buffer.from(content), name), fileName: name, from: DEVZONE_MANAGER, size: Buffer.byteLength(content) }));
  const nextReply = (from: number) => fake.waitFor(() => fake.sent.slice(from).find((m: SentMessage) => m.chatId === DEVZONE_MANAGER.id), 30_000, 'a reply to the manager');

  it("refuses another unit's and the court's rows, stores only the manager's own unit", { timeout: 120_000 }, async () => {
    const bot = startBotProcess({ fake, dataDir });
    try {
      await bot.waitForPolling();
      let from = fake.sent.length;
      upload(MIXED, 'all.csv');
      const refusal = await nextReply(from);
      assert.match(refusal.plain, /第 3 行：无权导入“民事审判一庭”的数据/);
      assert.match(refusal.plain, /第 4 行：无权导入“本院”的数据/);
      const buttons = (refusal.replyMarkup?.inline_keyboard ?? []).flat();
      assert.deepEqual(buttons, [], 'a refused file offers nothing to confirm');

      from = fake.sent.length;
      upload(OWN, 'own.csv');
      const preview = await nextReply(from);
      const confirm = (preview.replyMarkup?.inline_keyboard ?? []).flat().map((b) => ('callback_data' in b ? (b.callback_data ?? '') : '')).find((d) => d.startsWith('mi:ok:'));
      assert.ok(confirm, preview.plain);
      from = fake.sent.length;
      fake.pushUpdate(callbackQuery({ data: confirm, from: DEVZONE_MANAGER }));
      assert.match((await nextReply(from)).plain, /own\.csv/);

      from = fake.sent.length;
      fake.pushUpdate(textMessage({ text: '/help', from: DEVZONE_MANAGER }));
      await nextReply(from);
      assert.equal(bot.exit, undefined, bot.stderr());
    } finally {
      assert.equal((await bot.stop('SIGTERM')).code, 0, bot.stderr());
    }

    const store = await openStore(dataDir, { seedUnits: await loadSeedUnits() });
    try {
      const stored = (unit: string) => store.metrics.observation({ metric: 'closure_rate', unit, period: '2024-08', basis: 'ytd' })?.value;
      assert.equal(stored('devzone'), 79.5);
      assert.equal(stored('civil1'), undefined);
      assert.equal(stored('court'), undefined);
    } finally {
      await store.close();
    }
  });
});
