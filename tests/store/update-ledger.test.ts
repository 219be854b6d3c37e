import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { JsonDoc } from '../../src/store/json-doc.ts';
import { createUpdateLedger, LEDGER_DOC, type LedgerDoc } from '../../src/store/update-ledger.ts';
import { tempDataDir } from '../helpers/harness.ts';

async function onDisk(file: string): Promise<number[]> {
  return (JSON.parse(await readFile(file, 'utf8')) as LedgerDoc).done;
}

describe('update ledger', () => {
  it('resolves markDone only once its id is in the file, and remembers it after reopening', async () => {
    const dir = await tempDataDir();
    try {
      const file = join(dir, 'updates.json');
      const ledger = createUpdateLedger(await JsonDoc.openFile(file, LEDGER_DOC));
      for (const id of [10, 11, 12]) {
        await ledger.markDone(id);
        assert.ok((await onDisk(file)).includes(id), `update ${id} on disk when markDone resolves`);
      }
      const reopened = createUpdateLedger(await JsonDoc.openFile(file, LEDGER_DOC));
      assert.ok(reopened.isDone(11));
      assert.ok(!reopened.isDone(13));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes ids that arrive while a write is in flight together, each caller resolving after its own id is written', async () => {
    const dir = await tempDataDir();
    try {
      const file = join(dir, 'updates.json');
      const doc = await JsonDoc.openFile(file, LEDGER_DOC);
      let writes = 0;
      const update = doc.update.bind(doc);
      doc.update = (change) => {
        writes++;
        return update(change);
      };
      const ledger = createUpdateLedger(doc);
      const ids = Array.from({ length: 100 }, (_, i) => 1000 + i);
      const seenOnResolve = await Promise.all(
        ids.map(async (id, i) => {
          // Spread the calls over several ticks, as replies come back from Telegram.
          for (let t = 0; t < i % 7; t++) await new Promise((resolve) => setImmediate(resolve));
          await ledger.markDone(id);
          return (await onDisk(file)).includes(id);
        }),
      );
      assert.ok(seenOnResolve.every(Boolean));
      assert.deepEqual([...(await onDisk(file))].sort((a, b) => a - b), ids);
      assert.ok(writes < ids.length / 4, `${writes} writes for ${ids.length} ids`);
      assert.ok(ids.every((id) => ledger.isDone(id)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes the ids of updates handled together in one write, once none is left in hand', async () => {
    const doc = await JsonDoc.openMemory(LEDGER_DOC);
    let writes = 0;
    const update = doc.update.bind(doc);
    doc.update = (change) => {
      writes++;
      return update(change);
    };
    // A wait longer than the test: only "no update left in hand" may start the write.
    const ledger = createUpdateLedger(doc, { groupWaitMs: 60_000 });
    const ids = Array.from({ length: 100 }, (_, i) => 2000 + i);
    for (const _ of ids) ledger.begin();
    await Promise.all(
      ids.map(async (id, i) => {
        // Handlers finish over many ticks, as replies come back from Telegram.
        for (let t = 0; t < i % 9; t++) await new Promise((resolve) => setImmediate(resolve));
        const written = ledger.markDone(id);
        ledger.end();
        await written;
        assert.ok(doc.data.done.includes(id));
      }),
    );
    assert.equal(writes, 1);
  });

  it('does not hold finished updates back for long behind one still in hand', async () => {
    const doc = await JsonDoc.openMemory(LEDGER_DOC);
    const ledger = createUpdateLedger(doc);
    ledger.begin();
    ledger.begin();
    const written = ledger.markDone(1);
    ledger.end();
    const started = Date.now();
    await written;
    assert.ok(Date.now() - started < 1000);
    assert.deepEqual(doc.data.done, [1]);
    ledger.end();
  });

  it('a failed write rejects the callers whose ids it carried; the next write carries them too', async () => {
    const doc = await JsonDoc.openMemory(LEDGER_DOC);
    const update = doc.update.bind(doc);
    let fail = true;
    doc.update = (change) => {
      if (fail) {
        fail = false;
        return Promise.reject(new Error('disk full'));
      }
      return update(change);
    };
    const ledger = createUpdateLedger(doc);
    await assert.rejects(ledger.markDone(1), /disk full/);
    await ledger.markDone(2);
    // Update 1 was handled: its id reaches the disk with the next write.
    assert.deepEqual(doc.data.done, [1, 2]);
  });

  it('keeps only the most recent 5000 ids', async () => {
    const doc = await JsonDoc.openMemory(LEDGER_DOC);
    const ledger = createUpdateLedger(doc);
    await Promise.all(Array.from({ length: 5003 }, (_, i) => ledger.markDone(i)));
    assert.equal(doc.data.done.length, 5000);
    assert.ok(!ledger.isDone(2));
    assert.ok(ledger.isDone(3));
    assert.ok(ledger.isDone(5002));
  });
});
