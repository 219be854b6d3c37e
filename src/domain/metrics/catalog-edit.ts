import { findMetric, normalizeName } from './catalog.ts';
import { CATALOG_LIMITS } from './catalog-file.ts';
import { DIRECTIONS, kindFromLegacy, METRIC_GROUPS, METRIC_UNITS, type MetricDef, type Reference } from './types.ts';

export type EditResult<T> = { ok: true; value: T } | { ok: false; detail: string };

type ReferenceKey = 'min' | 'max' | 'target' | 'warn' | 'noise';

/** `min=85 max=99.5 target=- warn=80% noise=0.1 target@8=70`: `-` clears; `target@8` is August's target. */
export function applyReferenceArgs(reference: Reference, args: readonly string[]): EditResult<Reference> {
  const next: Reference = { ...reference, ...(reference.targets ? { targets: { ...reference.targets } } : {}) };
  if (args.length === 0) return { ok: false, detail: 'min=… max=… target=… warn=… noise=… target@8=…' };
  for (const arg of args) {
    const m = /^(min|max|target|warn|noise)(?:[@.](\d{1,2}))?=(.+)$/i.exec(arg);
    if (!m) return { ok: false, detail: arg };
    const key = m[1]!.toLowerCase() as ReferenceKey;
    const month = m[2] === undefined ? undefined : Number(m[2]);
    if (month !== undefined && (key !== 'target' || month < 1 || month > 12)) return { ok: false, detail: arg };
    const raw = m[3]!.replace(/[%‱]$/, '');
    if (raw !== '-' && !/^-?\d+(\.\d+)?$/.test(raw)) return { ok: false, detail: arg };
    if (key === 'noise' && raw !== '-' && Number(raw) < 0) return { ok: false, detail: arg };
    // 400 nines pass the pattern and read as Infinity: hold values to what a file may hold.
    if (raw !== '-' && !(Math.abs(Number(raw)) <= CATALOG_LIMITS.magnitude)) return { ok: false, detail: arg };
    if (month !== undefined) {
      const targets = { ...next.targets };
      if (raw === '-') delete targets[String(month)];
      else targets[String(month)] = Number(raw) + 0; // + 0: -0 is 0
      if (Object.keys(targets).length > 0) next.targets = targets;
      else delete next.targets;
    } else if (raw === '-') delete next[key];
    else next[key] = Number(raw) + 0;
  }
  if (next.min !== undefined && next.max !== undefined && next.min > next.max) return { ok: false, detail: 'min > max' };
  return { ok: true, value: next };
}

export function isMetricCode(code: string): boolean {
  return /^[a-z][a-z0-9_]{1,39}$/.test(code);
}

/** The first of `names` already used by another indicator (code, name or alias), if any. */
export function nameTaken(catalog: readonly MetricDef[], names: readonly string[], except?: string): string | undefined {
  return names.find((name) => {
    const found = findMetric(catalog, name);
    return found !== undefined && found.code !== except && normalizeName(name) !== '';
  });
}

/** `/catalog add <code> <中文名> <English_name> <group> <unit> <direction>`; underscores in the English name stand for spaces. */
export function buildMetricFromArgs(catalog: readonly MetricDef[], args: readonly string[]): EditResult<MetricDef> {
  const [code, nameZh, nameEnRaw, group, unit, direction] = args;
  if (!code || !nameZh || !nameEnRaw || !group || !unit || !direction || args.length > 6) return { ok: false, detail: 'code 中文名 English_name group unit direction' };
  if (!isMetricCode(code)) return { ok: false, detail: code };
  if (!(METRIC_GROUPS as readonly string[]).includes(group)) return { ok: false, detail: `${group} ∉ ${METRIC_GROUPS.join('|')}` };
  if (!(METRIC_UNITS as readonly string[]).includes(unit)) return { ok: false, detail: `${unit} ∉ ${METRIC_UNITS.join('|')}` };
  if (!(DIRECTIONS as readonly string[]).includes(direction)) return { ok: false, detail: `${direction} ∉ ${DIRECTIONS.join('|')}` };
  const nameEn = nameEnRaw.replace(/_/g, ' ');
  const taken = nameTaken(catalog, [code, nameZh, nameEn]);
  if (taken) return { ok: false, detail: taken };
  const kind = kindFromLegacy(undefined, unit, code);
  return {
    ok: true,
    value: { code, nameZh, nameEn, aliases: [], group: group as MetricDef['group'], unit: unit as MetricDef['unit'], direction: direction as MetricDef['direction'], kind, reference: {} },
  };
}

/** The first name over the catalog file's limits, if any: `/catalog add` and `/catalog alias` keep the same rules as a file. */
export function overlongName(names: readonly [kind: 'nameZh' | 'nameEn' | 'alias', text: string | undefined][]): { text: string; limit: number } | undefined {
  for (const [kind, text] of names) {
    const limit = CATALOG_LIMITS[kind];
    if (text !== undefined && [...text].length > limit) return { text: `${[...text].slice(0, limit).join('')}…`, limit };
  }
  return undefined;
}
