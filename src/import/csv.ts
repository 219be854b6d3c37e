/**
 * RFC 4180 CSV: fields in double quotes may hold commas, line breaks and doubled quotes;
 * lines end in LF or CRLF. Returns the rows as written, blank lines dropped.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  return parseCsvRecords(text, delimiter).map((r) => r.cells);
}

export interface CsvRecord {
  /** The line the record starts on, 1-based, as a spreadsheet numbers rows. */
  line: number;
  cells: string[];
}

export function parseCsvRecords(text: string, delimiter = ','): CsvRecord[] {
  const rows: CsvRecord[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  let line = 1;
  let startLine = 1;
  const endRow = () => {
    row.push(field);
    field = '';
    if (row.length > 1 || row[0] !== '') rows.push({ line: startLine, cells: row });
    row = [];
    line++;
    startLine = line;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n') endRow();
    else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      i++;
    } else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Excel in a Chinese locale sometimes saves with semicolons or tabs; pick what the header uses. */
export function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => ({ d, n: header.split(d).length }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 1 ? counts[0]!.d : ',';
}
