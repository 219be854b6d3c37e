import { shorten } from '../domain/cut-text.ts';

/**
 * RFC 4180 CSV: fields in double quotes may hold separators, line breaks and doubled quotes;
 * records end in LF, CRLF or a lone CR (old Mac exports). Returns the rows as written, blank
 * lines dropped.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  return parseCsvRecords(text, delimiter).map((r) => r.cells);
}

export interface CsvRecord {
  /** The row number a spreadsheet gives the record: a quoted line break does not start a new row. */
  line: number;
  cells: string[];
}

export class CsvRowLimitError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} rows`);
    this.name = 'CsvRowLimitError';
  }
}

export function parseCsvRecords(text: string, delimiter = ',', rowLimit = Infinity, cellLimit = Infinity): CsvRecord[] {
  const rows: CsvRecord[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let record = 1;
  const cut = (s: string) => shorten(s, cellLimit);
  const endRow = () => {
    row.push(cut(field));
    field = '';
    if (row.length > 1 || row[0] !== '') {
      if (rows.length >= rowLimit) throw new CsvRowLimitError(rowLimit);
      rows.push({ line: record, cells: row });
    }
    row = [];
    record++;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(cut(field));
      field = '';
    } else if (c === '\n') endRow();
    else if (c === '\r') {
      endRow();
      if (text[i + 1] === '\n') i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/**
 * Excel in a Chinese locale sometimes saves with semicolons or tabs ("Unicode text" is
 * tab-separated); a title line may come first, so the first lines vote.
 */
export function guessDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\r|\n/).slice(0, 10);
  const best = [',', ';', '\t']
    .map((d) => ({ d, n: Math.max(...lines.map((l) => l.split(d).length - 1)) }))
    .sort((a, b) => b.n - a.n)[0]!;
  return best.n > 0 ? best.d : ',';
}
