import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, open, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { LOCK_FILE } from '../store/data-dir-lock.ts';
import { WATCH_FILE } from './watch-state.ts';

export const BACKUPS_DIR = 'backups';
export const MANIFEST_FILE = 'backup-manifest.json';
const CONSOLE_DIR = 'console-demo';
/** Shipped with the code in ./data (the default DATA_DIR): not the court's data, never restored over. */
const SHIPPED = new Set(['seed', 'README.md']);
const IN_PROGRESS = '.partial-';

export interface BackupInfo {
  name: string;
  dir: string;
  at: Date;
  /** Creation order (1, 2, …), kept in the manifest: the clock can go back, this does not. 0: made before it existed. */
  sequence: number;
  bytes: number;
  files: number;
}

interface Manifest {
  createdAt: string;
  sequence?: number;
  bytes: number;
  files: string[];
}

/**
 * What belongs to the court's data: everything in DATA_DIR except the backups themselves,
 * the pid lock, folders set aside by a restore, the console's demo data, the shipped seed
 * files and lowdb's temp files.
 */
export function isDataEntry(name: string): boolean {
  return (
    name !== BACKUPS_DIR &&
    name !== LOCK_FILE &&
    name !== WATCH_FILE &&
    name !== CONSOLE_DIR &&
    !SHIPPED.has(name) &&
    !name.startsWith('pre-restore-') &&
    !name.startsWith('.') &&
    !name.endsWith('.tmp')
  );
}

/** Sortable and safe in file names on every system: 2024-09-02T02-30-00-000Z. */
export function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** Files of an append log are copied up to their last newline: a line being appended is not yet acknowledged. */
async function copyWholeLines(src: string, dst: string): Promise<number> {
  const handle = await open(src, 'r');
  let end = 0;
  try {
    const { size } = await handle.stat();
    const chunk = Buffer.alloc(64 * 1024);
    for (let to = size; to > 0 && end === 0; ) {
      const from = Math.max(0, to - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, to - from, from);
      const newline = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (newline >= 0) end = from + newline + 1;
      to = from;
    }
  } finally {
    await handle.close();
  }
  if (end === 0) await writeFile(dst, '');
  else await pipeline(createReadStream(src, { start: 0, end: end - 1 }), createWriteStream(dst));
  return end;
}

/**
 * Copies a tree of data files; returns the relative paths and bytes copied. A symbolic link is
 * copied as what it points to (the store reads through it, and a backup holds only plain files,
 * which restore insists on); a folder reached twice (a link loop) or a dangling link is left out.
 */
export async function copyDataTree(from: string, to: string, keep: (name: string) => boolean = isDataEntry): Promise<{ files: string[]; bytes: number }> {
  const files: string[] = [];
  let bytes = 0;
  const seen = new Set<string>();
  const walk = async (rel: string) => {
    const real = await realpath(join(from, rel));
    if (seen.has(real)) return;
    seen.add(real);
    const entries = await readdir(join(from, rel), { withFileTypes: true });
    await mkdir(join(to, rel), { recursive: true });
    for (const entry of entries) {
      if (rel === '' && !keep(entry.name)) continue;
      if (entry.name.startsWith('.') || entry.name.endsWith('.tmp')) continue;
      const path = join(rel, entry.name);
      const target = entry.isSymbolicLink() ? await stat(join(from, path)).catch(() => undefined) : entry;
      if (target?.isDirectory()) {
        await walk(path);
      } else if (target?.isFile()) {
        if (entry.name.endsWith('.jsonl')) {
          bytes += await copyWholeLines(join(from, path), join(to, path));
        } else {
          // lowdb replaces a document by renaming a complete temp file over it, so the file we open is whole.
          await copyFile(join(from, path), join(to, path));
          bytes += (await stat(join(to, path))).size;
        }
        files.push(path);
      }
    }
  };
  await walk('');
  return { files, bytes };
}

/**
 * Copies DATA_DIR into DATA_DIR/backups/<timestamp>/. The copy is built under a temporary
 * name and renamed when complete, so an interrupted backup never counts as one.
 */
export async function makeBackup(dataDir: string, now: Date): Promise<BackupInfo> {
  const root = join(dataDir, BACKUPS_DIR);
  await mkdir(root, { recursive: true });
  let name = stamp(now);
  for (let n = 1; await exists(join(root, name)); n++) name = `${stamp(now)}-${n}`;
  // A copy left half-made by a crash is of no use.
  for (const stale of (await readdir(root)).filter((n) => n.startsWith(IN_PROGRESS))) {
    await rm(join(root, stale), { recursive: true, force: true });
  }
  const partial = join(root, IN_PROGRESS + name);
  const sequence = Math.max(0, ...(await listBackups(dataDir)).map((b) => b.sequence)) + 1;
  try {
    const { files, bytes } = await copyDataTree(dataDir, partial);
    const manifest: Manifest = { createdAt: now.toISOString(), sequence, bytes, files };
    await writeFile(join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    await rename(partial, join(root, name));
    return { name, dir: join(root, name), at: now, sequence, bytes, files: files.length };
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function readInfo(root: string, name: string): Promise<BackupInfo | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(root, name, MANIFEST_FILE), 'utf8')) as Manifest;
    const sequence = Number.isSafeInteger(manifest.sequence) && manifest.sequence! > 0 ? manifest.sequence! : 0;
    return { name, dir: join(root, name), at: new Date(manifest.createdAt), sequence, bytes: manifest.bytes, files: manifest.files.length };
  } catch {
    return undefined;
  }
}

/** Complete backups in the order they were made (not by name or clock time: the clock can be set back), oldest first. */
export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  const root = join(dataDir, BACKUPS_DIR);
  const names = await readdir(root).catch(() => [] as string[]);
  const infos = await Promise.all(names.filter((n) => !n.startsWith('.')).map((n) => readInfo(root, n)));
  return infos.filter((i): i is BackupInfo => i !== undefined).sort((a, b) => a.sequence - b.sequence || a.at.getTime() - b.at.getTime() || a.name.localeCompare(b.name));
}

/** For /status: when the last backup was made and how big it is. */
export async function lastBackup(dataDir: string): Promise<BackupInfo | undefined> {
  return (await listBackups(dataDir)).at(-1);
}

/** Keeps the `keep` made last, and always `justMade`; returns the names removed. */
export async function pruneBackups(dataDir: string, keep: number, justMade?: string): Promise<string[]> {
  const all = (await listBackups(dataDir)).filter((b) => b.name !== justMade);
  const old = all.slice(0, Math.max(0, all.length - Math.max(0, keep - (justMade === undefined ? 0 : 1))));
  for (const b of old) await rm(b.dir, { recursive: true, force: true });
  return old.map((b) => b.name);
}

/** The daily job: one backup, then the oldest beyond `keep` go. */
export async function runBackup(dataDir: string, options: { now: Date; keep: number }): Promise<BackupInfo & { removed: string[] }> {
  const info = await makeBackup(dataDir, options.now);
  const removed = await pruneBackups(dataDir, options.keep, info.name);
  return { ...info, removed };
}

/** Bytes of the court's data (backups and set-aside copies not counted). */
export async function dataSize(dataDir: string): Promise<number> {
  const walk = async (dir: string, top: boolean): Promise<number> => {
    let total = 0;
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (top && !isDataEntry(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) total += await walk(path, false);
      else if (entry.isFile()) total += (await stat(path).catch(() => ({ size: 0 }))).size;
    }
    return total;
  };
  return walk(dataDir, true);
}
