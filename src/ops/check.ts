import { constants } from 'node:fs';
import { access, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, parseConfig } from '../config.ts';
import { lockHolder } from '../store/data-dir-lock.ts';
import { DOCUMENTS, inspectDocument } from '../store/documents.ts';
import { formatBytes } from '../render/bytes.ts';
import { isDataEntry, lastBackup } from './backup.ts';
import { parseWatchFile, stalledFor, WATCH_FILE } from './watch-state.ts';

export interface CheckLine {
  ok: boolean;
  name: string;
  detail: string;
}

type Env = Record<string, string | undefined>;

/** The schemaVersion this build knows for each document; a newer one means data from a newer courtwall. */
export const KNOWN_DOCS: Record<string, number> = Object.fromEntries(Object.entries(DOCUMENTS).map(([name, spec]) => [name, spec.version]));

const TAIL_BYTES = 64 * 1024;

function checkSettings(env: Env): { line: CheckLine; dataDir: string } {
  try {
    const config = parseConfig(env);
    if (!config.botToken) {
      return {
        line: { ok: false, name: 'settings', detail: 'BOT_TOKEN is not set: npm start would open the local console instead of the bot' },
        dataDir: config.dataDir,
      };
    }
    const mode = config.webhook ? `webhook on port ${config.webhook.port}` : 'long polling';
    return {
      line: { ok: true, name: 'settings', detail: `${mode}, DATA_DIR ${config.dataDir}, ${config.timeZone}, ${config.adminIds.length} admin(s) from ADMIN_IDS` },
      dataDir: config.dataDir,
    };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    // Go on checking the data in the directory the bot would use.
    const dataDir = parseConfig({ DATA_DIR: env.DATA_DIR }).dataDir;
    return { line: { ok: false, name: 'settings', detail: err.message }, dataDir };
  }
}

