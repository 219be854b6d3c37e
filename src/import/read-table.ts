import iconv from 'iconv-lite';
import { CsvRowLimitError, guessDelimiter, parseCsvRecords } from './csv.ts';
import type { TableResult } from './table-types.ts';
import { capCell, readXlsx, TooManyRowsError, XLSX_LIMITS } from './xlsx.ts';
import { ZipLimitError } from './zip.ts';

export type { TableError, TableResult, TableRow, TableSheet } from './table-types.ts';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
/** Title rows, notes sheets and blank header rows come on top of the data rows. */
const ROW_ALLOWANCE = 100;

/**
 * By BOM first (UTF-8; UTF-16 LE/BE as Excel's "Unicode text" saves), then UTF-8 when the bytes
 * are valid UTF-8, else GB18030 — what Excel writes in a Chinese locale (a superset of GBK).
 */
export function decodeText(buffer: Uint8Array): { text: string; encoding: string } {
  const b = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (b[0] === 0xff && b[1] === 0xfe) return { text: iconv.decode(b.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: iconv.decode(b.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(b, 'gb18030'), encoding: 'gb18030' };
  }
}

function extensionOf(fileName: string, buffer: Uint8Array): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  // An old binary workbook (OLE2) renamed to .xlsx is still an .xls.
  if (buffer[0] === 0xd0 && buffer[1] === 0xcf && buffer[2] === 0x11 && buffer[3] === 0xe0) return 'xls';
  const head = Buffer.from(buffer.subarray(0, 100)).toString('latin1');
  if (head.startsWith('PK') && head.includes('mimetypeapplication/vnd.oasis.opendocument')) return 'ods';
  return ext;
}

/**
 * A CSV/TXT or XLSX file as sheets of text, each cell as the spreadsheet shows it. Synchronous
 * and CPU-bound: the bot runs it in a worker (./read-table-worker.ts), never on its event loop.
 */
export function readTableSync(buffer: Uint8Array, fileName: string): TableResult {
  if (buffer.length > MAX_IMPORT_BYTES) return { ok: false, error: { code: 'too_large', limit: MAX_IMPORT_BYTES } };
  const ext = extensionOf(fileName, buffer);
  const rowLimit = MAX_IMPORT_ROWS + ROW_ALLOWANCE;
  try {
    if (ext === 'xlsx' || ext === 'xlsm') {
      const sheets = readXlsx(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), rowLimit);
      if (!sheets.some((s) => s.rows.length > 1)) return { ok: false, error: { code: 'empty' } };
      return { ok: true, sheets, encoding: 'xlsx' };
    }
    if (ext === 'csv' || ext === 'txt' || ext === 'tsv') {
      const decoded = decodeText(buffer);
      const text = decoded.text.replace(/^\uFEFF/, '');
      const rows = parseCsvRecords(text, guessDelimiter(text), rowLimit, XLSX_LIMITS.cellChars).map((r) => ({
        line: r.line,
        cells: r.cells.map((c) => capCell(c.trim())),
      }));
      if (rows.length < 2) return { ok: false, error: { code: 'empty' } };
      return { ok: true, sheets: [{ name: '', rows }], encoding: decoded.encoding };
    }
    return { ok: false, error: { code: 'unsupported_type', ext } };
  } catch (err) {
    if (err instanceof TooManyRowsError || err instanceof CsvRowLimitError) {
      return { ok: false, error: { code: 'too_many_rows', limit: MAX_IMPORT_ROWS } };
    }
    if (err instanceof ZipLimitError) return { ok: false, error: { code: 'part_too_large', part: err.part, limit: err.limit } };
    return { ok: false, error: { code: 'unreadable', detail: capCell(err instanceof Error ? err.message : String(err)) } };
  }
}
