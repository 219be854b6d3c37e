import { Composer } from 'telegraf';
import { hasRole } from '../../domain/access.ts';
import { parseCalendarYear } from '../../domain/calendar/work-calendar.ts';
import { localTime } from '../../domain/time.ts';
import { audit } from '../audit.ts';
import type { BotContext, FeatureDeps } from '../context.ts';
import type { Feature } from '../feature.ts';
import { replyHtml } from '../reply.ts';

export type CalendarDeps = FeatureDeps<'calendar' | 'audit', 'timeZone', 'clock'>;

/** A JSON file sent to the bot is a calendar year when it has holidays and workdays (else a metric catalog). */
export function isCalendarFile(value: unknown): boolean {
  return value !== null && typeof value === 'object' && 'holidays' in value && 'workdays' in value;
}

/** An admin's year file (e.g. 2027.json once the State Council notice is out): checked whole, then stored. */
export async function importCalendarFile(deps: CalendarDeps, ctx: BotContext, value: unknown, file: string): Promise<void> {
  if (!hasRole(ctx.actor, 'admin')) return void (await replyHtml(ctx, ctx.t('calendar.adminOnly')));
  const parsed = parseCalendarYear(value);
  if (!parsed.ok) return void (await replyHtml(ctx, ctx.t('calendar.invalid', { detail: `${parsed.error} ${parsed.detail ?? ''}`.trim() })));
  await deps.store.calendar.saveYear(parsed.value);
  await audit(deps, ctx, 'calendar.load', String(parsed.value.year), { file, holidays: parsed.value.holidays.length, workdays: parsed.value.workdays.length });
  await replyHtml(ctx, ctx.t('calendar.loaded', { year: parsed.value.year, holidays: parsed.value.holidays.length, workdays: parsed.value.workdays.length }));
}

/** /calendar: the years the schedules follow, where they come from, and a warning for a missing year. */
export function createCalendarFeature(deps: CalendarDeps): Feature {
  const composer = new Composer<BotContext>();
  composer.command('calendar', async (ctx) => {
    const years = deps.store.calendar.years();
    const sep = ctx.lang === 'zh' ? '、' : ', ';
    const lines = [ctx.t('calendar.title')];
    for (const y of years) {
      const holidays = y.holidays.map((h) => `${h.name} ${h.from.slice(5)}—${h.to.slice(5)}`).join(sep);
      const workdays = y.workdays.map((d) => d.slice(5)).join(sep);
      lines.push(ctx.t('calendar.year', { year: y.year, holidays: holidays || '—', workdays: workdays || '—', source: y.source || '—' }));
    }
    const now = localTime(deps.clock.now(), deps.config.timeZone);
    for (const year of [now.year, now.year + 1]) if (!years.some((y) => y.year === year)) lines.push(ctx.t('calendar.missing', { year }));
    await replyHtml(ctx, lines.join('\n'));
  });
  return { name: 'calendar', commands: [{ command: 'calendar', minRole: 'staff', chats: 'any', help: 'menu.calendar' }], composer, reactsTo: [] };
}
