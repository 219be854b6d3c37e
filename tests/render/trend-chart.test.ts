import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MetricDef } from '../../src/domain/metrics/types.ts';
import { buildTrendChartSpec } from '../../src/render/trend-chart.ts';
import { translator } from '../../src/text/i18n.ts';

const def = (over: Partial<MetricDef> = {}): MetricDef => ({
  code: 'first_enf_terminated_round_rate', nameZh: '首执案件终本率', nameEn: 'terminated this round', aliases: [],
  group: 'enforcement', unit: '%', direction: 'down', kind: 'flow_ratio', reference: { max: 30, target: 25 }, ...over,
});
const zh = { t: translator('zh'), lang: 'zh' as const, scope: '本院', basis: 'ytd' as const };

describe('trend chart words', () => {
  it('titles a monthly series with its unit, period span, basis and labelled reference lines', () => {
    const periods = ['2023-11', '2023-12', '2024-01', '2024-02'];
    const spec = buildTrendChartSpec({ ...zh, def: def(), points: periods.map((period, i) => ({ period, value: i === 1 ? undefined : 12.195 - i })) });
    assert.equal(spec.title, '首执案件终本率（%）');
    assert.equal(spec.subtitle, '本院 · 2023年11月—2024年2月 · 累计');
    assert.equal(spec.axisLabel, '单位：%');
    assert.deepEqual(spec.points.map((p) => [p.label, p.sublabel]), [['11月', '2023年'], ['12月', undefined], ['1月', '2024年'], ['2月', undefined]]);
    // The same decimals on every point (no `12` beside `12.19`), none for a gap.
    assert.deepEqual(spec.points.map((p) => p.valueText), ['12.20', undefined, '10.20', '9.20']);
    assert.deepEqual(spec.guides.map((g) => g.label), ['上限 30.00%', '目标 25.00%']);
  });

  it('labels quarterly, half-year and yearly series', () => {
    const quarters = buildTrendChartSpec({ ...zh, def: def(), points: ['2023-Q4', '2024-Q1', '2024-Q2'].map((period) => ({ period, value: 10 })) });
    assert.deepEqual(quarters.points.map((p) => [p.label, p.sublabel]), [['4季度', '2023年'], ['1季度', '2024年'], ['2季度', undefined]]);
    assert.match(quarters.subtitle, /2023年第四季度—2024年第二季度/);
    const halves = buildTrendChartSpec({ ...zh, def: def(), points: ['2023-H2', '2024-H1'].map((period) => ({ period, value: 10 })) });
    assert.deepEqual(halves.points.map((p) => p.label), ['下半年', '上半年']);
    const years = buildTrendChartSpec({ ...zh, def: def(), points: ['2023', '2024'].map((period) => ({ period, value: 10 })) });
    assert.deepEqual(years.points.map((p) => p.label), ['2023年', '2024年']);
  });

  it('plots amounts in 万元 and counts without decimals', () => {
    const amounts = buildTrendChartSpec({ ...zh, def: def({ unit: 'yuan', reference: { target: 80_000_000 } }), points: [{ period: '2024-08', value: 80_810_000 }] });
    assert.equal(amounts.title, '首执案件终本率（万元）');
    assert.equal(amounts.points[0]!.value, 8081);
    assert.equal(amounts.points[0]!.valueText, '8081.00');
    assert.equal(amounts.guides[0]!.label, '目标 8000.00 万元');
    const cases = buildTrendChartSpec({ ...zh, def: def({ unit: 'cases', reference: {} }), points: [{ period: '2024-08', value: 1234 }] });
    assert.equal(cases.points[0]!.valueText, '1234');
    assert.equal(cases.axisLabel, '单位：件');
  });
});
