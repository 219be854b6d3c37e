import { config as loadDotenv } from 'dotenv';
import { createApp } from './app.ts';
import { ConfigError, parseConfig, type Config } from './config.ts';
import { startConsole } from './console/start-console.ts';
import { createLogger } from './logger.ts';
import { runCheckCommand } from './ops/check.ts';
import { runBot } from './run-bot.ts';
import { systemClock } from './schedule/clock.ts';
import { CorruptDataError } from './store/json-doc.ts';
import { DataDirBusyError } from './store/data-dir-lock.ts';

/** The composition root: the only place that reads the environment and starts things. */
async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  if (process.argv.includes('--check')) return runCheckCommand(process.env, new Date(), (line) => process.stdout.write(line + '\n'));
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`courtwall: setting ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const logger = createLogger(config.logLevel, [config.botToken, config.webhook?.secret]);
  if (!config.botToken) {
    await startConsole(config, createLogger('warn', []));
    return 0;
  }
  const app = await createApp(config, { clock: systemClock, logger, token: config.botToken });
  return runBot(app, config, logger);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof CorruptDataError || err instanceof DataDirBusyError) {
      process.stderr.write(`courtwall: ${err.message}\n`);
    } else {
      const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      const token = process.env.BOT_TOKEN?.trim();
      process.stderr.write(`courtwall: failed to start: ${token ? text.split(token).join('<redacted>') : text}\n`);
    }
    process.exit(1);
  },
);
