import { canManageUnit } from '../../domain/access.ts';
import { parseMilestone } from '../../domain/meetings/decide-args.ts';
import { parseDue, parseItemCode } from '../../domain/progress/task-args.ts';
import { audit } from '../audit.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import { replyHtml } from '../reply.ts';

export type TaskMilestoneDeps = FeatureDeps<'tasks' | 'audit', 'timeZone', 'clock'>;

const MAX_MILESTONES = 20;

/** `/task milestone T12 2024-10-15 完成财产查控`: owners and managers of the unit add a 节点. */
export async function addMilestone(deps: TaskMilestoneDeps, ctx: BotContext, args: string[]): Promise<void> {
  const { store, clock, config } = deps;
  const code = parseItemCode(args[0] ?? '');
  const item = code ? store.tasks.item(code) : undefined;
  if (!code) return void (await replyHtml(ctx, ctx.t('task.milestoneUsage')));
  if (!item) return void (await replyHtml(ctx, ctx.t('task.notFound', { code })));
  if (!item.owners.includes(ctx.actor.telegramId) && !canManageUnit(ctx.actor, item.unit)) return void (await replyHtml(ctx, ctx.t('task.notOwner', { code })));
  const parsed = parseMilestone(args.slice(1), (token) => parseDue(token, clock.now(), config.timeZone));
  if (!parsed.ok) {
    if (parsed.error === 'badDate') return void (await replyHtml(ctx, ctx.t('task.badDate', { date: parsed.detail ?? '' })));
    return void (await replyHtml(ctx, ctx.t('task.milestoneUsage')));
  }
  const milestones = [...(item.milestones ?? []), parsed.value].sort((a, b) => a.date.localeCompare(b.date)).slice(-MAX_MILESTONES);
  await store.tasks.save({ ...item, milestones });
  await audit(deps, ctx, 'task.milestone', item.code, parsed.value);
  await replyHtml(ctx, ctx.t('task.milestoneSet', { code: item.code, date: parsed.value.date, text: parsed.value.text }));
}
