import { Telegram } from 'telegraf';

/**
 * Preloaded into a bot process by tests (`preload` of startBotProcess): faults that only a
 * real process can show. The bot's reply to `/hang` (the unknown-command answer quotes it)
 * blocks the event loop for good; its reply to `/crash` throws outside every handler, which
 * ends the process. Both happen inside the update's handling, as a real fault would.
 */
// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this`
const original = Telegram.prototype.callApi;
Telegram.prototype.callApi = function (this: Telegram, method, payload, options) {
  const text = (payload as { text?: unknown }).text;
  if (method === 'sendMessage' && typeof text === 'string') {
    if (/(未知命令|Unknown command) \/hang/.test(text)) for (;;);
    if (/(未知命令|Unknown command) \/crash/.test(text)) {
      setImmediate(() => {
        throw new Error('injected crash');
      });
      return new Promise<never>(() => undefined);
    }
  }
  return original.call(this, method, payload, options);
} as typeof original;
