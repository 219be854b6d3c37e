import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Telegraf } from 'telegraf';
import type { Config } from './config.ts';
import type { CommandSpec } from './domain/access.ts';
import type { Unit } from './domain/org.ts';
import type { BotContext, BotDeps } from './bot/context.ts';
import { createBackground } from './bot/background.ts';
import { createBot } from './bot/create-bot.ts';
import type { Logger } from './logger.ts';
import { createBackupService } from './ops/backup-service.ts';
import type { Clock } from './schedule/clock.ts';
import { createDigestControl } from './schedule/digest-service.ts';
import { runReminders } from './schedule/jobs/run-reminders.ts';
import type { Sender } from './schedule/sender-port.ts';
import type { Service } from './schedule/service.ts';
import { openStore, type Store } from './store/open-store.ts';
import { createWallHandler } from './web/wall-server.ts';
import { createWallService } from './web/wall-service.ts';

export interface App {
  bot: Telegraf<BotContext>;
  commands: CommandSpec[];
  store: Store;
  deps: BotDeps;
  services: Service[];
  /** The lobby wall page's request handler when WALL_PORT is set (the webhook server passes it /wall requests on a shared port). */
  wallHandler?: (req: IncomingMessage, res: ServerResponse) => void;
  /** A stop was asked for (a signal): sends waiting on Telegram end now; what is unsent stays due for the next start. */
  beginStop(): void;
  /** Stops services, then flushes and closes the store. */
  close(): Promise<void>;
}

export interface AppOptions {
  clock: Clock;
  logger: Logger;
  token: string;
  newCode?: () => string;
  /** Tests and the console pass a store of their own. */
  store?: Store;
  seedUnitsFile?: string;
  /** Tests make the wall page refresh faster than every 60 s. */
  wallRefreshMs?: number;
  /** Tests pass a digest sender with virtual time. */
  digestSender?: Sender;
}

export const SEED_UNITS_FILE = new URL('../data/seed/units.json', import.meta.url);

export async function loadSeedUnits(file: string | URL = SEED_UNITS_FILE): Promise<Unit[]> {
  return JSON.parse(await readFile(file, 'utf8')) as Unit[];
}

export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const store =
    options.store ?? (await openStore(config.dataDir, { seedUnits: await loadSeedUnits(options.seedUnitsFile ?? SEED_UNITS_FILE) }));
  const deps: BotDeps = {
    config,
    store,
    clock: options.clock,
    logger: options.logger,
    newCode: options.newCode ?? (() => randomBytes(12).toString('base64url')),
    background: createBackground(options.logger),
  };
  const digests = createDigestControl({
    config,
    store,
    clock: options.clock,
    logger: options.logger,
    token: options.token,
    sender: options.digestSender,
    // Reminders share the digests' sender (Telegram's limits are per bot); `now` is the tick's.
    runReminders: (now) => runReminders({ store, sender: digests.sender, clock: { now: () => now }, config, logger: options.logger }),
  });
  deps.digests = digests;
  const { bot, commands } = createBot(deps, { token: options.token, apiRoot: config.apiRoot });
  const services: Service[] = [deps.digests.service];
  if (store.dataDir) {
    const { dataDir } = store;
    services.push(createBackupService({ dataDir, cron: config.backupCron, timeZone: config.timeZone, keep: config.backupKeep, clock: options.clock, logger: options.logger }));
  }
  const wallHandler = config.wall
    ? createWallHandler({ store, clock: options.clock, logger: options.logger, timeZone: config.timeZone, lang: config.defaultLang, refreshMs: options.wallRefreshMs })
    : undefined;
  if (config.wall && wallHandler && config.webhook?.port !== config.wall.port) {
    services.push(createWallService({ port: config.wall.port, handler: wallHandler, logger: options.logger }));
  }
  return {
    bot,
    commands,
    store,
    deps,
    services,
    ...(wallHandler ? { wallHandler } : {}),
    beginStop: () => digests.cancelSends(),
    async close() {
      digests.cancelSends();
      await deps.background?.idle();
      for (const service of [...services].reverse()) await service.stop();
      await store.close();
    },
  };
}
