import { findUnit, type Unit } from '../org.ts';
import { normalizeName } from './catalog.ts';
import { agreesWithParts, checkValue, roundingTolerance, toIndicatorScale } from './import-checks.ts';
import { isPlaceholder, parseBasisCell, parseNumberCell, parsePeriodCell, type NumberCell } from './import-cells.ts';
import { locateHeader, type HeaderLayout, type ImportColumn, type SheetInput, type SheetRow } from './import-header.ts';
import { COURT_UNIT, isRatioKind, observationKey, ratioScale, type MetricDef, type Observation } from './types.ts';

export { parseBasisCell, parseNumberCell, parsePeriodCell } from './import-cells.ts';
export { IMPORT_COLUMNS, type ImportColumn, type SheetInput, type SheetRow } from './import-header.ts';

export type RowErrorCode =
  | 'missing_column'
  | 'no_header'
  | 'unknown_metric'
  | 'unknown_unit'
  | 'empty_unit'
  | 'unit_not_allowed'
  | 'bad_period'
  | 'year_out_of_range'
  | 'period_kind_unsupported'
  | 'basis_conflict'
  | 'bad_basis'
  | 'bad_number'
  | 'ambiguous_number'
  | 'not_finite'
  | 'mark_not_allowed'
  | 'out_of_bounds'
  | 'looks_like_fraction'
  | 'parts_mismatch'
  | 'formula_no_value'
  | 'no_value'
  | 'zero_denominator'
  | 'bad_rank'
  | 'duplicate';

export interface RowError {
  line: number;
  code: RowErrorCode;
  /** The offending text, column or detail. */
  value?: string;
}

export interface ImportPlan {
  rowsRead: number;
  observations: Observation[];
  /** The row each observation came from, aligned with `observations`. */
  lines: number[];
  errors: RowError[];
  layout?: HeaderLayout;
}

export interface ImportOptions {
  /** Years after this are a misread (the caller passes next year). */
  maxYear?: number;
  /** Whether the sender may import figures of this unit (`court` for the whole court). */
  allowedUnit?: (unit: string) => boolean;
}

const COURT_NAMES = new Set(['全院', '本院', '院', '全院合计', '合计', COURT_UNIT]);

/** Name → indicator, built once per file: a 20,000-row sheet would otherwise normalise every name per row. */
function metricIndex(catalog: readonly MetricDef[]): (name: string) => MetricDef | undefined {
  const index = new Map<string, MetricDef>();
  for (const def of [...catalog].reverse()) {
    for (const name of [def.code, def.nameZh, def.nameEn, ...def.aliases]) index.set(normalizeName(name), def);
  }
  return (name) => index.get(normalizeName(name));
}

function memo<T>(fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key) as T;
  };
}

const NUMERIC = ['value', 'numerator', 'denominator', 'rank', 'rank_total'] as const;
type Numbers = Record<(typeof NUMERIC)[number], NumberCell & { ok: true }>;

/**
 * Validates every data row of an import (CSV, or the first sheet of an XLSX with a header)
 * against the catalog, the units and the sender's rights. Pure: applying the plan is the
 * caller's business, and only when `errors` is empty.
 */
