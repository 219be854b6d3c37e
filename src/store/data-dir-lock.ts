import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`data directory ${dataDir} is in use by another courtwall process (pid ${pid}); stop it first`);
    this.name = 'DataDirBusyError';
  }
}

export const LOCK_FILE = 'courtwall.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Changes at every boot (Linux): a pid from before a reboot says nothing about now. */
async function bootId(): Promise<string> {
  return (await readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '')).trim();
}

/** The live courtwall process holding the directory, if any. The lock file holds `pid` and the boot id. */
export async function lockHolder(dataDir: string): Promise<number | undefined> {
  const [pidText = '', lockedBoot = ''] = (await readFile(join(dataDir, LOCK_FILE), 'utf8').catch(() => '')).split('\n');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return undefined;
  if (lockedBoot !== '' && lockedBoot !== (await bootId())) return undefined;
  return pid;
}

/**
 * One process per data directory: lowdb coalesces writes only within one instance. The lock
 * file is created exclusively ('wx'), so of two starts at the same moment only one gets it; a
 * lock whose holder is dead (or from before a reboot) is stale and removed, then tried again.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = join(dataDir, LOCK_FILE);
  const content = `${process.pid}\n${await bootId()}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(content);
      } finally {
        await handle.close();
      }
      return () => rm(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const text = await readFile(file, 'utf8').catch(() => undefined);
    // Another start in this very process holds it, or it is being written right now.
    if (text === undefined || text === '' || Number(text.split('\n')[0]) === process.pid) throw new DataDirBusyError(dataDir, process.pid);
    const holder = await lockHolder(dataDir);
    if (holder !== undefined) throw new DataDirBusyError(dataDir, holder);
    // Stale: remove it only if it is still the file we judged.
    if ((await readFile(file, 'utf8').catch(() => undefined)) === text) await rm(file, { force: true });
  }
  throw new DataDirBusyError(dataDir, 0);
}
