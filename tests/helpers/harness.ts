import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Update } from 'telegraf/types';
import { createApp, type App } from '../../src/app.ts';
import { parseConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import { createFixedClock, type Clock } from '../../src/schedule/clock.ts';
import { FakeTelegram, type SentMessage } from './fake-telegram.ts';
import { ADMIN, textMessage, type TestChat, type TestUser } from './updates.ts';

export interface Harness {
  fake: FakeTelegram;
  app: App;
  dataDir: string;
  clock: Clock & { set(to: Date | string): void; advance(ms: number): void };
  /** Queues an update and resolves, once the bot has handled it, with what the bot sent meanwhile. */
  send(update: Omit<Update, 'update_id'>): Promise<SentMessage[]>;
  say(from: TestUser, text: string, chat?: TestChat): Promise<SentMessage[]>;
  /** Stops polling and closes the store; keeps the data directory unless `removeData`. */
  stop(options?: { removeData?: boolean }): Promise<void>;
}

export async function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'courtwall-test-'));
}

/**
 * The real Telegraf instance, long polling a fake Bot API on 127.0.0.1, with a temp data
 * directory and a clock the test controls.
 */
export async function startHarness(
  options: { env?: Record<string, string>; dataDir?: string; now?: string; fake?: FakeTelegram; wallRefreshMs?: number } = {},
): Promise<Harness> {
  const fake = options.fake ?? (await FakeTelegram.start());
  const dataDir = options.dataDir ?? (await tempDataDir());
  const config = parseConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATA_DIR: dataDir,
    ADMIN_IDS: String(ADMIN.id),
    ...options.env,
  });
  const clock = createFixedClock(options.now ?? '2024-09-02T00:00:00Z');
  let codes = 0;
  const app = await createApp(config, { clock, logger: silentLogger, token: fake.token, newCode: () => `invite-code-${++codes}`, wallRefreshMs: options.wallRefreshMs });
  const launched = app.bot.launch();
  await fake.waitFor(() => fake.callsOf('getUpdates').length > 0, 5000, 'first getUpdates');

  const send = async (update: Omit<Update, 'update_id'>) => {
    const before = fake.sent.length;
    fake.pushUpdate(update);
    await fake.waitFor(() => fake.pendingUpdates === 0, 20_000, 'the bot to handle the update');
    // Work the update started in the background (reading an import file) answers later.
    await app.deps.background?.idle();
    return fake.sent.slice(before);
  };
  return {
    fake,
    app,
    dataDir,
    clock,
    send,
    say: (from, text, chat) => send(textMessage({ text, from, ...(chat ? { chat } : {}) })),
    async stop({ removeData = true } = {}) {
      app.bot.stop('test');
      await launched.catch(() => undefined);
      await app.close();
      if (!options.fake) await fake.close();
      if (removeData && !options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Temp data directories made during a test file, removed after each test. */
export function tempDataDirsPerTest(afterEach: (fn: () => Promise<void>) => void): () => Promise<string> {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  return async () => {
    const dir = await tempDataDir();
    dirs.push(dir);
    return dir;
  };
}
