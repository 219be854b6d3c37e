import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseWatchFile, WATCH_FILE } from '../../src/ops/watch-state.ts';
import { prepareDataDir, startBotProcess, type BotProcess } from '../helpers/bot-process.ts';
import { FakeTelegram } from '../helpers/fake-telegram.ts';
import { tempDataDir } from '../helpers/harness.ts';
import { ADMIN, textMessage } from '../helpers/updates.ts';

const INJECTOR = new URL('../helpers/fault-injector.ts', import.meta.url).href;

/**
 * The real bot process with a fault injector preloaded: an update that blocks the event loop
 * (or crashes the process) at every attempt is dropped after its second attempt, with a note to
 * its sender and the admins; the update beside it in the same batch is not; the bot stays up.
 */
describe('watchdog: stalls and crash loops, real process against the fake Bot API', () => {
  const dirs: string[] = [];
  const fakes: FakeTelegram[] = [];
  after(async () => {
    for (const fake of fakes) await fake.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  async function scenario(command: '/hang' | '/crash', expectExit: (p: BotProcess) => void): Promise<void> {
    const fake = await FakeTelegram.start();
    fakes.push(fake);
    fake.addChat(ADMIN.id);
    const dataDir = await tempDataDir();
    dirs.push(dataDir);
    await prepareDataDir(dataDir);
    const start = () => startBotProcess({ fake, dataDir, env: { WATCHDOG_SECONDS: '2' }, preload: [INJECTOR] });
    const sentBefore = fake.sent.length;

    const first = start();
    await first.waitForPolling();
    const culprit = textMessage({ text: command, from: ADMIN });
    // An innocent update in the same getUpdates batch: in hand at the first stall too.
    const innocent = textMessage({ text: '/lang zh', from: ADMIN });
    fake.pushUpdate(innocent);
    fake.pushUpdate(culprit);
    await first.exited;
    expectExit(first);
    const afterFirst = parseWatchFile(await readFile(join(dataDir, WATCH_FILE), 'utf8'));
    assert.ok(afterFirst?.inHand.some((e) => e.label === command), `${command} in hand at the first ${command === '/hang' ? 'stall' : 'crash'}: ${JSON.stringify(afterFirst)}`);

    const second = start();
    await second.exited;
    expectExit(second);
    const afterSecond = parseWatchFile(await readFile(join(dataDir, WATCH_FILE), 'utf8'));
    // Suspects ran alone: only the culprit was in hand the second time.
    assert.deepEqual(afterSecond?.inHand.map((e) => e.label), [command]);

    const third = start();
    await third.waitForPolling();
    await fake.waitFor(() => fake.pendingUpdates === 0, 10_000, 'the redelivered updates to be worked off');
    const [answer] = await Promise.all([
      fake.waitForMessage((m) => m.chatId === ADMIN.id && /可用命令|commands/.test(m.plain), { from: fake.sent.length, timeoutMs: 10_000 }),
      Promise.resolve(fake.pushUpdate(textMessage({ text: '/help', from: ADMIN }))),
    ]);
    assert.ok(answer, 'the bot answers after dropping the update');
    const notes = fake.sent.slice(sentBefore).filter((m) => m.chatId === ADMIN.id);
    const senderNote = notes.find((m) => m.plain.includes('两次使机器人停止响应'));
    assert.ok(senderNote, `the sender is told: ${notes.map((m) => m.plain).join(' | ')}`);
    assert.match(senderNote.plain, new RegExp(command));
    const adminNote = notes.find((m) => m.plain.includes('看门狗'));
    assert.ok(adminNote, 'the admins are told');
    assert.match(adminNote.plain, new RegExp(command));
    assert.equal(notes.filter((m) => m.plain.includes('看门狗')).length, 1, 'one drop: the innocent update is not dropped');
    assert.ok(notes.some((m) => m.plain.includes('语言已设置为中文')), 'the innocent update was handled');
    const audit = await readFile(join(dataDir, 'audit', (await import('node:fs')).readdirSync(join(dataDir, 'audit'))[0]!), 'utf8');
    assert.match(audit, /watchdog\.drop/);
    assert.equal((await third.stop('SIGTERM')).code, 0, third.stderr());
    const stopped = parseWatchFile(await readFile(join(dataDir, WATCH_FILE), 'utf8'));
    assert.equal(stopped?.state, 'stopped');
  }

  it('a hung update: the watchdog ends the blocked process twice, then the update is dropped and the bot answers', { timeout: 90_000 }, async () => {
    await scenario('/hang', (p) => {
      assert.equal(p.exit?.signal, 'SIGKILL', `the watchdog ended the process: ${JSON.stringify(p.exit)}\n${p.stderr()}`);
      assert.match(p.stderr(), /event loop blocked/);
    });
  });

  it('a crash-looping update: dropped after its second crash, the bot stays up', { timeout: 90_000 }, async () => {
    await scenario('/crash', (p) => {
      assert.notEqual(p.exit?.code, 0, `the process crashed: ${JSON.stringify(p.exit)}`);
      assert.match(p.stderr(), /injected crash/);
    });
  });
});
