import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every setting, blank, so that a developer's own .env cannot leak into a test (dotenv never overrides). */
const BLANK_SETTINGS = Object.fromEntries(
  ['BOT_TOKEN', 'TELEGRAM_API_ROOT', 'DATA_DIR', 'COURT_TIMEZONE', 'DEFAULT_LANG', 'ADMIN_IDS', 'WEEKLY_AGENDA_CRON', 'MONTHLY_SUMMARY_CRON', 'REMINDER_CRON', 'BACKUP_CRON', 'BACKUP_KEEP', 'WEBHOOK_URL', 'WEBHOOK_SECRET', 'PORT', 'LOG_LEVEL', 'IMPORT_ALL_UNITS'].map((k) => [k, '']),
);

export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `node --import tsx src/main.ts` the way `npm start` does. */
export function spawnMain(env: Record<string, string>, args: string[] = [], input?: string): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...BLANK_SETTINGS, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  if (input !== undefined) child.stdin.end(input);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}
