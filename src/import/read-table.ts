// exceljs takes half a second to load: only when an XLSX file arrives.
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { guessDelimiter, parseCsvRecords } from './csv.ts';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export type TableError =
  | { code: 'too_large'; limit: number }
  | { code: 'too_many_rows'; limit: number }
  | { code: 'unsupported_type' }
  | { code: 'unreadable'; detail: string }
  | { code: 'empty' };

/** One row of the sheet, with its row number as the user sees it (header = row 1). */
export interface TableRow {
  line: number;
  cells: string[];
}

export type TableResult = { ok: true; rows: TableRow[]; encoding: string } | { ok: false; error: TableError };

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 — what Excel
 * writes in a Chinese locale (a superset of GBK and GB2312).
 */
export function decodeText(buffer: Uint8Array): { text: string; encoding: string } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(buffer), 'gb18030'), encoding: 'gb18030' };
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}`;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (typeof value === 'number' && cell.numFmt?.includes('%')) {
    // A cell formatted as a percentage holds 0.1047 and shows 10.47%.
    return `${Number((value * 100).toPrecision(12))}%`;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    if ('result' in value) return scalarText(value.result);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return scalarText(value.text);
    return '';
  }
  return scalarText(value);
}

async function readXlsx(buffer: Uint8Array): Promise<TableRow[]> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(Buffer.from(buffer) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)).trim());
    rows.push({ line, cells });
  });
  return rows;
}

/** A CSV or XLSX file as rows of text, the header first; refuses what is too big or unreadable. */
export async function readTable(buffer: Uint8Array, fileName: string): Promise<TableResult> {
  if (buffer.length > MAX_IMPORT_BYTES) return { ok: false, error: { code: 'too_large', limit: MAX_IMPORT_BYTES } };
  const lower = fileName.toLowerCase();
  let rows: TableRow[];
  let encoding = 'xlsx';
  try {
    if (lower.endsWith('.xlsx')) rows = await readXlsx(buffer);
    else if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
      const decoded = decodeText(buffer);
      encoding = decoded.encoding;
      const text = decoded.text.replace(/^\uFEFF/, '');
      rows = parseCsvRecords(text, guessDelimiter(text)).map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) }));
    } else return { ok: false, error: { code: 'unsupported_type' } };
  } catch (err) {
    return { ok: false, error: { code: 'unreadable', detail: err instanceof Error ? err.message : String(err) } };
  }
  rows = rows.filter((r) => r.cells.some((c) => c !== ''));
  if (rows.length < 2) return { ok: false, error: { code: 'empty' } };
  if (rows.length - 1 > MAX_IMPORT_ROWS) return { ok: false, error: { code: 'too_many_rows', limit: MAX_IMPORT_ROWS } };
  return { ok: true, rows, encoding };
}
