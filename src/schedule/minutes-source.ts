import type { Lang } from '../domain/language.ts';
import { decisionsOf, reviewDecisions } from '../domain/meetings/decisions.ts';
import { meetingKind, type Meeting } from '../domain/meetings/meeting.ts';
import { buildMinutes, type Minutes } from '../domain/meetings/minutes.ts';
import { unitName } from '../domain/org.ts';
import { localDate } from '../domain/time.ts';
import { tr } from '../render/translate.ts';
import type { Store } from '../store/open-store.ts';

const DAY_MS = 86_400_000;

/** The minutes of one meeting of a unit, from the store (read → build; rendering is the caller's). */
export async function readMinutes(
  store: Pick<Store, 'org' | 'agenda' | 'tasks' | 'progress'>,
  meeting: Meeting,
  lang: Lang,
  now: Date,
  timeZone: string,
): Promise<Minutes> {
  const unit = store.org.unit(meeting.unit);
  const nameOf = (id: number) => store.org.member(id)?.name ?? String(id);
  const unitLabel = (code: string) => {
    const u = store.org.unit(code);
    return u ? unitName(u, lang) : code;
  };
  const items = store.tasks.items();
  const start = new Date(`${meeting.date}T00:00:00Z`);
  const updates = await store.progress.between(new Date(start.getTime() - 56 * DAY_MS), now);
  const reviewed = reviewDecisions({
    items,
    updates,
    unit: meeting.unit,
    beforeWeek: meeting.week,
    today: localDate(now, timeZone),
    dateOf: (iso) => localDate(new Date(iso), timeZone),
    nameOf,
  });
  const t = tr(lang);
  return buildMinutes({
    unitName: unit ? unitName(unit, lang) : meeting.unit,
    kind: meetingKind(unit?.kind),
    year: meeting.year,
    ordinal: meeting.ordinal,
    date: meeting.date,
    ...(meeting.attendance ? { attendance: meeting.attendance } : {}),
    ...(store.agenda.study(meeting.unit, meeting.week) ? { study: store.agenda.study(meeting.unit, meeting.week)!.text } : {}),
    topics: store.agenda.topics(meeting.unit, meeting.week).map((x) => ({ text: x.text, by: x.byName })),
    reviewed: reviewed.map((d) => ({ code: d.code, title: d.title, state: t(`meeting.state.${d.state}`) })),
    decisions: decisionsOf(items, meeting.unit, meeting.week).map((i) => ({
      code: i.code,
      title: i.title,
      owners: i.owners.map(nameOf),
      ...(i.due ? { due: i.due } : {}),
      ...(i.lead ? { lead: unitLabel(i.lead) } : {}),
      assist: (i.assist ?? []).map(unitLabel),
      ...(i.leader !== undefined ? { leader: nameOf(i.leader) } : {}),
    })),
  });
}
