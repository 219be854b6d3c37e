import type { LogLevel } from './config.ts';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function describe(value: unknown): unknown {
  if (value instanceof Error) {
    const extra = value as Error & { code?: unknown; description?: unknown };
    return { name: value.name, message: value.message, code: extra.code, stack: value.stack };
  }
  return value;
}

/**
 * JSON lines on stderr. The token is cut out of every line, whatever carries it:
 * network errors quote the request URL, which holds the token.
 */
export function createLogger(
  level: LogLevel,
  secrets: (string | undefined)[],
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Logger {
  const hidden = secrets.filter((s): s is string => typeof s === 'string' && s.length > 0);
  const redact = (text: string) => hidden.reduce((out, secret) => out.split(secret).join('<redacted>'), text);
  const log = (lvl: LogLevel) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level: lvl, msg };
    for (const [key, value] of Object.entries(fields)) entry[key] = describe(value);
    write(redact(JSON.stringify(entry)));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
