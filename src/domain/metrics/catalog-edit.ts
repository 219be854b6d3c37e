import { findMetric, normalizeName } from './catalog.ts';
import { DIRECTIONS, kindFromLegacy, METRIC_GROUPS, METRIC_KINDS, METRIC_UNITS, PART_UNITS, type MetricDef, type Reference } from './types.ts';

export type EditResult<T> = { ok: true; value: T } | { ok: false; detail: string };

const REFERENCE_KEYS = ['min', 'max', 'target', 'warn', 'noise'] as const;

/** `min=85 max=99.5 target=- warn=80% noise=0.1 target@8=70`: `-` clears; `target@8` is August's target. */
export function applyReferenceArgs(reference: Reference, args: readonly string[]): EditResult<Reference> {
  const next: Reference = { ...reference, ...(reference.targets ? { targets: { ...reference.targets } } : {}) };
  if (args.length === 0) return { ok: false, detail: 'min=… max=… target=… warn=… noise=… target@8=…' };
  for (const arg of args) {
    const m = /^(min|max|target|warn|noise)(?:[@.](\d{1,2}))?=(.+)$/i.exec(arg);
    if (!m) return { ok: false, detail: arg };
    const key = m[1]!.toLowerCase() as (typeof REFERENCE_KEYS)[number];
    const month = m[2] === undefined ? undefined : Number(m[2]);
    if (month !== undefined && (key !== 'target' || month < 1 || month > 12)) return { ok: false, detail: arg };
    const raw = m[3]!.replace(/[%‱]$/, '');
    if (raw !== '-' && !/^-?\d+(\.\d+)?$/.test(raw)) return { ok: false, detail: arg };
    if (key === 'noise' && raw !== '-' && Number(raw) < 0) return { ok: false, detail: arg };
    if (month !== undefined) {
      const targets = { ...next.targets };
      if (raw === '-') delete targets[String(month)];
      else targets[String(month)] = Number(raw);
      if (Object.keys(targets).length > 0) next.targets = targets;
      else delete next.targets;
    } else if (raw === '-') delete next[key];
    else next[key] = Number(raw);
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

function isNumberOrAbsent(v: unknown): boolean {
  return v === undefined || (typeof v === 'number' && Number.isFinite(v));
}

/** Checks one definition from a catalog file (`{ "metrics": [...] }`, as data/seed/metric-catalog.json). */
export function validateMetricDef(raw: unknown): EditResult<MetricDef> {
  if (typeof raw !== 'object' || raw === null) return { ok: false, detail: 'not an object' };
  const d = raw as Record<string, unknown>;
  const code = typeof d.code === 'string' ? d.code : '';
  const fail = (what: string): EditResult<MetricDef> => ({ ok: false, detail: `${code || '?'}: ${what}` });
  if (!isMetricCode(code)) return fail('code');
  if (typeof d.nameZh !== 'string' || d.nameZh === '' || typeof d.nameEn !== 'string' || d.nameEn === '') return fail('nameZh/nameEn');
  if (d.aliases !== undefined && !(Array.isArray(d.aliases) && d.aliases.every((a) => typeof a === 'string'))) return fail('aliases');
  if (!(METRIC_GROUPS as readonly unknown[]).includes(d.group)) return fail('group');
  if (!(METRIC_UNITS as readonly unknown[]).includes(d.unit)) return fail('unit');
  if (!(DIRECTIONS as readonly unknown[]).includes(d.direction)) return fail('direction');
  if (d.kind !== undefined && ![...METRIC_KINDS, 'ratio', 'flow', 'stock'].includes(d.kind as string)) return fail('kind');
  const formula = (d.formula ?? {}) as Record<string, unknown>;
  const partUnit = (v: unknown) => v === undefined || (PART_UNITS as readonly unknown[]).includes(v);
  if (!partUnit(formula.numeratorUnit) || !partUnit(formula.denominatorUnit)) return fail('formula unit');
  const ref = (d.reference ?? {}) as Record<string, unknown>;
  if (typeof ref !== 'object' || !REFERENCE_KEYS.every((k) => isNumberOrAbsent(ref[k]))) return fail('reference');
  const targets = ref.targets as Record<string, unknown> | undefined;
  if (targets !== undefined && (typeof targets !== 'object' || targets === null || !Object.entries(targets).every(([k, v]) => /^(?:[1-9]|1[0-2])$/.test(k) && isNumberOrAbsent(v)))) return fail('reference');
  const def: MetricDef = {
    code,
    nameZh: d.nameZh,
    nameEn: d.nameEn,
    aliases: (d.aliases) ?? [],
    group: d.group as MetricDef['group'],
    unit: d.unit as MetricDef['unit'],
    direction: d.direction as MetricDef['direction'],
    kind: kindFromLegacy(d.kind as string | undefined, d.unit as string, code),
    reference: {
      ...Object.fromEntries(REFERENCE_KEYS.filter((k) => ref[k] !== undefined).map((k) => [k, ref[k]])),
      ...(targets && Object.keys(targets).length > 0 ? { targets: targets as Record<string, number> } : {}),
    },
    ...(d.formula && typeof d.formula === 'object' ? { formula: d.formula as MetricDef['formula'] } : {}),
    ...(d.board === true ? { board: true } : {}),
    ...(d.local === true ? { local: true } : {}),
    ...(typeof d.note === 'string' ? { note: d.note } : {}),
  };
  return { ok: true, value: def };
}
