import { shorten } from '../cut-text.ts';
import type { Lang } from '../language.ts';
import type { MetricDef } from './types.ts';

/** A name is at most this long (catalog files hold nameEn to it, nameZh to less). */
export const MAX_NAME_CHARS = 80;

/** The name to show; one stored before catalog files were checked may be huge, so it is cut short. */
export function metricName(def: MetricDef, lang: Lang): string {
  return shorten(lang === 'zh' ? def.nameZh : def.nameEn, MAX_NAME_CHARS);
}

/** Half width, lower case, no spaces, no punctuation: `Closure rate`, `ＣＬＯＳＵＲＥ\u3000ＲＡＴＥ` and `closure_rate` compare equal. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKC')
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

/** Names are compared on their first this many characters: enough for any real name, and the work stays bounded. */
export const MAX_COMPARED_CHARS = 40;

/** Counts the distance cells computed, so tests can hold the search to its bound. */
export interface SearchMeter {
  cells: number;
}

/**
 * Levenshtein distance in code points, within `limit`: the exact distance when it is at most
 * `limit`, otherwise `limit + 1`. Only the diagonal band |i − j| ≤ limit is computed, and it stops
 * as soon as a whole row is past the limit: at most (2·limit + 1) cells a row.
 */
export function editDistance(a: string, b: string, limit = Number.MAX_SAFE_INTEGER, meter?: SearchMeter): number {
  const x = [...a];
  const y = [...b];
  const n = x.length;
  const m = y.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  const band = Math.min(limit, Math.max(n, m));
  const far = band + 1;
  let prev = new Uint32Array(m + 2);
  let cur = new Uint32Array(m + 2);
  for (let j = 0; j <= Math.min(m, band); j++) prev[j] = j;
  if (band + 1 <= m) prev[band + 1] = far;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(m, i + band);
    cur[lo - 1] = lo === 1 ? Math.min(i, far) : far;
    let rowMin = cur[lo - 1]!;
    for (let j = lo; j <= hi; j++) {
      const value = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1), far);
      cur[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (meter) meter.cells += hi - lo + 1;
    if (hi + 1 <= m) cur[hi + 1] = far;
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[m]! > limit ? limit + 1 : prev[m]!;
}

/** The first MAX_COMPARED_CHARS characters of a name, normalised (the raw text is cut first, so a huge one costs nothing). */
function comparable(text: string): string[] {
  return [...normalizeName(text.slice(0, MAX_COMPARED_CHARS * 4))].slice(0, MAX_COMPARED_CHARS);
}

function similarity(a: string[], name: string, meter?: SearchMeter): number {
  const b = comparable(name);
  if (a.length === 0 || b.length === 0) return 0;
  const length = Math.max(a.length, b.length);
  const chars = new Set(b);
  const shared = a.filter((c) => chars.has(c)).length / a.length;
  const [sa, sb] = [a.join(''), b.join('')];
  const contains = sb.includes(sa) || sa.includes(sb) ? 0.5 : 0;
  const floor = Math.max(shared * 0.8, contains + shared * 0.4);
  // The distance counts only if 1 − d/length beats the floor, that is d < (1 − floor)·length.
  const limit = Math.ceil((1 - floor) * length) - 1;
  if (limit < 0) return floor;
  const distance = editDistance(sa, sb, limit, meter);
  return distance > limit ? floor : Math.max(1 - distance / length, floor);
}

/** 0…1: edit distance and shared characters, so `到位` finds 执行标的到位率 and `closure` finds closure_rate. */
export function nameSimilarity(query: string, name: string, meter?: SearchMeter): number {
  return similarity(comparable(query), name, meter);
}

/** The `count` indicators whose names come nearest to the query, best first. */
export function suggestMetrics(catalog: readonly MetricDef[], query: string, count = 3, meter?: SearchMeter): MetricDef[] {
  const a = comparable(query);
  return catalog
    .map((def) => ({ def, score: Math.max(...namesOf(def).map((name) => similarity(a, name, meter))) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((s) => s.def);
}
