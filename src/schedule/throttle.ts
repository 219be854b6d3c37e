export interface RateLimitSettings {
  /** Messages a second over all chats (Telegram: about 30; we stay a little under). */
  globalPerSecond: number;
  /** Messages a minute into one group (Telegram: 20). */
  groupPerMinute: number;
  /** Gap between two messages into one chat (Telegram: about 1 s). */
  chatIntervalMs: number;
}

export const TELEGRAM_LIMITS: RateLimitSettings = { globalPerSecond: 29, groupPerMinute: 20, chatIntervalMs: 1000 };

/**
 * Hands out send times: one global slot every 1000/globalPerSecond ms (gaps left by a chat
 * that must wait are filled by others), at most groupPerMinute in any minute per group, and
 * chatIntervalMs between messages into one chat. Reservation is synchronous, so concurrent
 * callers never share a slot. https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this
 */
export class Throttle {
  private readonly slotMs: number;
  private readonly usedSlots = new Set<number>();
  private readonly chatNext = new Map<number, number>();
  private readonly groupTimes = new Map<number, number[]>();
  private lowestSlot = 0;

  constructor(private readonly limits: RateLimitSettings) {
    this.slotMs = 1000 / limits.globalPerSecond;
  }

  /** Reserves the earliest allowed time (ms) for a message into `chatId`, at or after `now`. */
  reserve(chatId: number, now: number): number {
    let at = Math.max(now, this.chatNext.get(chatId) ?? 0);
    if (chatId < 0) {
      const times = (this.groupTimes.get(chatId) ?? []).filter((t) => t > now - 60_000);
      this.groupTimes.set(chatId, times);
      const limit = this.limits.groupPerMinute;
      if (times.length >= limit) at = Math.max(at, times[times.length - limit]! + 60_000 + 50);
    }
    let slot = Math.ceil(at / this.slotMs);
    while (this.usedSlots.has(slot)) slot++;
    this.usedSlots.add(slot);
    at = Math.max(at, Math.ceil(slot * this.slotMs));
    this.prune(now);
    this.chatNext.set(chatId, at + this.limits.chatIntervalMs);
    if (chatId < 0) this.groupTimes.get(chatId)!.push(at);
    return at;
  }

  /** Telegram asked us to wait (429): nothing more into this chat before `until`. */
  holdChat(chatId: number, until: number): void {
    this.chatNext.set(chatId, Math.max(until, this.chatNext.get(chatId) ?? 0));
  }

  private prune(now: number): void {
    const floor = Math.floor((now - 2000) / this.slotMs);
    if (floor - this.lowestSlot < 1000) return;
    for (const slot of this.usedSlots) if (slot < floor) this.usedSlots.delete(slot);
    this.lowestSlot = floor;
  }
}
