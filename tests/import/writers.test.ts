// Files as other tools write them: SheetJS (built here), openpyxl and xlsxwriter (committed fixtures,
// made by tests/fixtures/import/make-fixtures.py). Each is read and checked as the bot does, and the
// figures that would be stored are compared with what the clerk sees in the sheet.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as XLSX from 'xlsx';
import { loadSeedUnits } from '../../src/app.ts';
import { buildImportPlan } from '../../src/domain/metrics/import-rows.ts';
import { readTableSync } from '../../src/import/read-table.ts';
import { listZip, readZipEntry } from '../../src/import/zip.ts';
import { loadSeedCatalog } from '../../src/store/metrics-store.ts';

const catalog = loadSeedCatalog();
const units = await loadSeedUnits();
const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));

function plan(bytes: Uint8Array, name: string) {
  const table = readTableSync(bytes, name);
  assert.ok(table.ok, JSON.stringify(table));
  return buildImportPlan(table.sheets, catalog, units, { maxYear: 2027 });
}

const stored = (p: ReturnType<typeof plan>) => p.observations.map((o) => [o.metric, o.unit, o.period, o.basis, o.value]);

function sheetjs(rows: XLSX.CellObject[][], options: XLSX.WritingOptions = {}): Buffer {
  const ws: XLSX.WorkSheet = {};
  rows.forEach((row, r) => row.forEach((cell, c) => (ws[XLSX.utils.encode_cell({ r, c })] = cell)));
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: Math.max(...rows.map((r) => r.length)) - 1 } });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '数据');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', ...options }) as Buffer;
}
const s = (v: string): XLSX.CellObject => ({ t: 's', v });
const n = (v: number, z?: string): XLSX.CellObject => ({ t: 'n', v, ...(z ? { z } : {}) });
const HEADER = ['指标', '单位', '期间', '口径', '数值', '分子', '分母'].map(s);

describe('files written by SheetJS', () => {
  it('reads a rate computed by a formula in a 0.00% cell as the percentage shown, not 100× too small', () => {
    const bytes = sheetjs([HEADER, [s('结收比'), s('本院'), s('2024-08'), s('累计'), { t: 'n', v: 151 / 156, f: 'F2/G2', z: '0.00%' }, n(151), n(156)]]);
    const p = plan(bytes, 'sheetjs.xlsx');
    assert.deepEqual(p.errors, []);
    assert.deepEqual(stored(p), [['clearance_ratio', 'court', '2024-08', 'ytd', 96.79]]);
  });

  it('reads ISO date cells (cellDates) as the month written, not 1905', () => {
    const date = new Date(Date.UTC(2024, 7, 1));
    const bytes = sheetjs([HEADER, [s('终本率'), s('本院'), { t: 'd', v: date }, s('累计'), n(10.47)]], { cellDates: true });
    const sheetXml = readZipEntry(bytes, listZip(bytes).get('xl/worksheets/sheet1.xml')!, 1e6).toString('utf8');
    assert.match(sheetXml, /<c r="C2"[^>]* t="d"><v>2024-08-01T00:00:00/);
    const p = plan(bytes, 'sheetjs-dates.xlsx');
    assert.deepEqual(p.errors, []);
    assert.deepEqual(stored(p), [['first_enf_terminated_round_rate', 'court', '2024-08', 'ytd', 10.47]]);
  });

  it('reads a period typed 2024.10 in a 0.00 number cell as October, as shown', () => {
    const bytes = sheetjs([HEADER, [s('终本率'), s('本院'), n(2024.1, '0.00'), s('累计'), n(10.47)]]);
    assert.deepEqual(stored(plan(bytes, 'sheetjs-period.xlsx')), [['first_enf_terminated_round_rate', 'court', '2024-10', 'ytd', 10.47]]);
  });

  it('refuses a value of 1e309 and an impossible rate, naming the rows', () => {
    const bytes = sheetjs([HEADER, [s('终本率'), s('本院'), s('2024-08'), s('累计'), s('1e309')], [s('到位率'), s('本院'), s('2024-08'), s('累计'), n(1.8081, '0.00%')]]);
    assert.deepEqual(plan(bytes, 'sheetjs-bad.xlsx').errors.map((e) => [e.line, e.code]), [[2, 'not_finite'], [3, 'out_of_bounds']]);
  });
});

describe('files written by openpyxl and xlsxwriter', () => {
  it('openpyxl: notes sheet, title row, two-level merged header, merged unit, ISO dates, 2024.10, placeholders', () => {
    const p = plan(fixture('openpyxl-shapes.xlsx'), 'openpyxl-shapes.xlsx');
    assert.deepEqual(p.errors, []);
    assert.equal(p.layout?.sheetName, '数据');
    assert.deepEqual(p.layout?.titleLines, [1]);
    assert.deepEqual(p.layout?.ignored, ['序号', '备注']);
    assert.deepEqual(stored(p), [
      ['clearance_ratio', 'devzone', '2024-08', 'ytd', 96.79],
      ['closure_rate', 'devzone', '2024-08', 'ytd', 80.5],
      ['enf_amount_realized_rate', 'enforcement', '2024-10', 'ytd', 80.81],
    ]);
    assert.deepEqual(p.lines, [4, 5, 6]);
  });

  it('openpyxl: a formula saved without its result is refused, not read as 0', () => {
    const p = plan(fixture('openpyxl-formula-no-result.xlsx'), 'formula.xlsx');
    assert.deepEqual(p.errors.map((e) => [e.line, e.code, e.value]), [[2, 'formula_no_value', 'value']]);
    assert.deepEqual(p.observations, []);
  });

  it('xlsxwriter: a formula result in a 0.00% cell and a Chinese-locale built-in date format (57)', () => {
    const p = plan(fixture('xlsxwriter-formula-percent.xlsx'), 'xlsxwriter.xlsx');
    assert.deepEqual(p.errors, []);
    assert.deepEqual(stored(p), [['clearance_ratio', 'court', '2024-08', 'ytd', 96.79]]);
  });
});
