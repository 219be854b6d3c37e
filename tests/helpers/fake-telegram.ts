import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'telegraf/types';
import { EntityParseError, parseTelegramHtml } from './telegram-html.ts';

/**
 * A fake Telegram Bot API server on 127.0.0.1, strict where Telegram is strict:
 * 4096-character texts after entity parsing, 1024-character captions, HTML entity parsing,
 * 64-byte callback_data, "chat not found" for chats the bot never met, 403 for a chat that
 * removed the bot, 429 with retry_after, 400 with migrate_to_chat_id, 409 for a second poller,
 * 401 for a wrong token. Every call is recorded; tests assert on what users would see.
 */

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** Set when the call failed the way Telegram would fail it. */
  error?: { code: number; description: string; parameters?: Record<string, unknown> };
  at: number;
}

export interface SentMessage {
  method: string;
  chatId: number;
  messageId: number;
  /** As sent (HTML when parse_mode is HTML). */
  text: string;
  /** What the user sees, after entity parsing. */
  plain: string;
  replyMarkup?: { inline_keyboard?: { text: string; callback_data?: string; url?: string }[][] };
  photo?: Buffer;
  at: number;
}

export interface RateLimits {
  /** Messages per second over all chats (Telegram: about 30). */
  globalPerSecond: number;
  /** Messages per minute into one group (Telegram: 20). */
  groupPerMinute: number;
}

export interface FakeTelegramOptions {
  token?: string;
  botUsername?: string;
  botId?: number;
  /** Enforce Telegram's broadcast limits with 429s (off by default to keep tests fast). */
  rateLimits?: RateLimits;
  /** How long a long poll with nothing to deliver is held, at most (Telegram: the request's timeout; default 2 s to keep tests fast). */
  maxPollSeconds?: number;
}

type Fault = { kind: '429'; retryAfter: number; times: number } | { kind: 'migrate'; to: number } | { kind: 'error'; code: number; description: string; times: number };

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

const SEND_METHODS = new Set(['sendMessage', 'sendPhoto', 'sendDocument', 'editMessageText', 'editMessageCaption', 'copyMessage', 'forwardMessage']);

export class FakeTelegram {
  readonly token: string;
  readonly botUsername: string;
  readonly botId: number;
  readonly calls: ApiCall[] = [];
  readonly sent: SentMessage[] = [];
  private readonly server: Server;
  private readonly updates: Update[] = [];
  private nextUpdateId = 100_000;
  private nextMessageId = 1;
  private pendingPoll: { resolve: (result: Update[] | ApiError) => void; offset: number } | undefined;
  private readonly knownChats = new Set<number>();
  private readonly removedChats = new Map<number, string>();
  private readonly faults = new Map<number, Fault[]>();
  private readonly lostAnswers = new Map<number, number>();
  private readonly methodFaults = new Map<string, ApiError>();
  private readonly files = new Map<string, { path: string; content: Buffer }>();
  private readonly listeners = new Set<() => void>();
  private readonly sendTimes: { chatId: number; at: number }[] = [];
  private readonly delays = new Map<string, number>();
  private port = 0;

