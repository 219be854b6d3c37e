import { Worker } from 'node:worker_threads';
import type { ImportJob, ImportJobResult } from './import-job.ts';

/** What the worker may take: a hostile file ends the worker (ERR_WORKER_OUT_OF_MEMORY), never the bot. */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 24, stackSizeMb: 4 };
export const WORKER_TIMEOUT_MS = 30_000;

type Pending = { job: ImportJob; resolve: (r: ImportJobResult) => void; timeoutMs: number };

/**
 * Reads and checks import files in one long-lived worker thread with its own memory limits,
 * so the bot keeps answering meanwhile and a file that would exhaust memory or time costs
 * only the worker (started again for the next file). One file at a time: two hostile files
 * at once must not add up past the memory goal.
 */
export function createImportWorker() {
  let worker: Worker | undefined;
  let current: (Pending & { timer: NodeJS.Timeout }) | undefined;
  const queue: Pending[] = [];
  let nextId = 1;

  const fail = (w: Worker) => {
    if (worker !== w) return;
    worker = undefined;
    void w.terminate();
    const job = current;
    current = undefined;
    if (job) {
      clearTimeout(job.timer);
      job.resolve({ id: job.job.id, table: { ok: false, error: { code: 'too_complex' } } });
    }
    pump();
  };

  const spawn = (): Worker => {
    const w = new Worker(new URL('./read-table-worker.mjs', import.meta.url), { resourceLimits: WORKER_LIMITS, stdout: true, stderr: true });
    w.unref();
    w.on('message', (result: ImportJobResult) => {
      if (!current || result.id !== current.job.id) return;
      clearTimeout(current.timer);
      const { resolve } = current;
      current = undefined;
      // Idle, the worker must not keep the process alive; busy, it must (the CLI waits on it).
      if (queue.length === 0) w.unref();
      resolve(result);
      pump();
    });
    w.on('error', () => fail(w));
    w.on('exit', () => fail(w));
    return w;
  };

  function pump(): void {
    if (current || queue.length === 0) return;
    const next = queue.shift()!;
    worker ??= spawn();
    const w = worker;
    w.ref();
    current = { ...next, timer: setTimeout(() => fail(w), next.timeoutMs) };
    w.postMessage(next.job);
  }

  return {
    run(job: Omit<ImportJob, 'id'>, timeoutMs = WORKER_TIMEOUT_MS): Promise<ImportJobResult> {
      return new Promise((resolve) => {
        queue.push({ job: { ...job, id: nextId++ }, resolve, timeoutMs });
        pump();
      });
    },
    async close(): Promise<void> {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}

export type ImportWorker = ReturnType<typeof createImportWorker>;

let shared: ImportWorker | undefined;
/** The process's import worker, made on first use. */
export function importWorker(): ImportWorker {
  return (shared ??= createImportWorker());
}
