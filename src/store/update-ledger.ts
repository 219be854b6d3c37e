import { JsonDoc, type DocSpec } from './json-doc.ts';
import { doc as shape, int, list } from './doc-shape.ts';
import type { UpdateLedger } from './ports.ts';

export interface LedgerDoc {
  schemaVersion: number;
  /** The most recent applied update ids; older ones can no longer be redelivered. */
  done: number[];
}

export const LEDGER_DOC: DocSpec<LedgerDoc> = {
  name: 'updates',
  version: 1,
  defaults: () => ({ schemaVersion: 1, done: [] }),
  validate: shape({ done: list(int) }),
  // Written once per polling batch: copying 5,000 numbers by structuredClone cost ~0.1–0.4 ms a write.
  copy: (d) => ({ ...d, done: [...d.done] }),
};

const KEEP = 5000;

/** How long finished updates wait for others still in hand before their ids are written anyway. */
const GROUP_WAIT_MS = 250;

/**
 * Group commit: every write stringifies the whole document (up to KEEP ids). The updates of a
 * polling batch are handled together and the next batch is fetched only once all of them are
 * marked, so the ids wait until no other update is in hand (at most GROUP_WAIT_MS, so that a slow
 * update does not hold back a webhook answer) and go to disk in one write; ids that arrive while a
 * write is in flight go together in the next. markDone still resolves only once its id is written.
 */
export function createUpdateLedger(doc: JsonDoc<LedgerDoc>, options: { groupWaitMs?: number } = {}): UpdateLedger {
  const groupWaitMs = options.groupWaitMs ?? GROUP_WAIT_MS;
  const done = new Set(doc.data.done);
  let inHand = 0;
  let waiting: number[] = [];
  let group: { written: Promise<void>; resolve: () => void; reject: (err: unknown) => void } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let flushQueued = false;
  let writing = false;
  /** A flush came while a write was in flight: the next write starts as soon as that one ends. */
  let overdue = false;
  const write = async (ids: number[]) => {
    let dropped: number[] = [];
    try {
      await doc.update((d) => {
        d.done.push(...ids);
        if (d.done.length > KEEP) dropped = d.done.splice(0, d.done.length - KEEP);
      });
    } catch (err) {
      // Their updates were handled: they stay done here and go to disk with the next write.
      waiting.unshift(...ids);
      throw err;
    }
    for (const old of dropped) done.delete(old);
  };
  const flush = (): void => {
    flushQueued = false;
    clearTimeout(timer);
    timer = undefined;
    if (!group) return;
    if (writing) {
      overdue = true;
      return;
    }
    const ids = waiting;
    const { resolve, reject } = group;
    waiting = [];
    group = undefined;
    writing = true;
    void Promise.resolve()
      .then(() => write(ids))
      .then(resolve, reject)
      .finally(() => {
        writing = false;
        if (overdue) {
          overdue = false;
          flush();
        } else settle();
      });
  };
  const settle = () => {
    if (!group) return;
    if (inHand > 0) {
      timer ??= setTimeout(flush, groupWaitMs);
    } else if (!flushQueued) {
      // Ids marked in the same tick still go together.
      flushQueued = true;
      queueMicrotask(flush);
    }
  };
  return {
    isDone: (id) => done.has(id),
    begin() {
      inHand++;
    },
    end() {
      inHand = Math.max(0, inHand - 1);
      settle();
    },
    markDone(id) {
      done.add(id);
      waiting.push(id);
      if (!group) {
        let resolve!: () => void;
        let reject!: (err: unknown) => void;
        const written = new Promise<void>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        group = { written, resolve, reject };
      }
      const { written } = group;
      settle();
      return written;
    },
  };
}
