import { classifyFormat, formatCellNumber, generalText, type NumberFormat } from './number-format.ts';
import type { TableRow, TableSheet } from './table-types.ts';
import { attr, decodeEntities, scanXml } from './xml-scan.ts';
import { listZip, readZipEntry, ZipFormatError, type ZipEntry } from './zip.ts';

/** Uncompressed caps, checked in the ZIP directory before inflating and again while inflating. */
export const XLSX_LIMITS = { sheetXml: 24 * 1024 * 1024, sharedStrings: 8 * 1024 * 1024, otherPart: 2 * 1024 * 1024, sheets: 20, columns: 64, cellChars: 256 };

export class TooManyRowsError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} rows`);
    this.name = 'TooManyRowsError';
  }
}

/** A cell longer than any name or number is kept short: it can only be an error, and it is echoed. */
export function capCell(text: string): string {
  return text.length > XLSX_LIMITS.cellChars ? `${text.slice(0, XLSX_LIMITS.cellChars)}…` : text;
}

interface Book {
  zip: Buffer;
  entries: Map<string, ZipEntry>;
}

function part(book: Book, name: string, limit: number): string | undefined {
  const entry = book.entries.get(name);
  return entry ? readZipEntry(book.zip, entry, limit).toString('utf8') : undefined;
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

function relationships(book: Book, of: string): Map<string, { type: string; target: string }> {
  const dir = of.split('/').slice(0, -1).join('/');
  const relsName = `${dir ? `${dir}/` : ''}_rels/${of.split('/').pop()}.rels`;
  const xml = part(book, relsName, XLSX_LIMITS.otherPart) ?? '';
  const rels = new Map<string, { type: string; target: string }>();
  for (const e of scanXml(xml)) {
    if (e.kind !== 'open' || e.name !== 'Relationship') continue;
    const id = attr(e.attrs, 'Id');
    const target = attr(e.attrs, 'Target');
    if (id && target) rels.set(id, { type: attr(e.attrs, 'Type') ?? '', target: resolveTarget(of, target) });
  }
  return rels;
}

function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  for (const e of scanXml(xml)) {
    if (e.kind === 'open') {
      if (e.name === 'si') current = e.selfClosing ? undefined : '';
      if (e.name === 'si' && e.selfClosing) strings.push('');
      else if (e.name === 't' && !e.selfClosing) inText = true;
      else if (e.name === 'rPh' && !e.selfClosing) phonetic++;
    } else if (e.kind === 'close') {
      if (e.name === 't') inText = false;
      else if (e.name === 'rPh') phonetic--;
      else if (e.name === 'si') {
        strings.push(capCell(decodeEntities(current ?? '')));
        current = undefined;
      }
    } else if (inText && phonetic === 0 && current !== undefined && current.length <= XLSX_LIMITS.cellChars * 8) current += e.text;
  }
  return strings;
}

function styles(xml: string): NumberFormat[] {
  const custom = new Map<number, string>();
  const formats: NumberFormat[] = [];
  let inCellXfs = false;
  for (const e of scanXml(xml)) {
    if (e.kind === 'close' && e.name === 'cellXfs') inCellXfs = false;
    if (e.kind !== 'open') continue;
    if (e.name === 'numFmt') custom.set(Number(attr(e.attrs, 'numFmtId')), attr(e.attrs, 'formatCode') ?? 'General');
    else if (e.name === 'cellXfs') inCellXfs = !e.selfClosing;
    else if (e.name === 'xf' && inCellXfs) {
      const id = Number(attr(e.attrs, 'numFmtId') ?? 0);
      formats.push(classifyFormat(id, custom.get(id)));
    }
  }
  return formats;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

interface SheetContext {
  strings: string[];
  formats: NumberFormat[];
  date1904: boolean;
  rowBudget: { left: number; limit: number };
}

function cellText(ctx: SheetContext, type: string, style: number, value: string): string {
  if (type === 's') return ctx.strings[Number(value)] ?? '';
  if (type === 'str' || type === 'inlineStr' || type === 'e') return capCell(decodeEntities(value));
  if (type === 'b') return value === '1' ? 'TRUE' : 'FALSE';
  // An ISO date cell (SheetJS cellDates, openpyxl iso_dates, Strict): the date as written, no zone shift.
  if (type === 'd') return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? capCell(value);
  const n = Number(value);
  if (value.trim() === '' || Number.isNaN(n)) return capCell(value);
  const format = ctx.formats[style];
  return format ? formatCellNumber(n, format, ctx.date1904) : generalText(n);
}

function readSheet(xml: string, name: string, ctx: SheetContext): TableSheet {
  const rows: TableRow[] = [];
  const merges: string[] = [];
  let row: TableRow | undefined;
  let nextRow = 1;
  let col = -1;
  let type = '';
  let style = 0;
  let hasFormula = false;
  let value: string | undefined;
  let capture: 'v' | 't' | undefined;
  for (const e of scanXml(xml)) {
    if (e.kind === 'text') {
      if (capture && value !== undefined && value.length <= XLSX_LIMITS.cellChars * 8) value += e.text;
      continue;
    }
    if (e.kind === 'open') {
      switch (e.name) {
        case 'row': {
          const r = Number(attr(e.attrs, 'r') ?? nextRow);
          row = { line: r, cells: [] };
          nextRow = r + 1;
          col = -1;
          if (e.selfClosing) row = undefined;
          break;
        }
        case 'c':
          col = attr(e.attrs, 'r') ? columnIndex(attr(e.attrs, 'r')!) : col + 1;
          type = attr(e.attrs, 't') ?? 'n';
          style = Number(attr(e.attrs, 's') ?? 0);
          hasFormula = false;
          value = undefined;
          if (e.selfClosing) value = undefined;
          break;
        case 'f':
          hasFormula = true;
          break;
        case 'v':
        case 't':
          if (!e.selfClosing) {
            capture = e.name;
            value ??= '';
          } else value ??= '';
          break;
        case 'rPh':
          capture = undefined;
          break;
        case 'mergeCell': {
          const ref = attr(e.attrs, 'ref');
          if (ref && merges.length < 10_000) merges.push(ref);
          break;
        }
      }
      continue;
    }
    if (e.name === 'v' || e.name === 't') capture = undefined;
    else if (e.name === 'c' && row && col >= 0 && col < XLSX_LIMITS.columns) {
      if (value === undefined || value === '') {
        if (hasFormula) (row.noCachedValue ??= []).push(col);
      } else {
        while (row.cells.length < col) row.cells.push('');
        row.cells[col] = cellText(ctx, type, style, value).trim();
      }
    } else if (e.name === 'row' && row) {
      if (row.cells.some((c) => c !== '') || row.noCachedValue) {
        if (--ctx.rowBudget.left < 0) throw new TooManyRowsError(ctx.rowBudget.limit);
        rows.push(row);
      }
      row = undefined;
    }
  }
  return { name, rows: fillMerges(rows, merges) };
}

/** A merged range shows its top-left value in every cell: a unit merged over rows belongs to each row. */
function fillMerges(rows: TableRow[], merges: string[]): TableRow[] {
  if (merges.length === 0) return rows;
  const byLine = new Map(rows.map((r) => [r.line, r]));
  for (const ref of merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!m) continue;
    const [c1, r1, c2, r2] = [columnIndex(m[1]!), Number(m[2]), columnIndex(m[3]!), Number(m[4])];
    const text = byLine.get(r1)?.cells[c1] ?? '';
    if (text === '' || c2 >= XLSX_LIMITS.columns || r2 - r1 > 1_000) continue;
    for (let r = r1; r <= r2; r++) {
      let row = byLine.get(r);
      if (!row) byLine.set(r, (row = { line: r, cells: [] }));
      for (let c = c1; c <= c2; c++) {
        while (row.cells.length <= c) row.cells.push('');
        if (row.cells[c] === '') row.cells[c] = text;
      }
    }
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/** The visible sheets of an XLSX, in workbook order, as the text each cell shows. */
export function readXlsx(buffer: Buffer, rowLimit: number): TableSheet[] {
  const book: Book = { zip: buffer, entries: listZip(buffer) };
  const root = [...relationships(book, '').values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbookXml = part(book, root, XLSX_LIMITS.otherPart);
  if (workbookXml === undefined) throw new ZipFormatError('no workbook inside (is it really an .xlsx?)');
  const rels = relationships(book, root);
  let stylesPart: string | undefined;
  let stringsPart: string | undefined;
  for (const r of rels.values()) {
    if (r.type.endsWith('/styles')) stylesPart = r.target;
    if (r.type.endsWith('/sharedStrings')) stringsPart = r.target;
  }
  const ctx: SheetContext = {
    strings: stringsPart ? sharedStrings(part(book, stringsPart, XLSX_LIMITS.sharedStrings) ?? '') : [],
    formats: stylesPart ? styles(part(book, stylesPart, XLSX_LIMITS.otherPart) ?? '') : [],
    date1904: false,
    rowBudget: { left: rowLimit, limit: rowLimit },
  };
  const sheets: TableSheet[] = [];
  for (const e of scanXml(workbookXml)) {
    if (e.kind !== 'open') continue;
    if (e.name === 'workbookPr') ctx.date1904 = /^(1|true)$/.test(attr(e.attrs, 'date1904') ?? '');
    if (e.name !== 'sheet' || sheets.length >= XLSX_LIMITS.sheets) continue;
    if (/hidden/i.test(attr(e.attrs, 'state') ?? '')) continue;
    const target = rels.get(attr(e.attrs, 'id') ?? '')?.target;
    const xml = target ? part(book, target, XLSX_LIMITS.sheetXml) : undefined;
    if (xml !== undefined) sheets.push(readSheet(xml, attr(e.attrs, 'name') ?? '', ctx));
  }
  return sheets;
}