  private constructor(private readonly options: FakeTelegramOptions) {
    this.token = options.token ?? '123456:TEST-fake-token-abcdefghijklmnop';
    this.botUsername = options.botUsername ?? 'courtwall_test_bot';
    this.botId = options.botId ?? 123456;
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const fake = new FakeTelegram(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    this.pendingPoll?.resolve([]);
    this.pendingPoll = undefined;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- what the bot receives ----------------------------------------------------------

  /** Queues an update; the chat (and sender) become known to the fake. */
  pushUpdate(update: Omit<Update, 'update_id'> & { update_id?: number }): number {
    const id = this.enqueue(update);
    this.flushPoll();
    return id;
  }

  /**
   * Queues updates so that one getUpdates answer carries them all, as Telegram batches what
   * piled up between two polls (telegraf then handles them at once).
   */
  pushBatch(updates: (Omit<Update, 'update_id'> & { update_id?: number })[]): number[] {
    const ids = updates.map((u) => this.enqueue(u));
    this.flushPoll();
    return ids;
  }

  /** The update ids of each non-empty getUpdates answer, in order. */
  readonly deliveredBatches: number[][] = [];

  private enqueue(update: Omit<Update, 'update_id'> & { update_id?: number }): number {
    const full = { ...update, update_id: update.update_id ?? this.nextUpdateId++ } as Update;
    for (const id of chatIdsOf(full)) this.knownChats.add(id);
    this.updates.push(full);
    return full.update_id;
  }

  newMessageId(): number {
    return this.nextMessageId++;
  }

  /** A chat the bot may write to without having received an update from it first. */
  addChat(chatId: number): void {
    this.knownChats.add(chatId);
  }

  /** The chat removed or blocked the bot: sends get 403 from now on. */
  removeBot(chatId: number, description?: string): void {
    this.removedChats.set(chatId, description ?? (chatId < 0 ? 'Forbidden: bot was kicked from the group chat' : 'Forbidden: bot was blocked by the user'));
  }

  /** The next `times` sends to the chat get 429 with retry_after. */
  rateLimit(chatId: number, retryAfter: number, times = 1): void {
    this.addFault(chatId, { kind: '429', retryAfter, times });
  }

  /** The group became a supergroup: sends to the old id get 400 with migrate_to_chat_id. */
  migrate(chatId: number, to: number): void {
    this.knownChats.add(to);
    this.addFault(chatId, { kind: 'migrate', to });
  }

  /** Answers every call of `method` only after `ms` milliseconds (a slow network). */
  delay(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  /**
   * The next `times` messages to the chat are accepted (they reach the chat) but the answer is
   * lost: the caller gets 502 Bad Gateway, as when a proxy or the network fails after Telegram acted.
   */
  loseAnswerNext(chatId: number, times = 1): void {
    this.lostAnswers.set(chatId, (this.lostAnswers.get(chatId) ?? 0) + times);
  }

  failNext(chatId: number, code: number, description: string, times = 1): void {
    this.addFault(chatId, { kind: 'error', code, description, times });
  }

  /**
   * Every call of `method` fails as Telegram would fail it, until `clearFaults()`: e.g.
   * getUpdates with 409 (another instance took the updates), setWebhook with 400.
   */
  failMethod(method: string, code: number, description: string, parameters?: Record<string, unknown>): void {
    this.methodFaults.set(method, new ApiError(code, description, parameters));
  }

  /** Telegram is well again: no more 429s, errors or failing methods (as set above). */
  clearFaults(): void {
    this.faults.clear();
    this.methodFaults.clear();
  }

  /** Makes a file downloadable through getFile; returns its file_id. */
  addFile(content: Buffer, name = 'file.bin'): string {
    const id = `file-${this.files.size + 1}`;
    this.files.set(id, { path: `documents/${id}-${name}`, content });
    return id;
  }

  // ---- what tests read ----------------------------------------------------------------

  sentTo(chatId: number): SentMessage[] {
    return this.sent.filter((m) => m.chatId === chatId);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first sent message (from index `from` on) that matches. */
  waitForMessage(match: (m: SentMessage) => boolean, { from = 0, timeoutMs = 5000 } = {}): Promise<SentMessage> {
    return this.waitFor(() => this.sent.slice(from).find(match), timeoutMs, 'message');
  }

  waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = probe();
        if (found !== undefined && found !== false) {
          cleanup();
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Telegram: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** True once every queued update was fetched by the bot and confirmed by a later offset. */
  get pendingUpdates(): number {
    return this.updates.length;
  }

  // ---- the HTTP side --------------------------------------------------------------------

  private addFault(chatId: number, fault: Fault): void {
    this.faults.set(chatId, [...(this.faults.get(chatId) ?? []), fault]);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private flushPoll(): void {
    const poll = this.pendingPoll;
    if (!poll) return;
    const ready = this.updates.filter((u) => u.update_id >= poll.offset);
    if (ready.length === 0) return;
    this.pendingPoll = undefined;
    poll.resolve(this.deliver(ready.slice(0, 100)));
  }

  private deliver(batch: Update[]): Update[] {
    if (batch.length > 0) this.deliveredBatches.push(batch.map((u) => u.update_id));
    return batch;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiRoot);
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch) return this.serveFile(fileMatch[1]!, decodeURIComponent(fileMatch[2]!), res);
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    const send = (status: number, body: unknown) => {
      if (res.writableEnded || res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!match) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method] = match as unknown as [string, string, string];
    let payload: Record<string, unknown> = {};
    try {
      payload = await readPayload(req);
    } catch {
      return send(400, { ok: false, error_code: 400, description: 'Bad Request: invalid request body' });
    }
    const call: ApiCall = { method, payload, at: Date.now() };
    this.calls.push(call);
    this.notify();
    try {
      if (token !== this.token) throw new ApiError(401, 'Unauthorized');
      const fault = this.methodFaults.get(method);
      if (fault) throw fault;
      const delay = this.delays.get(method);
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      const result = await this.dispatch(method, payload);
      send(200, { ok: true, result });
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(500, `Internal Server Error: ${String(err)}`);
      call.error = { code: apiError.code, description: apiError.description, ...(apiError.parameters ? { parameters: apiError.parameters } : {}) };
      send(apiError.code, {
        ok: false,
        error_code: apiError.code,
        description: apiError.description,
        ...(apiError.parameters ? { parameters: apiError.parameters } : {}),
      });
    } finally {
      this.notify();
    }
  }

  private serveFile(token: string, path: string, res: ServerResponse): void {
    const file = [...this.files.values()].find((f) => f.path === path);
    if (token !== this.token || !file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file.content);
  }

  private async dispatch(method: string, p: Record<string, unknown>): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return { id: this.botId, is_bot: true, first_name: 'courtwall', username: this.botUsername, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
      case 'getUpdates':
        return this.getUpdates(p);
      case 'deleteWebhook':
      case 'setWebhook':
      case 'setMyCommands':
      case 'answerCallbackQuery':
      case 'setMessageReaction':
      case 'sendChatAction':
        if (method === 'setMyCommands') checkCommands(p);
        return true;
      case 'deleteMessage':
        this.checkChat(Number(p.chat_id));
        return true;
      case 'getFile': {
        const file = this.files.get(String(p.file_id));
        if (!file) throw new ApiError(400, 'Bad Request: invalid file_id');
        return { file_id: p.file_id, file_unique_id: p.file_id, file_size: file.content.length, file_path: file.path };
      }
      case 'getChat':
        this.checkChat(Number(p.chat_id));
        return { id: Number(p.chat_id), type: Number(p.chat_id) < 0 ? 'supergroup' : 'private' };
      default:
        if (SEND_METHODS.has(method)) return this.sendLike(method, p);
        throw new ApiError(404, 'Not Found: method not found');
    }
  }

  private getUpdates(p: Record<string, unknown>): Promise<Update[]> | Update[] {
    const offset = Number(p.offset ?? 0);
    // Updates below the offset are confirmed and forgotten, as in Telegram.
    for (let i = this.updates.length - 1; i >= 0; i--) if (this.updates[i]!.update_id < offset) this.updates.splice(i, 1);
    this.notify();
    if (this.pendingPoll) {
      // Telegram ends the older request when a second poller appears.
      this.pendingPoll.resolve(new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
      this.pendingPoll = undefined;
    }
    const ready = this.updates.filter((u) => u.update_id >= offset);
    const limit = Number(p.limit ?? 100);
    const timeout = Number(p.timeout ?? 0);
    if (ready.length > 0 || timeout === 0) return this.deliver(ready.slice(0, limit));
    return new Promise<Update[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pendingPoll?.resolve === done) this.pendingPoll = undefined;
        resolve([]);
      }, Math.min(timeout, this.options.maxPollSeconds ?? 2) * 1000);
      const done = (result: Update[] | ApiError) => {
        clearTimeout(timer);
        if (result instanceof ApiError) reject(result);
        else resolve(result);
      };
      this.pendingPoll = { resolve: done, offset };
    });
  }

