import type { Lang } from '../config.ts';
import type { Agenda } from '../domain/digests/agenda.ts';
import { shortDate } from '../domain/digests/format.ts';
import type { Summary } from '../domain/digests/summary.ts';
import { html } from './html.ts';
import { translator } from './i18n.ts';

/**
 * Digests as Telegram HTML, one line per entry so the splitter can cut anywhere between
 * lines. Every name and text from staff or imports is a template parameter, hence escaped.
 */
export function renderAgenda(agenda: Agenda, lang: Lang): string {
  const t = translator(lang);
  const sep = lang === 'zh' ? '、' : ', ';
  const owners = (list: string[]) => list.join(sep) || '—';
  const lines: string[] = [
    t('agenda.title', { unit: agenda.unitName, week: agenda.weekNumber, from: agenda.weekStart, to: agenda.weekEnd }),
    t('agenda.meta'),
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
        percent: item.percent !== undefined ? `${item.percent}%` : '—',
        last: item.lastUpdate ? shortDate(item.lastUpdate) : '—',
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
  lines.push(t('agenda.figures'));
  for (const f of agenda.figures) {
    const why = (f.outOfRange ? t('agenda.figureOut') : '') + (f.worse ? t('agenda.figureWorse') : '');
    lines.push(t('agenda.figure', { name: f.name, value: f.value, previous: html(f.previous ? t('agenda.figurePrevious', { previous: f.previous }) : ''), why: html(why) }));
  }
  if (agenda.figures.length === 0) lines.push(t('agenda.none'));
  lines.push(t('agenda.topics'));
  for (const topic of agenda.topics) lines.push(t('agenda.topic', { text: oneLine(topic.text), by: topic.by }));
  if (agenda.topics.length === 0) lines.push(t('agenda.none'));
  lines.push(t('agenda.assignments'));
  for (const a of agenda.assignments) lines.push(t('agenda.assignment', { code: a.code, title: a.title, owners: owners(a.owners), due: a.due ?? '—' }));
  if (agenda.assignments.length === 0) lines.push(t('agenda.none'));
  lines.push(t('agenda.other'));
  return lines.join('\n');
}

export function renderSummary(summary: Summary, lang: Lang): string {
  const t = translator(lang);
  const c = summary.cases;
  const lines: string[] = [
    t('summary.title', { court: summary.courtName, year: summary.year, month: summary.month }),
    t('summary.cases', { received: c.received, first: c.receivedFirst, resumed: c.receivedResumed, closed: c.closed, rate: c.closeRate, pending: c.pending, yoy: c.yoy }),
    t('summary.indicators'),
  ];
  for (const row of summary.rows) {
    lines.push(
      t('summary.row', {
        name: row.name,
        month: row.month,
        ytd: row.ytd,
        yoy: row.yoy,
        rank: row.rank,
        reference: row.reference,
        status: html(t(row.status ? `summary.status.${row.status}` : 'summary.status.none')),
      }),
    );
  }
  lines.push(t('summary.amounts', { applied: summary.amountApplied, realised: summary.amountRealised }));
  lines.push(t('summary.progress'));
  for (const group of summary.groups) {
    lines.push(group.itemCode ? t('summary.group', { code: group.itemCode, title: group.itemTitle ?? '' }) : t('summary.groupOther'));
    for (const u of group.updates) lines.push(t('summary.update', { date: shortDate(u.date), author: u.author, text: oneLine(u.text) }));
  }
  if (summary.groups.length === 0) lines.push(t('summary.none'));
  lines.push(t('summary.next'));
  return lines.join('\n');
}

/** Staff texts may hold line breaks; one entry stays on one line. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
