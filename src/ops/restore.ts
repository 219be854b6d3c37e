import { chown, mkdir, readdir, readFile, realpath, rename, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { lockDataDir, lockHolder } from '../store/data-dir-lock.ts';
import { inspectDocument, REQUIRED_DOCUMENTS } from '../store/documents.ts';
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

/** Every file under `dir`; symbolic links and special files are problems (a backup holds plain files and folders only). */
async function walkFiles(dir: string, problems: string[], rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, rel), { withFileTypes: true })) {
    const path = join(rel, entry.name);
    if (entry.isSymbolicLink()) problems.push(`${path}: a symbolic link (a backup holds only plain files and folders; copy what it points to instead)`);
    else if (entry.isDirectory()) out.push(...(await walkFiles(dir, problems, path)));
    else if (entry.isFile()) out.push(path);
    else problems.push(`${path}: not a plain file`);
  }
  return out;
}

/**
 * What the store would refuse at start is refused here, before anything moves: the required
 * documents are there, every courtwall document passes the store's own checks (known
 * schemaVersion, migrations, structure: documents.ts), every log line parses, and nothing is a
 * symbolic link.
 */
export async function validateBackup(dir: string): Promise<string[]> {
  const problems: string[] = [];
  const files = (await walkFiles(dir, problems)).filter((f) => f !== MANIFEST_FILE);
  for (const required of REQUIRED_DOCUMENTS) {
    if (!files.includes(required)) problems.push(`${required} is missing: not a backup of courtwall's data (every one has it)`);
  }
  for (const file of files) {
    if (!file.endsWith('.json') && !file.endsWith('.jsonl')) continue;
    const text = await readFile(join(dir, file), 'utf8');
    if (file.endsWith('.jsonl')) {
      const bad = text.split('\n').findIndex((line) => {
        if (line.length === 0) return false;
        try {
          JSON.parse(line);
          return false;
        } catch {
          return true;
        }
      });
      if (bad >= 0) problems.push(`${file}: line ${bad + 1} is not JSON`);
    } else {
      const found = inspectDocument(file, text);
      if (!found.ok) problems.push(`${file}: ${found.problem}`);
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
  const named = await resolveBackupDir(dataDir, backup);
  // Compared as real paths: a symbolic link to the data directory is the data directory.
  const from = await realpath(named);
  const live = await realpath(dataDir).catch(() => resolve(dataDir));
  // A backup may sit inside DATA_DIR (backups/, pre-restore-*/), but not among the data it replaces.
  const inside = relative(live, from);
  const within = !inside.startsWith('..') && !isAbsolute(inside);
  const holdsLive = !relative(from, live).startsWith('..') && !isAbsolute(relative(from, live));
  if ((within && (inside === '' || isDataEntry(inside.split(sep)[0]!))) || holdsLive) {
    throw new RestoreError(`${named}${named === from ? '' : ` (${from})`} is part of the live data in ${dataDir}, not a backup`);
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
