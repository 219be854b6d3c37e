import { digestWindow, dueDigest } from '../../domain/digests/periods.ts';
import { localDate } from '../../domain/time.ts';
import { minutesFileName, renderMinutes } from '../../render/minutes.ts';
import { translate } from '../../text/i18n.ts';
import { splitMessage } from '../../text/split.ts';
import { chatCron, parseCron } from '../cron.ts';
import { readMinutes } from '../minutes-source.ts';
import type { ReviewJobDeps } from './reviews.ts';
import { sendClaimedParts } from './send-parts.ts';

const HOUR_MS = 3_600_000;

/**
 * The optional minutes push (subscription `minutes`): an hour after the meeting's agenda fell
 * due, the minutes go to the group once, through the digests' delivery log and sender. The
 * .docx comes with `/agenda minutes` (the sender sends text only).
 */
export async function runMinutesPush(deps: ReviewJobDeps, now: Date): Promise<number> {
  const { store, config } = deps;
  const at = now.toISOString();
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  let sent = 0;
  for (const chat of store.org.chats().filter((c) => c.active && c.subscriptions.includes('minutes'))) {
    const fields = parseCron(chatCron(chat, config, 'agenda'));
    const due = dueDigest({ kind: 'agenda', fields, now: hourAgo, timeZone: config.timeZone, boundAt: chat.boundAt, calendar: store.calendar.calendar() });
    if (!due || store.deliveries.get('minutes', due.period, chat.id)) continue;
    const lang = chat.lang ?? config.defaultLang;
    const monday = localDate(digestWindow('agenda', hourAgo, config.timeZone).start, config.timeZone);
    const meeting = await store.meetings.ensure(chat.unit, due.period, monday);
    const minutes = await readMinutes(store, meeting, lang, now, config.timeZone);
    const html = `${renderMinutes(minutes, lang)}\n${translate(lang, 'minutes.pushHint', { file: minutesFileName(minutes, lang) })}`;
    const entry = await store.deliveries.claim('minutes', due.period, chat.id, at, () => false);
    if (!entry) continue;
    const outcome = await sendClaimedParts(store.deliveries, deps.sender, entry, splitMessage(html), 0, at);
    if (!outcome.ok) {
      await store.deliveries.finish(entry, 'failed', at, outcome.reason);
      continue;
    }
    await store.deliveries.finish(entry, 'sent', at);
    sent += 1;
  }
  return sent;
}