  private checkChat(chatId: number): void {
    if (!Number.isFinite(chatId) || !this.knownChats.has(chatId)) throw new ApiError(400, 'Bad Request: chat not found');
    const removed = this.removedChats.get(chatId);
    if (removed) throw new ApiError(403, removed);
  }

  private applyFaults(chatId: number): void {
    const list = this.faults.get(chatId);
    const fault = list?.[0];
    if (!list || !fault) return;
    if (fault.kind === 'migrate') {
      throw new ApiError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: fault.to });
    }
    fault.times -= 1;
    if (fault.times <= 0) list.shift();
    if (fault.kind === '429') throw new ApiError(429, `Too Many Requests: retry after ${fault.retryAfter}`, { retry_after: fault.retryAfter });
    throw new ApiError(fault.code, fault.description);
  }

  private enforceRateLimits(chatId: number): void {
    const limits = this.options.rateLimits;
    if (!limits) return;
    const now = Date.now();
    while (this.sendTimes.length > 0 && this.sendTimes[0]!.at < now - 60_000) this.sendTimes.shift();
    const lastSecond = this.sendTimes.filter((s) => s.at > now - 1000).length;
    if (lastSecond >= limits.globalPerSecond) throw new ApiError(429, 'Too Many Requests: retry after 1', { retry_after: 1 });
    if (chatId < 0) {
      const inGroup = this.sendTimes.filter((s) => s.chatId === chatId);
      if (inGroup.length >= limits.groupPerMinute) {
        const wait = Math.ceil((inGroup[0]!.at + 60_000 - now) / 1000);
        throw new ApiError(429, `Too Many Requests: retry after ${wait}`, { retry_after: wait });
      }
    }
    this.sendTimes.push({ chatId, at: now });
  }

  private sendLike(method: string, p: Record<string, unknown>): unknown {
    const chatId = Number(p.chat_id);
    this.checkChat(chatId);
    this.applyFaults(chatId);
    const isMedia = method === 'sendPhoto' || method === 'sendDocument' || method === 'editMessageCaption';
    const value = isMedia ? p.caption : p.text;
    const raw = typeof value === 'string' ? value : '';
    if (!isMedia && raw.length === 0) throw new ApiError(400, 'Bad Request: message text is empty');
    let plain = raw;
    if (p.parse_mode === 'HTML') {
      try {
        plain = parseTelegramHtml(raw);
      } catch (err) {
        if (err instanceof EntityParseError) throw new ApiError(400, `Bad Request: ${err.message}`);
        throw err;
      }
    } else if (p.parse_mode !== undefined) {
      throw new ApiError(400, `Bad Request: unsupported parse_mode in this fake: ${JSON.stringify(p.parse_mode)}`);
    }
    if (!isMedia && plain.trim().length === 0) throw new ApiError(400, 'Bad Request: message text is empty');
    if (!isMedia && plain.length > 4096) throw new ApiError(400, 'Bad Request: message is too long');
    if (isMedia && plain.length > 1024) throw new ApiError(400, 'Bad Request: message caption is too long');
    checkReplyMarkup(p.reply_markup);
    this.enforceRateLimits(chatId);
    const isEdit = method.startsWith('edit');
    const messageId = isEdit ? Number(p.message_id) : this.nextMessageId++;
    const photo = p.photo instanceof Buffer ? p.photo : p.document instanceof Buffer ? p.document : undefined;
    this.sent.push({
      method,
      chatId,
      messageId,
      text: raw,
      plain,
      ...(p.reply_markup ? { replyMarkup: p.reply_markup } : {}),
      ...(photo ? { photo } : {}),
      at: Date.now(),
    });
    if (isEdit) return true;
    const lost = this.lostAnswers.get(chatId) ?? 0;
    if (lost > 0) {
      this.lostAnswers.set(chatId, lost - 1);
      throw new ApiError(502, 'Bad Gateway');
    }
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' },
      from: { id: this.botId, is_bot: true, first_name: 'courtwall', username: this.botUsername },
      ...(isMedia ? { caption: raw } : { text: plain }),
    };
  }
}

