import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatChange, formatReference, formatValue, renderFigure } from '../../../src/bot/render/metrics.ts';
import type { MetricDef } from '../../../src/domain/metrics/types.ts';
import { htmlToText } from '../../../src/text/html.ts';
import { translator } from '../../../src/text/i18n.ts';

const zh = translator('zh');
const en = translator('en');
const rate: MetricDef = { code: 'r', nameZh: '终<本>率', nameEn: 'rate & co', aliases: [], group: 'enforcement', unit: '%', direction: 'down', kind: 'ratio', reference: { max: 30, target: 25 } };
const money: MetricDef = { ...rate, unit: 'yuan', direction: 'up', kind: 'flow', reference: {} };

describe('metric rendering', () => {
  it('formats values in their unit', () => {
    assert.equal(formatValue(zh, 'zh', rate, 10.4706), '10.47%');
    assert.equal(formatValue(zh, 'zh', money, 494_961_250), '49,496.13 万元');
    assert.equal(formatValue(en, 'en', money, 494_961_250), '¥494,961,250');
    assert.equal(formatValue(en, 'en', { ...money, unit: 'cases' }, -1234), '-1,234 cases');
  });

  it('gives changes in points for rates, with better or worse by direction', () => {
    // As court reports write it: -0.35个百分点, never an up arrow beside a fall.
    assert.equal(formatChange(zh, 'zh', rate, { delta: -0.35 }), '-0.35个百分点（向好）');
    assert.equal(formatChange(zh, 'zh', rate, { delta: 0.001 }), '±0.00个百分点');
    assert.equal(formatChange(zh, 'zh', rate, { delta: -0.001 }), '±0.00个百分点');
    assert.equal(formatChange(en, 'en', rate, { delta: 1.2 }), '+1.20 pp (worse)');
    assert.equal(formatChange(en, 'en', { ...money, unit: 'cases' }, { delta: 10, relative: 0.1 }), '+10 cases (+10.0%) (better)');
    assert.equal(formatChange(zh, 'zh', rate, undefined), '无可比数据');
  });

  it('escapes names and keeps every line balanced', () => {
    assert.equal(formatReference(zh, 'zh', rate), '不高于 30.00%，目标 ≤ 25.00%');
    const html = renderFigure(zh, 'zh', rate, '本院', { figure: { metric: 'r', unit: 'court', period: '2024-08', basis: 'ytd', value: 10.47, rank: 1, rankTotal: 16, numerator: 356, denominator: 3400 } });
    assert.match(html, /<b>终&lt;本&gt;率<\/b> · 本院/);
    for (const line of html.split('\n')) assert.equal((line.match(/<b>/g) ?? []).length, (line.match(/<\/b>/g) ?? []).length, line);
    const text = htmlToText(html);
    assert.match(text, /10\.47% {2}✅ 达到目标/);
    assert.match(text, /排名：第1名\/共16家/);
    assert.match(text, /分子 356 \/ 分母 3,400/);
  });
});
