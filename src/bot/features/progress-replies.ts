import { canReportOn } from '../../domain/access.ts';
import { unitName } from '../../domain/org.ts';
import { parseProgressText } from '../../domain/progress/parse-progress.ts';
import type { ProgressUpdate } from '../../domain/progress/types.ts';
import { renderUnit } from '../../render/progress.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import { replyHtml } from '../reply.ts';
import { shorten } from '../../domain/cut-text.ts';

export type ProgressDeps = FeatureDeps<'org' | 'progress' | 'tasks' | 'audit', never, 'clock' | 'logger'>;

/** Replies in groups go to the message they answer, so a busy group sees what was recorded. */
export async function answer(ctx: BotContext, text: string, messageId: number | undefined): Promise<void> {
  await replyHtml(ctx, text, ctx.chatKind === 'group' && messageId ? { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } } : {});
}

export type Checked = { ok: true; text: string; itemCode?: string; percent?: number; unit: string } | { ok: false; reply: string };

/** Parse → item exists → the sender may report on it → which unit: the same for a new message and an edited one. */
export function check(deps: ProgressDeps, ctx: BotContext, body: string): Checked {
  const parsed = parseProgressText(body);
  if (!parsed.ok) {
    if (parsed.error === 'badPercent') return { ok: false, reply: ctx.t('progress.badPercent', { value: parsed.value }) };
    return { ok: false, reply: parsed.error === 'tooLong' ? ctx.t('progress.tooLong', { length: parsed.length, limit: parsed.limit }) : ctx.t('progress.usage') };
  }
  const { itemCode } = parsed.value;
  const item = itemCode ? deps.store.tasks.item(itemCode) : undefined;
  if (itemCode && !item) return { ok: false, reply: ctx.t('progress.unknownItem', { code: itemCode }) };
  if (item && !canReportOn(ctx.actor, item)) {
    const owner = deps.store.org.unit(item.unit);
    return { ok: false, reply: ctx.t('progress.notYourItem', { code: item.code, title: item.title, unit: owner ? unitName(owner, ctx.lang) : item.unit }) };
  }
  const unit = item?.unit ?? ctx.boundChat?.unit ?? ctx.actor.member?.units[0];
  if (!unit) return { ok: false, reply: ctx.t('progress.noUnit') };
  return { ok: true, ...parsed.value, unit };
}

export function confirmation(deps: ProgressDeps, ctx: BotContext, update: ProgressUpdate): string {
  const percent = update.percent !== undefined ? ctx.t('progress.percent', { percent: update.percent }) : '';
  const r = { t: ctx.t, lang: ctx.lang, units: deps.store.org.units(), members: deps.store.org.members() };
  return update.itemCode
    ? ctx.t('progress.recordedItem', { id: update.id, code: update.itemCode, title: deps.store.tasks.item(update.itemCode)?.title ?? '', percent })
    : ctx.t('progress.recordedGeneral', { id: update.id, unit: renderUnit(r, update.unit), percent });
}

export const preview = (text: string) => shorten(text, 80);
