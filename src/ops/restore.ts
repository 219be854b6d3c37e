import { chown, mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { lockDataDir, lockHolder } from '../store/data-dir-lock.ts';
import { BACKUPS_DIR, copyDataTree, isDataEntry, MANIFEST_FILE, stamp } from './backup.ts';

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

export interface RestoreResult {
  from: string;
  files: number;
  bytes: number;
  /** Where the data that was in DATA_DIR before went; undefined if there was none. */
  setAside: string | undefined;
}

/** `<backup>` may be a path or just the name of a folder under DATA_DIR/backups/. */
export async function resolveBackupDir(dataDir: string, backup: string): Promise<string> {
  const candidates = isAbsolute(backup) ? [backup] : [resolve(backup), join(dataDir, BACKUPS_DIR, backup)];
  for (const dir of candidates) {
    if ((await stat(dir).catch(() => undefined))?.isDirectory()) return dir;
  }
  throw new RestoreError(`no backup folder at ${candidates.join(' or ')}; the backups are in ${join(dataDir, BACKUPS_DIR)}`);
}

async function walkFiles(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, rel), { withFileTypes: true })) {
    const path = join(rel, entry.name);
    if (entry.isDirectory()) out.push(...(await walkFiles(dir, path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Every JSON document must parse and carry a schemaVersion; every log line must parse. */
export async function validateBackup(dir: string): Promise<string[]> {
  const problems: string[] = [];
  const files = (await walkFiles(dir)).filter((f) => f !== MANIFEST_FILE);
  if (!files.some((f) => f.endsWith('.json'))) problems.push('holds no data documents (*.json)');
  for (const file of files) {
    if (!file.endsWith('.json') && !file.endsWith('.jsonl')) continue;
    const text = await readFile(join(dir, file), 'utf8');
    try {
      if (file.endsWith('.jsonl')) {
        text.split('\n').forEach((line, i) => {
          if (line.length === 0) return;
          try {
            JSON.parse(line);
          } catch {
            throw new Error(`line ${i + 1} is not JSON`);
          }
        });
      } else {
        const doc = JSON.parse(text) as unknown;
        if (doc === null || typeof doc !== 'object' || typeof (doc as { schemaVersion?: unknown }).schemaVersion !== 'number') {
          throw new Error('not a courtwall document (no schemaVersion)');
        }
      }
    } catch (err) {
      problems.push(`${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return problems;
}

/** Run as root, a restore would leave root's files where the bot's user must write: hand them to the directory's owner. */
async function giveToOwnerOf(dataDir: string, files: string[]): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const { uid, gid } = await stat(dataDir);
  if (uid === 0 && gid === 0) return;
  const paths = new Set<string>();
  for (const file of files) {
    const parts = file.split(sep);
    for (let i = 1; i <= parts.length; i++) paths.add(parts.slice(0, i).join(sep));
  }
  for (const path of paths) await chown(join(dataDir, path), uid, gid);
}

/**
 * Puts a backup in place of DATA_DIR's data. Refuses while a bot holds the data directory,
 * holds the lock itself meanwhile, and moves the current data aside instead of deleting it.
 */
export async function restoreBackup(dataDir: string, backup: string, now: Date): Promise<RestoreResult> {
  const from = await resolveBackupDir(dataDir, backup);
  // A backup may sit inside DATA_DIR (backups/, pre-restore-*/), but not among the data it replaces.
  const inside = relative(resolve(dataDir), resolve(from));
  const within = !inside.startsWith('..') && !isAbsolute(inside);
  if (within && (inside === '' || isDataEntry(inside.split(sep)[0]!))) {
    throw new RestoreError(`${from} is part of the live data in ${dataDir}, not a backup`);
  }
  const holder = await lockHolder(dataDir);
  if (holder !== undefined) {
    throw new RestoreError(`courtwall is running on ${dataDir} (pid ${holder}); stop it first (systemctl stop courtwall / docker stop …)`);
  }
  const problems = await validateBackup(from);
  if (problems.length > 0) throw new RestoreError(`the backup ${from} is not usable, nothing was changed:\n  ${problems.join('\n  ')}`);

  await mkdir(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir);
  try {
    const current = (await readdir(dataDir)).filter(isDataEntry);
    let setAside: string | undefined;
    if (current.length > 0) {
      setAside = join(dataDir, `pre-restore-${stamp(now)}`);
      await mkdir(setAside);
      for (const name of current) await rename(join(dataDir, name), join(setAside, name));
    }
    const { files, bytes } = await copyDataTree(from, dataDir, (name) => name !== MANIFEST_FILE && isDataEntry(name));
    await giveToOwnerOf(dataDir, setAside ? [...files, basename(setAside)] : files);
    return { from, files: files.length, bytes, setAside };
  } finally {
    await unlock();
  }
}
