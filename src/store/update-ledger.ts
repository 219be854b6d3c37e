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

export function createUpdateLedger(doc: JsonDoc<LedgerDoc>): UpdateLedger {
  const done = new Set(doc.data.done);
  return {
    isDone: (id) => done.has(id),
    async markDone(id) {
      done.add(id);
      await doc.update((d) => {
        d.done.push(id);
        if (d.done.length > KEEP) {
          for (const old of d.done.splice(0, d.done.length - KEEP)) done.delete(old);
        }
      });
    },
  };
}
