import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { prepareDataDir, startBotProcess } from '../helpers/bot-process.ts';
import { FakeTelegram, type SentMessage } from '../helpers/fake-telegram.ts';
import { ordinaryRows } from '../helpers/hostile-xlsx.ts';
import { ADMIN, documentMessage, textMessage, type TestUser } from '../helpers/updates.ts';

/**
 * The real bot process against the fake Bot API, sent the hostile files of issue 11: each is
 * refused within seconds while another user's question is answered; a process killed while it
 * reads a file comes back and stays up.
 */
const STAFF: TestUser = { id: 6006, first_name: '赵书记员', language_code: 'zh-hans' };
const hostile = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));

describe('imports in the real bot process', () => {
  let fake: FakeTelegram;
  let dataDir: string;
  before(async () => {
    fake = await FakeTelegram.start();
    dataDir = await mkdtemp(join(tmpdir(), 'courtwall-import-'));
    await prepareDataDir(dataDir, { members: [{ id: STAFF.id, name: STAFF.first_name, role: 'staff', units: ['enforcement'], active: true, registeredAt: '2024-08-01T00:00:00.000Z' }] });
  });
  after(async () => {
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const upload = (content: Buffer, name: string) => fake.pushUpdate(documentMessage({ fileId: fake.addFile(content, name), fileName: name, from: ADMIN, size: content.length }));
  const replyTo = (chatId: number, from: number) => fake.waitFor(() => fake.sent.slice(from).find((m: SentMessage) => m.chatId === chatId), 20_000, `a reply in ${chatId}`);

  it('refuses each hostile file within seconds, and answers another user meanwhile', { timeout: 120_000 }, async () => {
    const bot = startBotProcess({ fake, dataDir });
    try {
      await bot.waitForPolling();
      const cases: [string, Buffer, RegExp][] = [
        ['bomb.xlsx', hostile('hostile-bomb-cell.xlsx'), /解压后过大/],
        ['bomb-lying.xlsx', hostile('hostile-bomb-cell-lying.xlsx'), /解压后过大/],
        ['rows.xlsx', hostile('hostile-million-rows.xlsx'), /解压后过大/],
        ['rows-lying.xlsx', hostile('hostile-million-rows-lying.xlsx'), /解压后过大/],
        ['strings.xlsx', hostile('hostile-shared-strings.xlsx'), /解压后过大/],
        ['rows.csv', Buffer.from(`指标,期间,数值\n${'终本率,2024-08,1\n'.repeat(25_000)}`), /行数过多/],
        ['cell.csv', Buffer.from(`指标,单位,期间,数值\n${'长'.repeat(650_000)},本院,2024-08,1\n`), /未知指标/],
      ];
      for (const [name, content, refusal] of cases) {
        const from = fake.sent.length;
        const started = Date.now();
        upload(content, name);
        fake.pushUpdate(textMessage({ text: '/help', from: STAFF }));
        const help = await replyTo(STAFF.id, from);
        assert.match(help.plain, /\/metric/);
        const answer = await replyTo(ADMIN.id, from);
        assert.match(answer.plain, refusal, `${name}: ${answer.plain}`);
        assert.ok(answer.plain.length < 1000, `${name}: one short message`);
        assert.ok(Date.now() - started < 15_000, `${name} took ${Date.now() - started} ms`);
      }
      assert.equal(bot.exit, undefined, bot.stderr());
    } finally {
      await bot.stop('SIGTERM');
    }
  });

  it('comes back and stays up after being killed while it reads a 20,000-row file', { timeout: 120_000 }, async () => {
    const first = startBotProcess({ fake, dataDir });
    await first.waitForPolling();
    const downloads = fake.callsOf('getFile').length;
    upload(await ordinaryRows(20_000), 'big.xlsx');
    await fake.waitFor(() => fake.callsOf('getFile').length > downloads, 20_000, 'the download');
    await first.stop('SIGKILL');
    const second = startBotProcess({ fake, dataDir });
    try {
      await second.waitForPolling();
      const from = fake.sent.length;
      fake.pushUpdate(textMessage({ text: '/help', from: STAFF }));
      assert.match((await replyTo(STAFF.id, from)).plain, /\/metric/);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      assert.equal(second.exit, undefined, `the bot stays up: ${second.stderr()}`);
      // The file is read once more or not at all: never a crash loop.
      const again = fake.callsOf('getFile').length - downloads;
      assert.ok(again <= 2, `downloaded ${again} times`);
    } finally {
      await second.stop('SIGTERM');
    }
  });
});
