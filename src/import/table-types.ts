/** One row of a sheet, with its row number as the spreadsheet shows it. */
export interface TableRow {
  line: number;
  cells: string[];
  /** Columns (0-based) holding a formula saved without its result: nothing to read there. */
  noCachedValue?: number[];
}

export interface TableSheet {
  name: string;
  rows: TableRow[];
}

export type TableError =
  | { code: 'too_large'; limit: number }
  | { code: 'too_many_rows'; limit: number }
  | { code: 'part_too_large'; part: string; limit: number }
  | { code: 'unsupported_type'; ext: string }
  | { code: 'unreadable'; detail: string }
  | { code: 'too_complex' }
  | { code: 'empty' };

export type TableResult = { ok: true; sheets: TableSheet[]; encoding: string } | { ok: false; error: TableError };
