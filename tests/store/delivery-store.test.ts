import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { openStore } from '../../src/store/open-store.ts';
import { tempDataDir } from '../helpers/harness.ts';

const never = () => false;

void describe('delivery log', () => {
  void it('claims a period for a chat once, survives a reopen, and prunes old entries', async () => {
    const dir = await tempDataDir();
    try {
      let store = await openStore(dir);
      const claimed = await store.deliveries.claim('agenda', '2024-W36', -1, '2024-09-02T00:00:00Z', never);
      assert.ok(claimed);
      assert.equal(claimed.status, 'sending');
      const [a, b] = await Promise.all([
        store.deliveries.claim('agenda', '2024-W36', -2, '2024-09-02T00:00:00Z', never),
        store.deliveries.claim('agenda', '2024-W36', -2, '2024-09-02T00:00:00Z', never),
      ]);
      assert.equal([a, b].filter(Boolean).length, 1, 'two overlapping claims: one wins');
      await store.deliveries.finish(claimed, 'sent', '2024-09-02T00:00:01Z');
      await store.deliveries.finish((a ?? b)!, 'deferred', '2024-09-02T00:00:01Z', 'deferred');
      await store.deliveries.recordRun('agenda', { at: '2024-09-02T00:00:01Z', ok: true, sent: 1, failed: 1 });
      assert.equal(await store.deliveries.noteOnce('missing|summary|2024-08', '2024-09-01T01:00:00Z'), true);
      assert.equal(await store.deliveries.noteOnce('missing|summary|2024-08', '2024-09-01T02:00:00Z'), false);
      await store.close();

      store = await openStore(dir);
      assert.equal(store.deliveries.get('agenda', '2024-W36', -1)?.status, 'sent');
      assert.equal(await store.deliveries.claim('agenda', '2024-W36', -1, '2024-09-02T00:05:00Z', never), undefined);
      const retried = await store.deliveries.claim('agenda', '2024-W36', -2, '2024-09-02T01:00:00Z', (e) => e.status === 'deferred');
      assert.deepEqual([retried?.status, retried?.attempts], ['sending', 2]);
      assert.equal(store.deliveries.runs().agenda?.sent, 1);
      assert.equal(await store.deliveries.noteOnce('missing|summary|2024-08', '2024-09-03T00:00:00Z'), false);
      assert.equal(await store.deliveries.prune('2024-09-02T00:00:00Z'), 1, 'only the note is older');
      assert.equal(await store.deliveries.prune('2026-09-02T00:00:00Z'), 2);
      assert.equal(store.deliveries.get('agenda', '2024-W36', -1), undefined);
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
