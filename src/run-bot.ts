import { createServer, type Server } from 'node:http';
import { TelegramError, type Telegram } from 'telegraf';
import type { App } from './app.ts';
import { announceDrops } from './bot/drop-notes.ts';
import { registerMenus } from './bot/menu.ts';
import { createWebhookHandler } from './bot/webhook.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { isWallPath } from './web/wall-server.ts';
import { startWatchdog, type Watchdog } from './ops/watchdog.ts';

export const EXIT_CONFLICT = 3;

function isConflict(err: unknown): boolean {
  return err instanceof TelegramError && err.code === 409;
}

function onStopSignal(handler: (signal: string) => void): () => void {
  const listener = (signal: NodeJS.Signals) => handler(signal);
  process.once('SIGINT', listener);
  process.once('SIGTERM', listener);
  return () => {
    process.off('SIGINT', listener);
    process.off('SIGTERM', listener);
  };
}

async function startServices(app: App, logger: Logger): Promise<void> {
  for (const service of app.services) {
    await service.start();
    logger.info('service started', { service: service.name });
  }
}

/**
 * Resolves when Telegram first answers getUpdates without an error: this instance is the one
 * polling. Until then it may be a second instance (a copied data directory, another host) that
 * is about to get 409 Conflict, and must not send anything: services wait for this.
 * The first poll asks with timeout 0, so the answer comes at once rather than after a long
 * poll of 50 s with nothing to deliver (telegraf's next poll is a long one again).
 */
function firstPollAnswered(telegram: Telegram): Promise<void> {
  return new Promise((resolve) => {
    const callApi = telegram.callApi.bind(telegram) as (...args: unknown[]) => Promise<unknown>;
    let answered = false;
    const observed = async (...args: unknown[]) => {
      const first = args[0] === 'getUpdates' && !answered;
      if (first) args[1] = { ...(args[1] as object), timeout: 0 };
      const result = await callApi(...args);
      if (first) {
        answered = true;
        resolve();
      }
      return result;
    };
    telegram.callApi = observed as Telegram['callApi'];
  });
}

/**
 * Long polling. bot.launch() resolves only when polling stops; on SIGINT/SIGTERM we stop
 * polling, wait for the batch in hand (its offset is confirmed then), stop the services
 * and close the store, so no acknowledged write is lost.
 */
async function runPolling(app: App, logger: Logger): Promise<number> {
  let stopping = false;
  const stopPolling = (signal: string) => {
    try {
      app.bot.stop(signal);
    } catch {
      // launch() is still between getMe and the first getUpdates: stop as soon as it polls.
      setTimeout(() => stopPolling(signal), 20);
    }
  };
  const removeSignals = onStopSignal((signal) => {
    stopping = true;
    logger.info('stopping', { signal });
    // Before the handlers in hand are awaited: one may be sending (/summary send) into a 429 wait.
    app.beginStop();
    stopPolling(signal);
  });
  try {
    const polling = firstPollAnswered(app.bot.telegram);
    const launched = app.bot.launch({ allowedUpdates: ['message', 'edited_message', 'callback_query', 'my_chat_member'] }, () => {
      logger.info('bot started (long polling)', { username: app.bot.botInfo?.username });
    });
    // Scheduler, backups, wall page: only once polling is confirmed (a 409 rejects `launched` first).
    const confirmed = await Promise.race([polling.then(() => true), launched.then(() => false)]);
    if (confirmed && !stopping) await startServices(app, logger);
    await launched;
    return 0;
  } catch (err) {
    if (isConflict(err)) {
      logger.error('another instance is polling with the same BOT_TOKEN (409 Conflict); stop it, or use one instance only');
      return EXIT_CONFLICT;
    }
    if (stopping) return 0;
    throw err;
  } finally {
    removeSignals();
    await app.close();
  }
}

/** Webhook mode: our own HTTP server, so in-flight requests finish before the store closes. */
async function runWebhook(app: App, config: Config, logger: Logger): Promise<number> {
  const webhook = config.webhook!;
  const path = new URL(webhook.url).pathname;
  // Not telegraf's webhookCallback: it decodes the body chunk by chunk, reads it without a limit
  // and compares the secret with ===.
  const callback = createWebhookHandler({ path, secret: webhook.secret, handleUpdate: (update) => app.bot.handleUpdate(update), logger });
  const wall = app.wallHandler;
  // WALL_PORT = PORT: one server; /wall requests go to the page, the rest to Telegram's webhook.
  const server: Server = createServer((req, res) => (wall && isWallPath(req.url) ? wall(req, res) : callback(req, res)));
  // Telegram sends a request at once: a client that trickles its headers or body is cut off, not waited for 5 minutes.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  app.bot.botInfo ??= await app.bot.telegram.getMe();
  await new Promise<void>((resolve) => server.listen(webhook.port, resolve));
  await app.bot.telegram.setWebhook(webhook.url, {
    secret_token: webhook.secret,
    allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'],
  });
  logger.info('bot started (webhook)', { port: webhook.port, path });
  await startServices(app, logger);
  await new Promise<void>((resolve) => {
    onStopSignal((signal) => {
      logger.info('stopping', { signal });
      app.beginStop();
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  });
  await app.close();
  return 0;
}

/** Watches the event loop and what is in hand; drops what was in hand at two consecutive stalls or crashes. */
async function watch(app: App, config: Config, logger: Logger): Promise<Watchdog | undefined> {
  const dataDir = app.store.dataDir;
  if (!dataDir) return undefined;
  const watchdog = await startWatchdog({ dataDir, stallLimitMs: config.watchdogSeconds * 1000, logger, now: () => app.deps.clock.now() });
  app.deps.watchdog = watchdog;
  if (watchdog.verdict.drop.length > 0 && app.deps.digests) {
    await announceDrops({ telegram: app.bot.telegram, store: app.store, config, logger, sender: app.deps.digests.sender }, watchdog.verdict.drop);
  }
  return watchdog;
}

export async function runBot(app: App, config: Config, logger: Logger): Promise<number> {
  const watchdog = await watch(app, config, logger);
  try {
    app.bot.botInfo ??= await app.bot.telegram.getMe();
    await registerMenus(app.bot.telegram, app.commands, config.defaultLang).catch((err: unknown) =>
      logger.warn('could not register command menus', { err }),
    );
    return await (config.webhook ? runWebhook(app, config, logger) : runPolling(app, logger));
  } finally {
    await watchdog?.stop();
  }
}
