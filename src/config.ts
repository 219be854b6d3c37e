
import type { Lang } from './domain/language.ts';
import { isValidCron } from './schedule/cron.ts';

export type { Lang };
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  botToken?: string;
  apiRoot: string;
  dataDir: string;
  timeZone: string;
  defaultLang: Lang;
  adminIds: number[];
  weeklyAgendaCron: string;
  monthlySummaryCron: string;
  /** 季度质效会商, 半年初评, 年终总评 (subscription `review`). */
  quarterlyReviewCron: string;
  halfYearReviewCron: string;
  yearReviewCron: string;
  reminderCron: string;
  backupCron: string;
  backupKeep: number;
  webhook?: { url: string; secret: string; port: number };
  /** The lobby wall page: served on `port` when WALL_PORT is set; links are made with `url`. */
  wall?: { port: number; url: string };
  logLevel: LogLevel;
  /** Units whose managers import figures for the whole court and every unit (the trial-management office). */
  importAllUnits: string[];
  /** The watchdog ends the process when its event loop has been blocked this long. */
  watchdogSeconds: number;
  /** Ranks in group digests (the SPC asks courts not to publish them): off unless DIGEST_RANKS=on. */
  digestRanks: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export const DEFAULT_API_ROOT = 'https://api.telegram.org';
const TOKEN_SHAPE = /^\d+:[A-Za-z0-9_-]{20,}$/;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function parseUrl(name: string, value: string, protocols: string[]): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `"${value}" is not a URL (example: https://bot.example.org/telegram)`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.join(' or ')}`);
  }
  return value;
}

function parseTimeZone(name: string, value: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value;
  } catch {
    throw new ConfigError(name, `"${value}" is not an IANA time zone (example: Asia/Shanghai)`);
  }
}

function parseCron(name: string, value: string): string {
  if (!isValidCron(value)) {
    throw new ConfigError(name, `"${value}" is not a valid cron expression (example: "0 8 * * 1" = Mondays 08:00)`);
  }
  return value;
}

function parseIdList(name: string, value: string | undefined): number[] {
  if (value === undefined) return [];
  return value.split(/[,\s]+/).filter(Boolean).map((part) => {
    if (!/^\d{1,15}$/.test(part)) {
      throw new ConfigError(name, `"${part}" is not a numeric Telegram user ID (example: 123456789,987654321)`);
    }
    return Number(part);
  });
}

function parseInteger(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(name, `"${value}" must be a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

function parseChoice<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new ConfigError(name, `"${value}" must be one of: ${choices.join(', ')}`);
  }
  return value as T;
}

function parseWebhook(env: Env): Config['webhook'] {
  const url = read(env, 'WEBHOOK_URL');
  if (url === undefined) return undefined;
  const secret = read(env, 'WEBHOOK_SECRET');
  if (secret === undefined) {
    throw new ConfigError('WEBHOOK_SECRET', 'is required when WEBHOOK_URL is set (1-256 characters A-Z a-z 0-9 _ -)');
  }
  if (!/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
    throw new ConfigError('WEBHOOK_SECRET', 'may only hold 1-256 characters A-Z a-z 0-9 _ - (Telegram rule)');
  }
  return {
    url: parseUrl('WEBHOOK_URL', url, ['https:']),
    secret,
    port: parseInteger('PORT', read(env, 'PORT') ?? '8080', 1, 65535),
  };
}

function parseCodeList(name: string, value: string): string[] {
  const codes = value.split(',').map((c) => c.trim()).filter((c) => c !== '' && c !== '-');
  const bad = codes.find((c) => !/^[A-Za-z0-9_-]{1,32}$/.test(c));
  if (bad !== undefined) throw new ConfigError(name, `"${bad}" is not a unit code (letters, digits, _ or -); use - for none`);
  return codes;
}

function parseWall(env: Env): Config['wall'] {
  const port = read(env, 'WALL_PORT');
  if (port === undefined) return undefined;
  const parsed = parseInteger('WALL_PORT', port, 1, 65535);
  const url = read(env, 'WALL_URL') ?? `http://localhost:${parsed}`;
  return { port: parsed, url: parseUrl('WALL_URL', url, ['https:', 'http:']).replace(/\/+$/, '') };
}

/** Pure: validates the environment once; every error names the variable. */
export function parseConfig(env: Env): Config {
  const botToken = read(env, 'BOT_TOKEN');
  if (botToken !== undefined && !TOKEN_SHAPE.test(botToken)) {
    throw new ConfigError('BOT_TOKEN', 'does not look like a token from @BotFather (digits, a colon, then letters)');
  }
  const apiRoot = read(env, 'TELEGRAM_API_ROOT') ?? DEFAULT_API_ROOT;
  return {
    botToken,
    apiRoot: parseUrl('TELEGRAM_API_ROOT', apiRoot, ['https:', 'http:']),
    dataDir: read(env, 'DATA_DIR') ?? './data',
    timeZone: parseTimeZone('COURT_TIMEZONE', read(env, 'COURT_TIMEZONE') ?? 'Asia/Shanghai'),
    defaultLang: parseChoice('DEFAULT_LANG', read(env, 'DEFAULT_LANG') ?? 'zh', ['zh', 'en'] as const),
    adminIds: parseIdList('ADMIN_IDS', read(env, 'ADMIN_IDS')),
    weeklyAgendaCron: parseCron('WEEKLY_AGENDA_CRON', read(env, 'WEEKLY_AGENDA_CRON') ?? '0 8 * * 1'),
    monthlySummaryCron: parseCron('MONTHLY_SUMMARY_CRON', read(env, 'MONTHLY_SUMMARY_CRON') ?? '0 9 1 * *'),
    quarterlyReviewCron: parseCron('QUARTERLY_REVIEW_CRON', read(env, 'QUARTERLY_REVIEW_CRON') ?? '0 9 5 1,4,7,10 *'),
    halfYearReviewCron: parseCron('HALF_YEAR_REVIEW_CRON', read(env, 'HALF_YEAR_REVIEW_CRON') ?? '0 9 5 7 *'),
    yearReviewCron: parseCron('YEAR_REVIEW_CRON', read(env, 'YEAR_REVIEW_CRON') ?? '0 9 5 1 *'),
    reminderCron: parseCron('REMINDER_CRON', read(env, 'REMINDER_CRON') ?? '0 16 * * 5'),
    backupCron: parseCron('BACKUP_CRON', read(env, 'BACKUP_CRON') ?? '30 2 * * *'),
    backupKeep: parseInteger('BACKUP_KEEP', read(env, 'BACKUP_KEEP') ?? '14', 1, 365),
    webhook: parseWebhook(env),
    wall: parseWall(env),
    logLevel: parseChoice('LOG_LEVEL', read(env, 'LOG_LEVEL') ?? 'info', ['debug', 'info', 'warn', 'error'] as const),
    importAllUnits: parseCodeList('IMPORT_ALL_UNITS', read(env, 'IMPORT_ALL_UNITS') ?? 'tmo'),
    watchdogSeconds: parseInteger('WATCHDOG_SECONDS', read(env, 'WATCHDOG_SECONDS') ?? '30', 2, 3600),
    digestRanks: parseChoice('DIGEST_RANKS', read(env, 'DIGEST_RANKS') ?? 'off', ['off', 'on'] as const) === 'on',
  };
}
