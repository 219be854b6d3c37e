import type { Translate } from '../text/i18n.ts';
import type { Store } from '../store/open-store.ts';
import { formatBytes } from '../render/bytes.ts';
import { dataSize, lastBackup } from './backup.ts';

/** The operations part of /status: how much data, how many people, chats and figures, the last backup. */
export async function operationsStatus(store: Pick<Store, 'dataDir' | 'org' | 'metrics'>, t: Translate, when: (d: Date) => string): Promise<string[]> {
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
