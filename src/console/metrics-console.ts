import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { App } from '../app.ts';
import { FileTooLargeError } from '../bot/files.ts';
import { htmlToText } from '../text/html.ts';
import { translator } from '../text/i18n.ts';
import { DEMO_ADMIN, seedDemoMetrics } from './demo-data.ts';
import type { ConsoleAction } from './run-console.ts';

/**
 * Demo figures for the console, and `:run file <path>`: the demo admin sends a local CSV,
 * XLSX or catalog JSON to the bot as a document, read from disk instead of Telegram.
 */
export async function setupMetricsConsole(app: App, write: (text: string) => void): Promise<ConsoleAction> {
  await seedDemoMetrics(app.store, app.deps.clock);
  const files = new Map<string, string>();
  app.deps.files = {
    async download(fileId, maxBytes) {
      const path = files.get(fileId);
      if (!path) throw new Error(`unknown file ${fileId}`);
      if ((await stat(path)).size > maxBytes) throw new FileTooLargeError(maxBytes);
      return readFile(path);
    },
  };
  let updateId = 500_000_000;
  return {
    name: 'file',
    async run(args) {
      const t = translator(app.deps.config.defaultLang);
      if (args.length === 0) return void write(htmlToText(t('metric.consoleFileUsage')));
      const path = resolve(args.join(' '));
      const size = await stat(path).then((s) => (s.isFile() ? s.size : undefined), () => undefined);
      if (size === undefined) return void write(htmlToText(t('metric.consoleFileMissing', { path })));
      const id = `local-${files.size + 1}`;
      files.set(id, path);
      await app.bot.handleUpdate({
        update_id: updateId++,
        message: {
          message_id: updateId,
          date: Math.floor(app.deps.clock.now().getTime() / 1000),
          chat: { id: DEMO_ADMIN.id, type: 'private', first_name: DEMO_ADMIN.first_name },
          from: { ...DEMO_ADMIN, is_bot: false },
          document: { file_id: id, file_unique_id: id, file_name: basename(path), file_size: size },
        },
      });
      await app.deps.background?.idle();
    },
  };
}