export function buildImportPlan(
  input: readonly SheetRow[] | readonly SheetInput[],
  catalog: readonly MetricDef[],
  units: readonly Unit[],
  options: ImportOptions = {},
): ImportPlan {
  const sheets: SheetInput[] = input.length > 0 && 'rows' in input[0]! ? (input as SheetInput[]) : [{ name: '', rows: input as SheetRow[] }];
  const layout = locateHeader(sheets);
  const empty = { observations: [], lines: [], rowsRead: 0 };
  if (!layout) return { ...empty, errors: [{ line: sheets[0]?.rows[0]?.line ?? 1, code: 'no_header' }] };
  const at = layout.columns;
  const data = sheets[layout.sheetIndex]!.rows.slice(layout.dataStart);
  const errors: RowError[] = [];
  const headerLine = layout.headerLines.at(-1)!;
  for (const required of ['metric', 'period'] as const) {
    if (!at.has(required)) errors.push({ line: headerLine, code: 'missing_column', value: required });
  }
  if (!at.has('value') && !(at.has('numerator') && at.has('denominator'))) errors.push({ line: headerLine, code: 'missing_column', value: 'value' });
  if (errors.length > 0) return { ...empty, rowsRead: data.length, errors, layout };

  const cellOf = (row: SheetRow, c: ImportColumn) => {
    const i = at.get(c);
    const text = i === undefined ? '' : (row.cells[i] ?? '');
    return isPlaceholder(text) ? '' : text;
  };
  // Empty means the whole court only in a file that never names a unit: otherwise it is a
  // unit merged over rows and saved as CSV, and the court's figures would be overwritten.
  const namesUnits = data.some((row) => !COURT_NAMES.has(cellOf(row, 'unit').trim().toLowerCase()) && cellOf(row, 'unit').trim() !== '');
  const findMetric = metricIndex(catalog);
  const findUnitCode = memo((text) => (COURT_NAMES.has(text.trim().toLowerCase()) ? COURT_UNIT : findUnit(units, text.trim())?.code));
  const findPeriod = memo((text) => parsePeriodCell(text, options.maxYear));
  const observations: Observation[] = [];
  const lines: number[] = [];
  const seen = new Map<string, number>();
  for (const row of data) {
    const cell = (c: ImportColumn) => cellOf(row, c);
    const fail = (code: RowErrorCode, value?: string) => errors.push({ line: row.line, code, ...(value !== undefined ? { value } : {}) });
    const unread = IMPORT_COLUMNS_USED.find((c) => at.has(c) && row.noCachedValue?.includes(at.get(c)!));
    if (unread) {
      fail('formula_no_value', unread);
      continue;
    }
    const def = findMetric(cell('metric'));
    if (!def) {
      fail('unknown_metric', cell('metric'));
      continue;
    }
    const unitText = cell('unit').trim();
    if (unitText === '' && namesUnits) {
      fail('empty_unit');
      continue;
    }
    const unit = unitText === '' ? COURT_UNIT : findUnitCode(unitText);
    if (!unit) {
      fail('unknown_unit', unitText);
      continue;
    }
    if (options.allowedUnit && !options.allowedUnit(unit)) {
      fail('unit_not_allowed', unitText || COURT_UNIT);
      continue;
    }
    const period = findPeriod(cell('period'));
    if (!period.ok) {
      fail(period.code, cell('period'));
      continue;
    }
    const basisText = cell('basis');
    const basis = parseBasisCell(basisText);
    if (!basis) {
      fail('bad_basis', basisText);
      continue;
    }
    if (period.basis && basisText.trim() !== '' && period.basis !== basis) {
      fail('basis_conflict', `${cell('period')} / ${basisText}`);
      continue;
    }
    const n = {} as Numbers;
    const bad = NUMERIC.find((c) => {
      const parsed = parseNumberCell(cell(c));
      if (!parsed.ok) fail(parsed.code, cell(c));
      else n[c] = parsed;
      return !parsed.ok;
    });
    if (bad) continue;
    const numerator = n.numerator.value;
    const denominator = n.denominator.value;
    if ((numerator !== null && numerator < 0) || (denominator !== null && denominator < 0)) {
      fail('out_of_bounds', `${cell('numerator')} / ${cell('denominator')}`);
      continue;
    }
    const parts = numerator !== null && denominator !== null && isRatioKind(def.kind);
    if (parts && denominator === 0) {
      fail('zero_denominator');
      continue;
    }
    let value: number;
    let tolerance = Infinity;
    if (n.value.value !== null) {
      const cellValue = n.value;
      let written = cellValue.value;
      let mark: '%' | '‱' | '万元' | undefined = cellValue.mark ?? headerMark(layout, 'value');
      if (mark === '万元') {
        if (def.unit !== 'yuan') {
          fail('mark_not_allowed', cell('value'));
          continue;
        }
        written *= 10_000;
        mark = undefined;
      }
      const scaled = toIndicatorScale(def, written, mark);
      if (typeof scaled !== 'number') {
        fail(scaled.code, cell('value'));
        continue;
      }
      value = scaled;
      tolerance = roundingTolerance(cellValue.decimals, cellValue.value === 0 ? 1 : Math.abs(scaled / cellValue.value));
    } else if (parts) value = Number(((numerator / denominator) * ratioScale(def.unit)).toFixed(6));
    else {
      fail('no_value');
      continue;
    }
    if (parts && Number.isFinite(tolerance) && !agreesWithParts(def, value, numerator, denominator, tolerance)) {
      fail('parts_mismatch', `${cell('value')} ≠ ${cell('numerator')} ÷ ${cell('denominator')}`);
      continue;
    }
    const problem = checkValue(def, value, parts);
    if (problem) {
      fail(problem.code, problem.code === 'out_of_bounds' ? `${cell('value') || value}|${problem.min}|${problem.max}` : cell('value'));
      continue;
    }
    const rank = n.rank.value;
    const rankTotal = n.rank_total.value;
    const rankOk = (r: number | null) => r === null || (Number.isInteger(r) && r >= 1);
    if (!rankOk(rank) || !rankOk(rankTotal) || (rank !== null && rankTotal !== null && rank > rankTotal)) {
      fail('bad_rank', `${cell('rank')}/${cell('rank_total')}`);
      continue;
    }
    const o: Observation = {
      metric: def.code,
      unit,
      period: period.period,
      basis: period.basis ?? basis,
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
    lines.push(row.line);
  }
  return { rowsRead: data.length, observations, lines, errors, layout };
}

const IMPORT_COLUMNS_USED: readonly ImportColumn[] = ['metric', 'unit', 'period', 'basis', 'value', 'numerator', 'denominator', 'rank', 'rank_total'];

function headerMark(layout: HeaderLayout, column: ImportColumn): '%' | '‱' | '万元' | undefined {
  const hint = layout.hints.get(column);
  return hint === '%' || hint === '‱' || hint === '万元' ? hint : undefined;
}
