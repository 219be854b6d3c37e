import { runBackup } from '../ops/backup.ts';
import { formatBytes } from '../render/bytes.ts';
import type { Translate } from '../text/i18n.ts';
import type { ConsoleAction } from './run-console.ts';

/** `:run backup` in the console: the daily backup, now. */
export function backupAction(options: { dataDir: string; keep: number; now: () => Date; t: Translate; write: (html: string) => void }): ConsoleAction {
  return {
    name: 'backup',
    async run() {
      try {
        const done = await runBackup(options.dataDir, { now: options.now(), keep: options.keep });
        options.write(options.t('ops.backupDone', { name: done.name, files: done.files, size: formatBytes(done.bytes), keep: options.keep }));
      } catch (err) {
        options.write(options.t('ops.backupFailed', { detail: err instanceof Error ? err.message : String(err) }));
      }
    },
  };
}
