import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DataDirBusyError, LOCK_FILE, lockDataDir } from '../../src/store/data-dir-lock.ts';

describe('data directory lock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'courtwall-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is taken by exactly one of several starts at the same moment (exclusive create)', async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => lockDataDir(dir)));
    const taken = results.filter((r) => r.status === 'fulfilled');
    assert.equal(taken.length, 1, `${taken.length} of 10 took the lock`);
    assert.ok(results.every((r) => r.status === 'fulfilled' || r.reason instanceof DataDirBusyError));
    await (taken[0] as PromiseFulfilledResult<() => Promise<void>>).value();
  });

  it('refuses a directory held by a live process', async () => {
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(join(dir, LOCK_FILE), String(sleeper.pid));
      await assert.rejects(lockDataDir(dir), (err: unknown) => err instanceof DataDirBusyError && err.pid === sleeper.pid);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a dead process and releases it', async () => {
    await writeFile(join(dir, LOCK_FILE), '999999999');
    const release = await lockDataDir(dir);
    assert.match(await readFile(join(dir, LOCK_FILE), 'utf8'), new RegExp(`^${process.pid}\n`));
    await release();
    await assert.rejects(readFile(join(dir, LOCK_FILE)), { code: 'ENOENT' });
  });
});

describe('data directory lock after a reboot', () => {
  it('ignores a live pid recorded during an earlier boot', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'courtwall-lock-'));
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(join(dir, LOCK_FILE), `${sleeper.pid}\nan-earlier-boot-id`);
      const release = await lockDataDir(dir);
      assert.match(await readFile(join(dir, LOCK_FILE), 'utf8'), new RegExp(`^${process.pid}\\n`));
      await release();
    } finally {
      sleeper.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
});
