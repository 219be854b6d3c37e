import type { Message } from 'telegraf/types';
import type { Types } from 'telegraf';
import { splitMessage } from '../text/split.ts';
import type { BotContext } from './context.ts';

/** Sends our HTML, split at line boundaries under 4096 characters; extra goes on the last part. */
export async function replyHtml(ctx: BotContext, text: string, extra: Types.ExtraReplyMessage = {}): Promise<Message.TextMessage> {
  const parts = splitMessage(text);
  let last: Message.TextMessage | undefined;
  for (const [index, part] of parts.entries()) {
    const isLast = index === parts.length - 1;
    last = await ctx.reply(part, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(isLast ? extra : {}),
    });
  }
  return last as Message.TextMessage;
}

/** The words after the command, split on white space (`/cmd@bot a b` → ['a', 'b']). */
export function words(payload: string): string[] {
  return payload.split(/\s+/).filter(Boolean);
}
