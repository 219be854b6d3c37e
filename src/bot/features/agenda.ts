import { Composer } from 'telegraf';
import { canManageUnit } from '../../domain/access.ts';
import { findUnit } from '../../domain/org.ts';
import { meetingWeeks } from '../../schedule/meeting-week.ts';
import { createMeetingVerbs } from './meeting-verbs.ts';
import { audit } from '../audit.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { replyHtml, words } from '../reply.ts';
import { dayLabel } from '../../render/dates.ts';

export type AgendaDeps = FeatureDeps<'agenda' | 'org' | 'audit' | 'tasks' | 'progress' | 'calendar' | 'meetings', 'timeZone' | 'weeklyAgendaCron' | 'monthlySummaryCron', 'clock' | 'digests'>;

const MAX_TEXT = 500;

/**
 * /agenda preview | add <topic> | study <text>. In a bound group it is that group's unit;
 * in a private chat the unit named after the verb, or the member's first unit.
 */
export function createAgendaFeature(deps: AgendaDeps): Feature {
  const composer = new Composer<BotContext>();

  const unitOf = (ctx: BotContext, query: string | undefined) => {
    if (ctx.boundChat) return ctx.boundChat.unit;
    if (query) return findUnit(deps.store.org.units(), query)?.code;
    return ctx.actor.member?.units[0];
  };
  /** Topics go to the next agenda: this week's, unless this week's has already fallen due. */
  const targetWeek = (unit: string) => meetingWeeks(deps, unit, deps.clock.now()).next;

  const meetingVerbs = createMeetingVerbs(deps);

  composer.command('agenda', async (ctx) => {
    const [verb, ...rest] = words(ctx.payload);
    const text = ctx.payload.trim().slice(verb?.length ?? 0).trim();
    const meetingVerb = verb && Object.hasOwn(meetingVerbs, verb) ? meetingVerbs[verb] : undefined;
    if (meetingVerb) {
      const unit = unitOf(ctx, undefined);
      if (!unit) return void (await replyHtml(ctx, ctx.t('agenda.noUnit')));
      return void (await meetingVerb(ctx, unit, text));
    }
    if (verb === 'preview') {
      const unit = unitOf(ctx, rest[0]);
      if (!unit || !deps.digests) return void (await replyHtml(ctx, ctx.t('agenda.noUnit')));
      const chat = ctx.boundChat ?? { id: ctx.chat.id, title: '', unit, subscriptions: [], active: true, boundBy: 0, boundAt: '' };
      return void (await replyHtml(ctx, (await deps.digests.preview('agenda', chat, ctx.lang)) ?? ''));
    }
    if (verb !== 'add' && verb !== 'study') return void (await replyHtml(ctx, ctx.t('agenda.usage')));
    const unit = unitOf(ctx, undefined);
    if (!unit) return void (await replyHtml(ctx, ctx.t('agenda.noUnit')));
    if (text === '') return void (await replyHtml(ctx, ctx.t('agenda.usage')));
    if (text.length > MAX_TEXT) return void (await replyHtml(ctx, ctx.t('agenda.tooLong', { max: MAX_TEXT })));
    const { week, date } = targetWeek(unit);
    const when = dayLabel(date, ctx.lang);
    const at = deps.clock.now().toISOString();
    if (verb === 'add') {
      const byName = ctx.actor.member?.name ?? ctx.from.first_name;
      await deps.store.agenda.addTopic({ unit, week, text, by: ctx.from.id, byName, at });
      await audit(deps, ctx, 'agenda.add', unit, { week, text });
      return void (await replyHtml(ctx, ctx.t('agenda.added', { when, text })));
    }
    if (!canManageUnit(ctx.actor, unit)) return void (await replyHtml(ctx, ctx.t('error.notAllowed', { role: ctx.t('role.manager') })));
    await deps.store.agenda.setStudy({ unit, week, text, by: ctx.from.id, at });
    await audit(deps, ctx, 'agenda.study', unit, { week, text });
    await replyHtml(ctx, ctx.t('agenda.studySet', { when, text }));
  });

  return { name: 'agenda', commands: [{ command: 'agenda', minRole: 'staff', chats: 'any', help: 'menu.agenda' }], composer, reactsTo: [] };
}
