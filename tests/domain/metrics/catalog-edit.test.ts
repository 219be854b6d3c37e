import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyReferenceArgs, buildMetricFromArgs, overlongName } from '../../../src/domain/metrics/catalog-edit.ts';
import { loadSeedCatalog } from '../../../src/store/metrics-store.ts';

const catalog = loadSeedCatalog();

describe('catalog edits', () => {
  it('sets and clears reference values', () => {
    assert.deepEqual(applyReferenceArgs({ max: 30, target: 25 }, ['max=20', 'target=-', 'warn=15%']), { ok: true, value: { max: 20, warn: 15 } });
    assert.equal(applyReferenceArgs({}, ['min=90', 'max=80']).ok, false);
    assert.equal(applyReferenceArgs({}, ['low=1']).ok, false);
    assert.equal(applyReferenceArgs({}, ['min=abc']).ok, false);
    assert.equal(applyReferenceArgs({}, []).ok, false);
    assert.equal(applyReferenceArgs({}, [`target=${'9'.repeat(400)}`]).ok, false, 'reads as Infinity');
    assert.equal(applyReferenceArgs({}, ['max=1e999']).ok, false);
    const zero = applyReferenceArgs({}, ['min=-0', 'target@8=-0']);
    assert.ok(zero.ok && Object.is(zero.value.min, 0) && Object.is(zero.value.targets?.['8'], 0), 'a typed -0 is stored as 0');
  });

  it('adds an indicator only with a fresh code and valid group, unit and direction', () => {
    const ok = buildMetricFromArgs(catalog, ['preservation_rate', '诉讼保全率', 'preservation_rate', 'effect', '%', 'up']);
    assert.ok(ok.ok);
    assert.equal(ok.value.nameEn, 'preservation rate');
    assert.equal(ok.value.kind, 'flow_ratio');
    assert.equal(buildMetricFromArgs(catalog, ['closure_rate', '结案率2', 'x', 'effect', '%', 'up']).ok, false);
    assert.equal(buildMetricFromArgs(catalog, ['new_one', '终本率', 'x', 'effect', '%', 'up']).ok, false);
    assert.equal(buildMetricFromArgs(catalog, ['new_one', '新指标', 'x', 'speed', '%', 'up']).ok, false);
    assert.equal(buildMetricFromArgs(catalog, ['New-One', '新指标', 'x', 'effect', '%', 'up']).ok, false);
  });

  it('holds names typed in /catalog add and /catalog alias to the catalog file\'s limits', () => {
    assert.equal(overlongName([['nameZh', '终本率'], ['nameEn', 'closure rate'], ['alias', undefined]]), undefined);
    assert.deepEqual(overlongName([['nameZh', '长'.repeat(31)]]), { text: `${'长'.repeat(30)}…`, limit: 30 });
    assert.equal(overlongName([['alias', '𠀀'.repeat(40)]]), undefined, 'characters, not UTF-16 units');
    assert.equal(overlongName([['alias', 'y'.repeat(41)]])?.limit, 40);
  });
});
