import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.ts';
import { judgeRestart, parseWatchFile, WATCH_FILE, type Dropped, type InHandEntry, type InHandInfo, type RestartVerdict, type Suspect, type WatchFile } from './watch-state.ts';

/** What the watchdog thread (watchdog-thread.mjs) gets at start. */
export interface WatchdogThreadData {
  file: string;
  pid: number;
  startedAt: string;
  stallLimitMs: number;
  suspects: Suspect[];
  dropped: Dropped[];
}

export type ToWatchdog = { t: 'beat'; at: number } | { t: 'begin'; entry: InHandEntry } | { t: 'end'; key: string } | { t: 'stop' };

/**
 * Work that could freeze or crash the process (a Telegram update, a file import) runs through
 * `run`: it is recorded as in hand while it runs. Work in hand at two consecutive stalls or
 * crashes is dropped at the next start (`verdict.drop`): the caller skips it and tells the
 * sender and the admins. Work in hand at one stall or crash (a suspect) runs alone, so that
 * the next stall names only the culprit, not the innocent work beside it.
 */
export interface Watchdog {
  readonly verdict: RestartVerdict;
  run<T>(key: string, info: InHandInfo, work: () => Promise<T>): Promise<T>;
  isDropped(key: string): boolean;
  /** Records a clean stop (nothing in hand) and ends the watchdog thread. */
  stop(): Promise<void>;
}

export interface WatchdogOptions {
  dataDir: string;
  stallLimitMs: number;
  logger: Logger;
  now: () => Date;
}

/** Runs suspects one at a time and alone; everything else side by side as before. */
function createGate() {
  let running = 0;
  let alone = false;
  let waitingAlone = 0;
  let wakers: (() => void)[] = [];
  const changed = () => new Promise<void>((resolve) => wakers.push(resolve));
  const wake = () => {
    const list = wakers;
    wakers = [];
    for (const resolve of list) resolve();
  };
  return {
    async enter(suspect: boolean): Promise<() => void> {
      if (suspect) {
        waitingAlone++;
        while (alone || running > 0) await changed();
        waitingAlone--;
        alone = true;
        return () => {
          alone = false;
          wake();
        };
      }
      while (alone || waitingAlone > 0) await changed();
      running++;
      return () => {
        running--;
        if (running === 0) wake();
      };
    },
  };
}

export async function startWatchdog(options: WatchdogOptions): Promise<Watchdog> {
  const file = join(options.dataDir, WATCH_FILE);
  const previous = parseWatchFile(await readFile(file, 'utf8').catch(() => undefined));
  const verdict = judgeRestart(previous, options.now());
  if (verdict.previous === 'stalled' || verdict.previous === 'crashed') {
    options.logger.warn(`the previous run ${verdict.previous === 'stalled' ? 'was ended by the watchdog' : 'did not stop cleanly'}`, {
      inHand: previous?.inHand.map((e) => e.key),
      suspects: verdict.suspects.map((s) => s.key),
      dropping: verdict.drop.map((d) => d.key),
    });
  }
  const suspects = new Set(verdict.suspects.map((s) => s.key));
  const dropped = new Set(verdict.dropped.map((d) => d.key));
  const inHand = new Map<string, InHandEntry>();
  const startedAt = options.now().toISOString();
  const data: WatchdogThreadData = { file, pid: process.pid, startedAt, stallLimitMs: options.stallLimitMs, suspects: verdict.suspects, dropped: verdict.dropped };
  const worker = new Worker(new URL('./watchdog-thread.mjs', import.meta.url), { workerData: data, execArgv: [] }); // inherits no preloads (tsx, test injectors): plain JS
  worker.unref();
  worker.on('error', (err) => options.logger.error('the watchdog thread failed', { err }));
  // The thread's start needs this loop: wait until it runs, or an early stall would go unseen.
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      options.logger.error('the watchdog thread did not start within 10 s; running without it');
      resolve();
    }, 10_000);
    worker.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const post = (message: ToWatchdog) => worker.postMessage(message);
  const beat = setInterval(() => post({ t: 'beat', at: Date.now() }), 1000);
  beat.unref();
  post({ t: 'beat', at: Date.now() });

  // A crash that still runs JavaScript (an uncaught exception, process.exit elsewhere) may beat
  // the thread's last write: record what was in hand from here, synchronously.
  let stopped = false;
  const onExit = () => {
    if (stopped) return;
    try {
      const current = parseWatchFile(readFileSync(file, 'utf8'));
      const doc: WatchFile = {
        ...(current ?? { schemaVersion: 1, pid: process.pid, startedAt, beatAt: startedAt, stallLimitMs: options.stallLimitMs, suspects: verdict.suspects, dropped: verdict.dropped }),
        state: current?.state === 'stalled' ? 'stalled' : 'running',
        inHand: [...inHand.values()],
      };
      writeFileSync(`${file}.exit.tmp`, JSON.stringify(doc));
      renameSync(`${file}.exit.tmp`, file);
    } catch {
      // Nothing more can be done while exiting; the thread's file stands.
    }
  };
  process.on('exit', onExit);

  const gate = createGate();
  return {
    verdict,
    isDropped: (key) => dropped.has(key),
    async run(key, info, work) {
      const leave = await gate.enter(suspects.has(key));
      const entry: InHandEntry = { ...info, key, since: new Date().toISOString() };
      inHand.set(key, entry);
      post({ t: 'begin', entry });
      try {
        return await work();
      } finally {
        inHand.delete(key);
        suspects.delete(key);
        post({ t: 'end', key });
        leave();
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(beat);
      process.off('exit', onExit);
      const done = new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.once('exit', () => resolve());
      });
      post({ t: 'stop' });
      await done;
      await worker.terminate();
    },
  };
}

export type { Dropped };
