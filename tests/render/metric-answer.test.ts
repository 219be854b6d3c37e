import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MetricDef } from '../../src/domain/metrics/types.ts';
import { renderFigure } from '../../src/render/metric-answer.ts';
import { formatReference } from '../../src/render/status.ts';
import { htmlToText } from '../../src/text/html.ts';

const rate: MetricDef = {
  code: 'r', nameZh: '终<本>率', nameEn: 'rate & co', aliases: [], group: 'enforcement', unit: '%', direction: 'down', kind: 'flow_ratio', reference: { max: 30, target: 25 },
  formula: { numeratorZh: 'a', numeratorEn: 'a', denominatorZh: 'b', denominatorEn: 'b', numeratorUnit: 'cases', denominatorUnit: 'cases' },
};

describe('the metric answer', () => {
  it('escapes names, keeps every line balanced and writes the figure as reports do', () => {
    assert.equal(formatReference('zh', rate), '不高于 30.00%，目标 ≤ 25.00%');
    const figure = { metric: 'r', unit: 'court', period: '2024-08', basis: 'ytd' as const, value: 10.47, rank: 1, rankTotal: 16, numerator: 356, denominator: 3400 };
    const html = renderFigure('zh', rate, '本院', { figure, previous: { ...figure, period: '2024-07', value: 10.82 }, vsPrevious: { delta: -0.35 } });
    assert.match(html, /<b>终&lt;本&gt;率<\/b> · 本院/);
    for (const line of html.split('\n')) assert.equal((line.match(/<b>/g) ?? []).length, (line.match(/<\/b>/g) ?? []).length, line);
    const text = htmlToText(html);
    assert.match(text, /^2024年1—8月$/m);
    assert.match(text, /10\.47% {2}✅ 在合理区间内，达到目标（25\.00%）/);
    assert.match(text, /较上月（10\.82%）下降0\.35个百分点（向好）/);
    assert.match(text, /较去年同期：无可比数据/);
    assert.match(text, /排名：第1名\/共16家/);
    assert.match(text, /分子 356件 \/ 分母 3,400件/);
  });
});
