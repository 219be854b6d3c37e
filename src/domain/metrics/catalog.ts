import type { Lang } from '../language.ts';
import type { MetricDef } from './types.ts';

export function metricName(def: MetricDef, lang: Lang): string {
  return lang === 'zh' ? def.nameZh : def.nameEn;
}

/** Lower case, no spaces, no punctuation: `Closure rate` and `closure_rate` compare equal. */
export function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s_\-·.,，。、:：?？!！'"“”‘’()（）]/g, '');
}

function namesOf(def: MetricDef): string[] {
  return [def.code, def.nameZh, def.nameEn, ...def.aliases];
}

// Definitions are replaced, never changed in place, so each one's normalised names can be kept:
// normalising the whole catalog for every plain-text message was a tenth of a query's garbage (npm run bench).
const normalisedNames = new WeakMap<MetricDef, string[]>();
function normalisedNamesOf(def: MetricDef): string[] {
  let names = normalisedNames.get(def);
  if (!names) normalisedNames.set(def, (names = namesOf(def).map(normalizeName)));
  return names;
}

/** Exact match on code, either name or an alias, ignoring case, spaces and punctuation. */
export function findMetric(catalog: readonly MetricDef[], query: string): MetricDef | undefined {
  const q = normalizeName(query);
  if (q === '') return undefined;
  return catalog.find((def) => normalisedNamesOf(def).includes(q));
}

export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[y.length]!;
}

/** 0…1: edit distance and shared characters, so `到位` finds 执行标的到位率 and `closure` finds closure_rate. */
export function nameSimilarity(query: string, name: string): number {
  const a = normalizeName(query);
  const b = normalizeName(name);
  if (a === '' || b === '') return 0;
  const length = Math.max([...a].length, [...b].length);
  const byEdit = 1 - editDistance(a, b) / length;
  const chars = new Set(b);
  const shared = [...a].filter((c) => chars.has(c)).length / [...a].length;
  const contains = b.includes(a) || a.includes(b) ? 0.5 : 0;
  return Math.max(byEdit, shared * 0.8, contains + shared * 0.4);
}

/** The `count` indicators whose names come nearest to the query, best first. */
export function suggestMetrics(catalog: readonly MetricDef[], query: string, count = 3): MetricDef[] {
  return catalog
    .map((def) => ({ def, score: Math.max(...namesOf(def).map((name) => nameSimilarity(query, name))) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((s) => s.def);
}
