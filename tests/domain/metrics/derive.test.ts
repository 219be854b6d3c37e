import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changeBetween, figureWithChanges, isImprovement, monthFromYtd, resolveFigure, sumOfUnits } from '../../../src/domain/metrics/derive.ts';
import type { MetricDef, Observation } from '../../../src/domain/metrics/types.ts';

const RATE: MetricDef = {
  code: 'enf_amount_realized_rate', nameZh: '执行标的到位率', nameEn: 'enforcement amount realised', aliases: ['到位率'],
  group: 'enforcement', unit: '%', direction: 'up', kind: 'flow_ratio', reference: { target: 50 },
};
const COUNT: MetricDef = { ...RATE, code: 'enf_cases_closed', unit: 'cases', kind: 'count', reference: {} };
const obs = (o: Partial<Observation> & Pick<Observation, 'period' | 'value'>): Observation => ({ metric: RATE.code, unit: 'court', basis: 'ytd', ...o });

describe('derived figures', () => {
  it('derives a month from two consecutive ytd figures', () => {
    const month = monthFromYtd(RATE, obs({ period: '2024-08', value: 80, numerator: 800, denominator: 1000 }), obs({ period: '2024-07', value: 75, numerator: 600, denominator: 800 }));
    assert.equal(month?.value, 100);
    assert.equal(month?.numerator, 200);
    assert.equal(month?.denominator, 200);
    assert.equal(month?.derived, 'month_from_ytd');
  });

  it("takes January's month as its ytd and needs the parts otherwise", () => {
    assert.equal(monthFromYtd(RATE, obs({ period: '2024-01', value: 40, numerator: 4, denominator: 10 }), undefined)?.value, 40);
    assert.equal(monthFromYtd(RATE, obs({ period: '2024-08', value: 80 }), obs({ period: '2024-07', value: 75 })), undefined);
    assert.equal(monthFromYtd(COUNT, obs({ period: '2024-08', value: 500 }), obs({ period: '2024-07', value: 430 }))?.value, 70);
  });

  it('sums numerators and denominators of units, never averages their rates', () => {
    const a = obs({ unit: 'devzone', period: '2024-08', value: 90, numerator: 9, denominator: 10 });
    const b = obs({ unit: 'enforcement', period: '2024-08', value: 10, numerator: 10, denominator: 100 });
    const court = sumOfUnits(RATE, [a, b]);
    assert.ok(court);
    assert.equal(court.value.toFixed(4), ((19 / 110) * 100).toFixed(4));
    assert.notEqual(court.value, 50);
    assert.equal(court.derived, 'sum_of_units');
    assert.equal(sumOfUnits(RATE, [a, obs({ unit: 'x', period: '2024-08', value: 5 })]), undefined);
  });

  it('resolves the court from its units only when the court was not imported', () => {
    const units = [
      obs({ unit: 'devzone', period: '2024-08', value: 50, numerator: 5, denominator: 10 }),
      obs({ unit: 'enforcement', period: '2024-08', value: 100, numerator: 10, denominator: 10 }),
    ];
    assert.equal(resolveFigure(RATE, units, { unit: 'court', period: '2024-08', basis: 'ytd' })?.value, 75);
    const withCourt = [...units, obs({ period: '2024-08', value: 80.81, rank: 1, rankTotal: 16 })];
    const figure = resolveFigure(RATE, withCourt, { unit: 'court', period: '2024-08', basis: 'ytd' });
    assert.equal(figure?.value, 80.81);
    assert.equal(figure?.rank, 1);
    assert.equal(figure?.derived, undefined);
  });

  it('gives changes in percentage points against the previous month and last year', () => {
    const list = [
      obs({ period: '2024-08', value: 80.81 }),
      obs({ period: '2024-07', value: 78.5 }),
      obs({ period: '2023-08', value: 70.01 }),
    ];
    const f = figureWithChanges(RATE, list, { unit: 'court', period: '2024-08', basis: 'ytd' });
    assert.equal(f?.vsPrevious?.delta.toFixed(2), '2.31');
    assert.equal(f?.vsLastYear?.delta.toFixed(2), '10.80');
    assert.equal(f?.vsPrevious?.relative, undefined);
    assert.equal(isImprovement(RATE, f?.vsPrevious), true);
    assert.equal(isImprovement({ ...RATE, direction: 'down' }, f?.vsPrevious), false);
    assert.equal(changeBetween(COUNT, 110, 100)?.relative, 0.1);
  });

  it('does not compare a January ytd with December of the year before', () => {
    const list = [obs({ period: '2024-01', value: 60 }), obs({ period: '2023-12', value: 85 })];
    assert.equal(figureWithChanges(RATE, list, { unit: 'court', period: '2024-01', basis: 'ytd' })?.vsPrevious, undefined);
  });
});
