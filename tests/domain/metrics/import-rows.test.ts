import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildImportPlan, parseNumberCell, parsePeriodCell, type SheetRow } from '../../../src/domain/metrics/import-rows.ts';
import type { Unit } from '../../../src/domain/org.ts';
import { loadSeedCatalog } from '../../../src/store/metrics-store.ts';

const catalog = loadSeedCatalog();
const units: Unit[] = [{ code: 'devzone', nameZh: '开发区法庭', nameEn: 'Development Zone Tribunal', kind: 'tribunal' }];
const sheet = (...lines: string[][]): SheetRow[] => lines.map((cells, i) => ({ line: i + 1, cells }));

describe('import row validation', () => {
  it('reads cells the way courts write them', () => {
    assert.equal(parsePeriodCell('2024-08'), '2024-08');
    assert.equal(parsePeriodCell('2024年8月'), '2024-08');
    assert.equal(parsePeriodCell('2024/8/31'), '2024-08');
    assert.equal(parsePeriodCell('202408'), '2024-08');
    assert.equal(parsePeriodCell('2024-13'), undefined);
    assert.equal(parseNumberCell('10.47%'), 10.47);
    assert.equal(parseNumberCell('1,234.5'), 1234.5);
    assert.equal(parseNumberCell('８０.８１％'), 80.81);
    assert.equal(parseNumberCell(''), null);
    assert.equal(parseNumberCell('n/a'), undefined);
  });

  it('accepts English and Chinese headers and names, derives a missing value', () => {
    const plan = buildImportPlan(
      sheet(
        ['指标', '单位', '期间', '口径', '数值', '分子', '分母', '排名', '参评数'],
        ['终本率', '', '2024-08', '累计', '10.47%', '', '', '1', '16'],
        ['enf_amount_realized_rate', '开发区法庭', '2024年8月', 'month', '', '81', '100', '', ''],
      ),
      catalog,
      units,
    );
    assert.deepEqual(plan.errors, []);
    assert.equal(plan.rowsRead, 2);
    assert.deepEqual(plan.observations[0], { metric: 'first_enf_terminated_round_rate', unit: 'court', period: '2024-08', basis: 'ytd', value: 10.47, rank: 1, rankTotal: 16 });
    assert.equal(plan.observations[1]!.value, 81);
    assert.equal(plan.observations[1]!.unit, 'devzone');
    assert.equal(plan.observations[1]!.basis, 'month');
  });

  it('names the row and the reason of every bad row', () => {
    const plan = buildImportPlan(
      sheet(
        ['metric', 'unit', 'period', 'value', 'rank', 'rank_total'],
        ['终本率', '', '2024-08', '10.47', '', ''],
        ['不存在的指标', '', '2024-08', '1', '', ''],
        ['终本率', 'nowhere', '2024-08', '1', '', ''],
        ['终本率', '', '8/2024', '1', '', ''],
        ['终本率', '', '2024-07', 'abc', '', ''],
        ['终本率', '', '2024-06', '', '', ''],
        ['终本率', '', '2024-05', '3', '17', '16'],
        ['终本率', '', '2024-08', '10.5', '', ''],
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
    const plan = buildImportPlan(sheet(['name', 'amount'], ['终本率', '1']), catalog, units);
    assert.deepEqual(plan.errors.map((e) => e.value), ['metric', 'period', 'value']);
  });
});
