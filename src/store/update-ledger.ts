import { JsonDoc, type DocSpec } from './json-doc.ts';
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
};

const KEEP = 5000;

/**
 * Group commit: every write stringifies the whole document (up to KEEP ids), and a batch of
 * updates finishes within a few milliseconds, so ids that arrive while a write is in flight
 * go to disk together in the next one. markDone still resolves only once its id is written.
 */
export function createUpdateLedger(doc: JsonDoc<LedgerDoc>): UpdateLedger {
  const done = new Set(doc.data.done);
  let waiting: number[] = [];
  let nextWrite: Promise<void> | undefined;
  let lastWrite: Promise<unknown> = Promise.resolve();
  const write = (ids: number[]) =>
    doc.update((d) => {
      d.done.push(...ids);
      if (d.done.length > KEEP) {
        for (const old of d.done.splice(0, d.done.length - KEEP)) done.delete(old);
      }
    });
  return {
    isDone: (id) => done.has(id),
    markDone(id) {
      done.add(id);
      waiting.push(id);
      nextWrite ??= lastWrite.then(() => {
        const ids = waiting;
        waiting = [];
        nextWrite = undefined;
        return write(ids);
      });
      lastWrite = nextWrite.catch(() => undefined);
      return nextWrite;
    },
  };
}
