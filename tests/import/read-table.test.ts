import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parseCsv } from '../../src/import/csv.ts';
import { decodeText, MAX_IMPORT_BYTES, readTable } from '../../src/import/read-table.ts';

describe('CSV parsing', () => {
  it('handles quotes, commas in quotes, doubled quotes and CRLF', () => {
    const rows = parseCsv('a,b,c\r\n"x, y","say ""hi""",3\r\n\r\n"two\nlines",,\n');
    assert.deepEqual(rows, [['a', 'b', 'c'], ['x, y', 'say "hi"', '3'], ['two\nlines', '', '']]);
  });
});

describe('reading an import file', () => {
  const csv = '指标,单位,期间,数值\n终本率,,2024-08,10.47%\n';

  it('reads UTF-8 with a BOM', async () => {
    const result = await readTable(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), 'a.csv');
    assert.ok(result.ok);
    assert.equal(result.encoding, 'utf-8');
    assert.deepEqual(result.rows[0]!.cells, ['指标', '单位', '期间', '数值']);
    assert.deepEqual(result.rows[1], { line: 2, cells: ['终本率', '', '2024-08', '10.47%'] });
  });

  it('falls back to GB18030 for what Excel writes in China', async () => {
    const gbk = iconv.encode(csv, 'gbk');
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk));
    assert.equal(decodeText(gbk).encoding, 'gb18030');
    const result = await readTable(gbk, 'a.CSV');
    assert.ok(result.ok);
    assert.equal(result.rows[1]!.cells[0], '终本率');
  });

  it('reads the first sheet of an XLSX, percentages and dates included', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('数据');
    sheet.addRow(['metric', 'unit', 'period', 'value', 'rank']);
    sheet.addRow([]);
    const row = sheet.addRow(['到位率', 'court', new Date(Date.UTC(2024, 7, 1)), 0.8081, 1]);
    row.getCell(4).numFmt = '0.00%';
    const result = await readTable(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx');
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.rows[1], { line: 3, cells: ['到位率', 'court', '2024-08', '80.81%', '1'] });
  });

  it('refuses big, empty, unknown and broken files', async () => {
    const big = await readTable(Buffer.alloc(MAX_IMPORT_BYTES + 1), 'a.csv');
    assert.equal(!big.ok && big.error.code, 'too_large');
    const empty = await readTable(Buffer.from('metric,period,value\n'), 'a.csv');
    assert.equal(!empty.ok && empty.error.code, 'empty');
    const pdf = await readTable(Buffer.from('%PDF'), 'a.pdf');
    assert.equal(!pdf.ok && pdf.error.code, 'unsupported_type');
    const broken = await readTable(Buffer.from('not a zip'), 'a.xlsx');
    assert.equal(!broken.ok && broken.error.code, 'unreadable');
  });
});
