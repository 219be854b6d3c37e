import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDemoObservations } from '../../src/console/demo-metrics.ts';
import { loadSeedCatalog } from '../../src/store/metrics-store.ts';

describe('demo figures', () => {
  const catalog = loadSeedCatalog();
  const observations = buildDemoObservations(catalog);

  it('never show a share above 100 %, year to date or for a single month', () => {
    const percent = new Set(catalog.filter((d) => d.kind === 'flow_ratio' && d.unit === '%').map((d) => d.code));
    const series = new Map<string, typeof observations>();
    for (const o of observations.filter((o) => percent.has(o.metric))) {
      const key = `${o.metric}/${o.unit}`;
      series.set(key, [...(series.get(key) ?? []), o]);
    }
    assert.ok(series.size > 10);
    for (const [key, list] of series) {
      list.sort((a, b) => a.period.localeCompare(b.period));
      list.forEach((o, i) => {
        assert.ok(o.value <= 100, `${key} ${o.period} ytd ${o.value}`);
        const before = list[i - 1];
        if (!before || o.period.endsWith('-01') || o.numerator === undefined || before.numerator === undefined) return;
        const month = (o.numerator - before.numerator) / (o.denominator! - before.denominator!);
        assert.ok(month <= 1, `${key} ${o.period} month ${(month * 100).toFixed(2)}%`);
      });
    }
  });
});
