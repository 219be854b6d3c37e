import { htmlToText } from '../text/html.ts';

export interface Button {
  text: string;
  callbackData?: string;
  url?: string;
}

export interface Printed {
  chatId: number;
  text: string;
  buttons: Button[];
}

interface Payload {
  chat_id?: number | string;
  text?: string;
  caption?: string;
  photo?: { source?: unknown; filename?: string } | string;
  reply_markup?: { inline_keyboard?: { text: string; callback_data?: string; url?: string }[][] };
  message_id?: number;
}

/**
 * Answers the Bot API methods the bot calls, in process, and hands every message to
 * `print` as readable text. Used in place of Telegram by the local console.
 */
export function createConsoleApi(
  botInfo: { id: number; username: string; first_name: string },
  print: (out: Printed) => void,
  labels: { photo: string; document: string } = { photo: 'photo', document: 'document' },
  /** Keeps a sent photo where the newcomer can open it; returns the note to print (e.g. the path). */
  savePhoto?: (filename: string, data: Buffer) => string,
) {
  let messageId = 1000;
  const buttonsOf = (payload: Payload): Button[] =>
    (payload.reply_markup?.inline_keyboard ?? []).flat().map((b) => ({ text: b.text, callbackData: b.callback_data, url: b.url }));

  return async (method: string, raw: unknown): Promise<unknown> => {
    const payload = (raw ?? {}) as Payload;
    const chatId = Number(payload.chat_id ?? 0);
    const message = (text: string) => ({ message_id: ++messageId, date: 0, chat: { id: chatId, type: chatId > 0 ? 'private' : 'supergroup' }, text });
    switch (method) {
      case 'getMe':
        return { ...botInfo, is_bot: true, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
      case 'sendMessage':
      case 'editMessageText':
        print({ chatId, text: htmlToText(payload.text ?? ''), buttons: buttonsOf(payload) });
        return method === 'sendMessage' ? message(payload.text ?? '') : true;
      case 'sendPhoto':
      case 'sendDocument': {
        const photo = typeof payload.photo === 'object' ? payload.photo : undefined;
        const saved = savePhoto && Buffer.isBuffer(photo?.source) ? ' ' + savePhoto(photo.filename ?? 'photo.png', photo.source) : '';
        print({ chatId, text: `[${method === 'sendPhoto' ? labels.photo : labels.document}] ${htmlToText(payload.caption ?? '')}${saved}`, buttons: buttonsOf(payload) });
        return message('');
      }
      default:
        // setMessageReaction, answerCallbackQuery, deleteMessage, setMyCommands …: nothing to show.
        return true;
    }
  };
}
