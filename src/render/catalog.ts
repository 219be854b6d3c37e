import type { Lang } from '../domain/language.ts';
import { shorten } from '../domain/cut-text.ts';
import { metricName } from '../domain/metrics/catalog.ts';
import { CATALOG_LIMITS } from '../domain/metrics/catalog-file.ts';
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
        name: short(metricName(def, lang)),
        about: unitAndDirection(lang, def),
        reference: html(formatReference(lang, def)),
      }),
    ),
  ].join('\n');
}

// A definition stored before catalog files were checked may hold a huge name: show the start of it.
const short = (text: string | undefined, max: number = CATALOG_LIMITS.nameEn) => shorten(text ?? '', max);

/** /catalog show: one definition in full. */
export function renderCatalogEntry(lang: Lang, def: MetricDef): string {
  const t = tr(lang);
  const f = def.formula;
  const part = (text: string | undefined) => short(text, CATALOG_LIMITS.formulaText);
  const formula = f ? (lang === 'zh' ? `${part(f.numeratorZh)}${f.denominatorZh ? ` ÷ ${part(f.denominatorZh)}` : ''}` : `${part(f.numeratorEn)}${f.denominatorEn ? ` ÷ ${part(f.denominatorEn)}` : ''}`) : '—';
  const aliases = def.aliases.slice(0, CATALOG_LIMITS.aliases).map((a) => short(a, CATALOG_LIMITS.alias));
  return t('catalog.show', {
    name: short(metricName(def, lang)),
    code: def.code,
    nameZh: short(def.nameZh),
    nameEn: short(def.nameEn),
    aliases: [...aliases, ...(def.aliases.length > aliases.length ? ['…'] : [])].join('、') || '—',
    group: t(`group.${def.group}`),
    about: unitAndDirection(lang, def),
    formula,
    reference: html(formatReference(lang, def)),
    board: t(def.board ? 'metric.yes' : 'metric.no'),
  });
}
