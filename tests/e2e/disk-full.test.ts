import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { diskFullAt, type DiskFull } from '../helpers/disk-full.ts';
import type { SentMessage } from '../helpers/fake-telegram.ts';
import { startHarness, tempDataDir, type Harness } from '../helpers/harness.ts';
import { ADMIN, callbackQuery, documentMessage } from '../helpers/updates.ts';

const CSV = ['metric,unit,period,basis,value', '终本率,本院,2024-08,ytd,10.47%'].join('\r\n');
const KEY = { metric: 'first_enf_terminated_round_rate', unit: 'court', period: '2024-08', basis: 'ytd' } as const;
const APOLOGY = /抱歉，处理时出了问题|Sorry, something went wrong/;

const apologies = (sent: SentMessage[]) => sent.filter((m) => APOLOGY.test(m.plain)).length;

describe('a full disk: a failed write changes nothing in memory (real bot, fake Bot API)', () => {
  let h: Harness;
  let disk: DiskFull;
  let dataDir: string;
  before(async () => {
    dataDir = await tempDataDir();
    disk = await diskFullAt(dataDir);
    h = await startHarness({ dataDir, now: '2024-09-02T01:00:00Z' });
  });
  after(async () => {
    disk.free();
    await h.stop();
    disk.restore();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Uploads a file and returns the confirm button's data. */
  async function preview(csv: string, name: string): Promise<string> {
    const content = Buffer.from(csv);
    const fileId = h.fake.addFile(content, name);
    const [shown] = await h.send(documentMessage({ fileId, fileName: name, from: ADMIN, size: content.length }));
    const confirm = (shown?.replyMarkup?.inline_keyboard ?? []).flat().find((b) => b.callback_data?.startsWith('mi:ok:'))?.callback_data;
    assert.ok(confirm, `no confirm button in: ${shown?.plain}`);
    return confirm;
  }

  it('a confirmed import that could not be written is reported once, not kept, not written later, not audited; Confirm again saves it', async () => {
    const confirm = await preview(CSV, 'full.csv');

    disk.fill();
    const replies = await h.send(callbackQuery({ data: confirm, from: ADMIN }));
    disk.free();
    assert.deepEqual(replies.map((m) => m.plain), ['full.csv 未能保存（写入数据失败），未做任何更改。请稍后再按“确认”重试（10 分钟内有效），或重新发送文件。']);
    assert.equal(apologies(replies), 0);
    assert.equal(h.app.store.metrics.observation(KEY), undefined, 'the failed import stays in memory');

    // Other figures are imported afterwards, into the same document: the failed import must not ride along.
    const [applied] = await h.send(callbackQuery({ data: await preview(CSV.replace('2024-08', '2024-07').replace('10.47%', '9.99%'), 'later.csv'), from: ADMIN }));
    assert.match(applied!.plain, /已导入 1 条/);
    const onDisk = JSON.parse(await readFile(join(dataDir, 'metrics.json'), 'utf8')) as { observations: { source?: string }[] };
    assert.deepEqual(onDisk.observations.map((o) => o.source), ['later.csv'], 'the failed import was written later');
    const [answer] = await h.say(ADMIN, '终本率');
    assert.doesNotMatch(answer!.plain, /10\.47%|2024年1—8月/);
    assert.match(answer!.plain, /9\.99%/);
    assert.deepEqual((await h.app.store.audit.recent(50)).filter((e) => e.action === 'metrics.import').map((e) => e.target), ['later.csv']);

    // The disk has room again: the first file's Confirm, pressed again, saves it now.
    const [retried] = await h.send(callbackQuery({ data: confirm, from: ADMIN }));
    assert.match(retried!.plain, /已导入 1 条.*full\.csv/);
    assert.equal(h.app.store.metrics.observation(KEY)?.value, 10.47);
  });

  it('/lang keeps the old language when its write fails, with one apology', async () => {
    disk.fill();
    const replies = await h.say(ADMIN, '/lang en');
    disk.free();
    assert.equal(apologies(replies), 1, replies.map((m) => m.plain).join('\n'));
    assert.notEqual(h.app.store.org.member(ADMIN.id)?.lang, 'en');
    const [help] = await h.say(ADMIN, '/lang');
    assert.doesNotMatch(help!.plain, /[A-Za-z]{4,} [a-z]{3,}/, `answered in English: ${help!.plain}`);
  });

  it('an update whose only failed write is the ledger gets its answer and no apology', async () => {
    disk.fill();
    const replies = await h.say(ADMIN, '/lang');
    disk.free();
    assert.equal(replies.length, 1, replies.map((m) => m.plain).join('\n'));
    assert.equal(apologies(replies), 0);
  });
});
