import { MAX_NAME_CHARS, normalizeName } from './catalog.ts';
import { DIRECTIONS, isRatioKind, kindFromLegacy, METRIC_GROUPS, METRIC_KINDS, METRIC_UNITS, PART_UNITS, type MetricDef } from './types.ts';

/**
 * What a catalog file may hold. Names are typed in chats and searched on every question, so they
 * stay short; lengths count characters (code points), not UTF-16 units.
 */
export const CATALOG_LIMITS = {
  bytes: 256 * 1024,
  indicators: 200,
  nameZh: 30,
  nameEn: MAX_NAME_CHARS,
  alias: 40,
  aliases: 20,
  formulaText: 120,
  note: 300,
  /** Reference values in the indicator's unit: amounts in yuan stay far below this. */
  magnitude: 1e15,
} as const;

export type CatalogRule =
  | 'no_list'
  | 'too_many'
  | 'not_object'
  | 'unknown_field'
  | 'required'
  | 'type'
  | 'pattern'
  | 'enum'
  | 'too_long'
  | 'too_many_aliases'
  | 'formula_denominator'
  | 'not_finite'
  | 'bounds'
  | 'negative'
  | 'month'
  | 'duplicate_code'
  | 'name_clash'
  | 'empty_name';

/** `at`: `#3 bail_rate.aliases[2]` (1-based, as people count); `value`: the offending value, cut short; `other`: the code it clashes with. */
export interface CatalogProblem {
  at: string;
  rule: CatalogRule;
  limit?: number;
  value?: string;
  other?: string;
}

export type CatalogCheck = { ok: true; defs: MetricDef[] } | { ok: false; problems: CatalogProblem[] };

const FIELDS = new Set(['code', 'nameZh', 'nameEn', 'aliases', 'group', 'unit', 'direction', 'kind', 'formula', 'reference', 'board', 'local', 'note']);
const FORMULA_FIELDS = new Set(['numeratorZh', 'numeratorEn', 'denominatorZh', 'denominatorEn', 'numeratorUnit', 'denominatorUnit']);
const REFERENCE_FIELDS = new Set(['min', 'max', 'target', 'warn', 'noise', 'targets']);
const KINDS: readonly unknown[] = [...METRIC_KINDS, 'ratio', 'flow', 'stock'];

