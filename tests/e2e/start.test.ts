import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FakeTelegram } from '../helpers/fake-telegram.ts';
import { spawnMain } from '../helpers/spawn-main.ts';
import { ADMIN, textMessage } from '../helpers/updates.ts';

describe('starting courtwall', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'courtwall-start-'));
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('without BOT_TOKEN runs the console on demo data and answers /help in Chinese', async () => {
    const run = spawnMain({ DATA_DIR: dataDir }, [], '/help\n:group /help\n');
    assert.equal(await run.exited, 0, run.stderr());
    assert.match(run.stdout(), /机器人 › courtwall 可用命令（您的角色：管理员）/);
    assert.match(run.stdout(), /\/invite — 生成一次性邀请链接/);
    assert.match(run.stdout(), /\[群 .*\] 机器人 › courtwall 可用命令/);
    assert.match(run.stdout(), new RegExp(join(dataDir, 'console-demo').replace(/[/\\]/g, '.')));
  });

  for (const [variable, value, expected] of [
    ['ADMIN_IDS', '12,abc', /setting ADMIN_IDS: "abc" is not a numeric Telegram user ID/],
    ['WEEKLY_AGENDA_CRON', '61 8 * * 1', /setting WEEKLY_AGENDA_CRON: .* not a valid cron expression/],
    ['COURT_TIMEZONE', 'Asia/Beijing', /setting COURT_TIMEZONE: "Asia\/Beijing" is not an IANA time zone/],
  ] as const) {
    it(`stops with a message naming ${variable} when it is wrong`, async () => {
      const run = spawnMain({ DATA_DIR: dataDir, [variable]: value });
      assert.equal(await run.exited, 2);
      assert.match(run.stderr(), expected);
    });
  }

  it('exits with a clear message when another instance polls the same token (409)', async () => {
    const fake = await FakeTelegram.start();
    const dirs = [await mkdtemp(join(tmpdir(), 'courtwall-a-')), await mkdtemp(join(tmpdir(), 'courtwall-b-'))];
    const env = (dir: string) => ({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATA_DIR: dir, ADMIN_IDS: String(ADMIN.id) });
    const first = spawnMain(env(dirs[0]!));
    try {
      await fake.waitFor(() => fake.callsOf('getUpdates').length > 0, 15_000, 'first poller');
      const second = spawnMain(env(dirs[1]!));
      const code = await Promise.race([first.exited, second.exited]);
      assert.equal(code, 3);
      assert.match(first.stderr() + second.stderr(), /another instance is polling with the same BOT_TOKEN \(409 Conflict\)/);
      second.child.kill('SIGTERM');
      await second.exited;
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
      await fake.close();
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops cleanly on SIGTERM that arrives before polling has started', async () => {
    const fake = await FakeTelegram.start();
    fake.delay('deleteWebhook', 1500);
    const dir = await mkdtemp(join(tmpdir(), 'courtwall-early-'));
    const run = spawnMain({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATA_DIR: dir, ADMIN_IDS: String(ADMIN.id) });
    try {
      await fake.waitFor(() => fake.callsOf('deleteWebhook').length > 0, 15_000, 'deleteWebhook');
      run.child.kill('SIGTERM');
      const outcome = await Promise.race([run.exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
      assert.equal(outcome, 0, run.stderr());
      assert.doesNotMatch(run.stderr(), /not running/);
      await assert.rejects(readFile(join(dir, 'courtwall.pid')), { code: 'ENOENT' }, 'the lock is released');
    } finally {
      run.child.kill('SIGKILL');
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('in webhook mode rejects requests without the secret token and handles those with it', async () => {
    const fake = await FakeTelegram.start();
    const port = 20000 + Math.floor(Math.random() * 20000);
    const run = spawnMain({
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATA_DIR: dataDir,
      ADMIN_IDS: String(ADMIN.id),
      WEBHOOK_URL: 'https://bot.example.org/tg/hook',
      WEBHOOK_SECRET: 'right_secret',
      PORT: String(port),
    });
    try {
      const setWebhook = await fake.waitFor(() => fake.callsOf('setWebhook')[0], 15_000, 'setWebhook');
      assert.equal(setWebhook.payload.secret_token, 'right_secret');
      const menus = fake.callsOf('setMyCommands').map((c) => ({ lang: c.payload.language_code, commands: c.payload.commands as { command: string; description: string }[] }));
      const zhMenu = menus.find((m) => m.lang === undefined);
      const enMenu = menus.find((m) => m.lang === 'en');
      assert.ok(zhMenu?.commands.some((c) => c.command === 'help' && c.description === '查看可用命令'), 'Chinese menu as the default');
      assert.ok(enMenu?.commands.some((c) => c.command === 'help' && c.description === 'Show the commands you can use'), 'English menu');
      // The update comes straight to the webhook, not through the fake: introduce the chat.
      fake.addChat(ADMIN.id);
      const update = { update_id: 1, ...textMessage({ text: '/help', from: ADMIN }) };
      const post = (secret?: string) =>
        fetch(`http://127.0.0.1:${port}/tg/hook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
          body: JSON.stringify(update),
        });
      assert.equal((await post()).status, 403);
      assert.equal((await post('wrong')).status, 403);
      assert.equal(fake.sent.length, 0);
      assert.equal((await post('right_secret')).status, 200);
      const help = await fake.waitForMessage((m) => m.chatId === ADMIN.id);
      assert.match(help.plain, /可用命令/);
    } finally {
      run.child.kill('SIGTERM');
      assert.equal(await run.exited, 0, run.stderr());
      await fake.close();
    }
  });
});
