import type { Agenda, AgendaDecision } from '../domain/digests/agenda.ts';
import type { Lang } from '../domain/language.ts';
import type { Attendance } from '../domain/meetings/meeting.ts';
import { html } from '../text/html.ts';
import type { MessageKey } from '../text/i18n.ts';
import { dateRange } from './dates.ts';
import { tr } from './translate.ts';

/** 【执行局党支部 2024年度第36次支部会议议程】  2024年9月2日—9月8日 */
export function renderAgendaTitle(agenda: Agenda, lang: Lang): string {
  const meeting = agenda.meeting;
  return tr(lang)('agenda.title', {
    unit: agenda.unitName,
    year: meeting?.year ?? Number(agenda.weekStart.slice(0, 4)),
    ordinal: meeting?.ordinal ?? agenda.weekNumber,
    kind: tr(lang)(`meeting.kind.${meeting?.kind ?? 'branch'}`),
    range: dateRange(agenda.weekStart, agenda.weekEnd, lang),
  });
}

/** 应到/实到/缺席, or the labelled blank the secretary fills. */
export function renderAttendance(a: Attendance | undefined, lang: Lang): string {
  const t = tr(lang);
  if (!a) return t('meeting.attendanceBlank');
  return t('meeting.attendance', { expected: a.expected, present: a.present, absent: a.absent ?? t('meeting.noneAbsent') });
}

/** 上次会议议定事项落实情况 (or another header): nothing when no decision is open. */
export function renderDecisionReview(decisions: readonly AgendaDecision[], lang: Lang, header: MessageKey = 'meeting.decisionsHeader'): string[] {
  if (decisions.length === 0) return [];
  const t = tr(lang);
  const sep = lang === 'zh' ? '、' : ', ';
  return [
    t(header),
    ...decisions.map((d) => {
      const percent = d.percent === undefined || d.last?.text.includes(`${d.percent}%`) ? '' : lang === 'zh' ? `（${d.percent}%）` : ` (${d.percent}%)`;
      return t('meeting.decisionItem', {
        code: d.code,
        title: d.title,
        ordinal: d.ordinal,
        owners: d.owners.join(sep) || '—',
        due: d.due ?? '—',
        last: d.last
          ? html(t('meeting.decisionLast', { date: d.last.date.slice(5), text: d.last.text.replace(/\s*\n\s*/g, ' ').trim(), percent }))
          : html(t('meeting.decisionNoUpdate')),
        state: html(t(`meeting.state.${d.state}`)),
      });
    }),
  ];
}
