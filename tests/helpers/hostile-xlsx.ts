// Hostile XLSX files, built here with a small ZIP writer so their shapes are exact: a cell that
// inflates to hundreds of MB, a sheet of a million rows, a huge shared-strings table, and a
// directory that lies about sizes. Compressed, each is well under the 2 MB upload limit.
import { constants, createDeflateRaw, crc32 } from 'node:zlib';

interface Part {
  name: string;
  /** Produces the part's content in pieces, so a 300 MB part never sits in memory. */
  content: () => Iterable<string>;
  /** What the central directory claims (a lie, when set). */
  declaredSize?: number;
}

async function deflate(chunks: Iterable<string>): Promise<{ data: Buffer; size: number; crc: number }> {
  const z = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => z.on('end', resolve).on('error', reject));
  let size = 0;
  let crc = 0;
  for (const chunk of chunks) {
    const b = Buffer.from(chunk, 'utf8');
    size += b.length;
    crc = crc32(b, crc);
    if (!z.write(b)) await new Promise((resolve) => z.once('drain', resolve));
  }
  z.end();
  await done;
  return { data: Buffer.concat(out), size, crc };
}

export async function buildZip(parts: Part[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, size, crc } = await deflate(part.content());
    const name = Buffer.from(part.name, 'utf8');
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function* once(text: string): Iterable<string> {
  yield text;
}

function skeleton(sheet: Part['content'], options: { strings?: Part['content']; sheetDeclared?: number } = {}): Part[] {
  return [
    { name: '[Content_Types].xml', content: () => once('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: '_rels/.rels', content: () => once(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: 'xl/workbook.xml', content: () => once(`<workbook ${NS}><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: () =>
        once(
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
            (options.strings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
            '</Relationships>',
        ),
    },
    { name: 'xl/worksheets/sheet1.xml', content: sheet, ...(options.sheetDeclared !== undefined ? { declaredSize: options.sheetDeclared } : {}) },
    ...(options.strings ? [{ name: 'xl/sharedStrings.xml', content: options.strings }] : []),
  ];
}

const HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c><c r="B1" t="inlineStr"><is><t>期间</t></is></c><c r="C1" t="inlineStr"><is><t>数值</t></is></c></row>';

/** One cell that inflates to `mb` megabytes (the 293 KB → 300 MB file). */
export function zipBombCell(mb = 300, lie = false): Promise<Buffer> {
  const chunk = 'A'.repeat(1024 * 1024);
  return buildZip(
    skeleton(
      function* () {
        yield `<worksheet ${NS}><sheetData>${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>`;
        for (let i = 0; i < mb; i++) yield chunk;
        yield '</t></is></c></row></sheetData></worksheet>';
      },
      lie ? { sheetDeclared: 1000 } : {},
    ),
  );
}

/** A sheet of `rows` identical rows without row numbers (the 416 KB file with 1,000,000). */
export function manyRows(rows = 1_000_000, lie = false): Promise<Buffer> {
  const row = '<row><c t="inlineStr"><is><t>终本率</t></is></c><c t="inlineStr"><is><t>2024-08</t></is></c><c><v>1</v></c></row>';
  return buildZip(
    skeleton(
      function* () {
        yield `<worksheet ${NS}><sheetData>${HEADER_ROW}`;
        const batch = row.repeat(10_000);
        for (let r = 0; r < rows; r += 10_000) yield r + 10_000 <= rows ? batch : row.repeat(rows - r);
        yield '</sheetData></worksheet>';
      },
      lie ? { sheetDeclared: 1000 } : {},
    ),
  );
}

/** A shared-strings table of `mb` megabytes of distinct strings. */
export function hugeSharedStrings(mb = 730): Promise<Buffer> {
  return buildZip(
    skeleton(
      () => once(`<worksheet ${NS}><sheetData>${HEADER_ROW}<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>`),
      {
        strings: function* () {
          yield '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
          const batch = `<si><t>${'审'.repeat(1000)}</t></si>`.repeat(350);
          for (let written = 0; written < mb * 1024 * 1024; written += Buffer.byteLength(batch)) yield batch;
          yield '</sst>';
        },
      },
    ),
  );
}

const COUNTS = ['enf_cases_received', 'enf_first_cases', 'enf_resumed_cases', 'enf_cases_closed', 'enf_cases_pending'];
const UNITS = ['court', 'filing', 'criminal', 'civil1', 'civil2', 'admin_div', 'devzone', 'envres', 'enforcement', 'tmo', 'branch_civil', 'branch_enf'];

/** Row `i` of an ordinary big import: distinct (indicator, unit, month) from 2000-01 on, all valid. */
export function ordinaryRow(i: number): [string, string, string, number] {
  const month = Math.floor(i / (COUNTS.length * UNITS.length));
  return [COUNTS[i % COUNTS.length]!, UNITS[Math.floor(i / COUNTS.length) % UNITS.length]!, `${2000 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`, i % 500];
}

/** A well-formed file of `rows` data rows of real figures, for timing an ordinary big import. */
export function ordinaryRows(rows = 20_000): Promise<Buffer> {
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  return buildZip(
    skeleton(function* () {
      yield `<worksheet ${NS}><sheetData><row r="1">${cell('A1', '指标')}${cell('B1', '单位')}${cell('C1', '期间')}${cell('D1', '数值')}</row>`;
      let batch = '';
      for (let i = 0; i < rows; i++) {
        const r = i + 2;
        const [metric, unit, period, value] = ordinaryRow(i);
        batch += `<row r="${r}">${cell(`A${r}`, metric)}${cell(`B${r}`, unit)}${cell(`C${r}`, period)}<c r="D${r}"><v>${value}</v></c></row>`;
        if (batch.length > 1 << 20) {
          yield batch;
          batch = '';
        }
      }
      yield `${batch}</sheetData></worksheet>`;
    }),
  );
}
