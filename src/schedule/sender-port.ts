/** What a scheduled job needs to reach a chat; the implementation owns Telegram's limits. */
export type SendResult =
  /**
   * `mayRepeat`: parts sent again after a network error or 5xx; Telegram may have accepted the
   * first try too (sendMessage has no idempotency key), so those parts may be in the chat twice.
   */
  | { ok: true; messageIds: number[]; mayRepeat?: number }
  | { ok: false; reason: 'blocked' | 'not_found' | 'failed' | 'deferred' | 'skipped'; description: string; sentParts?: number };

export interface InlineButton {
  text: string;
  callbackData: string;
}

export interface SendOptions {
  buttons?: InlineButton[][];
  /**
   * Called once, when the first part's send slot has come, right before it goes out: the
   * place to claim the delivery, so a crash leaves only this message uncertain. `false`
   * sends nothing (the result is `skipped`).
   */
  beforeSend?: () => Promise<boolean>;
}

export interface Sender {
  /** Sends our HTML (split under 4096 characters at line boundaries); never throws for Telegram errors. */
  sendHtml(chatId: number, html: string, options?: SendOptions): Promise<SendResult>;
}
