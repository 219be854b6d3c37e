import type { Lang } from '../domain/language.ts';
import { translator, type Translate } from '../text/i18n.ts';

const translators = new Map<Lang, Translate>();

/** One translator per language, made once: render functions are called for every figure of every answer. */
export function tr(lang: Lang): Translate {
  let t = translators.get(lang);
  if (!t) translators.set(lang, (t = translator(lang)));
  return t;
}
