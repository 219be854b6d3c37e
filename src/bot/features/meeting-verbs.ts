import { canManageUnit } from '../../domain/access.ts';
import { parseDecision } from '../../domain/meetings/decide-args.ts';
import { hasQuorum, meetingKind, parseAttendance, type Meeting } from '../../domain/meetings/meeting.ts';
import { findUnit, unitName } from '../../domain/org.ts';
import { resolveOwners } from '../../domain/progress/task-args.ts';
import { meetingWeeks } from '../../schedule/meeting-week.ts';
import { html } from '../../text/html.ts';
import { renderAttendance } from '../../render/meetings.ts';
import { minutesDocx } from '../../render/minutes-docx.ts';
import { minutesFileName, minutesLines, renderMinutes } from '../../render/minutes.ts';
import { readMinutes } from '../../schedule/minutes-source.ts';
import { audit } from '../audit.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import { replyHtml } from '../reply.ts';

export type MeetingVerbsDeps = FeatureDeps<'agenda' | 'org' | 'audit' | 'tasks' | 'progress' | 'calendar' | 'meetings', 'timeZone' | 'weeklyAgendaCron' | 'monthlySummaryCron', 'clock' | 'digests'>;

export type MeetingVerb = (ctx: BotContext, unit: string, text: string) => Promise<void>;

/**
 * /agenda decide | attend | number: the business of the meeting whose agenda has gone out
 * (this week's once it has, else last week's), recorded by the unit's managers.
 */
