import { createTask, type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.ts';
import type { Clock } from '../schedule/clock.ts';
import type { Service } from '../schedule/service.ts';
import { runBackup } from './backup.ts';

export interface BackupSchedule {
  dataDir: string;
  cron: string;
  timeZone: string;
  keep: number;
  clock: Clock;
  logger: Logger;
}

/** One job boundary: a failed backup is logged and retried at the next scheduled time; it never stops the bot. */
export async function runBackupJob(s: Omit<BackupSchedule, 'cron' | 'timeZone'>): Promise<void> {
  try {
    const done = await runBackup(s.dataDir, { now: s.clock.now(), keep: s.keep });
    s.logger.info('backup made', { backup: done.name, bytes: done.bytes, files: done.files, removed: done.removed });
  } catch (err) {
    s.logger.error('backup failed', { err });
  }
}

/** node-cron only triggers; the job is a plain function tests call with a fixed clock. */
export function createBackupService(s: BackupSchedule): Service {
  let task: ScheduledTask | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  return {
    name: 'backup',
    start() {
      task = createTask(s.cron, () => (inFlight = runBackupJob(s)), { timezone: s.timeZone, name: 'backup', noOverlap: true });
      task.on('execution:missed', () => s.logger.warn('backup run missed (event loop busy or clock jump); next one at the scheduled time'));
      return task.start();
    },
    /** Waits for a backup in progress, so that a stop never leaves half a copy behind. */
    async stop() {
      await task?.destroy();
      task = undefined;
      await inFlight;
    },
  };
}
