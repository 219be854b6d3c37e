import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainFigure, figureWithChanges, resolveFigure } from '../../../src/domain/metrics/derive.ts';
import type { MetricDef, MetricKind, Observation } from '../../../src/domain/metrics/types.ts';
import type { Unit } from '../../../src/domain/org.ts';

const def = (kind: MetricKind, unit: MetricDef['unit'] = '%'): MetricDef => ({
  code: kind, nameZh: kind, nameEn: kind, aliases: [], group: 'efficiency', unit, direction: unit === 'cases' || unit === 'yuan' ? 'none' : 'up', kind, reference: {},
});
const ytd = (kind: MetricKind, unit: string, period: string, value: number, numerator?: number, denominator?: number): Observation => ({
  metric: kind, unit, period, basis: 'ytd', value, ...(numerator !== undefined ? { numerator, denominator } : {}),
});

const UNITS: Unit[] = [
  { code: 'court', nameZh: '本院', nameEn: 'court', kind: 'court' },
  { code: 'civil1', nameZh: '民一庭', nameEn: 'c1', kind: 'division', parent: 'court' },
  { code: 'civil2', nameZh: '民二庭', nameEn: 'c2', kind: 'division', parent: 'court' },
  { code: 'team1', nameZh: '速裁团队', nameEn: 't1', kind: 'team', parent: 'civil1' },
  { code: 'branch', nameZh: '民事审判党支部', nameEn: 'b', kind: 'branch', parent: 'court', covers: ['civil1', 'civil2'] },
];

describe('kinds × derivations × periods (COURT-PRACTICE.md)', () => {
  const q = (period: string, basis: 'ytd' | 'month', unit = 'court') => ({ unit, period, basis });

  it('ratio of flows: Δ÷Δ for a month and a quarter, the ytd at the end for a year', () => {
    const d = def('flow_ratio');
    const list = [ytd('flow_ratio', 'court', '2024-06', 10, 30, 300), ytd('flow_ratio', 'court', '2024-08', 10.47, 356, 3400), ytd('flow_ratio', 'court', '2024-09', 11, 440, 4000), ytd('flow_ratio', 'court', '2024-12', 12, 600, 5000)];
    assert.equal(resolveFigure(d, list, q('2024-Q3', 'month'))?.value, (410 / 3700) * 100);
    assert.equal(resolveFigure(d, list, q('2024-Q3', 'month'))?.derived, 'month_from_ytd');
    assert.equal(resolveFigure(d, list, q('2024-09', 'month'))?.value.toFixed(2), ((84 / 600) * 100).toFixed(2));
    assert.equal(resolveFigure(d, list, q('2024-Q3', 'ytd'))?.value, 11);
    assert.equal(resolveFigure(d, list, q('2024', 'ytd'))?.value, 12);
    assert.equal(resolveFigure(d, list, q('2024', 'month'))?.value, 12);
    assert.equal(resolveFigure(d, list, q('2024-H2', 'month'))?.value, (570 / 4700) * 100);
    assert.equal(resolveFigure(d, list, q('2024-H1', 'month'))?.value, 10);
    assert.deepEqual(explainFigure(d, list, q('2024-Q4', 'month')).figure?.value, (160 / 1000) * 100);
    const noStart = explainFigure(d, list.slice(1), q('2024-Q3', 'month'));
    assert.equal(noStart.reason, 'no_earlier_ytd');
    assert.equal(noStart.needs, '2024-06');
    assert.equal(explainFigure(d, [ytd('flow_ratio', 'court', '2024-06', 10), ytd('flow_ratio', 'court', '2024-09', 11)], q('2024-Q3', 'month')).reason, 'no_parts');
  });

  it('average of a flow: the same rules (Σ days ÷ Σ cases)', () => {
    const d = def('flow_average', 'days');
    const list = [ytd('flow_average', 'court', '2024-07', 50, 5000, 100), ytd('flow_average', 'court', '2024-08', 55, 6600, 120)];
    assert.equal(resolveFigure(d, list, q('2024-08', 'month'))?.value, 80);
  });

  it('per capita: never differences a headcount; the month is Δ cases ÷ judges at its end, and never -0, NaN or ∞', () => {
    const d = def('per_capita', 'cases');
    const list = [ytd('per_capita', 'court', '2024-07', 147, 2940, 20), ytd('per_capita', 'court', '2024-08', 168, 3360, 20)];
    const month = resolveFigure(d, list, q('2024-08', 'month'));
    assert.equal(month?.value, 21);
    assert.equal(month?.derived, 'per_capita_period');
    const same = resolveFigure(d, [list[0]!, ytd('per_capita', 'court', '2024-08', 147, 2940, 20)], q('2024-08', 'month'));
    assert.ok(Object.is(same?.value, 0));
    const noJudges = explainFigure(d, [list[0]!, ytd('per_capita', 'court', '2024-08', 0, 3360, 0)], q('2024-08', 'month'));
    assert.equal(noJudges.reason, 'zero_denominator');
    const fewer = explainFigure(d, [list[0]!, ytd('per_capita', 'court', '2024-08', 140, 2800, 20)], q('2024-08', 'month'));
    assert.equal(fewer.reason, 'inconsistent');
    for (const r of [month, same]) assert.ok(r && Number.isFinite(r.value) && !Object.is(r.value, -0));
    // Court-wide: Σ cases ÷ Σ headcount, never an average of the units' figures.
    const units = [ytd('per_capita', 'civil1', '2024-08', 100, 1000, 10), ytd('per_capita', 'civil2', '2024-08', 50, 500, 10)];
    assert.equal(resolveFigure(d, units, q('2024-08', 'ytd'), UNITS)?.value, 75);
  });

  it('stock ratio: a month or a quarter is the value at its end', () => {
    const d = def('stock_ratio');
    const list = [ytd('stock_ratio', 'court', '2024-06', 1.1, 11, 1000), ytd('stock_ratio', 'court', '2024-09', 1.3, 13, 1000)];
    const q3 = resolveFigure(d, list, q('2024-Q3', 'month'));
    assert.equal(q3?.value, 1.3);
    assert.equal(q3?.derived, 'period_end');
    assert.equal(resolveFigure(d, list, q('2024-09', 'month'))?.value, 1.3);
  });

  it('counts and amounts: Δ of ytd, Σ across units; stocks of cases at the end', () => {
    const count = def('count', 'cases');
    const list = [ytd('count', 'court', '2024-06', 300), ytd('count', 'court', '2024-09', 473)];
    assert.equal(resolveFigure(count, list, q('2024-Q3', 'month'))?.value, 173);
    assert.equal(explainFigure(count, [ytd('count', 'court', '2024-06', 500), ytd('count', 'court', '2024-09', 473)], q('2024-Q3', 'month')).reason, 'inconsistent');
    const amount = def('amount', 'yuan');
    assert.equal(resolveFigure(amount, [ytd('amount', 'civil1', '2024-09', 5), ytd('amount', 'civil2', '2024-09', 7)], q('2024-09', 'ytd'), UNITS)?.value, 12);
    const stock = def('stock_count', 'cases');
    assert.equal(resolveFigure(stock, [ytd('stock_count', 'court', '2024-09', 1180)], q('2024-Q3', 'month'))?.value, 1180);
  });
});

