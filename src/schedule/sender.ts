import { TelegramError, type Telegram } from 'telegraf';
import type { Logger } from '../logger.ts';
import type { OrgRepo } from '../store/ports.ts';
import { splitMessage } from '../text/split.ts';
import type { InlineButton, Sender, SendResult } from './sender-port.ts';
import { TELEGRAM_LIMITS, Throttle, type RateLimitSettings } from './throttle.ts';

export interface SenderOptions {
  telegram: Pick<Telegram, 'sendMessage'>;
  org: Pick<OrgRepo, 'chat' | 'saveChat' | 'moveChat'>;
  logger: Logger;
  limits?: RateLimitSettings;
  /** A 429 asking for a longer wait than this is not waited out: the send is deferred. */
  maxRetryAfterS?: number;
  /** Retries of network errors and 5xx, with doubling backoff from 1 s. */
  networkRetries?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Aborted when the process stops: every wait (a send slot, a 429's retry_after, a network
   * backoff) ends at once and nothing more is sent; the send ends `deferred`, so the delivery
   * log keeps it due for the next start.
   */
  signal?: AbortSignal;
}

export interface SenderStats {
  attempts: number;
  sent: number;
  /** 429s answered by waiting and sending again. */
  retriedAfter429: number;
  deferred: number;
  failed: number;
}

type Attempt = { ok: true; messageId: number } | { ok: false; error: unknown; skipped?: true; stopped?: true };
type Hook = { beforeSend?: () => Promise<boolean> };

const MAX_429_WAITS = 10;

/** Waits that a stop ends at once (a 429 can ask for minutes; SIGTERM must not wait them out). */
function createWaits(signal: AbortSignal | undefined, sleep: ((ms: number) => Promise<void>) | undefined): (ms: number) => Promise<void> {
  const waiting = new Set<() => void>();
  signal?.addEventListener('abort', () => {
    for (const end of [...waiting]) end();
  }, { once: true });
  return (ms) => {
    if (signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const end = () => {
        clearTimeout(timer);
        waiting.delete(end);
        resolve();
      };
      waiting.add(end);
      if (sleep) void sleep(ms).then(end);
      else timer = setTimeout(end, ms);
    });
  };
}

/**
 * The one way scheduled messages reach Telegram: throttled under Telegram's limits,
 * 429 honoured, network errors retried, removed and migrated chats handled. Branches on
 * TelegramError.code and parameters only (descriptions change without notice).
 */
