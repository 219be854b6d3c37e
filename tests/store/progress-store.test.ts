import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { NewProgress, ProgressEvent } from '../../src/domain/progress/types.ts';
import { AppendLog } from '../../src/store/append-log.ts';
import { MemoryEventLog, openProgressRepo } from '../../src/store/progress-store.ts';

const input = (messageId: number, at: string, extra: Partial<NewProgress> = {}): NewProgress => ({
  chatId: -100,
  messageId,
  author: 7,
  authorName: '张',
  unit: 'enforcement',
  text: `更新 ${messageId} <b>&`,
  source: 'tag',
  at,
  ...extra,
});

describe('progress store', () => {
  let dir: string;
  const open = () => openProgressRepo(new AppendLog<ProgressEvent>(join(dir, 'progress')));
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'courtwall-progress-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps records across a restart and records a message only once', async () => {
    const repo = await open();
    const first = await repo.record(input(1, '2024-09-02T02:00:00.000Z', { itemCode: 'T12', percent: 60 }));
    assert.equal(first.created, true);
    assert.equal(first.update.id, 1);
    const again = await repo.record(input(1, '2024-09-02T02:05:00.000Z'));
    assert.deepEqual(again, { created: false, update: first.update });
    await repo.close();

    const reopened = await open();
    assert.deepEqual(reopened.byMessage(-100, 1), first.update);
    assert.equal((await reopened.record(input(1, '2024-09-03T00:00:00.000Z'))).created, false);
    const next = await reopened.record(input(2, '2024-09-03T00:00:00.000Z'));
    assert.equal(next.update.id, 2);
    assert.equal((await readFile(join(dir, 'progress', '2024-09.jsonl'), 'utf8')).trim().split('\n').length, 2);
    await reopened.close();
  });

  it('ignores a torn last line', async () => {
    const repo = await open();
    await repo.record(input(1, '2024-09-02T02:00:00.000Z'));
    await repo.close();
    await appendFile(join(dir, 'progress', '2024-09.jsonl'), '{"op":"add","update":{"id":2,');
    const reopened = await open();
    assert.deepEqual((await reopened.between(new Date('2024-09-01T00:00:00Z'))).map((u) => u.id), [1]);
    assert.equal((await reopened.record(input(3, '2024-09-02T03:00:00.000Z'))).update.id, 2);
    await reopened.close();
    const reread = await open();
    assert.deepEqual((await reread.between(new Date('2024-09-01T00:00:00Z'))).map((u) => u.messageId), [1, 3]);
    await reread.close();
  });

  it('edits a record and marks a removed one, keeping every event for audit', async () => {
    const repo = await open();
    const { update } = await repo.record(input(1, '2024-09-02T02:00:00.000Z', { itemCode: 'T1', percent: 10 }));
    const edited = await repo.edit(update.id, { text: '改过', itemCode: 'T2', percent: 80 }, 7, '2024-09-02T03:00:00.000Z');
    assert.equal(edited?.text, '改过');
    assert.equal(edited?.itemCode, 'T2');
    assert.equal(edited?.editedAt, '2024-09-02T03:00:00.000Z');
    const removed = await repo.remove(update.id, 9, '2024-09-02T04:00:00.000Z');
    assert.deepEqual(removed?.removed, { at: '2024-09-02T04:00:00.000Z', by: 9 });
    assert.equal(await repo.edit(update.id, { text: 'x' }, 7, '2024-09-02T05:00:00.000Z'), undefined);
    assert.equal(await repo.remove(update.id, 7, '2024-09-02T05:00:00.000Z'), undefined);
    assert.deepEqual(await repo.between(new Date('2024-09-01T00:00:00Z')), []);
    assert.equal(repo.lastBy(7, '2024-09-01T00:00:00.000Z'), undefined);
    await repo.close();

    const lines = (await readFile(join(dir, 'progress', '2024-09.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as ProgressEvent);
    assert.deepEqual(lines.map((e) => e.op), ['add', 'edit', 'remove']);
    const reopened = await open();
    assert.equal(reopened.get(update.id)?.removed?.by, 9);
    assert.equal(reopened.get(update.id)?.text, '改过');
    await reopened.close();
  });

  it('reads months that are no longer indexed on demand, with their later edits, and keeps ids growing', async () => {
    const repo = await open();
    const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05'];
    for (const [i, m] of months.entries()) await repo.record(input(i + 1, `${m}-10T00:00:00.000Z`, { itemCode: 'T1' }));
    await repo.close();

    const reopened = await open();
    // Only the newest three months are in memory.
    assert.equal(reopened.byMessage(-100, 1), undefined);
    assert.equal(reopened.byMessage(-100, 3)?.id, 3);
    const all = await reopened.forItem('T1', new Date('2024-01-01T00:00:00Z'));
    assert.deepEqual(all.map((u) => u.id), [1, 2, 3, 4, 5]);
    assert.deepEqual((await reopened.between(new Date('2024-02-01T00:00:00Z'), new Date('2024-04-01T00:00:00Z'))).map((u) => u.id), [2, 3]);
    await reopened.close();

    // An edit of an update in a month outside the index, appended later, still shows in history.
    await new AppendLog<ProgressEvent>(join(dir, 'progress')).append('2024-05', { op: 'remove', id: 2, at: '2024-05-20T00:00:00.000Z', by: 1 });
    const third = await open();
    assert.deepEqual((await third.forItem('T1', new Date('2024-01-01T00:00:00Z'))).map((u) => u.id), [1, 3, 4, 5]);
    await third.close();

    // Ids keep growing even when the indexed months hold no add.
    const log = new AppendLog<ProgressEvent>(join(dir, 'progress'));
    for (const m of ['2024-06', '2024-07', '2024-08']) await log.append(m, { op: 'remove', id: 1, at: `${m}-01T00:00:00.000Z`, by: 1 });
    await log.close();
    const fourth = await open();
    assert.equal((await fourth.record(input(99, '2024-09-01T00:00:00.000Z'))).update.id, 6);
    await fourth.close();
  });

  it('never writes into an unindexed month when the clock goes back', async () => {
    const repo = await openProgressRepo(new MemoryEventLog<ProgressEvent>());
    await repo.record(input(1, '2024-09-02T00:00:00.000Z'));
    const { update } = await repo.record(input(2, '2024-08-02T00:00:00.000Z'));
    assert.equal(repo.get(update.id)?.messageId, 2);
    assert.equal(repo.lastBy(7, '2024-08-01T00:00:00.000Z')?.id, 1);
  });
});

describe('progress store under concurrent handlers', () => {
  it('gives updates recorded at the same time distinct ids, and one record to a message seen twice at once', async () => {
    const repo = await openProgressRepo(new MemoryEventLog<ProgressEvent>());
    const results = await Promise.all([
      repo.record(input(1, '2024-09-02T00:00:00.000Z')),
      repo.record(input(2, '2024-09-02T00:00:00.000Z')),
      repo.record(input(1, '2024-09-02T00:00:01.000Z')),
      repo.record(input(3, '2024-09-02T00:00:00.000Z')),
    ]);
    assert.deepEqual(results.map((r) => [r.created, r.update.id]), [[true, 1], [true, 2], [false, 1], [true, 3]]);
    assert.deepEqual((await repo.between(new Date('2024-09-01T00:00:00Z'))).map((u) => u.messageId), [1, 2, 3]);
  });
});