describe('unit levels', () => {
  const d = def('flow_ratio');
  const at = (unit: string, n: number, den: number) => ytd('flow_ratio', unit, '2024-08', (n / den) * 100, n, den);

  it('never adds a party branch to the court: 民一庭 90/100 + 民二庭 100/100 = 95.00 %', () => {
    const list = [at('civil1', 90, 100), at('branch', 90, 100), at('civil2', 100, 100)];
    const court = resolveFigure(d, list, { unit: 'court', period: '2024-08', basis: 'ytd' }, UNITS);
    assert.equal(court?.value.toFixed(2), '95.00');
    assert.equal(court?.coverage, undefined);
  });

  it('states its coverage when a unit that reports the indicator has no figure, and does not compare it with a full one', () => {
    const list = [at('civil1', 90, 100), { ...at('civil2', 100, 100), period: '2024-07' }, { ...at('civil1', 80, 100), period: '2024-07' }];
    const court = resolveFigure(d, list, { unit: 'court', period: '2024-08', basis: 'ytd' }, UNITS);
    assert.deepEqual(court?.coverage, { have: 1, of: 2, missing: ['civil2'] });
    const changes = figureWithChanges(d, list, { unit: 'court', period: '2024-08', basis: 'ytd' }, UNITS);
    assert.equal(changes?.vsPrevious, undefined);
    assert.deepEqual(changes?.incomparable, ['previous']);
  });

  it('builds a division from its teams and a branch from the units it covers', () => {
    const list = [at('team1', 45, 50), at('civil2', 100, 100)];
    assert.equal(resolveFigure(d, list, { unit: 'civil1', period: '2024-08', basis: 'ytd' }, UNITS)?.value, 90);
    assert.equal(resolveFigure(d, list, { unit: 'branch', period: '2024-08', basis: 'ytd' }, UNITS)?.value.toFixed(2), ((145 / 150) * 100).toFixed(2));
    assert.equal(resolveFigure(d, list, { unit: 'court', period: '2024-08', basis: 'ytd' }, UNITS)?.value.toFixed(2), ((145 / 150) * 100).toFixed(2));
  });
});
