import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MetricDef } from '../../src/domain/metrics/types.ts';
import { formatChange, formatComparison, formatFigure, formatPart, formatValue } from '../../src/render/figures.ts';
import { formatPeriod, formatPeriodSpan } from '../../src/render/period.ts';

const rate: MetricDef = { code: 'r', nameZh: '终本率', nameEn: 'rate', aliases: [], group: 'enforcement', unit: '%', direction: 'down', kind: 'flow_ratio', reference: {} };
const up: MetricDef = { ...rate, direction: 'up' };
const days: MetricDef = { ...rate, unit: 'days' };
const count: MetricDef = { ...rate, unit: 'cases', direction: 'up', kind: 'count' };
const amount: MetricDef = { ...count, unit: 'yuan' };
const ratio: MetricDef = { ...rate, unit: 'ratio' };

describe('values, as court reports write them', () => {
  it('writes every unit one way', () => {
    assert.equal(formatFigure('zh', rate, 10.4706), '10.47%');
    assert.equal(formatValue('zh', '‱', 3.2), '3.20‱');
    assert.equal(formatFigure('zh', ratio, 1.3249), '1:1.32');
    assert.equal(formatFigure('zh', days, 98.5), '98.50天');
    assert.equal(formatFigure('zh', count, 1234), '1,234件');
    assert.equal(formatFigure('zh', count, 156.256), '156.26件');
    assert.equal(formatFigure('zh', amount, 80_810_000), '8,081.00万元');
    assert.equal(formatFigure('zh', amount, 9999.5), '1.00万元');
    assert.equal(formatValue('zh', 'people', 12), '12人');
  });

  it('writes English naturally', () => {
    assert.equal(formatFigure('en', days, 98.5), '98.50 days');
    assert.equal(formatFigure('en', count, 1234), '1,234 cases');
    assert.equal(formatFigure('en', count, 1), '1 case');
    assert.equal(formatFigure('en', amount, 494_961_250), '¥494,961,250');
    assert.equal(formatFigure('en', ratio, 1.32), '1:1.32');
  });

  it('never writes -0', () => {
    assert.equal(formatFigure('zh', count, -0.001), '0件');
    assert.equal(formatFigure('zh', rate, -0.001), '0.00%');
    assert.equal(formatFigure('zh', days, -0.004), '0.00天');
  });

  it('writes numerators and denominators in what they count', () => {
    assert.equal(formatPart('zh', 'yuan', 494_961_250), '49,496.13万元');
    assert.equal(formatPart('zh', 'cases', 356), '356件');
    assert.equal(formatPart('zh', undefined, 3400), '3,400');
  });
});

describe('changes', () => {
  it('gives rates in 个百分点, judged by direction', () => {
    assert.equal(formatChange('zh', rate, { delta: -0.99 }), '下降0.99个百分点（向好）');
    assert.equal(formatChange('zh', rate, { delta: 5.39 }), '上升5.39个百分点（变差）');
    assert.equal(formatChange('zh', up, { delta: -0.35 }), '下降0.35个百分点（变差）');
    assert.equal(formatChange('zh', rate, { delta: 0.001 }), '持平');
    assert.equal(formatChange('en', rate, { delta: 1.2 }), 'up 1.20 pp (worse)');
    assert.equal(formatChange('zh', { ...rate, direction: 'range' }, { delta: 1 }), '上升1.00个百分点');
  });

  it('gives counts and amounts in per cent, unjudged; days shorter or longer', () => {
    assert.equal(formatChange('zh', count, { delta: -27, relative: -0.0864 }), '下降8.64%');
    assert.equal(formatChange('zh', amount, { delta: 1, relative: 0.1 }), '上升10.00%');
    assert.equal(formatChange('zh', count, { delta: 12 }), '上升12件');
    assert.equal(formatChange('zh', days, { delta: -0.02, relative: -0.0002 }), '缩短0.02天（向好）');
    assert.equal(formatChange('zh', days, { delta: 3, relative: 0.03 }), '延长3.00天（变差）');
    assert.equal(formatChange('en', days, { delta: -0.02 }), 'down 0.02 days (better)');
    assert.equal(formatChange('zh', ratio, { delta: -0.03 }), '下降0.03（向好）');
    assert.equal(formatChange('zh', rate, undefined), '无可比数据');
  });

  it('gives the earlier value with the change', () => {
    assert.equal(formatComparison('zh', rate, 'previous', 11.46, { delta: -0.99 }, '2024-08'), '较上月（11.46%）下降0.99个百分点（向好）');
    assert.equal(formatComparison('zh', count, 'lastYear', 1200, { delta: 100, relative: 1 / 12 }, '2024-08'), '较去年同期（1,200件）上升8.33%');
    assert.equal(formatComparison('zh', rate, 'previous', undefined, undefined, '2024-08'), '较上月：无可比数据');
    assert.equal(formatComparison('zh', rate, 'previous', 12, { delta: 1 }, '2024-Q3'), '较上季度（12.00%）上升1.00个百分点（变差）');
    assert.equal(formatComparison('en', rate, 'previous', 11.46, { delta: -0.99 }, '2024-08'), 'vs the month before (11.46%): down 0.99 pp (better)');
  });
});

describe('periods', () => {
  it('names year-to-date and month periods as reports do', () => {
    assert.equal(formatPeriod('zh', '2024-08', 'ytd'), '2024年1—8月');
    assert.equal(formatPeriod('zh', '2024-01', 'ytd'), '2024年1月');
    assert.equal(formatPeriod('zh', '2024-08', 'month'), '2024年8月');
    assert.equal(formatPeriod('en', '2024-08', 'ytd'), 'January–August 2024');
    assert.equal(formatPeriod('en', '2024-08', 'month'), 'August 2024');
  });

  it('names quarters, halves and years by their kind', () => {
    assert.equal(formatPeriod('zh', '2024-Q3'), '2024年第三季度');
    assert.equal(formatPeriod('zh', { kind: 'half', year: 2024, half: 1 }), '2024年上半年');
    assert.equal(formatPeriod('zh', '2024'), '2024年');
    assert.equal(formatPeriod('en', '2024Q3'), 'Q3 2024');
    assert.equal(formatPeriod('en', '2024-H2'), 'second half of 2024');
    assert.equal(formatPeriodSpan('zh', '2023-09', '2024-08'), '2023年9月—2024年8月');
  });
});
