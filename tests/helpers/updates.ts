import type { Update } from 'telegraf/types';

export interface TestUser {
  id: number;
  first_name: string;
  username?: string;
  language_code?: string;
}

export interface TestChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
}

export const ADMIN: TestUser = { id: 1001, first_name: '管理员', username: 'admin_user', language_code: 'zh-hans' };
export const NEWCOMER: TestUser = { id: 2002, first_name: '新同事', language_code: 'zh-hans' };
export const STRANGER: TestUser = { id: 3003, first_name: 'Stranger', language_code: 'en' };
export const GROUP: TestChat = { id: -100500600700, type: 'supergroup', title: '执行局党支部群' };

export function privateChat(user: TestUser): TestChat {
  return { id: user.id, type: 'private' };
}

let messageId = 5000;
export function nextMessageId(): number {
  return ++messageId;
}

function chatObject(chat: TestChat, user: TestUser) {
  return chat.type === 'private'
    ? { id: chat.id, type: 'private' as const, first_name: user.first_name }
    : { id: chat.id, type: chat.type, title: chat.title ?? 'group' };
}

/** A text message; a leading /command gets its bot_command entity, as Telegram adds it. */
export function textMessage(input: { text: string; from: TestUser; chat?: TestChat; messageId?: number; date?: number }): Omit<Update.MessageUpdate, 'update_id'> {
  const chat = input.chat ?? privateChat(input.from);
  const command = /^\/\S+/.exec(input.text);
  return {
    message: {
      message_id: input.messageId ?? nextMessageId(),
      date: input.date ?? Math.floor(Date.now() / 1000),
      chat: chatObject(chat, input.from),
      from: { ...input.from, is_bot: false },
      text: input.text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    },
  };
}

export function editedMessage(input: { text: string; from: TestUser; chat?: TestChat; messageId: number; date?: number }): Omit<Update.EditedMessageUpdate, 'update_id'> {
  const { message } = textMessage(input);
  return { edited_message: { ...message, edit_date: Math.floor(Date.now() / 1000) } } as Omit<Update.EditedMessageUpdate, 'update_id'>;
}

export function callbackQuery(input: { data: string; from: TestUser; chat?: TestChat; messageId?: number }): Omit<Update.CallbackQueryUpdate, 'update_id'> {
  const chat = input.chat ?? privateChat(input.from);
  return {
    callback_query: {
      id: String(nextMessageId()),
      chat_instance: 'test',
      from: { ...input.from, is_bot: false },
      data: input.data,
      message: { message_id: input.messageId ?? 1, date: 0, chat: chatObject(chat, input.from), text: '' },
    },
  };
}

export function documentMessage(input: { fileId: string; fileName: string; from: TestUser; chat?: TestChat; size?: number; mimeType?: string }): Omit<Update.MessageUpdate, 'update_id'> {
  const chat = input.chat ?? privateChat(input.from);
  return {
    message: {
      message_id: nextMessageId(),
      date: Math.floor(Date.now() / 1000),
      chat: chatObject(chat, input.from),
      from: { ...input.from, is_bot: false },
      document: {
        file_id: input.fileId,
        file_unique_id: input.fileId,
        file_name: input.fileName,
        ...(input.mimeType ? { mime_type: input.mimeType } : {}),
        ...(input.size !== undefined ? { file_size: input.size } : {}),
      },
    },
  };
}

export function botMembership(input: { chat: TestChat; from: TestUser; status: 'member' | 'administrator' | 'left' | 'kicked'; botId: number }): Omit<Update.MyChatMemberUpdate, 'update_id'> {
  const bot = { id: input.botId, is_bot: true, first_name: 'courtwall' };
  return {
    my_chat_member: {
      chat: chatObject(input.chat, input.from),
      from: { ...input.from, is_bot: false },
      date: Math.floor(Date.now() / 1000),
      old_chat_member: { status: 'member', user: bot },
      new_chat_member: { status: input.status, user: bot, ...(input.status === 'kicked' ? { until_date: 0 } : {}) },
    },
  } as Omit<Update.MyChatMemberUpdate, 'update_id'>;
}
