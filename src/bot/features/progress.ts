import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import { canManageUnit, isRegistered } from '../../domain/access.ts';
import { progressTagBody } from '../../domain/progress/parse-progress.ts';
import { PROGRESS_PROMPT_ACTION, type ProgressSource, type ProgressUpdate } from '../../domain/progress/types.ts';
import { audit } from '../audit.ts';
import type { BotContext } from '../context.ts';
import type { Feature } from '../feature.ts';
import { requireRole } from '../middleware/guards.ts';
import { answer, check, confirmation, preview, type ProgressDeps } from './progress-replies.ts';
import { replyHtml, words } from '../reply.ts';

const UNDO_WINDOW_MS = 24 * 3600_000;
const COMMAND_PREFIX = /^\/progress(?:@\w+)?(?:\s+|$)/i;

/**
 * /progress <text> anywhere; a group message starting with #进度 or #progress in a bound group
 * (seen only when the bot is a group admin or privacy mode is off); edits of those messages;
 * /undo. "Recorded" is said only after the append was synced to disk.
 */
export function createProgressFeature(deps: ProgressDeps): Feature {
  const composer = new Composer<BotContext>();

  const record = async (ctx: BotContext, body: string, source: ProgressSource, chatId: number, messageId: number) => {
    const checked = check(deps, ctx, body);
    if (!checked.ok) return void (await answer(ctx, checked.reply, messageId));
    const { ok: _ok, ...fields } = checked;
    let result: { created: boolean; update: ProgressUpdate };
    try {
      result = await deps.store.progress.record({
        ...fields,
        chatId,
        messageId,
        author: ctx.actor.telegramId,
        authorName: ctx.actor.member?.name ?? ctx.from?.first_name ?? String(ctx.actor.telegramId),
        source,
        at: deps.clock.now().toISOString(),
      });
    } catch (err) {
      deps.logger.error('progress: could not store an update', { error: String(err) });
      return void (await answer(ctx, ctx.t('error.saveFailed'), messageId));
    }
    if (!result.created) {
      if (ctx.chatKind === 'private') await answer(ctx, ctx.t('progress.duplicate', { id: result.update.id }), messageId);
      return;
    }
    await audit(deps, ctx, 'progress.add', String(result.update.id), { item: result.update.itemCode, unit: result.update.unit });
    await answer(ctx, confirmation(deps, ctx, result.update), messageId);
  };

  const remove = async (ctx: BotContext, target: ProgressUpdate) => {
    let removed: ProgressUpdate | undefined;
    try {
      removed = await deps.store.progress.remove(target.id, ctx.actor.telegramId, deps.clock.now().toISOString());
    } catch (err) {
      deps.logger.error('progress: could not store a removal', { error: String(err) });
      return void (await replyHtml(ctx, ctx.t('error.saveFailed')));
    }
    if (!removed) return void (await replyHtml(ctx, ctx.t('progress.undoNotFound', { id: target.id })));
    await audit(deps, ctx, 'progress.remove', String(target.id), { author: target.author, unit: target.unit });
    await replyHtml(ctx, ctx.t('progress.undone', { id: target.id, text: preview(target.text) }));
  };

  const removeById = async (ctx: BotContext, arg: string) => {
    if (!/^#?\d+$/.test(arg)) return void (await replyHtml(ctx, ctx.t('progress.undoUsage')));
    const id = Number(arg.replace('#', ''));
    const target = deps.store.progress.get(id);
    if (!target || target.removed) return void (await replyHtml(ctx, ctx.t('progress.undoNotFound', { id })));
    const ownRecent = target.author === ctx.actor.telegramId && deps.clock.now().getTime() - Date.parse(target.at) <= UNDO_WINDOW_MS;
    if (!ownRecent && !canManageUnit(ctx.actor, target.unit)) return void (await replyHtml(ctx, ctx.t('progress.undoNotAllowed')));
    await remove(ctx, target);
  };

  composer.command('progress', async (ctx) => {
    const [first, second] = words(ctx.payload);
    if (first === 'remove') return removeById(ctx, second ?? '');
    await record(ctx, ctx.payload, 'command', ctx.chat.id, ctx.message.message_id);
  });

  composer.on(message('text'), async (ctx, next) => {
    const body = ctx.chatKind === 'group' ? progressTagBody(ctx.message.text) : undefined;
    if (body === undefined) return next();
    // Strangers in a bound group: nothing stored, nothing said.
    if (!isRegistered(ctx.actor)) return;
    await record(ctx, body, 'tag', ctx.chat.id, ctx.message.message_id);
  });

  composer.on('edited_message', async (ctx, next) => {
    const edited = ctx.editedMessage;
    if (!('text' in edited)) return next();
    const body = edited.text.match(COMMAND_PREFIX) ? edited.text.replace(COMMAND_PREFIX, '') : progressTagBody(edited.text);
    const target = deps.store.progress.byMessage(edited.chat.id, edited.message_id);
    if (body === undefined && !target) return next();
    if (!isRegistered(ctx.actor)) return;
    // Never recorded, taken back, or too old to be indexed: say so, change nothing.
    if (!target || target.removed || target.author !== ctx.actor.telegramId || body === undefined) {
      return void (await answer(ctx, ctx.t('progress.editUnknown'), edited.message_id));
    }
    const checked = check(deps, ctx, body);
    if (!checked.ok) return void (await answer(ctx, checked.reply, edited.message_id));
    const change = {
      text: checked.text,
      unit: checked.unit,
      ...(checked.itemCode ? { itemCode: checked.itemCode } : {}),
      ...(checked.percent !== undefined ? { percent: checked.percent } : {}),
    };
    try {
      await deps.store.progress.edit(target.id, change, ctx.actor.telegramId, deps.clock.now().toISOString());
    } catch (err) {
      deps.logger.error('progress: could not store an edit', { error: String(err) });
      return void (await answer(ctx, ctx.t('error.saveFailed'), edited.message_id));
    }
    await audit(deps, ctx, 'progress.edit', String(target.id), { item: change.itemCode, unit: change.unit });
    await answer(ctx, ctx.t('progress.edited', { id: target.id }), edited.message_id);
  });

  composer.command('undo', async (ctx) => {
    const [arg] = words(ctx.payload);
    if (arg !== undefined) return removeById(ctx, arg);
    const since = new Date(deps.clock.now().getTime() - UNDO_WINDOW_MS).toISOString();
    const last = deps.store.progress.lastBy(ctx.actor.telegramId, since);
    if (!last) return void (await replyHtml(ctx, ctx.t('progress.nothingToUndo')));
    await remove(ctx, last);
  });

  composer.action(PROGRESS_PROMPT_ACTION, requireRole('staff'), async (ctx) => {
    await ctx.answerCbQuery();
    await replyHtml(ctx, ctx.t('progress.prompt'));
  });

  return {
    name: 'progress',
    commands: [
      { command: 'progress', minRole: 'staff', chats: 'any', help: 'menu.progress' },
      { command: 'undo', minRole: 'staff', chats: 'any', help: 'menu.undo' },
    ],
    composer,
    reactsTo: ['text', 'callback', 'edit'],
  };
}
