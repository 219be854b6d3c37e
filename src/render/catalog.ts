import type { Lang } from '../domain/language.ts';
import { metricName } from '../domain/metrics/catalog.ts';
import { hasDirection } from '../domain/metrics/judge.ts';
import type { MetricDef } from '../domain/metrics/types.ts';
import { html } from '../text/html.ts';
import { formatUnitName } from './figures.ts';
import { formatReference } from './status.ts';
import { tr } from './translate.ts';

/** `件` for a count; `%，越低越好` for an indicator: counts and amounts have no better or worse. */
function unitAndDirection(lang: Lang, def: MetricDef): string {
  const t = tr(lang);
  const unit = formatUnitName(lang, def.unit);
  return hasDirection(def) ? unit + t('ref.joiner') + t(`direction.${def.direction}`) : unit;
}

/** /catalog: one line per indicator, ★ on the board. */
export function renderCatalogList(lang: Lang, catalog: readonly MetricDef[]): string {
  const t = tr(lang);
  return [
    t('catalog.header', { count: catalog.length }),
    ...catalog.map((def) =>
      t('catalog.line', {
        star: def.board ? '★' : '',
        code: def.code,
        name: metricName(def, lang),
        about: unitAndDirection(lang, def),
        reference: html(formatReference(lang, def)),
      }),
    ),
  ].join('\n');
}

/** /catalog show: one definition in full. */
export function renderCatalogEntry(lang: Lang, def: MetricDef): string {
  const t = tr(lang);
  const f = def.formula;
  const formula = f ? (lang === 'zh' ? `${f.numeratorZh}${f.denominatorZh ? ` ÷ ${f.denominatorZh}` : ''}` : `${f.numeratorEn}${f.denominatorEn ? ` ÷ ${f.denominatorEn}` : ''}`) : '—';
  return t('catalog.show', {
    name: metricName(def, lang),
    code: def.code,
    nameZh: def.nameZh,
    nameEn: def.nameEn,
    aliases: def.aliases.join('、') || '—',
    group: t(`group.${def.group}`),
    about: unitAndDirection(lang, def),
    formula,
    reference: html(formatReference(lang, def)),
    board: t(def.board ? 'metric.yes' : 'metric.no'),
  });
}
