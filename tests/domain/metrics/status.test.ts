import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricStatus, targetFor } from '../../../src/domain/metrics/status.ts';
import type { MetricDef } from '../../../src/domain/metrics/types.ts';

const base: MetricDef = { code: 'x', nameZh: 'x', nameEn: 'x', aliases: [], group: 'enforcement', unit: '%', direction: 'up', kind: 'flow_ratio', reference: {} };

describe('status: range and target apart', () => {
  it('treats a lower 终本率 as better', () => {
    const def: MetricDef = { ...base, direction: 'down', reference: { max: 30, target: 25, warn: 22 } };
    assert.equal(metricStatus(def, 10.47).kind, 'meets_target');
    assert.equal(metricStatus(def, 10.47).range, 'in');
    assert.equal(metricStatus(def, 10.47).ok, true);
    assert.equal(metricStatus(def, 23).warning, true);
    assert.equal(metricStatus(def, 27).kind, 'misses_target');
    assert.equal(metricStatus(def, 27).range, 'in');
    const out = metricStatus(def, 31);
    assert.equal(out.kind, 'out_of_range');
    assert.equal(out.range, 'high');
    assert.equal(out.ok, false);
  });

  it('never calls a figure inside its range out of range because it missed a target (结收比 95.97 % in 90–110)', () => {
    const def: MetricDef = { ...base, reference: { min: 90, max: 110, target: 100 } };
    const s = metricStatus(def, 95.97);
    assert.equal(s.range, 'in');
    assert.equal(s.target, 'missed');
    assert.notEqual(s.kind, 'out_of_range');
    assert.equal(metricStatus(def, 80).range, 'low');
    assert.equal(metricStatus(def, 120).range, 'high');
  });

  it('flags a range indicator on either side and gives it no target', () => {
    const def: MetricDef = { ...base, direction: 'range', reference: { min: 85, max: 99.5, target: 90 } };
    assert.equal(metricStatus(def, 90).kind, 'in_range');
    assert.equal(metricStatus(def, 80).side, 'low');
    assert.equal(metricStatus(def, 100).side, 'high');
    assert.equal(metricStatus(def, 100).ok, false);
    assert.equal(metricStatus(def, 86).target, undefined);
  });

  it('reads a target that rises through the year by the period’s last month', () => {
    const def: MetricDef = { ...base, reference: { target: 90, targets: { '6': 50, '8': 70 } } };
    assert.equal(targetFor(def.reference, '2024-03'), 90);
    assert.equal(targetFor(def.reference, '2024-07'), 50);
    assert.equal(targetFor(def.reference, '2024-08'), 70);
    assert.equal(targetFor(def.reference, '2024-Q3'), 70);
    assert.equal(metricStatus(def, 72, '2024-08').target, 'met');
    assert.equal(metricStatus(def, 72, '2024-12').target, 'met');
    assert.equal(metricStatus({ ...def, reference: { targets: { '8': 70 } } }, 72, '2024-12').target, 'met');
    assert.equal(metricStatus(def, 60, '2024-08').target, 'missed');
  });

  it('says nothing without a reference, and nothing for counts', () => {
    assert.equal(metricStatus(base, 1).kind, 'no_reference');
    assert.equal(metricStatus({ ...base, direction: 'none', kind: 'count', reference: { target: 5 } }, 1).ok, true);
    assert.equal(metricStatus({ ...base, direction: 'none', kind: 'count', reference: { min: 5 } }, 1).range, 'low');
  });
});
