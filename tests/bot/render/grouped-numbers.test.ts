import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MetricDef } from '../../../src/domain/metrics/types.ts';
import { formatValue } from '../../../src/bot/render/metrics.ts';
import { loadSeedCatalog } from '../../../src/store/metrics-store.ts';
import { translator } from '../../../src/text/i18n.ts';

// The thousands separators come from a cached Intl.NumberFormat per precision (see npm run bench, (b)).
describe('grouped numbers in metric answers', () => {
  const catalog = loadSeedCatalog();
  const withUnit = (unit: MetricDef['unit']) => catalog.find((d) => d.unit === unit)!;

  it('groups cases with at most one decimal, the same on every call', () => {
    const t = translator('zh');
    assert.equal(formatValue(t, 'zh', withUnit('cases'), 1234), '1,234 件');
    assert.equal(formatValue(t, 'zh', withUnit('cases'), 1234.56), '1,234.6 件');
    assert.equal(formatValue(t, 'zh', withUnit('cases'), 1234), '1,234 件');
  });

  it('keeps two decimals for money, in 万元 in Chinese and yuan in English', () => {
    const yuan = withUnit('yuan');
    assert.equal(formatValue(translator('zh'), 'zh', yuan, 80_810_000), '8,081 万元');
    assert.equal(formatValue(translator('en'), 'en', yuan, 1234.567), '¥1,234.57');
    assert.equal(formatValue(translator('zh'), 'zh', yuan, 9999.5), '9,999.5 元');
  });
});
