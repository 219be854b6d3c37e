import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readFile, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AppendLog } from '../../src/store/append-log.ts';

describe('AppendLog', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'courtwall-log-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends records to their partition and reads them back in order', async () => {
    const log = new AppendLog<{ n: number; text: string }>(dir);
    await log.append('2024-08', { n: 1, text: '第一条' });
    await Promise.all([log.append('2024-08', { n: 2, text: 'a\nb' }), log.append('2024-09', { n: 3, text: '<&>' })]);
    assert.deepEqual(await log.read('2024-08'), [{ n: 1, text: '第一条' }, { n: 2, text: 'a\nb' }]);
    assert.deepEqual(await log.read('2024-09'), [{ n: 3, text: '<&>' }]);
    assert.deepEqual(await log.partitions(), ['2024-08', '2024-09']);
    await log.close();
  });

  it('ignores a torn last line and cuts it off before appending again', async () => {
    const first = new AppendLog<{ n: number }>(dir);
    await first.append('p', { n: 1 });
    await first.close();
    await appendFile(join(dir, 'p.jsonl'), '{"n":2,"tor');

    const second = new AppendLog<{ n: number }>(dir);
    assert.deepEqual(await second.read('p'), [{ n: 1 }]);
    await second.append('p', { n: 3 });
    await second.close();
    assert.equal(await readFile(join(dir, 'p.jsonl'), 'utf8'), '{"n":1}\n{"n":3}\n');
  });

  it('after a failed append (disk full) cuts the half-written line before the next one, so the partition stays readable', async () => {
    const log = new AppendLog<{ n: number }>(dir);
    await log.append('p', { n: 1 });
    const handle = (log as unknown as { handles: Map<string, FileHandle> }).handles.get('p')!;
    const write = handle.appendFile.bind(handle);
    handle.appendFile = async (data: string | Uint8Array) => {
      await write(String(data).slice(0, 5));
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };
    await assert.rejects(log.append('p', { n: 2 }), /no space/);
    await log.append('p', { n: 3 });
    await log.close();
    assert.deepEqual(await new AppendLog<{ n: number }>(dir).read('p'), [{ n: 1 }, { n: 3 }]);
  });

  it('reads a missing partition as empty', async () => {
    const log = new AppendLog(dir);
    assert.deepEqual(await log.read('2030-01'), []);
    assert.deepEqual(await new AppendLog(join(dir, 'none')).partitions(), []);
  });

  it('refuses partition names that could escape the directory', async () => {
    const log = new AppendLog(dir);
    await assert.rejects(log.append('../evil', {}), /bad partition name/);
  });
});
