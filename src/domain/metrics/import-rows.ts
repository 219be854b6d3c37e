import { findUnit, type Unit } from '../org.ts';
import { normalizeName } from './catalog.ts';
import { isPeriod, makePeriod } from './period.ts';
import { COURT_UNIT, observationKey, ratioScale, type Basis, type MetricDef, type Observation } from './types.ts';

/** A sheet row with the number the user sees in Excel (the header is row 1). */
export interface SheetRow {
  line: number;
  cells: string[];
}

export const IMPORT_COLUMNS = ['metric', 'unit', 'period', 'basis', 'value', 'numerator', 'denominator', 'rank', 'rank_total'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const HEADER_NAMES: Record<ImportColumn, string[]> = {
  metric: ['metric', 'indicator', 'code', '指标', '指标名称', '指标代码', '指标名'],
  unit: ['unit', 'department', '单位', '部门', '庭室', '单位名称'],
  period: ['period', 'month', '期间', '月份', '统计期间', '统计月份'],
  basis: ['basis', '口径', '统计口径'],
  value: ['value', '数值', '值', '指标值'],
  numerator: ['numerator', '分子'],
  denominator: ['denominator', '分母'],
  rank: ['rank', '排名', '名次'],
  rank_total: ['rank_total', 'ranktotal', 'rank total', 'of', '参评数', '参评单位数', '参评法院数'],
};

export type RowErrorCode =
  | 'missing_column'
  | 'unknown_metric'
  | 'unknown_unit'
  | 'bad_period'
  | 'bad_basis'
  | 'bad_number'
  | 'no_value'
  | 'zero_denominator'
  | 'bad_rank'
  | 'duplicate';

export interface RowError {
  line: number;
  code: RowErrorCode;
  /** The offending text or column. */
  value?: string;
}

export interface ImportPlan {
  rowsRead: number;
  observations: Observation[];
  errors: RowError[];
}

function columnOf(header: string): ImportColumn | undefined {
  const h = header.replace(/^\uFEFF/, '').trim().toLowerCase();
  return IMPORT_COLUMNS.find((c) => HEADER_NAMES[c].includes(h));
}

/** `2024-08`, `2024-8`, `2024/08`, `2024.8`, `2024年8月`, `202408`, `2024-08-31` → `2024-08`. */
export function parsePeriodCell(text: string): string | undefined {
  const m = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?(?:[-/.]\d{1,2}日?)?|(\d{2}))$/.exec(text.trim());
  if (!m) return undefined;
  const period = makePeriod(Number(m[1]), Number(m[2] ?? m[3]));
  return isPeriod(period) ? period : undefined;
}

export function parseBasisCell(text: string): Basis | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'ytd' || t === '累计' || t === '年度累计' || t === '本年累计') return 'ytd';
  if (t === 'month' || t === '当月' || t === '单月' || t === '月度') return 'month';
  return undefined;
}

/** `10.47`, `10.47%`, `1,234.5`, `８０.８１％` → number; empty → null; anything else → undefined. */
export function parseNumberCell(text: string): number | null | undefined {
  if (text === '') return null;
  if (/^\d+(\.\d+)?%?$/.test(text)) return parseFloat(text);
  const t = text
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[%％‱,，\s]/g, '');
  if (t === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  return Number(t);
}

function unitFor(text: string, units: readonly Unit[]): string | undefined {
  const t = text.trim();
  if (t === '' || t === '全院' || t === '本院' || t.toLowerCase() === COURT_UNIT) return COURT_UNIT;
  return findUnit(units, t)?.code;
}

/** Name → indicator, built once per file: a 20,000-row sheet would otherwise normalise every name per row. */
function metricIndex(catalog: readonly MetricDef[]): (name: string) => MetricDef | undefined {
  const index = new Map<string, MetricDef>();
  for (const def of [...catalog].reverse()) {
    for (const name of [def.code, def.nameZh, def.nameEn, ...def.aliases]) index.set(normalizeName(name), def);
  }
  const cache = new Map<string, MetricDef | undefined>();
  return (name) => {
    if (!cache.has(name)) cache.set(name, index.get(normalizeName(name)));
    return cache.get(name);
  };
}

