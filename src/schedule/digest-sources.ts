import type { Lang } from '../config.ts';
import { buildAgenda, type AgendaFigure } from '../domain/digests/agenda.ts';
import { formatPercent } from '../domain/digests/format.ts';
import { digestWindow } from '../domain/digests/periods.ts';
import { buildSummary, type SummaryIndicatorInput } from '../domain/digests/summary.ts';
import { metricName } from '../domain/metrics/catalog.ts';
import { figureWithChanges, isImprovement, resolveFigure } from '../domain/metrics/derive.ts';
import { sameMonthLastYear } from '../domain/metrics/period.ts';
import { metricStatus } from '../domain/metrics/status.ts';
import { COURT_UNIT, type MetricDef, type Observation } from '../domain/metrics/types.ts';
import { unitName, type BoundChat } from '../domain/org.ts';
import type { ProgressUpdate } from '../domain/progress/types.ts';
import { localDate, zonedInstant } from '../domain/time.ts';
import type { AgendaRepo, MetricsRepo, OrgRepo, ProgressRepo, TaskRepo } from '../store/ports.ts';
import { renderAgenda, renderSummary } from '../text/render-digests.ts';
import type { DigestSources } from './jobs/digests.ts';

/** What the digests read; the store's repositories fit as they are. */
export interface DigestSourceDeps {
  org: Pick<OrgRepo, 'unit' | 'member'>;
  agenda: Pick<AgendaRepo, 'topics' | 'study'>;
  metrics: Pick<MetricsRepo, 'catalog' | 'observations'>;
  progress: Pick<ProgressRepo, 'between'>;
  tasks: Pick<TaskRepo, 'items'>;
  timeZone: string;
}

/** The order of the template's core indicators; other enforcement rates follow. */
const SUMMARY_ORDER = [
  'first_enf_terminated_round_rate',
  'enf_completion_rate',
  'enf_amount_realized_rate',
  'actual_enf_rate',
  'enf_within_limit_rate',
  'enf_avg_days',
];
const CASE_METRICS = ['enf_cases_received', 'enf_first_cases', 'enf_resumed_cases', 'enf_cases_closed', 'enf_cases_pending'];
const DAY_MS = 86_400_000;

function valueText(def: MetricDef, value: number): string {
  if (def.unit === '%') return formatPercent(value);
  if (def.unit === '‱') return `${value.toFixed(2)}‱`;
  return value.toFixed(2).replace(/\.00$/, '');
}

function referenceText(def: MetricDef): string | undefined {
  const { min, max, target } = def.reference;
  const suffix = def.unit === '%' ? '%' : def.unit === '‱' ? '‱' : '';
  const n = (v: number) => `${v.toFixed(2)}${suffix}`;
  if (min !== undefined && max !== undefined) return `${n(min)}–${n(max)}`;
  if (target !== undefined) return `${def.direction === 'down' ? '≤' : '≥'}${n(target)}`;
  if (max !== undefined) return `≤${n(max)}`;
  if (min !== undefined) return `≥${n(min)}`;
  return undefined;
}

/** Figures of a unit, or of the court when none were imported for the unit. */
function figuresUnit(observations: readonly Observation[], unit: string): string {
  return observations.some((o) => o.unit === unit) ? unit : COURT_UNIT;
}

