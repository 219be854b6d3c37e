import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Delivery } from '../../src/store/ports.ts';
import { justBoundGroup, prepareGroups, startBotProcess } from '../helpers/bot-process.ts';
import { FakeTelegram } from '../helpers/fake-telegram.ts';
import { tempDataDir } from '../helpers/harness.ts';

const GROUPS = Array.from({ length: 24 }, (_, i) => -100400 - i);

/**
 * kill -9 in the middle of a 24-group fan-out (issue 12, item 6): each group is claimed just
 * before its own send, so at most the one message in flight is uncertain; after a restart every
 * other group has the digest exactly once.
 */
describe('a digest fan-out killed half way, real process', () => {
  let fake: FakeTelegram;
  let dataDir: string;
  before(async () => {
    fake = await FakeTelegram.start();
    dataDir = await tempDataDir();
    await prepareGroups(fake, dataDir, GROUPS.map((id) => justBoundGroup(id)));
    // Slow sends, so that the kill lands in the middle of the fan-out.
    fake.delay('sendMessage', 120);
  });
  after(async () => {
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('leaves at most one group uncertain; every other group gets the digest exactly once after a restart', { timeout: 120_000 }, async () => {
    const env = { WEEKLY_AGENDA_CRON: '*/2 * * * * *' };
    const groupSends = () => fake.sent.filter((m) => GROUPS.includes(m.chatId));
    const first = startBotProcess({ fake, dataDir, env });
    await first.waitForPolling();
    await fake.waitFor(() => groupSends().length >= 8, 30_000, 'the fan-out to be half way');
    await first.stop('SIGKILL');
    const before = groupSends().length;
    assert.ok(before < GROUPS.length, `the kill came too late (${before} groups reached)`);

    const second = startBotProcess({ fake, dataDir, env });
    await second.waitForPolling();
    const log = async () => (JSON.parse(await readFile(join(dataDir, 'deliveries.json'), 'utf8')) as { deliveries: Delivery[] }).deliveries;
    await fake.waitFor(() => groupSends().length >= GROUPS.length - 1, 30_000, 'the rest of the fan-out');
    await new Promise((resolve) => setTimeout(resolve, 3000)); // more cron ticks: nothing goes twice
    assert.equal((await second.stop('SIGTERM')).code, 0, second.stderr());

    const perGroup = GROUPS.map((id) => fake.sentTo(id).length);
    assert.ok(perGroup.every((n) => n <= 1), `a group got the agenda twice: ${perGroup.join(',')}`);
    const missing = GROUPS.filter((id) => fake.sentTo(id).length === 0);
    assert.ok(missing.length <= 1, `${missing.length} groups never got it: ${missing.join(', ')}`);
    const uncertain = (await log()).filter((d) => d.status === 'sending').map((d) => d.chatId);
    assert.ok(uncertain.length <= 1, `uncertain: ${uncertain.join(', ')}`);
    assert.deepEqual(missing.filter((id) => !uncertain.includes(id)), [], 'a group that never got it is the uncertain one');
  });
});
