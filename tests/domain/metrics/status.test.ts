import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricStatus } from '../../../src/domain/metrics/status.ts';
import type { MetricDef } from '../../../src/domain/metrics/types.ts';

const base: MetricDef = { code: 'x', nameZh: 'x', nameEn: 'x', aliases: [], group: 'enforcement', unit: '%', direction: 'up', kind: 'ratio', reference: {} };

describe('direction-aware status', () => {
  it('treats a lower 终本率 as better', () => {
    const def: MetricDef = { ...base, direction: 'down', reference: { max: 30, target: 25, warn: 22 } };
    assert.equal(metricStatus(def, 10.47).kind, 'meets_target');
    assert.equal(metricStatus(def, 10.47).ok, true);
    assert.equal(metricStatus(def, 23).warning, true);
    assert.equal(metricStatus(def, 27).kind, 'misses_target');
    assert.deepEqual(metricStatus(def, 31), { kind: 'out_of_range', side: 'high', warning: false, ok: false });
    // A very low value of a `down` indicator is not flagged.
    assert.equal(metricStatus({ ...def, reference: { min: 5, max: 30 } }, 1).kind, 'in_range');
  });

  it('checks an up indicator against its minimum and target', () => {
    const def: MetricDef = { ...base, reference: { min: 90, target: 100 } };
    assert.equal(metricStatus(def, 101).kind, 'meets_target');
    assert.equal(metricStatus(def, 95).kind, 'misses_target');
    assert.equal(metricStatus(def, 80).side, 'low');
    // Above the maximum is not a fault for an `up` indicator.
    assert.equal(metricStatus({ ...def, reference: { max: 100 } }, 120).ok, true);
  });

  it('flags a range indicator on either side', () => {
    const def: MetricDef = { ...base, direction: 'range', reference: { min: 85, max: 99.5 } };
    assert.equal(metricStatus(def, 90).kind, 'in_range');
    assert.equal(metricStatus(def, 80).side, 'low');
    assert.equal(metricStatus(def, 100).side, 'high');
    assert.equal(metricStatus(def, 100).ok, false);
  });

  it('says nothing without a reference', () => {
    assert.equal(metricStatus(base, 1).kind, 'no_reference');
  });
});
