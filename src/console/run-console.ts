import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { App } from '../app.ts';
import { htmlToText } from '../text/html.ts';
import { translator } from '../text/i18n.ts';
import { createConsoleApi, type Button, type Printed } from './console-api.ts';
import { DEMO_ADMIN, DEMO_GROUP, DEMO_STAFF } from './demo-data.ts';

/** Something the console can run at once, e.g. `:run agenda`. */
export interface ConsoleAction {
  name: string;
  run(args: string[]): Promise<void>;
}

export const CONSOLE_BOT = { id: 9_000_000_001, username: 'courtwall_demo_bot', first_name: 'courtwall' };

type Speaker = typeof DEMO_ADMIN | typeof DEMO_STAFF;

/**
 * The same bot and handlers as in production, with Telegram replaced by an in-process
 * stand-in that prints. Lines come from `input`; at its end the console exits.
 */
export async function runConsole(
  app: App,
  io: { input: Readable; output: Writable; dataDir: string; actions?: ConsoleAction[] },
): Promise<void> {
  const t = translator(app.deps.config.defaultLang);
  const write = (text: string) => io.output.write(text + '\n');
  const actions = io.actions ?? [];
  let lastButtons: { chatId: number; messageId: number; buttons: Button[] } | undefined;
  let messageCounter = 1000;

  const print = (out: Printed) => {
    const where = out.chatId < 0 ? t('console.inGroup', { title: DEMO_GROUP.title }) : '';
    write(htmlToText(where + t('console.bot')) + out.text);
    out.buttons.forEach((b, i) => write(`  [${i + 1}] ${b.text}${b.url ? ` (${b.url})` : ''}`));
    if (out.buttons.length > 0) lastButtons = { chatId: out.chatId, messageId: messageCounter, buttons: out.buttons };
  };
  const savePhoto = (filename: string, data: Buffer) => {
    const file = join(io.dataDir, 'output', basename(filename));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
    return htmlToText(t('chart.saved', { file }));
  };
  const api = createConsoleApi(CONSOLE_BOT, print, { photo: htmlToText(t('console.photo')), document: htmlToText(t('console.document')) }, savePhoto);
  // Each update gets a fresh Telegram client, so the stand-in goes on the prototype.
  Telegram.prototype.callApi = function (method: string, payload: unknown) {
    return api(method, payload);
  } as typeof Telegram.prototype.callApi;
  app.bot.botInfo = { ...CONSOLE_BOT, is_bot: true, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };

  let speaker: Speaker = DEMO_ADMIN;
  let inGroup = false;
  let updateId = 1;
  const chatOf = (group: boolean) =>
    group ? DEMO_GROUP : { id: speaker.id, type: 'private' as const, first_name: speaker.first_name, username: speaker.username };
  // One line at a time: what a line started in the background (an import) answers before the next.
  const send = async (update: Omit<Update.MessageUpdate, 'update_id'> | Omit<Update.CallbackQueryUpdate, 'update_id'>) => {
    await app.bot.handleUpdate({ ...update, update_id: updateId++ });
    await app.deps.background?.idle();
  };
  const sendText = (text: string, group: boolean) => {
    const entities = text.startsWith('/') ? [{ type: 'bot_command' as const, offset: 0, length: text.split(/\s/)[0]!.length }] : undefined;
    return send({
      message: { message_id: ++messageCounter, date: Math.floor(app.deps.clock.now().getTime() / 1000), chat: chatOf(group), from: { ...speaker, is_bot: false }, text, ...(entities ? { entities } : {}) },
    });
  };
  const press = (n: number) => {
    const button = lastButtons?.buttons[n - 1];
    if (!lastButtons || !button?.callbackData) return void write(htmlToText(t('console.noButton', { n })));
    return send({
      callback_query: {
        id: String(updateId),
        chat_instance: 'console',
        from: { ...speaker, is_bot: false },
        data: button.callbackData,
        message: { message_id: lastButtons.messageId, date: 0, chat: chatOf(lastButtons.chatId < 0), text: '' },
      },
    });
  };
  const describeWhere = () =>
    write(htmlToText(t('console.switched', { who: speaker.first_name, chat: t(inGroup ? 'console.group' : 'console.private') })));

  const handle = async (line: string) => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    if (!trimmed.startsWith(':')) return sendText(trimmed, inGroup);
    const [command = '', ...args] = trimmed.slice(1).split(/\s+/);
    if (/^\d+$/.test(command)) return press(Number(command));
    switch (command) {
      case 'group':
        if (args.length > 0) return sendText(trimmed.slice(':group'.length).trim(), true);
        inGroup = true;
        return describeWhere();
      case 'private':
        inGroup = false;
        return describeWhere();
      case 'as':
        speaker = args[0] === 'staff' ? DEMO_STAFF : DEMO_ADMIN;
        return describeWhere();
      case 'press':
        return press(Number(args[0]));
      case 'run': {
        const action = actions.find((a) => a.name === args[0]);
        if (!action) {
          return void write(htmlToText(t('console.unknownAction', { name: args[0] ?? '', actions: actions.map((a) => a.name).join(' | ') })));
        }
        return action.run(args.slice(1));
      }
      case 'help':
        return void write(htmlToText(t('console.intro', { dataDir: io.dataDir, actions: actions.map((a) => a.name).join('|') })));
      case 'quit':
      case 'exit':
        return 'quit';
      default:
        return sendText(trimmed, inGroup);
    }
  };

  write(htmlToText(t('console.intro', { dataDir: io.dataDir, actions: actions.map((a) => a.name).join('|') })));
  const lines = createInterface({ input: io.input, terminal: false });
  for await (const line of lines) {
    if ((await handle(line)) === 'quit') break;
  }
  lines.close();
}
