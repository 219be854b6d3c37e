import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistance, MAX_COMPARED_CHARS, suggestMetrics, type SearchMeter } from '../../../src/domain/metrics/catalog.ts';
import { loadSeedCatalog } from '../../../src/store/metrics-store.ts';
import { seededRandom } from '../../helpers/random.ts';

const seed = loadSeedCatalog();

function plainDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length]!;
}

describe('the suggestion search, bounded', () => {
  it('keeps the distance contract: exact up to the limit, limit + 1 beyond it', () => {
    const random = seededRandom(12);
    const letters = ['终', '本', '率', 'a', 'b', '𠀀'];
    const word = () => Array.from({ length: Math.floor(random() * 12) }, () => letters[Math.floor(random() * letters.length)]).join('');
    for (let n = 0; n < 500; n++) {
      const [a, b] = [word(), word()];
      const limit = Math.floor(random() * 8);
      const exact = plainDistance(a, b);
      assert.equal(editDistance(a, b, limit), Math.min(exact, limit + 1), `${a} / ${b} / ${limit}`);
    }
  });

  it('computes at most a band of cells, however long the words', () => {
    const meter: SearchMeter = { cells: 0 };
    assert.equal(editDistance('终'.repeat(100_000), '本'.repeat(100_000), 3, meter), 4);
    assert.ok(meter.cells <= 7 * 100_000, `${meter.cells} cells`);
    const far: SearchMeter = { cells: 0 };
    assert.equal(editDistance('a', 'b'.repeat(200_000), 5, far), 6);
    assert.equal(far.cells, 0, 'lengths apart by more than the limit: no cell at all');
  });

  it('answers a long query against a catalog holding a 200,000-character alias with bounded work', () => {
    const huge = seed.map((def) => (def.code === 'closure_rate' ? { ...def, aliases: [...def.aliases, '结'.repeat(200_000)] } : def));
    const names = huge.reduce((n, def) => n + 3 + def.aliases.length, 0);
    const meter: SearchMeter = { cells: 0 };
    const near = suggestMetrics(huge, '执行到位率'.repeat(20_000), 3, meter);
    assert.equal(near.length, 3);
    assert.ok(meter.cells > 0, 'the meter counts');
    assert.ok(meter.cells <= names * (MAX_COMPARED_CHARS + 1) ** 2, `${meter.cells} cells for ${names} names`);
    // Still useful: a short query finds what it did before.
    assert.ok(suggestMetrics(huge, '到位', 3).some((m) => m.code === 'enf_amount_realized_rate'));
    assert.ok(suggestMetrics(huge, 'closure', 3).some((m) => m.code === 'closure_rate'));
  });
});
