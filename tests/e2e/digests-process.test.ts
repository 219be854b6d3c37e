import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BoundChat } from '../../src/domain/org.ts';
import type { Delivery } from '../../src/store/ports.ts';
import { justBoundGroup, prepareGroups, startBotProcess } from '../helpers/bot-process.ts';
import { FakeTelegram } from '../helpers/fake-telegram.ts';
import { tempDataDir } from '../helpers/harness.ts';

const HEALTHY = -100301;
const LIMITED = -100302;
const REMOVED = -100303;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

void describe('digests from the real bot process, second-level cron, fake Bot API', () => {
  let fake: FakeTelegram;
  let dataDir: string;
  before(async () => {
    fake = await FakeTelegram.start();
    dataDir = await tempDataDir();
    await prepareGroups(fake, dataDir, [justBoundGroup(HEALTHY, 'branch_enf'), justBoundGroup(LIMITED, 'branch_civil'), justBoundGroup(REMOVED, 'enforcement')]);
    fake.rateLimit(LIMITED, 1, 1);
    fake.removeBot(REMOVED);
  });
  after(async () => {
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const env = { WEEKLY_AGENDA_CRON: '*/2 * * * * *' };

  void it('sends each healthy group one agenda, marks the 403 group inactive, and sends nothing twice after a restart', async () => {
    const first = startBotProcess({ fake, dataDir, env });
    await first.waitForPolling();
    await fake.waitFor(() => fake.sentTo(HEALTHY).length > 0 && fake.sentTo(LIMITED).length > 0, 10_000, 'both healthy groups');
    await sleep(4500); // two more cron ticks at least
    assert.equal((await first.stop('SIGTERM')).code, 0, first.stderr());
    assert.equal(fake.sentTo(HEALTHY).length, 1);
    assert.equal(fake.sentTo(LIMITED).length, 1);
    assert.ok(fake.callsOf('sendMessage').some((c) => c.error?.code === 429), 'the 429 was answered');
    assert.equal(fake.sentTo(REMOVED).length, 0);

    const second = startBotProcess({ fake, dataDir, env });
    await second.waitForPolling();
    await sleep(4500);
    assert.equal((await second.stop('SIGTERM')).code, 0, second.stderr());
    assert.equal(fake.sentTo(HEALTHY).length, 1);
    assert.equal(fake.sentTo(LIMITED).length, 1);
    assert.equal(fake.callsOf('sendMessage').filter((c) => c.payload.chat_id === REMOVED).length, 1, 'the removed group is not tried again');

    const org = JSON.parse(await readFile(join(dataDir, 'org.json'), 'utf8')) as { chats: BoundChat[] };
    assert.equal(org.chats.find((c) => c.id === REMOVED)?.active, false);
    const log = JSON.parse(await readFile(join(dataDir, 'deliveries.json'), 'utf8')) as { deliveries: Delivery[] };
    assert.deepEqual(log.deliveries.map((d) => [d.chatId, d.status]).sort(), [[HEALTHY, 'sent'], [LIMITED, 'sent'], [REMOVED, 'failed']].sort());
  });
});