function chatIdsOf(update: Update): number[] {
  const u = update as unknown as Record<string, { chat?: { id: number }; from?: { id: number }; message?: { chat?: { id: number } } } | undefined>;
  const ids: number[] = [];
  for (const part of Object.values(u)) {
    if (typeof part !== 'object' || part === null) continue;
    if (part.chat) ids.push(part.chat.id);
    if (part.message?.chat) ids.push(part.message.chat.id);
    if (part.from) ids.push(part.from.id);
  }
  return ids;
}

function checkReplyMarkup(markup: unknown): void {
  if (markup === undefined) return;
  const parsed = (typeof markup === 'string' ? JSON.parse(markup) : markup) as { inline_keyboard?: { callback_data?: string }[][] };
  for (const button of (parsed.inline_keyboard ?? []).flat()) {
    if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data) > 64) {
      throw new ApiError(400, 'Bad Request: BUTTON_DATA_INVALID');
    }
  }
}

function checkCommands(p: Record<string, unknown>): void {
  const commands = (typeof p.commands === 'string' ? JSON.parse(p.commands) : p.commands) as { command: string; description: string }[];
  for (const c of commands ?? []) {
    if (!/^[a-z0-9_]{1,32}$/.test(c.command)) throw new ApiError(400, 'Bad Request: BOT_COMMAND_INVALID');
    if (c.description.length < 1 || c.description.length > 256) throw new ApiError(400, 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
  }
}

async function readPayload(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': type }, body }).formData();
    const payload: Record<string, unknown> = {};
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') {
        payload[key] = /^[[{]/.test(value) ? safeJson(value) : value;
      } else {
        payload[key] = Buffer.from(await value.arrayBuffer());
      }
    }
    return payload;
  }
  if (body.length === 0) return {};
  return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
