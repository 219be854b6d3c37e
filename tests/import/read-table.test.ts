import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parseCsv, parseCsvRecords } from '../../src/import/csv.ts';
import { createImportWorker } from '../../src/import/read-off-thread.ts';
import { loadSeedCatalog } from '../../src/store/metrics-store.ts';
import { decodeText, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readTableSync } from '../../src/import/read-table.ts';

const rowsOf = (result: ReturnType<typeof readTableSync>) => {
  assert.ok(result.ok, JSON.stringify(result));
  return result.sheets[0]!.rows;
};

describe('CSV parsing', () => {
  it('handles quotes, commas in quotes, doubled quotes and CRLF', () => {
    const rows = parseCsv('a,b,c\r\n"x, y","say ""hi""",3\r\n\r\n"two\nlines",,\n');
    assert.deepEqual(rows, [['a', 'b', 'c'], ['x, y', 'say "hi"', '3'], ['two\nlines', '', '']]);
  });

  it('numbers records as a spreadsheet numbers rows, whatever quoted line breaks they hold', () => {
    const records = parseCsvRecords('a,b\n"one\ntwo\nthree",x\nc,d\n');
    assert.deepEqual(records.map((r) => r.line), [1, 2, 3]);
  });

  it('accepts a lone CR as a line end', () => {
    assert.deepEqual(parseCsv('a,b\rc,d\r'), [['a', 'b'], ['c', 'd']]);
  });
});

describe('reading an import file', () => {
  const csv = '指标,单位,期间,数值\n终本率,本院,2024-08,10.47%\n';

  it('reads UTF-8 with a BOM', () => {
    const rows = rowsOf(readTableSync(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), 'a.csv'));
    assert.deepEqual(rows[0]!.cells, ['指标', '单位', '期间', '数值']);
    assert.deepEqual(rows[1], { line: 2, cells: ['终本率', '本院', '2024-08', '10.47%'] });
  });

  it('falls back to GB18030 for what Excel writes in China', () => {
    const gbk = iconv.encode(csv, 'gbk');
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk));
    assert.equal(decodeText(gbk).encoding, 'gb18030');
    assert.equal(rowsOf(readTableSync(gbk, 'a.CSV'))[1]!.cells[0], '终本率');
  });

  it('reads Excel "Unicode text": UTF-16 LE with its BOM, tab-separated', () => {
    const text = '2024年1-8月审判执行质效数据\r\n指标\t单位\t期间\t数值\r\n终本率\t本院\t2024-08\t10.47%\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    const result = readTableSync(bytes, 'export.txt');
    assert.ok(result.ok);
    assert.equal(result.encoding, 'utf-16le');
    assert.deepEqual(result.sheets[0]!.rows[2]!.cells, ['终本率', '本院', '2024-08', '10.47%']);
  });

  it('cuts a huge cell, so it can only be echoed short', () => {
    const rows = rowsOf(readTableSync(Buffer.from(`指标,期间,数值\n${'x'.repeat(1_900_000)},2024-08,1\n`), 'a.csv'));
    assert.ok(rows[1]!.cells[0]!.length < 300);
  });

  it('refuses more rows than the limit while reading, not after', () => {
    const body = 'a,b\n'.repeat(MAX_IMPORT_ROWS + 200);
    const result = readTableSync(Buffer.from(`指标,数值\n${body}`), 'a.csv');
    assert.equal(!result.ok && result.error.code, 'too_many_rows');
  });

  it('reads an XLSX off the event loop, percentages and dates as the cells show them', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('数据');
    sheet.addRow(['metric', 'unit', 'period', 'value', 'rank']);
    sheet.addRow([]);
    const row = sheet.addRow(['到位率', 'court', new Date(Date.UTC(2024, 7, 1)), 0.8081, 1]);
    row.getCell(4).numFmt = '0.00%';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const result = readTableSync(bytes, 'x.xlsx');
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.sheets[0]!.name, '数据');
    assert.deepEqual(result.sheets[0]!.rows[1], { line: 3, cells: ['到位率', 'court', '2024-08-01', '80.81%', '1'] });
    const worker = createImportWorker();
    try {
      const checked = await worker.run({ bytes, fileName: 'x.xlsx', catalog: loadSeedCatalog(), units: [], maxYear: 2027 });
      assert.ok('plan' in checked, JSON.stringify(checked));
      assert.deepEqual(checked.plan.errors, []);
      assert.equal(checked.plan.observations[0]!.value, 80.81);
    } finally {
      await worker.close();
    }
  });

  it('refuses big, empty, unknown and broken files', () => {
    const big = readTableSync(Buffer.alloc(MAX_IMPORT_BYTES + 1), 'a.csv');
    assert.equal(!big.ok && big.error.code, 'too_large');
    const empty = readTableSync(Buffer.from('metric,period,value\n'), 'a.csv');
    assert.equal(!empty.ok && empty.error.code, 'empty');
    const pdf = readTableSync(Buffer.from('%PDF'), 'a.pdf');
    assert.deepEqual(!pdf.ok && pdf.error, { code: 'unsupported_type', ext: 'pdf' });
    const broken = readTableSync(Buffer.from('not a zip'), 'a.xlsx');
    assert.equal(!broken.ok && broken.error.code, 'unreadable');
  });

  it('knows an old .xls or an .ods whatever its name', () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    assert.deepEqual(readTableSync(ole, 'renamed.xlsx'), { ok: false, error: { code: 'unsupported_type', ext: 'xls' } });
    const ods = Buffer.from('PK\x03\x04' + '\0'.repeat(26) + 'mimetypeapplication/vnd.oasis.opendocument.spreadsheet', 'latin1');
    assert.deepEqual(readTableSync(ods, 'a.ods'), { ok: false, error: { code: 'unsupported_type', ext: 'ods' } });
  });
});
