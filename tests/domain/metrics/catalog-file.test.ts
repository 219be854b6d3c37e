import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOG_LIMITS, checkCatalogFile, type CatalogRule } from '../../../src/domain/metrics/catalog-file.ts';
import type { MetricDef } from '../../../src/domain/metrics/types.ts';
import { loadSeedCatalog } from '../../../src/store/metrics-store.ts';

const seed = loadSeedCatalog();
const BAIL = { code: 'bail_rate', nameZh: '取保候审率', nameEn: 'bail rate', aliases: ['取保率'], group: 'quality', unit: '%', direction: 'range', reference: { min: 5, max: 40 } };

function rulesOf(file: unknown, existing: readonly MetricDef[] = seed) {
  const result = checkCatalogFile(file, existing);
  return result.ok ? [] : result.problems.map((p) => p.rule);
}

/** One wrong thing in an otherwise good definition: exactly that rule is reported. */
function refuses(change: Record<string, unknown>, rule: CatalogRule) {
  const rules = rulesOf({ metrics: [{ ...BAIL, ...change }] });
  assert.ok(rules.includes(rule), `${JSON.stringify(change).slice(0, 80)} → ${rules.join(', ') || 'accepted'}, expected ${rule}`);
}

describe('catalog files', () => {
  it('accepts the shipped catalog as a file, and a new indicator next to it', () => {
    const result = checkCatalogFile({ metrics: seed }, seed);
    assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems.slice(0, 3)));
    assert.equal(result.defs.length, seed.length);
    const one = checkCatalogFile([BAIL], seed);
    assert.ok(one.ok);
    assert.equal(one.defs[0]?.kind, 'flow_ratio');
  });

  it('needs a non-empty list of at most the limit of indicators', () => {
    assert.deepEqual(rulesOf({}), ['no_list']);
    assert.deepEqual(rulesOf({ metrics: [] }), ['no_list']);
    assert.deepEqual(rulesOf('x'), ['no_list']);
    const many = Array.from({ length: CATALOG_LIMITS.indicators + 1 }, (_, i) => ({ ...BAIL, code: `m_${i}`, nameZh: `指标${i}`, nameEn: `m ${i}`, aliases: [] }));
    assert.deepEqual(rulesOf(many), ['too_many']);
  });

  it('checks types and required fields', () => {
    assert.ok(rulesOf({ metrics: ['x'] }).includes('not_object'));
    refuses({ nameZh: undefined }, 'required');
    refuses({ nameEn: 42 }, 'type');
    refuses({ aliases: '取保率' }, 'type');
    refuses({ aliases: [7] }, 'type');
    refuses({ board: 'yes' }, 'type');
    refuses({ note: ['x'] }, 'type');
    refuses({ reference: [] }, 'type');
    refuses({ formula: 'a / b' }, 'type');
    refuses({ colour: 'red' }, 'unknown_field');
  });

  it('checks codes and enum values', () => {
    refuses({ code: 'Bail-Rate' }, 'pattern');
    refuses({ group: 'speed' }, 'enum');
    refuses({ unit: 'kg' }, 'enum');
    refuses({ direction: 'sideways' }, 'enum');
    refuses({ kind: 'ratioish' }, 'enum');
    refuses({ formula: { numeratorZh: '甲', numeratorEn: 'a', denominatorZh: '乙', denominatorEn: 'b', numeratorUnit: 'kg' } }, 'enum');
  });

  it('limits lengths: names, aliases, their count, formula texts and the note', () => {
    refuses({ nameZh: '长'.repeat(CATALOG_LIMITS.nameZh + 1) }, 'too_long');
    refuses({ nameEn: 'x'.repeat(CATALOG_LIMITS.nameEn + 1) }, 'too_long');
    refuses({ aliases: ['别'.repeat(200_000)] }, 'too_long');
    refuses({ aliases: Array.from({ length: CATALOG_LIMITS.aliases + 1 }, (_, i) => `取保${i}`) }, 'too_many_aliases');
    refuses({ note: 'n'.repeat(CATALOG_LIMITS.note + 1) }, 'too_long');
    refuses({ formula: { numeratorZh: '甲'.repeat(CATALOG_LIMITS.formulaText + 1), numeratorEn: 'a', denominatorZh: '乙', denominatorEn: 'b' } }, 'too_long');
    // Code points, not UTF-16 units: 30 characters outside the BMP are still 30.
    assert.deepEqual(rulesOf({ metrics: [{ ...BAIL, aliases: ['𠀀'.repeat(CATALOG_LIMITS.alias)] }] }), []);
  });

  it('checks the formula: only known fields, numerator names, a denominator for ratios only', () => {
    refuses({ formula: { numeratorZh: '甲', numeratorEn: 'a', denominatorZh: '乙', denominatorEn: 'b', source: 'closure_rate * 2' } }, 'unknown_field');
    refuses({ formula: { numeratorEn: 'a', denominatorZh: '乙', denominatorEn: 'b' } }, 'required');
    refuses({ formula: { numeratorZh: '甲', numeratorEn: 'a' } }, 'formula_denominator');
    refuses({ unit: 'cases', direction: 'none', formula: { numeratorZh: '甲', numeratorEn: 'a', denominatorZh: '乙', denominatorEn: 'b' } }, 'formula_denominator');
  });

  it('checks numbers: finite, within range, min ≤ max, noise ≥ 0, targets by month', () => {
    refuses({ reference: { min: '5' } }, 'type');
    refuses({ reference: { target: Number.NaN } }, 'not_finite');
    refuses({ reference: { target: Number.POSITIVE_INFINITY } }, 'not_finite');
    refuses({ reference: { max: 1e300 } }, 'not_finite');
    refuses({ reference: { min: 50, max: 20 } }, 'bounds');
    refuses({ reference: { noise: -1 } }, 'negative');
    refuses({ reference: { targets: { 13: 70 } } }, 'month');
    refuses({ reference: { targets: { 8: 'x' } } }, 'type');
    refuses({ reference: { goal: 3 } }, 'unknown_field');
  });

  it('refuses names that clash, within the file or with an indicator the file does not replace, after normalisation', () => {
    refuses({ aliases: ['终本率'] }, 'name_clash');
    refuses({ aliases: ['ＣＬＯＳＵＲＥ　ＲＡＴＥ'] }, 'name_clash');
    refuses({ nameEn: 'Closure_Rate' }, 'name_clash');
    refuses({ aliases: ['？！'] }, 'empty_name');
    assert.ok(rulesOf([BAIL, { ...BAIL, code: 'bail_rate2', aliases: [] }]).includes('name_clash'));
    assert.ok(rulesOf([BAIL, { ...BAIL, nameZh: '另一个', nameEn: 'another', aliases: [] }]).includes('duplicate_code'));
    // Replacing an indicator may keep its own names.
    const closure = seed.find((d) => d.code === 'closure_rate')!;
    assert.deepEqual(rulesOf([{ ...closure, aliases: [...closure.aliases, 'Closure rate'] }]), []);
  });

  it('lists every problem of every definition, each with where it is', () => {
    const result = checkCatalogFile([{ ...BAIL, unit: 'kg', nameEn: '' }, { ...BAIL, code: 'x', nameZh: '新', nameEn: 'new', aliases: [] }], seed);
    assert.equal(result.ok, false);
    const problems = result.ok ? [] : result.problems;
    assert.deepEqual(
      problems.map((p) => [p.at, p.rule]),
      [
        ['#1 bail_rate.nameEn', 'required'],
        ['#1 bail_rate.unit', 'enum'],
        ['#2 x.code', 'pattern'],
      ],
    );
  });
});
