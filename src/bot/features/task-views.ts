import { resolveOwners, type TaskEdit } from '../../domain/progress/task-args.ts';
import type { WorkItem } from '../../domain/progress/types.ts';
import { buildTaskHistory, itemNumber } from '../../domain/progress/views.ts';
import { findUnit, type StaffMember } from '../../domain/org.ts';
import { localDate } from '../../domain/time.ts';
import { renderTaskHistory, renderTaskList, renderUnit, type RenderContext } from '../../render/progress.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import { replyHtml } from '../reply.ts';

export type TaskDeps = FeatureDeps<'org' | 'tasks' | 'progress' | 'audit', 'timeZone', 'clock' | 'logger'>;

/** /task's read-only verbs (list, one item's history) and the edit rule, apart from the command's wiring. */
export function taskRenderer(deps: Pick<TaskDeps, 'store'>, ctx: BotContext): RenderContext {
  return { t: ctx.t, lang: ctx.lang, units: deps.store.org.units(), members: deps.store.org.members() };
}

/** `/task list [unit|mine]`: open items, by number. */
export async function listTasks(deps: TaskDeps, ctx: BotContext, arg: string | undefined) {
  const { store, clock, config } = deps;
  const r = taskRenderer(deps, ctx);
  const open = store.tasks.items().filter((i) => i.status === 'open');
  const today = localDate(clock.now(), config.timeZone);
  const sorted = (items: WorkItem[]) => items.sort((a, b) => itemNumber(a.code) - itemNumber(b.code));
  if (arg === 'mine') return replyHtml(ctx, renderTaskList(r, ctx.t('task.scopeMine'), sorted(open.filter((i) => i.owners.includes(ctx.actor.telegramId))), today));
  const unitCode = arg !== undefined ? findUnit(store.org.units(), arg)?.code : (ctx.boundChat?.unit ?? ctx.actor.member?.units[0]);
  if (arg !== undefined && !unitCode) return replyHtml(ctx, ctx.t('task.unknownUnit', { unit: arg }));
  if (!unitCode) return replyHtml(ctx, ctx.t('wall.noUnit'));
  return replyHtml(ctx, renderTaskList(r, renderUnit(r, unitCode), sorted(open.filter((i) => i.unit === unitCode)), today));
}

/** `/task T12`: the item with its whole history. */
export async function showTask(deps: TaskDeps, ctx: BotContext, code: string) {
  const { store, clock, config } = deps;
  const item = store.tasks.item(code);
  if (!item) return replyHtml(ctx, ctx.t('task.notFound', { code }));
  const updates = await store.progress.forItem(item.code, new Date(item.createdAt));
  const view = buildTaskHistory({ item, updates, today: localDate(clock.now(), config.timeZone), timeZone: config.timeZone });
  return replyHtml(ctx, renderTaskHistory(taskRenderer(deps, ctx), view));
}

/** The item after one `/task edit`, or the reply explaining why not. */
export function applyTaskEdit(ctx: BotContext, members: readonly StaffMember[], item: WorkItem, edit: TaskEdit): WorkItem | string {
  switch (edit.field) {
    case 'title':
      return { ...item, title: edit.title };
    case 'due': {
      const { due: _old, ...rest } = item;
      return edit.due ? { ...rest, due: edit.due } : rest;
    }
    case 'owners': {
      const { owners, unknown } = resolveOwners(edit.owners, members);
      return unknown.length > 0 ? ctx.t('task.unknownOwners', { names: unknown.join(', ') }) : { ...item, owners };
    }
    case 'status':
      return { ...item, status: edit.status };
  }
}
