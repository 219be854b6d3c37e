import type { Lang } from '../domain/language.ts';
import type { Consultation } from '../domain/meetings/consultation.ts';
import { metricName } from '../domain/metrics/catalog.ts';
import { html } from '../text/html.ts';
import { formatFigure } from './figures.ts';
import { tr } from './translate.ts';

/** The per-unit table and last month's consultation decisions, placed before the closing blanks. */
export function renderConsultation(c: Consultation, lang: Lang, names: { unit: (code: string) => string; member: (id: number) => string }): string[] {
  const t = tr(lang);
  const bar = lang === 'zh' ? '｜' : ' | ';
  const lines: string[] = [];
  if (c.units.length > 0) {
    lines.push(t('consult.units', { indicators: c.indicators.map((d) => metricName(d, lang)).join(bar) }));
    for (const row of c.units) {
      lines.push(t('consult.unitRow', { unit: names.unit(row.unit.code), cells: row.values.map((v, i) => (v === undefined ? '—' : formatFigure(lang, c.indicators[i]!, v))).join(bar) }));
    }
  }
  lines.push(t('consult.decisions'));
  for (const d of c.decisions) {
    lines.push(
      t('consult.decision', {
        code: d.code,
        title: d.title,
        owners: d.owners.map(names.member).join(lang === 'zh' ? '、' : ', ') || '—',
        due: d.due ?? '—',
        last: d.last ? `${d.last.date.slice(5)} ${d.last.text.replace(/\s*\n\s*/g, ' ')}` : html(t('meeting.decisionNoUpdate')),
        state: html(t(`consult.state.${d.state}`)),
      }),
    );
  }
  if (c.decisions.length === 0) lines.push(t('consult.none'));
  return lines;
}
