/** What a scheduled job needs to reach a chat; the implementation owns Telegram's limits. */
export type SendResult =
  | { ok: true; messageIds: number[] }
  | { ok: false; reason: 'blocked' | 'not_found' | 'failed' | 'deferred'; description: string; sentParts?: number };

export interface InlineButton {
  text: string;
  callbackData: string;
}

export interface Sender {
  /** Sends our HTML (split under 4096 characters at line boundaries); never throws for Telegram errors. */
  sendHtml(chatId: number, html: string, options?: { buttons?: InlineButton[][] }): Promise<SendResult>;
}
