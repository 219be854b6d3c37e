import type { Agenda, AgendaFigure } from '../domain/digests/agenda.ts';
import type { Summary, SummaryIndicator } from '../domain/digests/summary.ts';
import type { Lang } from '../domain/language.ts';
import { metricName } from '../domain/metrics/catalog.ts';
import type { MetricDef } from '../domain/metrics/types.ts';
import { html } from '../text/html.ts';
import { formatChange, formatComparison, formatFigure, formatValue, type FigureShape } from './figures.ts';
import { formatPeriod } from './period.ts';
import { formatReference, formatStatus } from './status.ts';
import { renderAgendaTitle, renderAttendance, renderDecisionReview } from './meetings.ts';
import { tr } from './translate.ts';

/**
 * Digests as Telegram HTML, one line per entry so the splitter can cut anywhere between
 * lines. Every name and text from staff or imports is a template parameter, hence escaped;
 * every figure is written by figures.ts, as on every other surface.
 */

const DASH = '—';

/** `2024-09-02` → `09-02`. */
export function shortDate(isoDate: string): string {
  return isoDate.slice(5, 10);
}

/** Staff texts may hold line breaks; one entry stays on one line. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function agendaFigureLine(lang: Lang, f: AgendaFigure): string {
  return tr(lang)('agenda.figure', {
    name: metricName(f.def, lang),
    period: formatPeriod(lang, f.period, 'ytd'),
    value: formatFigure(lang, f.def, f.value),
    status: html(formatStatus(lang, f.def, f.value, f.status)),
    comparison: html(formatComparison(lang, f.def, 'previous', f.previous, f.change, f.period)),
  });
}

export function renderAgenda(agenda: Agenda, lang: Lang): string {
  const t = tr(lang);
  const sep = lang === 'zh' ? '、' : ', ';
  const owners = (list: string[]) => list.join(sep) || DASH;
  const lines: string[] = [
    renderAgendaTitle(agenda, lang),
    t('agenda.meta'),
    renderAttendance(agenda.meeting?.attendance, lang),
    ...renderDecisionReview(agenda.decisions, lang),
    t('agenda.study', { study: agenda.study ?? html(t('agenda.studyBlank')) }),
    t('agenda.relay', { relay: agenda.relay ?? html(t('agenda.relayBlank')) }),
    t('agenda.progress'),
  ];
  for (const item of agenda.progress) {
    lines.push(
      t('agenda.progressItem', {
        code: item.code,
        title: item.title,
        owners: owners(item.owners),
        percent: item.percent !== undefined ? `${item.percent}%` : DASH,
        last: item.lastUpdate ? shortDate(item.lastUpdate) : DASH,
      }),
    );
    for (const u of item.updates) lines.push(t('agenda.progressUpdate', { date: shortDate(u.date), author: u.author, text: oneLine(u.text) }));
  }
  if (agenda.otherUpdates.length > 0) {
    lines.push(t('agenda.otherUpdates'));
    for (const u of agenda.otherUpdates) lines.push(t('agenda.progressUpdate', { date: shortDate(u.date), author: u.author, text: oneLine(u.text) }));
  }
  if (agenda.progress.length === 0 && agenda.otherUpdates.length === 0) lines.push(t('agenda.none'));
  lines.push(t('agenda.stalled'));
  for (const s of agenda.stalled) {
    const why = [s.noProgress ? t('agenda.noProgress') : '', s.overdue && s.due ? t('agenda.overdue', { due: s.due }) : ''].filter(Boolean).join(sep);
    lines.push(t('agenda.stalledItem', { code: s.code, title: s.title, owners: owners(s.owners), why: html(why) }));
  }
  if (agenda.stalled.length === 0) lines.push(t('agenda.none'));
  lines.push(t('agenda.figures', { asOf: html(agenda.dataAsOf ? t('meeting.asOf', { month: formatPeriod(lang, agenda.dataAsOf, 'month') }) : '') }));
  for (const f of agenda.figures) lines.push(agendaFigureLine(lang, f));
  if (agenda.figures.length === 0) lines.push(t('agenda.none'));
  lines.push(t('agenda.topics'));
  for (const topic of agenda.topics) lines.push(t('agenda.topic', { text: oneLine(topic.text), by: topic.by }));
  if (agenda.topics.length === 0) lines.push(t('agenda.none'));
  lines.push(t('agenda.assignments'));
  for (const a of agenda.assignments) lines.push(t('agenda.assignment', { code: a.code, title: a.title, owners: owners(a.owners), due: a.due ?? DASH }));
  if (agenda.assignments.length === 0) lines.push(t('agenda.none'));
  lines.push(t('agenda.other'));
  return lines.join('\n');
}

/** The counts of the first section are cases; they are volumes, so their change is not judged. */
const CASES: FigureShape = { unit: 'cases', direction: 'none', kind: 'count' };