export function createDigestSources(deps: DigestSourceDeps): DigestSources {
  const nameOf = (id: number) => deps.org.member(id)?.name ?? String(id);

  function agendaFigures(unit: string, lang: Lang): AgendaFigure[] {
    const all = deps.metrics.observations({ basis: 'ytd' });
    const target = figuresUnit(all, unit);
    const own = all.filter((o) => o.unit === target);
    const period = own.reduce<string | undefined>((latest, o) => (latest === undefined || o.period > latest ? o.period : latest), undefined);
    if (!period) return [];
    const figures: AgendaFigure[] = [];
    for (const def of deps.metrics.catalog()) {
      const found = figureWithChanges(def, deps.metrics.observations({ metric: def.code }), { unit: target, period, basis: 'ytd' });
      if (!found) continue;
      const status = metricStatus(def, found.figure.value);
      const worse = isImprovement(def, found.vsPrevious) === false;
      figures.push({
        name: `${metricName(def, lang)} ${period}`,
        value: valueText(def, found.figure.value),
        ...(found.previous ? { previous: valueText(def, found.previous.value) } : {}),
        outOfRange: !status.ok,
        worse,
      });
    }
    return figures;
  }

  return {
    async agenda(chat: BoundChat, now: Date, lang: Lang) {
      const window = digestWindow('agenda', now, deps.timeZone);
      const since = new Date(window.start.getTime() - 7 * DAY_MS);
      const items = deps.tasks.items().filter((i) => i.unit === chat.unit && i.status !== 'dropped');
      const codes = new Set(items.map((i) => i.code));
      // Updates of the unit's items wherever posted, and the unit's own updates, over eight weeks (for "last update").
      const updates = (await deps.progress.between(new Date(window.start.getTime() - 56 * DAY_MS), now)).filter(
        (u: ProgressUpdate) => u.unit === chat.unit || (u.itemCode !== undefined && codes.has(u.itemCode)),
      );
      const unit = deps.org.unit(chat.unit);
      const agenda = buildAgenda({
        unitName: unit ? unitName(unit, lang) : chat.unit,
        week: window.period,
        weekStart: localDate(window.start, deps.timeZone),
        weekEnd: localDate(new Date(window.end.getTime() - 1), deps.timeZone),
        since: localDate(since, deps.timeZone),
        study: deps.agenda.study(chat.unit, window.period)?.text,
        items: items.map((i) => ({ code: i.code, title: i.title, owners: i.owners.map(nameOf), due: i.due, done: i.status === 'done' })),
        updates: updates.map((u) => ({
          ...(u.itemCode !== undefined ? { itemCode: u.itemCode } : {}),
          author: u.authorName,
          text: u.text,
          ...(u.percent !== undefined ? { percent: u.percent } : {}),
          date: localDate(new Date(u.at), deps.timeZone),
        })),
        figures: agendaFigures(chat.unit, lang),
        topics: deps.agenda.topics(chat.unit, window.period).map((t) => ({ text: t.text, by: t.byName })),
      });
      return renderAgenda(agenda, lang);
    },

    async summary(period: string, lang: Lang) {
      const catalog = deps.metrics.catalog().filter((d) => d.group === 'enforcement');
      const inMonth = deps.metrics.observations({ period }).filter((o) => catalog.some((d) => d.code === o.metric));
      if (inMonth.length === 0) return undefined;
      const unit = inMonth.some((o) => o.unit === COURT_UNIT) ? COURT_UNIT : inMonth.some((o) => o.unit === 'enforcement') ? 'enforcement' : inMonth[0]!.unit;
      const def = (code: string) => catalog.find((d) => d.code === code);
      const figure = (code: string, basis: 'month' | 'ytd', p = period) => {
        const d = def(code);
        return d ? resolveFigure(d, deps.metrics.observations({ metric: code }), { unit, period: p, basis }) : undefined;
      };
      const ordered = [...SUMMARY_ORDER.map(def), ...catalog.filter((d) => !SUMMARY_ORDER.includes(d.code) && !CASE_METRICS.includes(d.code) && d.unit !== 'yuan')]
        .filter((d): d is MetricDef => d !== undefined);
      const indicators: SummaryIndicatorInput[] = [];
      for (const d of ordered) {
        const month = figure(d.code, 'month');
        const ytd = figure(d.code, 'ytd');
        if (!month && !ytd) continue;
        const lastYear = figure(d.code, 'ytd', sameMonthLastYear(period));
        indicators.push({
          code: d.code,
          name: metricName(d, lang),
          unit: d.unit,
          ...(month ? { month: month.value } : {}),
          ...(ytd ? { ytd: ytd.value } : {}),
          ...(lastYear ? { ytdLastYear: lastYear.value } : {}),
          ...(ytd?.rank !== undefined ? { rank: ytd.rank } : {}),
          ...(ytd?.rankTotal !== undefined ? { rankTotal: ytd.rankTotal } : {}),
          ...(referenceText(d) ? { reference: referenceText(d) } : {}),
          ...(ytd ? { status: statusOf(d, ytd.value) } : {}),
        });
      }
      const closedYtd = figure('enf_cases_closed', 'ytd')?.value;
      const pending = figure('enf_cases_pending', 'ytd')?.value ?? figure('enf_cases_pending', 'month')?.value;
      const [year, month] = period.split('-').map(Number) as [number, number];
      const from = zonedInstant({ year, month, day: 1 }, deps.timeZone);
      const to = zonedInstant({ year, month: month + 1, day: 1 }, deps.timeZone);
      const items = deps.tasks.items();
      const updates = (await deps.progress.between(from, to)).filter((u) => isEnforcement(u, items));
      const court = deps.org.unit(COURT_UNIT);
      const summary = buildSummary({
        courtName: court ? unitName(court, lang) : '',
        period,
        cases: {
          received: figure('enf_cases_received', 'month')?.value,
          receivedFirst: figure('enf_first_cases', 'month')?.value,
          receivedResumed: figure('enf_resumed_cases', 'month')?.value,
          closed: figure('enf_cases_closed', 'month')?.value,
          closeRate: closedYtd !== undefined && pending !== undefined && closedYtd + pending > 0 ? (closedYtd / (closedYtd + pending)) * 100 : undefined,
          pending,
          receivedLastYear: figure('enf_cases_received', 'month', sameMonthLastYear(period))?.value,
        },
        indicators,
        amountApplied: figure('enf_amount_applied', 'ytd')?.value,
        amountRealised: figure('enf_amount_realized', 'ytd')?.value,
        updates: updates.map((u) => ({
          ...(u.itemCode !== undefined ? { itemCode: u.itemCode, itemTitle: items.find((i) => i.code === u.itemCode)?.title ?? '' } : {}),
          author: u.authorName,
          text: u.text,
          date: localDate(new Date(u.at), deps.timeZone),
        })),
      });
      return renderSummary(summary, lang);
    },
  };
}

function statusOf(def: MetricDef, value: number): 'in' | 'near' | 'out' | undefined {
  const status = metricStatus(def, value);
  if (status.kind === 'no_reference') return undefined;
  if (!status.ok) return 'out';
  return status.warning ? 'near' : 'in';
}

/** An enforcement update: posted for the enforcement bureau or its branch, or about one of its items. */
function isEnforcement(u: ProgressUpdate, items: readonly { code: string; unit: string }[]): boolean {
  const unit = u.itemCode ? (items.find((i) => i.code === u.itemCode)?.unit ?? u.unit) : u.unit;
  return unit === 'enforcement' || unit === 'branch_enf';
}
