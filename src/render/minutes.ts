import type { Lang } from '../domain/language.ts';
import type { Minutes } from '../domain/meetings/minutes.ts';
import { html } from '../text/html.ts';
import { dayLabel } from './dates.ts';
import { renderAttendance } from './meetings.ts';
import { tr } from './translate.ts';
import { cutText } from '../domain/cut-text.ts';

/** The lines of the minutes, shared by the message (HTML) and the .docx (plain text of each line). */
export interface MinutesLine {
  style: 'title' | 'heading' | 'text';
  html: string;
}

export function minutesLines(m: Minutes, lang: Lang): MinutesLine[] {
  const t = tr(lang);
  const sep = lang === 'zh' ? '、' : ', ';
  const kind = t(`meeting.kind.${m.kind}`);
  const lines: MinutesLine[] = [
    { style: 'title', html: t('minutes.title', { unit: m.unitName, year: m.year, ordinal: m.ordinal, kind }) },
    { style: 'text', html: t('minutes.date', { date: dayLabel(m.date, lang) }) },
    { style: 'text', html: renderAttendance(m.attendance, lang) },
    { style: 'heading', html: t('minutes.topics') },
  ];
  const topics = [...(m.study ? [{ text: m.study, by: '' }] : []), ...m.topics];
  topics.forEach((topic, i) => lines.push({ style: 'text', html: t('minutes.topic', { n: i + 1, text: topic.text.replace(/\s+/g, ' ') }) }));
  if (topics.length === 0) lines.push({ style: 'text', html: t('minutes.blank') });
  if (m.reviewed.length > 0) {
    lines.push({ style: 'heading', html: t('minutes.reviewed') });
    for (const r of m.reviewed) lines.push({ style: 'text', html: t('minutes.reviewedItem', { code: r.code, title: r.title, state: r.state }) });
  }
  lines.push({ style: 'heading', html: t('minutes.decisions') });
  m.decisions.forEach((d, i) => {
    const units = d.lead || d.assist.length > 0 ? t('minutes.units', { lead: d.lead ?? '—', assist: d.assist.join(sep) || '—' }) : '';
    lines.push({
      style: 'text',
      html: t('minutes.decision', {
        n: i + 1,
        code: d.code,
        title: d.title,
        owners: d.owners.join(sep) || '—',
        due: d.due ?? '—',
        units: html(units),
        leader: html(d.leader ? t('minutes.leader', { leader: d.leader }) : ''),
      }),
    });
  });
  if (m.decisions.length === 0) lines.push({ style: 'text', html: t('minutes.noDecisions') });
  lines.push({ style: 'text', html: t('minutes.signature') });
  return lines;
}

export function renderMinutes(m: Minutes, lang: Lang): string {
  return minutesLines(m, lang)
    .map((l) => (l.style === 'text' ? l.html : `<b>${l.html}</b>`))
    .join('\n');
}

/** `2024年度第36次支部会议纪要.docx`-style name, safe on every file system. */
export function minutesFileName(m: Minutes, lang: Lang): string {
  const name = lang === 'zh' ? `${m.unitName}${m.year}年度第${m.ordinal}次会议纪要` : `${m.unitName} minutes ${m.year}-${m.ordinal}`;
  return `${cutText(name.replace(/[\\/:*?"<>|\s]+/g, '_'), 80)}.docx`;
}