function memo<T>(fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key) as T;
  };
}

/**
 * Validates every row of an import sheet (the header first) against the catalog and the
 * units. Pure: applying the plan is the caller's business, and only when `errors` is empty.
 */
export function buildImportPlan(rows: readonly SheetRow[], catalog: readonly MetricDef[], units: readonly Unit[]): ImportPlan {
  const [header, ...data] = rows;
  const errors: RowError[] = [];
  if (!header) return { rowsRead: 0, observations: [], errors: [{ line: 1, code: 'missing_column', value: 'metric' }] };
  const at = new Map<ImportColumn, number>();
  header.cells.forEach((cell, i) => {
    const column = columnOf(cell);
    if (column && !at.has(column)) at.set(column, i);
  });
  for (const required of ['metric', 'period'] as const) {
    if (!at.has(required)) errors.push({ line: header.line, code: 'missing_column', value: required });
  }
  if (!at.has('value') && !(at.has('numerator') && at.has('denominator'))) {
    errors.push({ line: header.line, code: 'missing_column', value: 'value' });
  }
  if (errors.length > 0) return { rowsRead: data.length, observations: [], errors };

  const observations: Observation[] = [];
  const seen = new Map<string, number>();
  const findMetric = metricIndex(catalog);
  const findUnitCode = memo((text) => unitFor(text, units));
  const findPeriodOf = memo(parsePeriodCell);
  for (const row of data) {
    const cell = (c: ImportColumn) => {
      const i = at.get(c);
      return i === undefined ? '' : (row.cells[i] ?? '');
    };
    const fail = (code: RowErrorCode, value?: string) => errors.push({ line: row.line, code, ...(value !== undefined ? { value } : {}) });
    const def = findMetric(cell('metric'));
    if (!def) {
      fail('unknown_metric', cell('metric'));
      continue;
    }
    const unit = findUnitCode(cell('unit'));
    if (!unit) {
      fail('unknown_unit', cell('unit'));
      continue;
    }
    const period = findPeriodOf(cell('period'));
    if (!period) {
      fail('bad_period', cell('period'));
      continue;
    }
    const basis = parseBasisCell(cell('basis'));
    if (!basis) {
      fail('bad_basis', cell('basis'));
      continue;
    }
    const numbers = {} as Record<'value' | 'numerator' | 'denominator' | 'rank' | 'rank_total', number | null>;
    let bad = false;
    for (const c of ['value', 'numerator', 'denominator', 'rank', 'rank_total'] as const) {
      const n = parseNumberCell(cell(c));
      if (n === undefined) {
        fail('bad_number', cell(c));
        bad = true;
        break;
      }
      numbers[c] = n;
    }
    if (bad) continue;
    const { numerator, denominator, rank, rank_total: rankTotal } = numbers;
    let value = numbers.value;
    if (value === null && numerator !== null && denominator !== null && def.kind === 'ratio') {
      if (denominator === 0) {
        fail('zero_denominator');
        continue;
      }
      value = Number(((numerator / denominator) * ratioScale(def.unit)).toFixed(6));
    }
    if (value === null) {
      fail('no_value');
      continue;
    }
    const rankOk = (n: number | null) => n === null || (Number.isInteger(n) && n >= 1);
    if (!rankOk(rank) || !rankOk(rankTotal) || (rank !== null && rankTotal !== null && rank > rankTotal)) {
      fail('bad_rank', `${cell('rank')}/${cell('rank_total')}`);
      continue;
    }
    const o: Observation = {
      metric: def.code,
      unit,
      period,
      basis,
      value,
      ...(numerator !== null ? { numerator } : {}),
      ...(denominator !== null ? { denominator } : {}),
      ...(rank !== null ? { rank } : {}),
      ...(rankTotal !== null ? { rankTotal } : {}),
    };
    const key = observationKey(o);
    const first = seen.get(key);
    if (first !== undefined) {
      fail('duplicate', String(first));
      continue;
    }
    seen.set(key, row.line);
    observations.push(o);
  }
  return { rowsRead: data.length, observations, errors };
}
