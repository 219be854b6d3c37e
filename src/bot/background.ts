import type { Logger } from '../logger.ts';

/**
 * Work an update starts but need not hold: telegraf's long polling waits for every handler of
 * a batch before it fetches the next, so a file being read would stall every other chat. The
 * update is done (and marked applied) at once; the work answers when it is ready. A crash
 * meanwhile loses the answer, never loops: the update is not delivered again.
 */
export interface Background {
  run(name: string, task: () => Promise<void>): void;
  /** Resolves once nothing runs (graceful stop, tests). */
  idle(): Promise<void>;
}

export function createBackground(logger: Logger): Background {
  const running = new Set<Promise<void>>();
  return {
    run(name, task) {
      const p: Promise<void> = task()
        .catch((err: unknown) => logger.error('background task failed', { task: name, error: err instanceof Error ? err.message : String(err) }))
        .finally(() => running.delete(p));
      running.add(p);
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
