import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSeedUnits } from '../../src/app.ts';
import type { BoundChat, DigestKind, StaffMember } from '../../src/domain/org.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { FakeTelegram } from './fake-telegram.ts';
import { ADMIN } from './updates.ts';

/** The repository root: the bot process runs there, as `npm start` would. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Every setting the bot reads. Each one is set explicitly (empty means "use the default"),
 * because dotenv never overrides a variable that is set: a developer's .env cannot leak in.
 */
const SETTINGS = [
  'BOT_TOKEN',
  'TELEGRAM_API_ROOT',
  'DATA_DIR',
  'COURT_TIMEZONE',
  'DEFAULT_LANG',
  'ADMIN_IDS',
  'WEEKLY_AGENDA_CRON',
  'MONTHLY_SUMMARY_CRON',
  'REMINDER_CRON',
  'BACKUP_CRON',
  'BACKUP_KEEP',
  'WEBHOOK_URL',
  'WEBHOOK_SECRET',
  'PORT',
  'LOG_LEVEL',
  'WATCHDOG_SECONDS',
  'IMPORT_ALL_UNITS',
];

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BotProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves when the process has exited (never rejects). */
  exited: Promise<ProcessExit>;
  /** The exit, once it happened. */
  exit: ProcessExit | undefined;
  stderr(): string;
  stdout(): string;
  /** Resolves once the process has called getUpdates (it is polling). */
  waitForPolling(timeoutMs?: number): Promise<void>;
  /** Sends the signal and waits for the exit (SIGKILL after `timeoutMs` if it does not go). */
  stop(signal: NodeJS.Signals, timeoutMs?: number): Promise<ProcessExit>;
}

export interface BotProcessOptions {
  fake: FakeTelegram;
  dataDir: string;
  adminIds?: number[];
  /** Extra settings (override the defaults below). */
  env?: Record<string, string>;
  /** Modules to preload in the bot process (`--import`), e.g. a fault injector. */
  preload?: string[];
}

/** The environment of the bot process: nothing inherited but what Node needs to run. */
export function botEnv(options: BotProcessOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SystemRoot']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  for (const name of SETTINGS) env[name] = '';
  return {
    ...env,
    BOT_TOKEN: options.fake.token,
    TELEGRAM_API_ROOT: options.fake.apiRoot,
    DATA_DIR: options.dataDir,
    ADMIN_IDS: (options.adminIds ?? [ADMIN.id]).join(','),
    LOG_LEVEL: 'warn',
    ...options.env,
  };
}

/**
 * Starts the real bot (`node --import tsx src/main.ts` in the repository root) against
 * the fake Bot API running in the test process.
 */
export function startBotProcess(options: BotProcessOptions): BotProcess {
  const { fake } = options;
  const pollsBefore = fake.callsOf('getUpdates').length;
  const preload = (options.preload ?? []).flatMap((module) => ['--import', module]);
  const child = spawn(process.execPath, ['--import', 'tsx', ...preload, 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: botEnv(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const proc: BotProcess = {
    child,
    pid: child.pid!,
    exit: undefined,
    exited: new Promise<ProcessExit>((resolve) => {
      child.once('exit', (code, signal) => {
        proc.exit = { code, signal };
        resolve(proc.exit);
      });
    }),
    stderr: () => err,
    stdout: () => out,
    async waitForPolling(timeoutMs = 20_000) {
      const polling = fake.waitFor(() => fake.callsOf('getUpdates').length > pollsBefore, timeoutMs, `the bot process ${proc.pid} to poll`);
      const outcome = await Promise.race([polling.then(() => 'polling' as const), proc.exited.then(() => 'exited' as const)]);
      if (outcome === 'exited') {
        polling.catch(() => undefined);
        throw new Error(`the bot process exited before polling: ${JSON.stringify(proc.exit)}\nstderr:\n${err}`);
      }
    },
    async stop(signal, timeoutMs = 10_000) {
      if (proc.exit) return proc.exit;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const exit = await proc.exited;
      clearTimeout(timer);
      return exit;
    },
  };
  return proc;
}

/** Writes the organisation into DATA_DIR (seed units, members, bound chats) and closes the store. */
export async function prepareDataDir(dataDir: string, org: { members?: StaffMember[]; chats?: BoundChat[] } = {}): Promise<void> {
  const store = await openStore(dataDir, { seedUnits: await loadSeedUnits() });
  try {
    for (const member of org.members ?? []) await store.org.saveMember(member);
    for (const chat of org.chats ?? []) await store.org.saveChat(chat);
  } finally {
    await store.close();
  }
}

/** A group bound a moment ago (so the digests due now are due for it too). */
export function justBoundGroup(id: number, unit = 'branch_enf', subscriptions: DigestKind[] = ['agenda']): BoundChat {
  return { id, title: `g${id}`, unit, subscriptions, active: true, boundBy: ADMIN.id, boundAt: new Date(Date.now() - 1000).toISOString() };
}

/** DATA_DIR with these groups bound; the fake knows them and the admin's private chat. */
export async function prepareGroups(fake: FakeTelegram, dataDir: string, chats: BoundChat[]): Promise<void> {
  await prepareDataDir(dataDir, { chats });
  for (const id of [...chats.map((c) => c.id), ADMIN.id]) fake.addChat(id);
}

export interface DataFileReport {
  /** Every data file checked, relative to DATA_DIR. */
  files: string[];
  /** What does not parse (file: reason). Empty when all is well. */
  problems: string[];
  /** JSON-lines files whose last line was torn (no newline, does not parse): allowed after a kill. */
  tornTails: string[];
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : Promise.resolve(e.isFile() ? [join(dir, e.name)] : []))),
  );
  return nested.flat();
}

/**
 * Every *.json must parse; every *.jsonl must parse line by line, except a final line without
 * its newline (a write torn by a kill, never acknowledged: the store cuts it on next open).
 */
export async function checkDataFiles(dataDir: string): Promise<DataFileReport> {
  const report: DataFileReport = { files: [], problems: [], tornTails: [] };
  for (const file of await listFiles(dataDir)) {
    const name = relative(dataDir, file);
    if (file.endsWith('.json')) {
      report.files.push(name);
      try {
        JSON.parse(await readFile(file, 'utf8'));
      } catch (err) {
        report.problems.push(`${name}: ${(err as Error).message}`);
      }
    } else if (file.endsWith('.jsonl')) {
      report.files.push(name);
      const lines = (await readFile(file, 'utf8')).split('\n');
      const tail = lines.pop()!;
      lines.forEach((line, index) => {
        try {
          JSON.parse(line);
        } catch (err) {
          report.problems.push(`${name} line ${index + 1}: ${(err as Error).message}`);
        }
      });
      if (tail !== '') report.tornTails.push(name);
    }
  }
  return report;
}

/** Reads every record of every JSON-lines file under `dir` (complete lines only). */
export async function readJsonLines(dir: string): Promise<{ file: string; record: unknown }[]> {
  const files = (await listFiles(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.jsonl'));
  const records: { file: string; record: unknown }[] = [];
  for (const file of files) {
    const lines = (await readFile(file, 'utf8')).split('\n').slice(0, -1);
    for (const line of lines) if (line) records.push({ file: relative(dir, file), record: JSON.parse(line) as unknown });
  }
  return records;
}