function summaryRow(lang: Lang, i: SummaryIndicator, ranked: boolean): string {
  const t = tr(lang);
  const value = (v: number | undefined, def: MetricDef) => (v === undefined ? DASH : formatFigure(lang, def, v));
  const rank = i.rank !== undefined ? `${i.rank}${i.rankTotal !== undefined ? `/${i.rankTotal}` : ''}` : DASH;
  return t(ranked ? 'summary.rowRanked' : 'summary.row', {
    name: metricName(i.def, lang),
    month: value(i.month, i.def),
    ytd: value(i.ytd, i.def),
    yoy: html(i.yoy ? formatChange(lang, i.def, i.yoy) : DASH),
    rank,
    reference: html(formatReference(lang, i.def)),
    status: html(i.ytd !== undefined && i.status && i.status.kind !== 'no_reference' ? formatStatus(lang, i.def, i.ytd, i.status) : DASH),
  });
}

/** `consultation`: the per-unit table and last month's consultation decisions (render/consultation.ts). */
export function renderSummary(summary: Summary, lang: Lang, consultation: string[] = []): string {
  const t = tr(lang);
  const c = summary.cases;
  const count = (v: number | undefined) => (v === undefined ? DASH : formatValue(lang, 'cases', v));
  const amount = (v: number | undefined) => (v === undefined ? DASH : formatValue(lang, 'yuan', v));
  const lines: string[] = [
    t('summary.title', { court: summary.courtName, period: formatPeriod(lang, summary.period, 'month') }),
    t('consult.addressees', { period: formatPeriod(lang, summary.period, 'month') }),
    t('summary.cases', {
      received: count(c.received),
      first: count(c.receivedFirst),
      resumed: count(c.receivedResumed),
      closed: count(c.closed),
      rate: c.closeRate === undefined ? DASH : formatValue(lang, '%', c.closeRate),
      pending: count(c.pending),
      yoy: html(c.receivedYoy ? formatChange(lang, CASES, c.receivedYoy) : DASH),
    }),
    t(summary.ranked ? 'summary.indicatorsRanked' : 'summary.indicators'),
  ];
  for (const row of summary.indicators) lines.push(summaryRow(lang, row, summary.ranked));
  lines.push(t('summary.amounts', { applied: amount(summary.amountApplied), realised: amount(summary.amountRealised) }));
  lines.push(t('summary.progress'));
  for (const group of summary.groups) {
    lines.push(group.itemCode ? t('summary.group', { code: group.itemCode, title: group.itemTitle ?? '' }) : t('summary.groupOther'));
    for (const u of group.updates) lines.push(t('summary.update', { date: shortDate(u.date), author: u.author, text: oneLine(u.text) }));
  }
  if (summary.groups.length === 0) lines.push(t('summary.none'));
  lines.push(...consultation);
  lines.push(t('consult.closing'));
  return lines.join('\n');
}
