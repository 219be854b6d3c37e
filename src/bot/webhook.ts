import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Update } from 'telegraf/types';
import type { Logger } from '../logger.ts';

/** Telegram's updates are a few kilobytes; a body over this is not from Telegram. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;
/** Telegram sends an update again when it has no answer after about 60 s: answer before that. */
const ANSWER_WITHIN_MS = 50_000;

export interface WebhookOptions {
  path: string;
  secret: string;
  handleUpdate: (update: Update) => Promise<unknown>;
  logger: Logger;
  maxBytes?: number;
  answerWithinMs?: number;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

class BodyError extends Error {
  constructor(readonly status: number) {
    super(`webhook body refused (${status})`);
  }
}

function reply(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(status === 200 ? '' : `${status}\n`);
}

/**
 * Collects the body as bytes and decodes it once: a character split between two TCP packets
 * stays whole (decoding each chunk, as telegraf's webhookCallback does, turns it into U+FFFD).
 * Stops reading as soon as the body passes `maxBytes`, declared or not.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return reject(new BodyError(413));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.pause();
        return reject(new BodyError(413));
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(strictUtf8.decode(Buffer.concat(chunks, size)));
      } catch {
        reject(new BodyError(400));
      }
    });
    req.on('error', reject);
  });
}

function parseUpdate(text: string): Update {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BodyError(400);
  }
  const id = (value as { update_id?: unknown } | null)?.update_id;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Number.isSafeInteger(id)) throw new BodyError(400);
  return value as Update;
}

/**
 * Telegram's webhook, read by us: POST to the webhook path only (404 elsewhere, 405 for other
 * methods), the secret header compared in constant time (403), at most `maxBytes` (413),
 * UTF-8 JSON with an update_id (400). 200 once the update is handled, or after
 * `answerWithinMs` while it goes on, so Telegram does not send it again meanwhile; a crash before
 * the answer leaves the update to Telegram's resend, and the update ledger drops a repeat.
 */
export function createWebhookHandler(options: WebhookOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const expected = digest(options.secret);
  const maxBytes = options.maxBytes ?? MAX_WEBHOOK_BYTES;
  const answerWithinMs = options.answerWithinMs ?? ANSWER_WITHIN_MS;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (new URL(req.url ?? '/', 'http://webhook.invalid').pathname !== options.path) return reply(res, 404);
    if (req.method !== 'POST') return reply(res, 405, { Allow: 'POST' });
    const header = req.headers['x-telegram-bot-api-secret-token'];
    if (typeof header !== 'string' || !timingSafeEqual(digest(header), expected)) return reply(res, 403);
    const update = parseUpdate(await readBody(req, maxBytes));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, answerWithinMs)));
    const handled = options.handleUpdate(update).catch((err: unknown) => {
      options.logger.error('webhook update failed', { updateId: update.update_id, err });
    });
    await Promise.race([handled, late]);
    clearTimeout(timer);
    reply(res, 200);
  }

  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!(err instanceof BodyError)) options.logger.error('webhook request failed', { err });
      const status = err instanceof BodyError ? err.status : 500;
      // A refused body is not read to its end: close the connection once the answer is out.
      reply(res, status, status === 413 ? { Connection: 'close' } : {});
      if (status === 413) res.on('finish', () => req.destroy());
    });
  };
}
