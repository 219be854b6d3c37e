import type { Config } from '../config.ts';
import { digestWindow, nextAgendaWindow } from '../domain/digests/periods.ts';
import { localDate } from '../domain/time.ts';
import type { Store } from '../store/open-store.ts';
import { chatCron, parseCron } from './cron.ts';

export interface MeetingWeek {
  /** Delivery week key (`2024-W36`), internal only. */
  week: string;
  /** Monday of that week, `YYYY-MM-DD`. */
  date: string;
}

/**
 * The unit's meetings around `now`: `next` is the one new topics go to (see nextAgendaWindow);
 * `held` the one before it — decisions, attendance and minutes belong to it.
 */
export function meetingWeeks(deps: { config: Pick<Config, 'timeZone' | 'weeklyAgendaCron' | 'monthlySummaryCron'>; store: Pick<Store, 'org' | 'calendar'> }, unit: string, now: Date): { held: MeetingWeek; next: MeetingWeek } {
  const { timeZone } = deps.config;
  const chat = deps.store.org.chats().find((c) => c.unit === unit && c.active);
  const { offset } = nextAgendaWindow({ fields: parseCron(chatCron(chat, deps.config, 'agenda')), now, timeZone, calendar: deps.store.calendar.calendar() });
  const at = (o: number) => {
    const w = digestWindow('agenda', now, timeZone, o);
    return { week: w.period, date: localDate(w.start, timeZone) };
  };
  return { held: at(offset - 1), next: at(offset) };
}