export function createSender(options: SenderOptions): Sender & { stats: SenderStats } {
  const { telegram, org, logger } = options;
  const now = options.now ?? Date.now;
  const { signal } = options;
  const sleep = createWaits(signal, options.sleep);
  const maxRetryAfterS = options.maxRetryAfterS ?? 300;
  const networkRetries = options.networkRetries ?? 3;
  const throttle = new Throttle(options.limits ?? TELEGRAM_LIMITS);
  const stats: SenderStats = { attempts: 0, sent: 0, retriedAfter429: 0, deferred: 0, failed: 0 };

  async function attempt(chatId: number, text: string, buttons: InlineButton[][] | undefined, hook: Hook): Promise<Attempt> {
    const at = throttle.reserve(chatId, now());
    const wait = at - now();
    if (wait > 0) await sleep(wait);
    if (signal?.aborted) return { ok: false, stopped: true, error: undefined };
    const before = hook.beforeSend;
    hook.beforeSend = undefined;
    if (before && !(await before())) return { ok: false, skipped: true, error: undefined };
    // Stopped while claiming: claimed but not sent, so it ends deferred (due again at the next start).
    if (signal?.aborted) return { ok: false, stopped: true, error: undefined };
    stats.attempts += 1;
    const started = now();
    try {
      const message = await telegram.sendMessage(chatId, text, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(buttons ? { reply_markup: { inline_keyboard: buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.callbackData }))) } } : {}),
      });
      logger.info('telegram send', { chatId, outcome: 'ok', ms: now() - started, chars: text.length });
      logger.debug('telegram send text', { chatId, text });
      return { ok: true, messageId: message.message_id };
    } catch (error) {
      const code = error instanceof TelegramError ? error.code : undefined;
      logger.warn('telegram send', { chatId, outcome: 'error', code, ms: now() - started, parameters: error instanceof TelegramError ? error.parameters : undefined, err: code ? undefined : error });
      return { ok: false, error };
    }
  }

  /** Sends one part; resolves with its message id or a final failure. */
  async function sendPart(
    chatId: number,
    text: string,
    buttons: InlineButton[][] | undefined,
    hook: Hook,
  ): Promise<{ ok: true; messageId: number; chatId: number; mayRepeat: boolean } | Extract<SendResult, { ok: false }>> {
    let target = chatId;
    let migrated = false;
    let networkTries = 0;
    let waits = 0;
    for (;;) {
      const result = await attempt(target, text, buttons, hook);
      if (result.ok) {
        stats.sent += 1;
        // The answer to an earlier try was lost: Telegram may have accepted that one as well.
        if (networkTries > 0) logger.warn('telegram send succeeded after a network retry: the part may be in the chat twice', { chatId: target, tries: networkTries + 1 });
        return { ok: true, messageId: result.messageId, chatId: target, mayRepeat: networkTries > 0 };
      }
      if (result.skipped) return { ok: false, reason: 'skipped', description: 'declined before sending' };
      if (result.stopped) {
        stats.deferred += 1;
        return { ok: false, reason: 'deferred', description: 'stopping: not sent' };
      }
      const { error } = result;
      const description = error instanceof Error ? error.message : String(error);
      if (!(error instanceof TelegramError) || error.code >= 500) {
        if (networkTries >= networkRetries) return fail('failed', description);
        await sleep(1000 * 2 ** networkTries++);
        continue;
      }
      if (error.code === 429) {
        const retryAfter = error.parameters?.retry_after ?? 1;
        // A chat that keeps answering 429 is left for a later run rather than waited on forever.
        if (retryAfter > maxRetryAfterS || ++waits > MAX_429_WAITS) {
          stats.deferred += 1;
          throttle.holdChat(target, now() + retryAfter * 1000);
          return { ok: false, reason: 'deferred', description: `retry after ${retryAfter} s` };
        }
        stats.retriedAfter429 += 1;
        throttle.holdChat(target, now() + retryAfter * 1000);
        continue;
      }
      const newId = error.parameters?.migrate_to_chat_id;
      if (error.code === 400 && newId !== undefined && !migrated) {
        migrated = true;
        await org.moveChat(target, newId);
        logger.info('chat migrated to a supergroup', { from: target, to: newId });
        target = newId;
        continue;
      }
      if (error.code === 403) {
        const chat = org.chat(target);
        if (chat?.active) await org.saveChat({ ...chat, active: false });
        logger.warn('chat removed the bot; marked inactive', { chatId: target });
        return fail('blocked', error.description);
      }
      // 400 without migration: the chat cannot be reached with this request (chat not found, …).
      return fail(error.code === 400 ? 'not_found' : 'failed', error.description);
    }
  }

  function fail(reason: 'blocked' | 'not_found' | 'failed', description: string): Extract<SendResult, { ok: false }> {
    stats.failed += 1;
    return { ok: false, reason, description };
  }

  return {
    stats,
    async sendHtml(chatId, html, sendOptions) {
      const parts = splitMessage(html);
      const messageIds: number[] = [];
      let mayRepeat = 0;
      let target = chatId;
      const hook: Hook = { beforeSend: sendOptions?.beforeSend };
      for (const [index, part] of parts.entries()) {
        const result = await sendPart(target, part, index === parts.length - 1 ? sendOptions?.buttons : undefined, hook);
        if (!result.ok) return { ...result, sentParts: index };
        target = result.chatId;
        messageIds.push(result.messageId);
        if (result.mayRepeat) mayRepeat += 1;
      }
      return { ok: true, messageIds, mayRepeat };
    },
  };
}
