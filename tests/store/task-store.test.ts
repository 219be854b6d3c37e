import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { JsonDoc } from '../../src/store/json-doc.ts';
import { createReminderLog, createTaskRepo, REMINDER_DOC, TASK_DOC } from '../../src/store/task-store.ts';

const base = { title: '清理积案', owners: [7], unit: 'enforcement', status: 'open' as const, createdBy: 1, createdAt: '2024-09-02T00:00:00.000Z' };

describe('task store', () => {
  it('numbers items T1, T2 … and keeps them across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'courtwall-tasks-'));
    try {
      const file = join(dir, 'tasks.json');
      const repo = createTaskRepo(await JsonDoc.openFile(file, TASK_DOC));
      assert.equal((await repo.create(base)).code, 'T1');
      const second = await repo.create({ ...base, title: '第二项' });
      assert.equal(second.code, 'T2');
      await repo.save({ ...second, status: 'done' });
      const reopened = createTaskRepo(await JsonDoc.openFile(file, TASK_DOC));
      assert.equal(reopened.item('t2')?.status, 'done');
      assert.equal((await reopened.create(base)).code, 'T3');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('remembers sent reminders and forgets those older than about a year', async () => {
    const log = createReminderLog(await JsonDoc.openMemory(REMINDER_DOC));
    await log.markSent('2023-W30:7', '2023-07-28T08:00:00.000Z');
    assert.equal(log.wasSent('2023-W30:7'), true);
    await log.markSent('2024-W36:7', '2024-09-06T08:00:00.000Z');
    assert.equal(log.wasSent('2024-W36:7'), true);
    assert.equal(log.wasSent('2023-W30:7'), false);
    assert.equal(log.wasSent('2024-W36:8'), false);
  });
});
