import type { Lang } from '../domain/language.ts';

export interface Messages<K extends string> {
  zh: Record<K, string>;
  en: Record<K, string>;
}

/** Both languages must carry the same keys: the type of `en` is checked against `zh`. */
export function defineMessages<K extends string>(zh: Record<K, string>, en: NoInfer<Record<K, string>>): Messages<K> {
  return { zh, en };
}

export type { Lang };