export function createMeetingVerbs(deps: MeetingVerbsDeps): Record<string, MeetingVerb> {
  const { store, clock, config } = deps;
  const heldMeeting = async (unit: string): Promise<Meeting> => {
    const { held } = meetingWeeks(deps, unit, clock.now());
    return store.meetings.ensure(unit, held.week, held.date);
  };
  const kindName = (ctx: BotContext, unit: string) => ctx.t(`meeting.kind.${meetingKind(store.org.unit(unit)?.kind)}`);
  const nameOfUnit = (ctx: BotContext, code: string) => {
    const u = store.org.unit(code);
    return u ? unitName(u, ctx.lang) : code;
  };
  const managerOnly = async (ctx: BotContext, unit: string) => {
    if (canManageUnit(ctx.actor, unit)) return true;
    await replyHtml(ctx, ctx.t('meeting.managerOnly'));
    return false;
  };

  const decide: MeetingVerb = async (ctx, unit, text) => {
    if (!(await managerOnly(ctx, unit))) return;
    const parsed = parseDecision(text, clock.now(), config.timeZone);
    if (!parsed.ok) {
      if (parsed.error === 'badDate') return void (await replyHtml(ctx, ctx.t('task.badDate', { date: parsed.detail ?? '' })));
      if (parsed.error === 'badLeader') return void (await replyHtml(ctx, ctx.t('meeting.badLeader', { value: parsed.detail ?? '' })));
      if (parsed.error === 'titleTooLong') return void (await replyHtml(ctx, ctx.t('task.titleTooLong', { limit: parsed.detail ?? '' })));
      return void (await replyHtml(ctx, ctx.t('meeting.noOwner')));
    }
    const args = parsed.value;
    if (args.owners.length === 0) return void (await replyHtml(ctx, ctx.t('meeting.noOwner')));
    const unitRefs = [...(args.lead ? [args.lead] : []), ...args.assist];
    const units = unitRefs.map((ref) => ({ ref, unit: findUnit(store.org.units(), ref) }));
    const missing = units.filter((u) => !u.unit).map((u) => u.ref);
    if (missing.length > 0) return void (await replyHtml(ctx, ctx.t('meeting.unknownUnits', { units: missing.join(', ') })));
    const { owners, unknown } = resolveOwners([...args.owners, ...(args.leader ? [args.leader] : [])], store.org.members());
    if (unknown.length > 0) return void (await replyHtml(ctx, ctx.t('task.unknownOwners', { names: unknown.join(', ') })));
    const leader = args.leader ? resolveOwners([args.leader], store.org.members()).owners[0] : undefined;
    const ownerIds = resolveOwners(args.owners, store.org.members()).owners;
    const meeting = await heldMeeting(unit);
    const lead = args.lead ? units[0]!.unit!.code : undefined;
    const assist = units.slice(args.lead ? 1 : 0).map((u) => u.unit!.code);
    const item = await store.tasks.create({
      title: args.title,
      owners: ownerIds,
      unit,
      ...(args.due ? { due: args.due } : {}),
      status: 'open',
      createdBy: ctx.actor.telegramId,
      createdAt: clock.now().toISOString(),
      ...(leader !== undefined ? { leader } : {}),
      ...(lead ? { lead } : {}),
      ...(assist.length > 0 ? { assist } : {}),
      decision: { unit, week: meeting.week, ordinal: meeting.ordinal, date: meeting.date },
    });
    await audit(deps, ctx, 'meeting.decide', item.code, { unit, week: meeting.week, owners: owners, due: item.due, lead, assist, leader });
    const names = (ids: number[]) => ids.map((id) => store.org.member(id)?.name ?? String(id)).join(ctx.lang === 'zh' ? '、' : ', ');
    const assistText = assist.length > 0 ? ctx.t('meeting.decidedAssist', { assist: assist.map((c) => nameOfUnit(ctx, c)).join('、') }) : '';
    await replyHtml(
      ctx,
      ctx.t('meeting.decided', {
        year: meeting.year,
        ordinal: meeting.ordinal,
        kind: kindName(ctx, unit),
        code: item.code,
        title: item.title,
        owners: names(item.owners),
        due: item.due ?? '—',
        units: html(lead ? ctx.t('meeting.decidedUnits', { lead: nameOfUnit(ctx, lead), assist: html(assistText) }) : assistText),
        leader: html(leader !== undefined ? ctx.t('meeting.decidedLeader', { leader: names([leader]) }) : ''),
      }),
    );
  };

  const attend: MeetingVerb = async (ctx, unit, text) => {
    if (!(await managerOnly(ctx, unit))) return;
    const parsed = parseAttendance(text);
    if (!parsed.ok) return void (await replyHtml(ctx, ctx.t('meeting.attendUsage')));
    const meeting = await heldMeeting(unit);
    await store.meetings.setAttendance(unit, meeting.week, parsed.value);
    await audit(deps, ctx, 'meeting.attend', unit, { week: meeting.week, ...parsed.value });
    const quorum = meetingKind(store.org.unit(unit)?.kind) === 'branch' && !hasQuorum(parsed.value) ? ctx.t('meeting.noQuorum') : '';
    await replyHtml(
      ctx,
      ctx.t('meeting.attendSet', { year: meeting.year, ordinal: meeting.ordinal, kind: kindName(ctx, unit), line: html(renderAttendance(parsed.value, ctx.lang)), quorum: html(quorum) }),
    );
  };

  const number: MeetingVerb = async (ctx, unit, text) => {
    if (!(await managerOnly(ctx, unit))) return;
    if (!/^\d{1,3}$/.test(text.trim()) || Number(text) < 1) return void (await replyHtml(ctx, ctx.t('meeting.numberUsage')));
    const { next } = meetingWeeks(deps, unit, clock.now());
    const year = Number(next.date.slice(0, 4));
    await store.meetings.setNextOrdinal(unit, year, Number(text));
    await audit(deps, ctx, 'meeting.number', unit, { year, ordinal: Number(text) });
    await replyHtml(ctx, ctx.t('meeting.numberSet', { year, ordinal: Number(text) }));
  };

  /** 会议纪要 of the meeting held (this week's once its agenda went out): text, then the .docx. */
  const minutes: MeetingVerb = async (ctx, unit) => {
    const meeting = await heldMeeting(unit);
    const m = await readMinutes(store, meeting, ctx.lang, clock.now(), config.timeZone);
    await replyHtml(ctx, renderMinutes(m, ctx.lang));
    const title = minutesLines(m, ctx.lang)[0]!.html;
    await ctx.replyWithDocument({ source: await minutesDocx(m, ctx.lang), filename: minutesFileName(m, ctx.lang) }, { caption: ctx.t('minutes.caption', { title: html(title) }), parse_mode: 'HTML' });
  };

  return { decide, attend, number, minutes };
}