async function checkWritable(dataDir: string): Promise<CheckLine> {
  const info = await stat(dataDir).catch(() => undefined);
  if (!info) {
    const ok = await access(dirname(resolve(dataDir)), constants.W_OK).then(() => true, () => false);
    return ok
      ? { ok, name: 'data dir', detail: `${dataDir} does not exist yet; it will be created at start` }
      : { ok, name: 'data dir', detail: `${dataDir} does not exist and cannot be created (its parent is not writable)` };
  }
  if (!info.isDirectory()) return { ok: false, name: 'data dir', detail: `${dataDir} is not a directory` };
  const probe = join(dataDir, `.check-${process.pid}.tmp`);
  try {
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
    return { ok: true, name: 'data dir', detail: `${dataDir} is writable` };
  } catch (err) {
    return { ok: false, name: 'data dir', detail: `${dataDir} is not writable (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
}

/** The same checks the store makes when it opens the document (version, migrations, structure). */
export async function checkDoc(file: string, name: string): Promise<CheckLine> {
  const label = `doc ${name}`;
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (err) {
    return { ok: false, name: label, detail: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
  const found = inspectDocument(name, content);
  if (!found.ok) {
    const fix = /newer courtwall/.test(found.problem) ? '' : '; courtwall will not start over it: restore it: npm run restore -- <backup>';
    return { ok: false, name: label, detail: `${found.problem}${fix}` };
  }
  return { ok: true, name: label, detail: `schemaVersion ${found.version}` };
}

/** Reads the last lines of a log partition: every whole line must be JSON; a torn last line is cut at start. */
async function checkLogTail(file: string): Promise<string | undefined> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n');
    if (start > 0) lines.shift();
    lines.pop();
    for (const line of lines) {
      if (line.length === 0) continue;
      try {
        JSON.parse(line);
      } catch {
        return 'a line near the end is not JSON';
      }
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

async function listLogs(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, rel), { withFileTypes: true })) {
    const path = join(rel, entry.name);
    if (entry.isDirectory()) out.push(...(await listLogs(dir, path)));
    else if (entry.name.endsWith('.jsonl')) out.push(path);
  }
  return out;
}

async function checkLogDir(dataDir: string, name: string): Promise<CheckLine | undefined> {
  const files = await listLogs(join(dataDir, name));
  if (files.length === 0) return undefined;
  for (const file of files) {
    const problem = await checkLogTail(join(dataDir, name, file)).catch((err: NodeJS.ErrnoException) => `cannot be read (${err.code ?? String(err)})`);
    if (problem) return { ok: false, name: `log ${name}/`, detail: `${file}: ${problem}` };
  }
  return { ok: true, name: `log ${name}/`, detail: `${files.length} partition(s) readable` };
}

async function checkData(dataDir: string): Promise<CheckLine[]> {
  const entries = await readdir(dataDir, { withFileTypes: true }).catch(() => []);
  const lines: CheckLine[] = [];
  for (const entry of entries.filter((e) => isDataEntry(e.name)).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isFile() && entry.name.endsWith('.json')) lines.push(await checkDoc(join(dataDir, entry.name), entry.name));
    else if (entry.isDirectory()) {
      const line = await checkLogDir(dataDir, entry.name);
      if (line) lines.push(line);
    }
  }
  const kept = entries.filter((e) => e.name.includes('.corrupt-')).map((e) => e.name);
  if (kept.length > 0) lines.push({ ok: true, name: 'kept copies', detail: `corrupt files kept aside earlier (safe to delete once resolved): ${kept.join(', ')}` });
  return lines;
}

/** A running bot's watchdog thread refreshes beatAt every few seconds while the event loop runs. */
const STALE_BEAT_MS = 20_000;

async function checkProcess(dataDir: string, now: Date): Promise<CheckLine> {
  const holder = await lockHolder(dataDir);
  if (!holder) return { ok: true, name: 'process', detail: 'courtwall is not running on this data directory' };
  const watch = parseWatchFile(await readFile(join(dataDir, WATCH_FILE), 'utf8').catch(() => undefined));
  if (!watch || watch.pid !== holder) return { ok: true, name: 'process', detail: `courtwall is running (pid ${holder})` };
  const quiet = stalledFor(watch, now);
  if (watch.state === 'stalled' || (quiet !== undefined && quiet > STALE_BEAT_MS)) {
    const held = watch.inHand.map((e) => `${e.key} ${e.label ?? e.kind}`).join(', ') || 'nothing';
    return { ok: false, name: 'process', detail: `courtwall (pid ${holder}) is stalled: its event loop last ran ${Math.round((quiet ?? 0) / 1000)} s ago; in hand: ${held}` };
  }
  return { ok: true, name: 'process', detail: `courtwall is running (pid ${holder}), event loop last seen ${Math.round((quiet ?? 0) / 1000)} s ago` };
}

async function checkInfo(dataDir: string, now: Date): Promise<CheckLine[]> {
  const backup = await lastBackup(dataDir);
  const ageHours = backup ? (now.getTime() - backup.at.getTime()) / 3_600_000 : undefined;
  return [
    await checkProcess(dataDir, now),
    {
      ok: true,
      name: 'last backup',
      detail: backup
        ? `${backup.name}, ${backup.files} files, ${formatBytes(backup.bytes)}${ageHours! > 48 ? ` — ${Math.floor(ageHours! / 24)} days old` : ''}`
        : 'none yet',
    },
  ];
}

/** Everything `--check` looks at; takes no lock, writes only a probe file, never calls Telegram. */
export async function runChecks(env: Env, now: Date): Promise<CheckLine[]> {
  const settings = checkSettings(env);
  const writable = await checkWritable(settings.dataDir);
  return [settings.line, writable, ...(await checkData(settings.dataDir)), ...(await checkInfo(settings.dataDir, now))];
}

export function formatCheckLine(line: CheckLine): string {
  return `${line.ok ? 'ok  ' : 'FAIL'}  ${line.name}: ${line.detail}`;
}

/** `npm run check`: one line per check on stdout; exit code 0 when all pass, 1 otherwise. */
export async function runCheckCommand(env: Env, now: Date, write: (line: string) => void): Promise<number> {
  const lines = await runChecks(env, now);
  for (const line of lines) write(formatCheckLine(line));
  const failed = lines.filter((l) => !l.ok).length;
  write(failed === 0 ? 'courtwall check: all good' : `courtwall check: ${failed} problem(s)`);
  return failed === 0 ? 0 : 1;
}
