import { mkdir, open, readdir, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * An append-only log split into partitions (one JSON-lines file each, e.g. one per month).
 * Appending one record writes one line and syncs it: the cost does not grow with the
 * history, unlike rewriting a whole JSON document. A line torn by a crash was never
 * acknowledged; it is cut off when the partition is next opened.
 */
export class AppendLog<T> {
  private readonly handles = new Map<string, FileHandle>();
  private readonly repaired = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly options: { sync: boolean } = { sync: true },
  ) {}

  async append(partition: string, record: T): Promise<void> {
    return this.appendMany(partition, [record]);
  }

  /** Appends are serialised so that lines never interleave. */
  appendMany(partition: string, records: T[]): Promise<void> {
    const run = this.queue.then(async () => {
      const handle = await this.handle(partition);
      try {
        await handle.appendFile(records.map((r) => JSON.stringify(r) + '\n').join(''), 'utf8');
        if (this.options.sync) await handle.datasync();
      } catch (err) {
        // Part of the line may be on disk (disk full): reopen, cutting it, before the next append.
        this.handles.delete(partition);
        this.repaired.delete(partition);
        await handle.close().catch(() => undefined);
        throw err;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async read(partition: string): Promise<T[]> {
    await this.queue;
    let text: string;
    try {
      text = await readFile(this.file(partition), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    // The last piece is either '' (file ends in a newline) or a torn, unacknowledged line.
    return text.split('\n').slice(0, -1).filter((line) => line.length > 0).map((line) => JSON.parse(line) as T);
  }

  async partitions(): Promise<string[]> {
    try {
      const names = await readdir(this.dir);
      return names.filter((n) => n.endsWith('.jsonl')).map((n) => n.slice(0, -'.jsonl'.length)).sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.queue;
    const handles = [...this.handles.values()];
    this.handles.clear();
    await Promise.all(handles.map((h) => h.close()));
  }

  private file(partition: string): string {
    if (!/^[A-Za-z0-9_-]+$/.test(partition)) throw new Error(`bad partition name: ${partition}`);
    return join(this.dir, `${partition}.jsonl`);
  }

  private async handle(partition: string): Promise<FileHandle> {
    const open_ = this.handles.get(partition);
    if (open_) return open_;
    await mkdir(this.dir, { recursive: true });
    const file = this.file(partition);
    if (!this.repaired.has(partition)) {
      await cutTornTail(file);
      this.repaired.add(partition);
    }
    const handle = await open(file, 'a');
    this.handles.set(partition, handle);
    return handle;
  }
}

async function cutTornTail(file: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    const { size } = await handle.stat();
    let end = size;
    const chunk = Buffer.alloc(64 * 1024);
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const newline = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (newline >= 0) {
        if (start + newline + 1 < size) await truncate(file, start + newline + 1);
        return;
      }
      end = start;
    }
    if (size > 0) await truncate(file, 0);
  } finally {
    await handle.close();
  }
}