const chars = (text: string) => [...text].length;
const shown = (value: unknown) => {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  return chars(text) > 40 ? `${[...text].slice(0, 40).join('')}…` : text;
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one definition; problems go to `add`, each with where it is. */
function checkDef(raw: unknown, place: string, add: (p: CatalogProblem) => void): void {
  if (!isObject(raw)) return add({ at: place, rule: 'not_object' });
  const d = raw;
  const code = typeof d.code === 'string' && /^[a-z][a-z0-9_]{1,39}$/.test(d.code) ? d.code : undefined;
  const at = (field: string) => `${place} ${typeof d.code === 'string' ? shown(d.code) : '?'}.${field}`;
  for (const key of Object.keys(d)) if (!FIELDS.has(key)) add({ at: at(key), rule: 'unknown_field' });
  if (typeof d.code !== 'string') add({ at: at('code'), rule: d.code === undefined ? 'required' : 'type' });
  else if (!code) add({ at: at('code'), rule: 'pattern', value: shown(d.code) });
  const text = (field: string, value: unknown, limit: number, required: boolean) => {
    if (value === undefined || value === '') return required ? add({ at: at(field), rule: 'required' }) : undefined;
    if (typeof value !== 'string') return add({ at: at(field), rule: 'type' });
    if (chars(value) > limit) add({ at: at(field), rule: 'too_long', limit });
  };
  text('nameZh', d.nameZh, CATALOG_LIMITS.nameZh, true);
  text('nameEn', d.nameEn, CATALOG_LIMITS.nameEn, true);
  text('note', d.note, CATALOG_LIMITS.note, false);
  if (d.aliases !== undefined) {
    if (!Array.isArray(d.aliases)) add({ at: at('aliases'), rule: 'type' });
    else if (d.aliases.length > CATALOG_LIMITS.aliases) add({ at: at('aliases'), rule: 'too_many_aliases', limit: CATALOG_LIMITS.aliases });
    else d.aliases.forEach((a, i) => text(`aliases[${i + 1}]`, a, CATALOG_LIMITS.alias, true));
  }
  const oneOf = (field: string, value: unknown, allowed: readonly unknown[], required: boolean) => {
    if (value === undefined) return required ? add({ at: at(field), rule: 'required' }) : undefined;
    if (!allowed.includes(value)) add({ at: at(field), rule: 'enum', value: shown(value) });
  };
  oneOf('group', d.group, METRIC_GROUPS, true);
  oneOf('unit', d.unit, METRIC_UNITS, true);
  oneOf('direction', d.direction, DIRECTIONS, true);
  oneOf('kind', d.kind, KINDS, false);
  for (const flag of ['board', 'local']) if (d[flag] !== undefined && typeof d[flag] !== 'boolean') add({ at: at(flag), rule: 'type' });
  if (d.formula !== undefined) {
    if (!isObject(d.formula)) add({ at: at('formula'), rule: 'type' });
    else {
      const f = d.formula;
      for (const key of Object.keys(f)) if (!FORMULA_FIELDS.has(key)) add({ at: at(`formula.${key}`), rule: 'unknown_field' });
      text('formula.numeratorZh', f.numeratorZh, CATALOG_LIMITS.formulaText, true);
      text('formula.numeratorEn', f.numeratorEn, CATALOG_LIMITS.formulaText, true);
      text('formula.denominatorZh', f.denominatorZh, CATALOG_LIMITS.formulaText, false);
      text('formula.denominatorEn', f.denominatorEn, CATALOG_LIMITS.formulaText, false);
      oneOf('formula.numeratorUnit', f.numeratorUnit, PART_UNITS, false);
      oneOf('formula.denominatorUnit', f.denominatorUnit, PART_UNITS, false);
      // A ratio is numerator ÷ denominator; a count or an amount has nothing to divide by.
      const ratio = typeof d.unit === 'string' && isRatioKind(kindFromLegacy(typeof d.kind === 'string' ? d.kind : undefined, d.unit, code));
      const denominator = f.denominatorZh !== undefined || f.denominatorEn !== undefined;
      const both = f.denominatorZh !== undefined && f.denominatorEn !== undefined;
      if (ratio ? !both : denominator) add({ at: at('formula'), rule: 'formula_denominator' });
    }
  }
  if (d.reference !== undefined) checkReference(d.reference, (field) => at(field), add);
}

function checkReference(ref: unknown, at: (field: string) => string, add: (p: CatalogProblem) => void): void {
  if (!isObject(ref)) return add({ at: at('reference'), rule: 'type' });
  const number = (field: string, value: unknown): boolean => {
    if (typeof value !== 'number') return (add({ at: at(field), rule: 'type' }), false);
    if (!Number.isFinite(value) || Math.abs(value) > CATALOG_LIMITS.magnitude) return (add({ at: at(field), rule: 'not_finite', value: shown(value) }), false);
    return true;
  };
  for (const key of Object.keys(ref)) {
    if (!REFERENCE_FIELDS.has(key)) add({ at: at(`reference.${key}`), rule: 'unknown_field' });
    else if (key !== 'targets') number(`reference.${key}`, ref[key]);
  }
  if (typeof ref.min === 'number' && typeof ref.max === 'number' && ref.min > ref.max) add({ at: at('reference'), rule: 'bounds' });
  if (typeof ref.noise === 'number' && ref.noise < 0) add({ at: at('reference.noise'), rule: 'negative' });
  if (ref.targets === undefined) return;
  if (!isObject(ref.targets)) return add({ at: at('reference.targets'), rule: 'type' });
  for (const [month, value] of Object.entries(ref.targets)) {
    if (!/^(?:[1-9]|1[0-2])$/.test(month)) add({ at: at(`reference.targets.${shown(month)}`), rule: 'month' });
    else number(`reference.targets.${month}`, value);
  }
}

function toDef(d: Record<string, unknown>): MetricDef {
  const ref = (d.reference ?? {}) as MetricDef['reference'];
  const targets = ref.targets && Object.keys(ref.targets).length > 0 ? { targets: ref.targets } : {};
  const { targets: _targets, ...values } = ref;
  return {
    code: d.code as string,
    nameZh: d.nameZh as string,
    nameEn: d.nameEn as string,
    aliases: (d.aliases as string[] | undefined) ?? [],
    group: d.group as MetricDef['group'],
    unit: d.unit as MetricDef['unit'],
    direction: d.direction as MetricDef['direction'],
    kind: kindFromLegacy(d.kind as string | undefined, d.unit as string, d.code as string),
    reference: { ...values, ...targets },
    ...(d.formula ? { formula: d.formula as MetricDef['formula'] } : {}),
    ...(d.board === true ? { board: true } : {}),
    ...(d.local === true ? { local: true } : {}),
    ...(typeof d.note === 'string' && d.note !== '' ? { note: d.note } : {}),
  };
}

interface Named {
  place: string;
  code: string;
  names: [field: string, name: string][];
}

/** The names a definition brings, as far as they are strings (the other checks report the rest). */
function namesOf(raw: unknown, place: string): Named | undefined {
  if (!isObject(raw) || typeof raw.code !== 'string') return undefined;
  const names: [string, string][] = [['code', raw.code]];
  for (const field of ['nameZh', 'nameEn']) if (typeof raw[field] === 'string' && raw[field] !== '') names.push([field, raw[field]]);
  if (Array.isArray(raw.aliases)) raw.aliases.forEach((a, j) => typeof a === 'string' && a !== '' && names.push([`aliases[${j + 1}]`, a]));
  return { place, code: raw.code, names };
}

/** Names (code, both names, aliases) must not name two indicators, after normalisation (case, width, punctuation). */
function checkNames(entries: Named[], existing: readonly MetricDef[], add: (p: CatalogProblem) => void): void {
  const owner = new Map<string, string>();
  const replaced = new Set(entries.map((e) => e.code));
  for (const def of existing) {
    if (replaced.has(def.code)) continue;
    for (const name of [def.code, def.nameZh, def.nameEn, ...def.aliases]) owner.set(normalizeName(name), def.code);
  }
  const codes = new Set<string>();
  for (const { place, code, names } of entries) {
    if (codes.has(code)) add({ at: `${place} ${shown(code)}.code`, rule: 'duplicate_code' });
    codes.add(code);
    const keys = names.map(([field, name]) => [field, name, normalizeName(name)] as const);
    for (const [field, name, key] of keys) {
      const at = `${place} ${shown(code)}.${field}`;
      const other = owner.get(key);
      if (key === '') add({ at, rule: 'empty_name', value: shown(name) });
      else if (other !== undefined && other !== code) add({ at, rule: 'name_clash', value: shown(name), other });
    }
    for (const [, , key] of keys) if (key !== '' && !owner.has(key)) owner.set(key, code);
  }
}

/**
 * A parsed catalog file (`{ "metrics": [...] }` or a bare list), checked whole against the
 * catalog it would join: every problem of every definition, or the definitions to save.
 */
export function checkCatalogFile(parsed: unknown, existing: readonly MetricDef[]): CatalogCheck {
  const list = Array.isArray(parsed) ? parsed : isObject(parsed) ? parsed.metrics : undefined;
  if (!Array.isArray(list) || list.length === 0) return { ok: false, problems: [{ at: '', rule: 'no_list' }] };
  if (list.length > CATALOG_LIMITS.indicators) return { ok: false, problems: [{ at: '', rule: 'too_many', limit: CATALOG_LIMITS.indicators }] };
  const problems: CatalogProblem[] = [];
  const add = (p: CatalogProblem) => problems.push(p);
  list.forEach((raw, i) => checkDef(raw, `#${i + 1}`, add));
  checkNames(list.flatMap((raw, i) => namesOf(raw, `#${i + 1}`) ?? []), existing, add);
  // Each definition's own problems first, in file order.
  problems.sort((a, b) => Number(/^#(\d+)/.exec(a.at)?.[1] ?? 0) - Number(/^#(\d+)/.exec(b.at)?.[1] ?? 0));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, defs: (list as Record<string, unknown>[]).map(toDef) };
}
