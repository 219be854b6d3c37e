import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Observation } from '../../src/domain/metrics/types.ts';
import { openStore } from '../../src/store/open-store.ts';

const obs = (o: Partial<Observation>): Observation => ({ metric: 'closure_rate', unit: 'court', period: '2024-08', basis: 'ytd', value: 80, ...o });

describe('metrics store', () => {
  it('seeds the shipped catalog once, keeps edits and figures across restarts, replaces by key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'courtwall-metrics-'));
    try {
      let store = await openStore(dir);
      assert.ok(store.metrics.metric('first_enf_terminated_round_rate'));
      const def = store.metrics.metric('closure_rate')!;
      await store.metrics.saveMetric({ ...def, reference: { target: 90 } });
      assert.deepEqual(await store.metrics.saveObservations([obs({}), obs({ period: '2024-07', value: 75 }), obs({ unit: 'devzone' })]), { added: 3, replaced: 0 });
      assert.deepEqual(await store.metrics.saveObservations([obs({ value: 81, source: 'b.csv' })]), { added: 0, replaced: 1 });
      await store.close();

      store = await openStore(dir);
      assert.deepEqual(store.metrics.metric('closure_rate')?.reference, { target: 90 });
      assert.equal(store.metrics.observation(obs({}))?.value, 81);
      assert.equal(store.metrics.observation(obs({}))?.source, 'b.csv');
      assert.equal(store.metrics.observations({ unit: 'court' }).length, 2);
      assert.deepEqual(store.metrics.periods({ metric: 'closure_rate' }), ['2024-07', '2024-08']);
      assert.equal(store.metrics.latestPeriod({ unit: 'devzone' }), '2024-08');
      assert.equal(store.metrics.latestPeriod({ metric: 'nothing' }), undefined);
      await store.close();
      const doc = JSON.parse(await readFile(join(dir, 'metrics.json'), 'utf8')) as { schemaVersion: number };
      assert.equal(doc.schemaVersion, 2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
