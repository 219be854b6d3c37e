import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createApp, loadSeedUnits } from '../app.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { systemClock } from '../schedule/clock.ts';
import { openStore } from '../store/open-store.ts';
import { seedDemoOrg } from './demo-data.ts';
import { seedDemoProgress } from './demo-progress.ts';
import { setupMetricsConsole } from './metrics-console.ts';
import { runConsole, type ConsoleAction } from './run-console.ts';
import { digestWindow } from '../domain/digests/periods.ts';
import type { App } from '../app.ts';
import { backupAction } from './backup-action.ts';
import { htmlToText } from '../text/html.ts';
import { translator } from '../text/i18n.ts';
import { runReminders } from '../schedule/jobs/run-reminders.ts';
import { wallPageUrl } from '../bot/features/wallpage.ts';
import { hashToken } from '../web/wall-access.ts';
import { WALL_SERVICE } from '../web/wall-service.ts';

export const CONSOLE_DIR_NAME = 'console-demo';

/** `npm start` without BOT_TOKEN: fresh demo data in a directory of its own, never the court's. */
export async function startConsole(config: Config, logger: Logger): Promise<void> {
  const dataDir = resolve(join(config.dataDir, CONSOLE_DIR_NAME));
  await rm(dataDir, { recursive: true, force: true });
  const store = await openStore(dataDir, { seedUnits: await loadSeedUnits() });
  await seedDemoOrg(store, systemClock);
  await seedDemoProgress(store, systemClock, config.timeZone);
  const consoleConfig: Config = { ...config, dataDir, adminIds: [] };
  const app = await createApp(consoleConfig, { clock: systemClock, logger, token: '1:console', store });
  try {
    await serveWallPage(app, consoleConfig, (text) => process.stdout.write(text + '\n'));
    const metricsFile = await setupMetricsConsole(app, (text) => process.stdout.write(text + '\n'));
    const backup = backupAction({ dataDir, keep: config.backupKeep, now: () => app.deps.clock.now(), t: translator(config.defaultLang), write: (html) => process.stdout.write(htmlToText(html) + '\n') });
    await runConsole(app, { input: process.stdin, output: process.stdout, dataDir, actions: [...digestActions(app, config.timeZone), backup, reminderAction(app, consoleConfig, logger), metricsFile] });
  } finally {
    await app.close();
  }
}

/** `:run agenda|summary [YYYY-MM|YYYY-Www] [force]`: the digest of the current period to every subscribed demo chat, now. */
function digestActions(app: App, timeZone: string): ConsoleAction[] {
  return (['agenda', 'summary'] as const).map((kind) => ({
    name: kind,
    async run(args: string[]) {
      const period = args.find((a) => /^\d{4}-(W\d{2}|\d{2})$/.test(a)) ?? digestWindow(kind, app.deps.clock.now(), timeZone).period;
      await app.deps.digests?.run(kind, { period, force: args.includes('force') });
    },
  }));
}

/** `:run reminders`: this week's progress reminders now (each owner at most once a week). */
function reminderAction(app: App, config: Config, logger: Logger): ConsoleAction {
  return {
    name: 'reminders',
    async run() {
      const sender = app.deps.digests?.sender;
      if (sender) await runReminders({ store: app.store, sender, clock: app.deps.clock, config, logger });
    },
  };
}

/** With WALL_PORT set, the console serves the lobby page too, and prints a working link to it. */
async function serveWallPage(app: App, config: Config, write: (text: string) => void): Promise<void> {
  const service = app.services.find((s) => s.name === WALL_SERVICE);
  if (!service || !config.wall) return;
  await service.start();
  const token = randomBytes(18).toString('base64url');
  await app.store.wallPage.addLink({ id: 'console', hash: hashToken(token), createdBy: 0, createdAt: app.deps.clock.now().toISOString() });
  write(htmlToText(translator(config.defaultLang)('wallpage.console', { url: wallPageUrl(config.wall.url, undefined, token) })));
}
