import { Composer } from 'telegraf';
import { canManageUnit, hasRole } from '../../domain/access.ts';
import { findUnit } from '../../domain/org.ts';
import { parseItemCode, parseTaskAdd, parseTaskEdit, resolveOwners } from '../../domain/progress/task-args.ts';
import type { WorkItem } from '../../domain/progress/types.ts';
import { html } from '../../text/html.ts';
import { audit } from '../audit.ts';
import type { BotContext } from '../context.ts';
import type { Feature } from '../feature.ts';
import { addMilestone } from './task-milestone.ts';
import { applyTaskEdit, listTasks, showTask, taskRenderer, type TaskDeps } from './task-views.ts';
import { replyHtml, words } from '../reply.ts';
import { renderOwners, renderUnit } from '../../render/progress.ts';


type Errorish = { error: string; detail?: string };

/** /task add|list|done|edit|T12: managers create and change items of their units, owners close them. */
export function createTaskFeature(deps: TaskDeps): Feature {
  const composer = new Composer<BotContext>();
  const { store, config, clock } = deps;
  const renderer = (ctx: BotContext) => taskRenderer(deps, ctx);

  const argError = (ctx: BotContext, e: Errorish) => {
    if (e.error === 'badDate') return ctx.t('task.badDate', { date: e.detail ?? '' });
    if (e.error === 'noTitle') return ctx.t('task.noTitle');
    if (e.error === 'titleTooLong') return ctx.t('task.titleTooLong', { limit: e.detail ?? '' });
    return ctx.t('task.usage');
  };

  const save = async (ctx: BotContext, item: WorkItem, action: string, detail: Record<string, unknown>) => {
    try {
      await store.tasks.save(item);
    } catch (err) {
      deps.logger.error('task: could not save', { error: String(err) });
      await replyHtml(ctx, ctx.t('error.saveFailed'));
      return false;
    }
    await audit(deps, ctx, action, item.code, detail);
    return true;
  };

  const add = async (ctx: BotContext, payload: string) => {
    const parsed = parseTaskAdd(payload, clock.now(), config.timeZone);
    if (!parsed.ok) return replyHtml(ctx, argError(ctx, parsed));
    const { title, due } = parsed.value;
    const managed = ctx.actor.member?.units.filter((u) => canManageUnit(ctx.actor, u)) ?? [];
    const unitCode = parsed.value.unit ?? ctx.boundChat?.unit ?? managed[0];
    if (!unitCode) return replyHtml(ctx, ctx.t('task.noUnit'));
    const unit = findUnit(store.org.units(), unitCode);
    if (!unit) return replyHtml(ctx, ctx.t('task.unknownUnit', { unit: unitCode }));
    if (!canManageUnit(ctx.actor, unit.code)) return replyHtml(ctx, ctx.t('task.notYourUnit'));
    const { owners, unknown } = resolveOwners(parsed.value.owners, store.org.members());
    if (unknown.length > 0) return replyHtml(ctx, ctx.t('task.unknownOwners', { names: unknown.join(', ') }));
    let item: WorkItem;
    try {
      item = await store.tasks.create({
        title,
        owners: owners.length > 0 ? owners : [ctx.actor.telegramId],
        unit: unit.code,
        ...(due ? { due } : {}),
        status: 'open',
        createdBy: ctx.actor.telegramId,
        createdAt: clock.now().toISOString(),
      });
    } catch (err) {
      deps.logger.error('task: could not create', { error: String(err) });
      return replyHtml(ctx, ctx.t('error.saveFailed'));
    }
    await audit(deps, ctx, 'task.create', item.code, { unit: item.unit, owners: item.owners, due: item.due });
    const r = renderer(ctx);
    return replyHtml(
      ctx,
      ctx.t('task.created', {
        code: item.code,
        title: item.title,
        owners: renderOwners(r, item.owners),
        unit: renderUnit(r, item.unit),
        due: html(item.due ? ctx.t('mine.due', { due: item.due }) : ''),
      }),
    );
  };

  const done = async (ctx: BotContext, arg: string | undefined) => {
    const code = parseItemCode(arg ?? '');
    const item = code ? store.tasks.item(code) : undefined;
    if (!code || !item) return replyHtml(ctx, code ? ctx.t('task.notFound', { code }) : ctx.t('task.usage'));
    if (!item.owners.includes(ctx.actor.telegramId) && !canManageUnit(ctx.actor, item.unit)) return replyHtml(ctx, ctx.t('task.notOwner', { code }));
    // A meeting decision is signed off (销号) by a manager of its unit, not by its owner.
    if (item.decision && !canManageUnit(ctx.actor, item.unit)) return replyHtml(ctx, ctx.t('task.signOffManager', { code }));
    if (item.status !== 'open') return replyHtml(ctx, ctx.t('task.closedAlready', { code, status: ctx.t(`task.status.${item.status}`) }));
    const closed: WorkItem = { ...item, status: 'done', closedBy: ctx.actor.telegramId, closedAt: clock.now().toISOString() };
    if (await save(ctx, closed, 'task.done', {})) await replyHtml(ctx, ctx.t(item.decision ? 'task.signedOff' : 'task.doneDone', { code, title: item.title }));
  };

  const edit = async (ctx: BotContext, args: string[]) => {
    const parsed = parseTaskEdit(args, clock.now(), config.timeZone);
    if (!parsed.ok) return replyHtml(ctx, argError(ctx, parsed));
    const item = store.tasks.item(parsed.value.code);
    if (!item) return replyHtml(ctx, ctx.t('task.notFound', { code: parsed.value.code }));
    if (!canManageUnit(ctx.actor, item.unit)) return replyHtml(ctx, ctx.t('task.notYourUnit'));
    const changed = applyTaskEdit(ctx, store.org.members(), item, parsed.value.edit);
    if (typeof changed === 'string') return replyHtml(ctx, changed);
    if (await save(ctx, changed, 'task.edit', { field: parsed.value.edit.field })) {
      await replyHtml(ctx, ctx.t('task.edited', { code: item.code, title: changed.title }));
    }
  };

  composer.command('task', async (ctx) => {
    const [verb, ...rest] = words(ctx.payload);
    const code = parseItemCode(verb ?? '');
    if (code) return void (await showTask(deps, ctx, code));
    switch (verb?.toLowerCase()) {
      case 'add':
        if (!(await guard(ctx))) return;
        await add(ctx, ctx.payload.trim().replace(/^add\s*/i, ''));
        return;
      case 'list':
        await listTasks(deps, ctx, rest[0]);
        return;
      case 'done':
        await done(ctx, rest[0]);
        return;
      case 'milestone':
        await addMilestone(deps, ctx, rest);
        return;
      case 'edit':
        if (!(await guard(ctx))) return;
        await edit(ctx, rest);
        return;
      default:
        await replyHtml(ctx, ctx.t('task.usage'));
    }
  });

  /** Creating and editing items is for managers and admins. */
  const guard = async (ctx: BotContext): Promise<boolean> => {
    if (hasRole(ctx.actor, 'manager')) return true;
    await replyHtml(ctx, ctx.t('error.notAllowed', { role: ctx.t('role.manager') }));
    return false;
  };

  return { name: 'task', commands: [{ command: 'task', minRole: 'staff', chats: 'any', help: 'menu.task' }], composer, reactsTo: [] };
}
