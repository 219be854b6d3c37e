import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findMetric } from '../../../src/domain/metrics/catalog.ts';
import { loadSeedCatalog } from '../../../src/store/metrics-store.ts';

describe('findMetric', () => {
  const catalog = loadSeedCatalog();

  it('finds an indicator by code, either name or alias, ignoring case, spaces and punctuation', () => {
    const code = 'first_enf_terminated_round_rate';
    assert.equal(findMetric(catalog, '终本率')?.code, code);
    assert.equal(findMetric(catalog, ' 首执 终本率？')?.code, code);
    assert.equal(findMetric(catalog, 'Termination Rate')?.code, code);
    assert.equal(findMetric(catalog, code.toUpperCase())?.code, code);
    assert.equal(findMetric(catalog, '不存在的指标'), undefined);
    assert.equal(findMetric(catalog, '？'), undefined);
  });

  it('sees an alias added by replacing the definition, after the old one was looked up', () => {
    const def = catalog.find((d) => d.code === 'first_enf_terminated_round_rate')!;
    const edited = catalog.map((d) => (d === def ? { ...def, aliases: [...def.aliases, '本轮终本'] } : d));
    assert.equal(findMetric(catalog, '本轮终本'), undefined);
    assert.equal(findMetric(edited, '本轮终本')?.code, def.code);
    assert.equal(findMetric(catalog, '本轮终本'), undefined, 'the old definition keeps its own names');
  });
});
