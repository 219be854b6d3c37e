import type { ConsoleAction } from '../console/run-console.ts';
import type { Translate } from '../text/i18n.ts';
import type { Store } from '../store/open-store.ts';
import { dataSize, formatBytes, lastBackup, runBackup } from './backup.ts';

/** The operations part of /status: how much data, how many people, chats and figures, the last backup. */
export async function operationsStatus(store: Store, t: Translate, when: (d: Date) => string): Promise<string[]> {
  const lines = [
    t('ops.status.data', {
      size: store.dataDir ? formatBytes(await dataSize(store.dataDir)) : '—',
      staff: store.org.members().filter((m) => m.active).length,
      chats: store.org.chats().filter((c) => c.active).length,
      figures: store.metrics.observations().length,
    }),
  ];
  const backup = store.dataDir ? await lastBackup(store.dataDir) : undefined;
  lines.push(backup ? t('ops.status.backup', { at: when(backup.at), size: formatBytes(backup.bytes), files: backup.files }) : t('ops.status.noBackup'));
  return lines;
}

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
