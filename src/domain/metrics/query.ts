import type { Unit } from '../org.ts';
import { findMetric } from './catalog.ts';
import { findPeriod } from './period.ts';
import type { Basis, MetricDef } from './types.ts';

export interface MetricQuery {
  /** What is left once period, unit and basis are taken out: an indicator's name, alias or code. */
  name: string;
  period?: string;
  unit?: string;
  basis?: Basis;
}

export interface QueryContext {
  units: readonly Unit[];
  now: Date;
  timeZone: string;
  /** When given, the longest indicator name in the text is found first, so no unit or filler is read inside it. */
  catalog?: readonly MetricDef[];
}

const BASIS_WORDS: { re: RegExp; basis: Basis }[] = [
  { re: /(当月|单月|月度|\bmonthly\b|\bmonth\s+only\b|\bthis\s+month\s+only\b)/i, basis: 'month' },
  { re: /(年度累计|累计|截至|\bytd\b|\byear[\s-]to[\s-]date\b)/i, basis: 'ytd' },
];

// 的 only at the edges: 执行标的到位率 and 申请执行标的金额 keep theirs (民一庭的结案率 loses it).
const FILLERS = /(是多少|多少|怎么样|如何|情况|数据|查询|查一下|^\s*的|的\s*$|\bwhat'?s\b|\bwhat\s+is\b|\bshow\b|\bthe\b|\bof\b|\bin\b|\bfor\b|[?？!！,，。:：])/gi;

function takeOut(text: string, piece: string): string {
  const at = text.toLowerCase().indexOf(piece.toLowerCase());
  return at < 0 ? text : `${text.slice(0, at)} ${text.slice(at + piece.length)}`;
}

interface UnitName {
  unit: Unit;
  name: string;
  lower: string;
  latin: boolean;
}

// Every text message is tried as a query: keep the units' names sorted, longest first, per units list.
const unitNames = new WeakMap<readonly Unit[], { seen: Unit[]; names: UnitName[] }>();
function unitNamesOf(units: readonly Unit[]): UnitName[] {
  const cached = unitNames.get(units);
  // The store replaces a changed unit by a new object: compare identities, not contents.
  if (cached && cached.seen.length === units.length && cached.seen.every((u, i) => u === units[i])) return cached.names;
  const names = units
    .flatMap((unit) => [unit.nameZh, unit.nameEn, unit.code, ...(unit.aliases ?? [])].filter((name) => name !== '').map((name) => ({ unit, name, lower: name.toLowerCase(), latin: /^[\x20-\x7e]+$/.test(name) })))
    .sort((a, b) => b.name.length - a.name.length);
  unitNames.set(units, { seen: [...units], names });
  return names;
}

/** Latin names must stand as whole words: `court` is a unit, not part of `courts`. */
function standsAlone(lower: string, at: number, length: number): boolean {
  const before = lower[at - 1];
  const after = lower[at + length];
  return !((before && /[a-z0-9_]/.test(before)) || (after && /[a-z0-9_]/.test(after)));
}

function findUnitIn(text: string, units: readonly Unit[]): { unit: Unit; matched: string } | undefined {
  const lower = text.toLowerCase();
  for (const { unit, name, lower: needle, latin } of unitNamesOf(units)) {
    const at = lower.indexOf(needle);
    if (at < 0 || (latin && !standsAlone(lower, at, needle.length))) continue;
    return { unit, matched: text.slice(at, at + name.length) };
  }
  return undefined;
}

const metricNames = new WeakMap<MetricDef, { name: string; lower: string; latin: boolean }[]>();
function metricNamesOf(def: MetricDef): { name: string; lower: string; latin: boolean }[] {
  let names = metricNames.get(def);
  if (!names) {
    names = [def.nameZh, def.nameEn, def.code, ...def.aliases].filter((n) => n.trim() !== '').map((name) => ({ name, lower: name.toLowerCase(), latin: /^[\x20-\x7e]+$/.test(name) }));
    metricNames.set(def, names);
  }
  return names;
}

/** The longest indicator name (official name, alias or code) in the text. */
function findMetricNameIn(text: string, catalog: readonly MetricDef[]): string | undefined {
  const lower = text.toLowerCase();
  let best: { at: number; length: number } | undefined;
  for (const def of catalog) {
    for (const { lower: needle, latin } of metricNamesOf(def)) {
      if (best && needle.length <= best.length) continue;
      const at = lower.indexOf(needle);
      if (at < 0 || (latin && !standsAlone(lower, at, needle.length))) continue;
      best = { at, length: needle.length };
    }
  }
  return best ? text.slice(best.at, best.at + best.length) : undefined;
}

/** A question names an indicator, a period and a unit: far shorter than this (checked before parsing). */
export const MAX_QUERY_CHARS = 100;

/**
 * `终本率`, `执行到位率 2024-08`, `8月 到位率`, `开发区法庭 结案率`, `closure rate devzone 2024-08`:
 * the period, unit and basis are found and taken out; what remains names the indicator.
 */
export function parseMetricQuery(text: string, context: QueryContext): MetricQuery | undefined {
  let rest = text.trim();
  // The indicator's name first (longest match), so that 执行 in 执行完毕率 is never read as a unit.
  const metricName = context.catalog ? findMetricNameIn(rest, context.catalog) : undefined;
  if (metricName) rest = takeOut(rest, metricName);
  const period = findPeriod(rest, context.now, context.timeZone);
  if (period) rest = takeOut(rest, period.matched);
  let basis: Basis | undefined = period?.basis;
  for (const word of BASIS_WORDS) {
    const m = word.re.exec(rest);
    if (m) {
      basis = word.basis;
      rest = takeOut(rest, m[0]);
      break;
    }
  }
  const unit = findUnitIn(rest, context.units);
  if (unit) rest = takeOut(rest, unit.matched);
  const leftover = rest.replace(/\s+/g, ' ').trim().replace(FILLERS, ' ').replace(/\s+/g, ' ').trim();
  const name = [metricName, leftover].filter((part) => part !== undefined && part !== '').join(' ');
  if (name === '') return undefined;
  return { name, ...(period ? { period: period.period } : {}), ...(unit ? { unit: unit.unit.code } : {}), ...(basis ? { basis } : {}) };
}

/** A plain message counts as a metric query only when what remains is exactly an indicator's name. */
export function matchMetricText(
  text: string,
  catalog: readonly MetricDef[],
  context: QueryContext,
): { query: MetricQuery; def: MetricDef } | undefined {
  if (text.length > 80 || text.startsWith('/') || text.startsWith('#')) return undefined;
  const query = parseMetricQuery(text, { ...context, catalog });
  const def = query && findMetric(catalog, query.name);
  return query && def ? { query, def } : undefined;
}
