import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildImportPlan, parseNumberCell, parsePeriodCell, type SheetRow } from '../../../src/domain/metrics/import-rows.ts';
import type { Unit } from '../../../src/domain/org.ts';
import { loadSeedCatalog } from '../../../src/store/metrics-store.ts';

const catalog = loadSeedCatalog();
const units: Unit[] = [
  { code: 'devzone', nameZh: '开发区法庭', nameEn: 'Development Zone Tribunal', kind: 'tribunal' },
  { code: 'civil1', nameZh: '民事审判一庭', nameEn: 'First Civil Division', kind: 'division' },
];
const sheet = (...lines: string[][]): SheetRow[] => lines.map((cells, i) => ({ line: i + 1, cells }));
const period = (text: string) => {
  const p = parsePeriodCell(text, 2027);
  return p.ok ? `${p.period}${p.basis ? ` ${p.basis}` : ''}` : p.code;
};
const number = (text: string) => {
  const n = parseNumberCell(text);
  return n.ok ? (n.value === null ? null : `${n.value}${'mark' in n && n.mark ? n.mark : ''}`) : n.code;
};
const errorsOf = (rows: string[][], options = {}) =>
  buildImportPlan(sheet(['指标', '单位', '期间', '数值', '分子', '分母'], ...rows), catalog, units, { maxYear: 2027, ...options }).errors.map((e) => [e.line, e.code]);

describe('import cells', () => {
  it('reads periods the way courts write them', () => {
    assert.equal(period('2024-08'), '2024-08');
    assert.equal(period('2024年8月'), '2024-08');
    assert.equal(period('2024/8/31'), '2024-08');
    assert.equal(period('2024年8月31日'), '2024-08');
    assert.equal(period('２０２４年８月'), '2024-08');
    assert.equal(period('202408'), '2024-08');
    assert.equal(period('2024.10'), '2024-10');
    assert.equal(period('2024-08-01T00:00:00'), '2024-08');
    assert.equal(period('45505'), '2024-08', 'an Excel date serial');
    assert.equal(period('2024年1-8月'), '2024-08 ytd');
    assert.equal(period('2024年1—8月'), '2024-08 ytd');
    assert.equal(period('2024年3-8月'), 'period_kind_unsupported');
    assert.equal(period('2024年三季度'), '2024-Q3 month');
    assert.equal(period('2024年上半年'), '2024-H1 month');
    assert.equal(period('2024-13'), 'bad_period');
    assert.equal(period('1905-07'), 'year_out_of_range');
    assert.equal(period('2031-01'), 'year_out_of_range');
    assert.equal(period('2024'), 'bad_period');
  });

  it('reads numbers, refusing what is not finite or ambiguous', () => {
    assert.equal(number('10.47%'), '10.47%');
    assert.equal(number('1,234.5'), '1234.5');
    assert.equal(number('８０.８１％'), '80.81%');
    assert.equal(number('10,47%'), '10.47%', 'a decimal comma where it cannot be thousands');
    assert.equal(number('0,123'), 'ambiguous_number');
    assert.equal(number('1.234,5'), 'ambiguous_number');
    assert.equal(number('1e309'), 'not_finite');
    assert.equal(number('3‱'), '3‱');
    for (const empty of ['', '-', '—', '/', ' ']) assert.equal(number(empty), null);
    assert.equal(number('abc'), 'bad_number');
  });
});

