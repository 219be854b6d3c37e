import { halfWidth } from './import-cells.ts';

/** A sheet row with the number the user sees in Excel. */
export interface SheetRow {
  line: number;
  cells: string[];
  /** Columns holding a formula saved without its result. */
  noCachedValue?: number[];
}

export interface SheetInput {
  name: string;
  rows: SheetRow[];
}

export const IMPORT_COLUMNS = ['metric', 'unit', 'period', 'basis', 'value', 'numerator', 'denominator', 'rank', 'rank_total'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const HEADER_NAMES: Record<ImportColumn, string[]> = {
  metric: ['metric', 'indicator', 'code', 'metriccode', '指标', '指标名称', '指标代码', '指标名', '指标项', '考核指标', '指标项目'],
  unit: ['unit', 'department', 'dept', '单位', '部门', '庭室', '单位名称', '部门名称', '庭室名称', '承办部门', '单位部门', '部门单位'],
  period: ['period', 'month', 'date', '期间', '月份', '统计期间', '统计月份', '年月', '统计时间', '时间', '日期', '统计日期', '数据期间', '所属期间'],
  basis: ['basis', '口径', '统计口径', '数据口径'],
  value: ['value', '数值', '值', '指标值', '数据', '完成值', '实际值', '指标数值'],
  numerator: ['numerator', '分子', '分子值'],
  denominator: ['denominator', '分母', '分母值'],
  rank: ['rank', '排名', '名次', '全市排名'],
  rank_total: ['rank_total', 'ranktotal', 'of', '参评数', '参评单位数', '参评法院数', '排名总数'],
};

/** A header's name without spaces or a bracketed unit, and that unit: `数值（%）` → `数值`, `%`. */
export function splitHeader(cell: string): { name: string; hint?: string } {
  const t = halfWidth(cell.replace(/^\uFEFF/, '')).trim().toLowerCase();
  const m = /^(.*?)[([【]\s*([^)\]】]*)\s*[)\]】]$/.exec(t);
  const name = (m ? m[1]! : t).replace(/[\s_/、·]/g, '');
  const hint = m?.[2]?.trim();
  return hint ? { name, hint } : { name };
}

export function columnOf(cell: string): ImportColumn | undefined {
  const { name } = splitHeader(cell);
  if (name === '') return undefined;
  return IMPORT_COLUMNS.find((c) => HEADER_NAMES[c].includes(name) || HEADER_NAMES[c].includes(name.replace(/_/g, '')));
}

export interface HeaderLayout {
  sheetIndex: number;
  sheetName: string;
  /** Row numbers of the header (one, or two for a two-level header). */
  headerLines: number[];
  /** Rows above the header, taken as titles and skipped. */
  titleLines: number[];
  columns: Map<ImportColumn, number>;
  /** Column → unit named in its header's brackets (`%`, `‱`, `万元`). */
  hints: Map<ImportColumn, string>;
  /** Header cells not understood: their columns are ignored. */
  ignored: string[];
  dataStart: number;
}

/** Where a header is looked for: title rows and notes rarely take more. */
const HEADER_SEARCH_ROWS = 10;

function mapRow(cells: readonly string[], lower?: readonly string[]): Map<ImportColumn, number> {
  const at = new Map<ImportColumn, number>();
  const width = Math.max(cells.length, lower?.length ?? 0);
  for (let i = 0; i < width; i++) {
    const column = columnOf(lower?.[i] ?? '') ?? columnOf(cells[i] ?? '');
    if (column && !at.has(column)) at.set(column, i);
  }
  return at;
}

const isHeader = (at: Map<ImportColumn, number>) => at.has('metric') && at.size >= 2;

function layoutOf(sheet: SheetInput, sheetIndex: number, r: number, two: boolean): HeaderLayout {
  const top = sheet.rows[r]!;
  const lower = two ? sheet.rows[r + 1]! : undefined;
  const columns = mapRow(top.cells, lower?.cells);
  const hints = new Map<ImportColumn, string>();
  const ignored: string[] = [];
  const width = Math.max(top.cells.length, lower?.cells.length ?? 0);
  for (let i = 0; i < width; i++) {
    const text = lower?.cells[i] || top.cells[i] || '';
    const column = [...columns].find(([, at]) => at === i)?.[0];
    const hint = column ? (splitHeader(lower?.cells[i] ?? '').hint ?? splitHeader(top.cells[i] ?? '').hint) : undefined;
    if (column && hint) hints.set(column, hint);
    if (!column && text !== '') ignored.push(text);
  }
  return {
    sheetIndex,
    sheetName: sheet.name,
    headerLines: lower ? [top.line, lower.line] : [top.line],
    titleLines: sheet.rows.slice(0, r).map((row) => row.line),
    columns,
    hints,
    ignored,
    dataStart: r + (lower ? 2 : 1),
  };
}

/**
 * The first sheet whose first rows hold a header, and that header: title rows above it are
 * skipped; a two-level header (a merged group over 数值/分子/分母) is read as one.
 */
export function locateHeader(sheets: readonly SheetInput[]): HeaderLayout | undefined {
  for (let s = 0; s < sheets.length; s++) {
    const rows = sheets[s]!.rows;
    for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
      const single = mapRow(rows[r]!.cells);
      const next = rows[r + 1];
      const double = next ? mapRow(rows[r]!.cells, next.cells) : undefined;
      // The second row belongs to the header when it names columns the first does not.
      const lowerIsHeader = single.has('metric') && next !== undefined && double !== undefined && double.size > single.size && mapRow(next.cells).size > 0;
      if (lowerIsHeader && isHeader(double)) return layoutOf(sheets[s]!, s, r, true);
      if (isHeader(single)) return layoutOf(sheets[s]!, s, r, false);
    }
  }
  return undefined;
}
