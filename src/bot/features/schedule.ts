import { Composer } from 'telegraf';
import { canManageUnit } from '../../domain/access.ts';
import { DIGEST_KINDS, type DigestKind } from '../../domain/org.ts';
import { defaultCron, isValidCron } from '../../schedule/cron.ts';
import { audit } from '../audit.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { groupOnly } from '../middleware/guards.ts';
import { replyHtml, words } from '../reply.ts';

export type ScheduleDeps = FeatureDeps<'org' | 'audit', 'timeZone' | 'weeklyAgendaCron' | 'monthlySummaryCron', 'clock'>;

/** /schedule in a bound group: shows its digest times; managers of the unit and admins change them. */
export function createScheduleFeature(deps: ScheduleDeps): Feature {
  const composer = new Composer<BotContext>();
  const describe = (ctx: BotContext, kind: DigestKind) => {
    const own = ctx.boundChat?.schedules?.[kind];
    return own ? ctx.t('schedule.custom', { cron: own }) : ctx.t('schedule.default', { cron: defaultCron(deps.config, kind) });
  };

  composer.command('schedule', groupOnly(), async (ctx) => {
    const bound = ctx.boundChat;
    if (!bound) return void (await replyHtml(ctx, ctx.t('access.unboundGroup')));
    const [kind, ...rest] = words(ctx.payload);
    if (kind === undefined) {
      const text = ctx.t('schedule.show', { agenda: describe(ctx, 'agenda'), summary: describe(ctx, 'summary'), zone: deps.config.timeZone });
      return void (await replyHtml(ctx, text));
    }
    if (!(DIGEST_KINDS as readonly string[]).includes(kind) || rest.length === 0) return void (await replyHtml(ctx, ctx.t('schedule.usage')));
    if (!canManageUnit(ctx.actor, bound.unit)) return void (await replyHtml(ctx, ctx.t('error.notAllowed', { role: ctx.t('role.manager') })));
    const digest = kind as DigestKind;
    const kindName = ctx.t(digest === 'agenda' ? 'digest.agenda' : 'digest.summary');
    const schedules = { ...bound.schedules };
    if (rest.length === 1 && rest[0] === 'default') {
      delete schedules[digest];
      await deps.store.org.saveChat({ ...bound, schedules });
      await audit(deps, ctx, 'chat.schedule', String(bound.id), { kind: digest, cron: 'default' });
      return void (await replyHtml(ctx, ctx.t('schedule.reset', { kind: kindName, cron: defaultCron(deps.config, digest) })));
    }
    const cron = rest.join(' ');
    if (!isValidCron(cron)) return void (await replyHtml(ctx, ctx.t('schedule.invalid', { cron })));
    schedules[digest] = cron;
    await deps.store.org.saveChat({ ...bound, schedules });
    await audit(deps, ctx, 'chat.schedule', String(bound.id), { kind: digest, cron });
    await replyHtml(ctx, ctx.t('schedule.set', { kind: kindName, cron }));
  });

  return { name: 'schedule', commands: [{ command: 'schedule', minRole: 'staff', chats: 'group', help: 'menu.schedule' }], composer, reactsTo: [] };
}