describe('import row validation', () => {
  it('accepts English and Chinese headers and names, derives a missing value', () => {
    const plan = buildImportPlan(
      sheet(
        ['指标', '单位', '期间', '口径', '数值', '分子', '分母', '排名', '参评数'],
        ['终本率', '本院', '2024-08', '累计', '10.47%', '', '', '1', '16'],
        ['enf_amount_realized_rate', '开发区法庭', '2024年8月', 'month', '', '81', '100', '', ''],
      ),
      catalog,
      units,
    );
    assert.deepEqual(plan.errors, []);
    assert.equal(plan.rowsRead, 2);
    assert.deepEqual(plan.observations[0], { metric: 'first_enf_terminated_round_rate', unit: 'court', period: '2024-08', basis: 'ytd', value: 10.47, rank: 1, rankTotal: 16 });
    assert.deepEqual(plan.lines, [2, 3]);
    assert.equal(plan.observations[1]!.value, 81);
    assert.equal(plan.observations[1]!.unit, 'devzone');
    assert.equal(plan.observations[1]!.basis, 'month');
  });

  it('names the row and the reason of every bad row', () => {
    const plan = buildImportPlan(
      sheet(
        ['metric', 'unit', 'period', 'value', 'rank', 'rank_total'],
        ['终本率', '本院', '2024-08', '10.47', '', ''],
        ['不存在的指标', '本院', '2024-08', '1', '', ''],
        ['终本率', 'nowhere', '2024-08', '1', '', ''],
        ['终本率', '本院', '8/2024', '1', '', ''],
        ['终本率', '本院', '2024-07', 'abc', '', ''],
        ['终本率', '本院', '2024-06', '', '', ''],
        ['终本率', '本院', '2024-05', '3', '17', '16'],
        ['终本率', '本院', '2024-08', '10.5', '', ''],
      ),
      catalog,
      units,
    );
    assert.deepEqual(
      plan.errors.map((e) => [e.line, e.code]),
      [[3, 'unknown_metric'], [4, 'unknown_unit'], [5, 'bad_period'], [6, 'bad_number'], [7, 'no_value'], [8, 'bad_rank'], [9, 'duplicate']],
    );
    assert.equal(plan.errors.at(-1)!.value, '2');
  });

  it('refuses a sheet without the needed columns', () => {
    const plan = buildImportPlan(sheet(['指标', '单位'], ['终本率', '本院']), catalog, units);
    assert.deepEqual(plan.errors.map((e) => e.value), ['period', 'value']);
    assert.equal(buildImportPlan(sheet(['name', 'amount'], ['终本率', '1']), catalog, units).errors[0]!.code, 'no_header');
  });

  it('finds the header under title rows, reads bracketed units and a two-level header, lists ignored columns', () => {
    const plan = buildImportPlan(
      sheet(
        ['2024年1-8月审判执行质效数据'],
        ['序号', '指标名称', '单位名称', '统计月份', '数据', '数据', '数据', '备注'],
        ['', '', '', '', '数值（%）', '分子', '分母', ''],
        ['1', '结收比', '开发区法庭', '2024年1-8月', '96.79', '151', '156', '—'],
      ),
      catalog,
      units,
    );
    assert.deepEqual(plan.errors, []);
    assert.deepEqual(plan.layout?.titleLines, [1]);
    assert.deepEqual(plan.layout?.ignored, ['序号', '备注']);
    assert.deepEqual(plan.observations[0], { metric: 'clearance_ratio', unit: 'devzone', period: '2024-08', basis: 'ytd', value: 96.79, numerator: 151, denominator: 156 });
  });

  it('takes the first sheet that has a header, after a notes sheet', () => {
    const plan = buildImportPlan(
      [
        { name: '说明', rows: sheet(['本表由审管办填报'], ['数值单位：%']) },
        { name: '数据', rows: sheet(['指标', '期间', '数值'], ['终本率', '2024-08', '10.47']) },
      ],
      catalog,
      units,
    );
    assert.deepEqual(plan.errors, []);
    assert.equal(plan.layout?.sheetName, '数据');
  });

  it('checks values against what the indicator can be and against numerator ÷ denominator', () => {
    assert.deepEqual(
      errorsOf([
        ['到位率', '本院', '2024-08', '180.81%', '', ''],
        ['结案率', '本院', '2024-08', '-5', '', ''],
        ['到位率', '本院', '2024-07', '0.97%', '', ''],
        ['到位率', '本院', '2024-06', '80.81%', '81', '200'],
        ['执行收案数', '本院', '2024-08', '12%', '', ''],
        ['到位率', '本院', '2024-05', '1e309', '', ''],
      ]),
      [[2, 'out_of_bounds'], [3, 'out_of_bounds'], [4, 'looks_like_fraction'], [5, 'parts_mismatch'], [6, 'mark_not_allowed'], [7, 'not_finite']],
    );
  });

  it('accepts a value within the rounding it was written with, and reads % for a ‱ indicator', () => {
    const plan = buildImportPlan(
      sheet(['指标', '单位', '期间', '数值', '分子', '分母'], ['结收比', '本院', '2024-08', '96.79%', '151', '156'], ['司法赔偿率', '本院', '2024-08', '0.03%', '', '']),
      catalog,
      units,
    );
    assert.deepEqual(plan.errors, []);
    assert.equal(plan.observations[1]!.value, 3);
  });

  it('refuses an empty unit among rows that name units: a merged cell saved as CSV', () => {
    assert.deepEqual(
      errorsOf([
        ['结收比', '开发区法庭', '2024-08', '96', '', ''],
        ['结案率', '', '2024-08', '80', '', ''],
      ]),
      [[3, 'empty_unit']],
    );
    assert.deepEqual(errorsOf([['结案率', '', '2024-08', '80', '', '']]), [], 'a file that never names a unit is the court');
  });

  it('refuses a formula saved without its result', () => {
    const rows = [{ line: 1, cells: ['指标', '期间', '数值'] }, { line: 2, cells: ['终本率', '2024-08', ''], noCachedValue: [2] }];
    assert.deepEqual(buildImportPlan(rows, catalog, units).errors.map((e) => [e.line, e.code, e.value]), [[2, 'formula_no_value', 'value']]);
  });

  it('limits a manager to the units they may import', () => {
    const own = (unit: string) => unit === 'devzone';
    assert.deepEqual(
      errorsOf(
        [
          ['结收比', '开发区法庭', '2024-08', '96', '', ''],
          ['结收比', '民事审判一庭', '2024-08', '96', '', ''],
          ['结收比', '本院', '2024-08', '96', '', ''],
        ],
        { allowedUnit: own },
      ),
      [[3, 'unit_not_allowed'], [4, 'unit_not_allowed']],
    );
  });
});
