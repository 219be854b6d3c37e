import { buildAgenda } from '../domain/digests/agenda.ts';
import { agendaFigures } from '../domain/digests/agenda-figures.ts';
import { digestWindow } from '../domain/digests/periods.ts';
import { buildSummary, SUMMARY_CORE } from '../domain/digests/summary.ts';
import { buildConsultation } from '../domain/meetings/consultation.ts';
import { renderConsultation } from '../render/consultation.ts';
import type { Lang } from '../domain/language.ts';
import { COURT_UNIT, type MetricDef } from '../domain/metrics/types.ts';
import { reviewDecisions } from '../domain/meetings/decisions.ts';
import { meetingKind } from '../domain/meetings/meeting.ts';
import { unitIndicatorGroups } from '../domain/meetings/unit-indicators.ts';
import { unitName, type BoundChat } from '../domain/org.ts';
import type { ProgressUpdate } from '../domain/progress/types.ts';
import { localDate, zonedInstant } from '../domain/time.ts';
import { renderAgenda, renderSummary } from '../render/digests.ts';
import type { AgendaRepo, MeetingRepo, MetricsRepo, OrgRepo, ProgressRepo, TaskRepo } from '../store/ports.ts';
import type { DigestSources } from './jobs/digests.ts';

/** What the digests read; the store's repositories fit as they are. */
export interface DigestSourceDeps {
  org: Pick<OrgRepo, 'unit' | 'member' | 'units'>;
  agenda: Pick<AgendaRepo, 'topics' | 'study'>;
  metrics: Pick<MetricsRepo, 'catalog' | 'observations'>;
  progress: Pick<ProgressRepo, 'between'>;
  tasks: Pick<TaskRepo, 'items'>;
  meetings: Pick<MeetingRepo, 'ensure' | 'peekOrdinal' | 'get'>;
  timeZone: string;
  /** Ranks in the summary; false keeps them out of bulletins. */
  ranks?: boolean;
}

const DAY_MS = 86_400_000;

/** Each digest: read from the store → build (domain, pure) → render (src/render). */
export function createDigestSources(deps: DigestSourceDeps): DigestSources {
  const nameOf = (id: number) => deps.org.member(id)?.name ?? String(id);
  const date = (at: string) => localDate(new Date(at), deps.timeZone);

  /** The unit's own indicators (an enforcement branch sees enforcement figures), judged. */
  const unitFigures = (unit: string) => {
    const groups = unitIndicatorGroups(deps.org.unit(unit));
    const catalog = deps.metrics.catalog().filter((d) => groups.includes(d.group));
    const codes = new Set(catalog.map((d) => d.code));
    return agendaFigures(catalog, deps.metrics.observations({ basis: 'ytd' }).filter((o) => codes.has(o.metric)), unit, deps.org.units());
  };

  return {
    async agenda(chat: BoundChat, now: Date, lang: Lang, record = false) {
      const window = digestWindow('agenda', now, deps.timeZone);
      const monday = localDate(window.start, deps.timeZone);
      const meeting = record ? await deps.meetings.ensure(chat.unit, window.period, monday) : deps.meetings.get(chat.unit, window.period);
      const ordinal = meeting?.ordinal ?? deps.meetings.peekOrdinal(chat.unit, window.period, monday);
      const since = new Date(window.start.getTime() - 7 * DAY_MS);
      const items = deps.tasks.items().filter((i) => i.unit === chat.unit && i.status !== 'dropped');
      const codes = new Set(items.map((i) => i.code));
      // Updates of the unit's items wherever posted, and the unit's own updates, over eight weeks (for "last update").
      const updates = (await deps.progress.between(new Date(window.start.getTime() - 56 * DAY_MS), now)).filter(
        (u: ProgressUpdate) => u.unit === chat.unit || (u.itemCode !== undefined && codes.has(u.itemCode)),
      );
      const unit = deps.org.unit(chat.unit);
      const figures = unitFigures(chat.unit);
      const dataAsOf = figures[0]?.period;
      const allItems = deps.tasks.items();
      const decisions = reviewDecisions({
        items: allItems,
        updates,
        unit: chat.unit,
        beforeWeek: window.period,
        today: localDate(now, deps.timeZone),
        dateOf: (iso) => localDate(new Date(iso), deps.timeZone),
        nameOf,
      });
      const decided = new Set(decisions.map((d) => d.code));
      const agenda = buildAgenda({
        unitName: unit ? unitName(unit, lang) : chat.unit,
        meeting: { year: Number(monday.slice(0, 4)), ordinal, kind: meetingKind(unit?.kind), ...(meeting?.attendance ? { attendance: meeting.attendance } : {}) },
        decisions,
        ...(dataAsOf ? { dataAsOf } : {}),
        week: window.period,
        weekStart: localDate(window.start, deps.timeZone),
        weekEnd: localDate(new Date(window.end.getTime() - 1), deps.timeZone),
        since: localDate(since, deps.timeZone),
        study: deps.agenda.study(chat.unit, window.period)?.text,
        items: items.filter((i) => !decided.has(i.code)).map((i) => ({ code: i.code, title: i.title, owners: i.owners.map(nameOf), due: i.due, done: i.status === 'done' })),
        updates: updates.filter((u) => u.itemCode === undefined || !decided.has(u.itemCode)).map((u) => ({
          ...(u.itemCode !== undefined ? { itemCode: u.itemCode } : {}),
          author: u.authorName,
          text: u.text,
          ...(u.percent !== undefined ? { percent: u.percent } : {}),
          date: date(u.at),
        })),
        figures,
        topics: deps.agenda.topics(chat.unit, window.period).map((t) => ({ text: t.text, by: t.byName })),
      });
      return renderAgenda(agenda, lang);
    },

    async summary(period: string, lang: Lang) {
      const [year, month] = period.split('-').map(Number) as [number, number];
      const from = zonedInstant({ year, month, day: 1 }, deps.timeZone);
      const to = zonedInstant({ year, month: month + 1, day: 1 }, deps.timeZone);
      const court = deps.org.unit(COURT_UNIT);
      const summary = buildSummary({
        courtName: court ? unitName(court, lang) : '',
        period,
        catalog: deps.metrics.catalog(),
        observations: deps.metrics.observations(),
        units: deps.org.units(),
        items: deps.tasks.items(),
        updates: (await deps.progress.between(from, to)).map((u) => ({
          ...(u.itemCode !== undefined ? { itemCode: u.itemCode } : {}),
          unit: u.unit,
          author: u.authorName,
          text: u.text,
          date: date(u.at),
        })),
        showRanks: deps.ranks === true,
      });
      if (!summary) return undefined;
      const core = SUMMARY_CORE.map((code) => deps.metrics.catalog().find((d) => d.code === code)).filter((d): d is MetricDef => d !== undefined);
      const consultation = buildConsultation({
        period,
        core,
        observations: deps.metrics.observations({ period, basis: 'ytd' }),
        units: deps.org.units(),
        items: deps.tasks.items(),
        updates: await deps.progress.between(from, new Date(to.getTime() + 40 * DAY_MS)),
        monthOf: (iso) => date(iso).slice(0, 7),
        dateOf: date,
        // States as of the day the summary is due (the 1st after its month), not the reader's clock.
        today: date(to.toISOString()),
      });
      const unitLabel = (code: string) => {
        const u = deps.org.unit(code);
        return u ? unitName(u, lang) : code;
      };
      return renderSummary(summary, lang, renderConsultation(consultation, lang, { unit: unitLabel, member: nameOf }));
    },
  };
}
