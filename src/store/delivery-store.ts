import { JsonDoc, type DocSpec } from './json-doc.ts';
import { doc as shape, fields, int, list, record, text } from './doc-shape.ts';
import type { Delivery, DeliveryRepo, JobRun } from './ports.ts';

export interface DeliveryDoc {
  schemaVersion: number;
  deliveries: Delivery[];
  notes: { key: string; at: string }[];
  runs: Record<string, JobRun>;
}

export const DELIVERY_DOC: DocSpec<DeliveryDoc> = {
  name: 'deliveries',
  version: 1,
  defaults: () => ({ schemaVersion: 1, deliveries: [], notes: [], runs: {} }),
  validate: shape({
    deliveries: list(fields({ kind: text, period: text, chatId: int, status: text, attempts: int, partsSent: int, claimedAt: text })),
    notes: list(fields({ key: text, at: text })),
    runs: record(fields({ at: text })),
  }),
};

const keyOf = (kind: string, period: string, chatId: number) => `${kind}|${period}|${chatId}`;

/**
 * deliveries.json: one entry per digest, period and chat. Small (dozens of chats × 52 weeks),
 * pruned to two years, so one lowdb document is enough.
 */
export function createDeliveryRepo(doc: JsonDoc<DeliveryDoc>): DeliveryRepo {
  // Rebuilt after each written change: the document is then a new, written copy.
  const index = new Map<string, Delivery>();
  let indexed = -1;
  const current = () => {
    if (indexed === doc.revision) return index;
    index.clear();
    for (const d of doc.data.deliveries) index.set(keyOf(d.kind, d.period, d.chatId), d);
    indexed = doc.revision;
    return index;
  };
  /** Chats that became supergroups: an entry a sender holds may still carry the old id. */
  const movedTo = new Map<number, number>();
  const chatNow = (chatId: number) => {
    const seen = new Set<number>();
    while (movedTo.has(chatId) && !seen.has(chatId)) {
      seen.add(chatId);
      chatId = movedTo.get(chatId)!;
    }
    return chatId;
  };
  /** Changes the copy's entry for `entry`; the caller's object follows once it is written. */
  const change = async (entry: Delivery, apply: (e: Delivery) => void) => {
    let changed: Delivery | undefined;
    await doc.update((d) => {
      const find = (chatId: number) => d.deliveries.find((e) => e.kind === entry.kind && e.period === entry.period && e.chatId === chatId);
      changed = find(entry.chatId) ?? find(chatNow(entry.chatId));
      if (!changed) return false;
      apply(changed);
    });
    if (changed) Object.assign(entry, changed);
  };
  return {
    get: (kind, period, chatId) => current().get(keyOf(kind, period, chatId)),
    async claim(kind, period, chatId, at, retry) {
      const key = keyOf(kind, period, chatId);
      const existing = current().get(key);
      if (existing && !retry(existing)) return undefined;
      let claimed: Delivery | undefined;
      // Decided again on the copy: changes run one after another, so two claims never both win.
      await doc.update((d) => {
        const found = d.deliveries.find((e) => keyOf(e.kind, e.period, e.chatId) === key);
        if (found) {
          if (!retry(found)) return false;
          found.status = 'sending';
          found.attempts += 1;
          found.updatedAt = at;
          delete found.reason;
          claimed = found;
        } else {
          claimed = { kind, period, chatId, status: 'sending', attempts: 1, partsSent: 0, claimedAt: at, updatedAt: at };
          d.deliveries.push(claimed);
        }
      });
      return claimed;
    },
    progress: (entry, partsSent, at) =>
      change(entry, (e) => {
        e.partsSent = partsSent;
        e.updatedAt = at;
      }),
    noteMayRepeat: (entry, parts, at) =>
      change(entry, (e) => {
        e.mayRepeat = (e.mayRepeat ?? 0) + parts;
        e.updatedAt = at;
      }),
    finish: (entry, status, at, reason) =>
      change(entry, (e) => {
        e.status = status;
        e.updatedAt = at;
        if (reason !== undefined) e.reason = reason;
      }),
    list: () => doc.data.deliveries,
    async noteOnce(key, at) {
      if (doc.data.notes.some((n) => n.key === key)) return false;
      let added = false;
      await doc.update((d) => {
        if (d.notes.some((n) => n.key === key)) return false;
        d.notes.push({ key, at });
        added = true;
      });
      return added;
    },
    recordRun: (job, run) =>
      doc.update((d) => {
        d.runs[job] = run;
      }),
    runs: () => doc.data.runs,
    async prune(before) {
      const count = doc.data.deliveries.filter((e) => e.claimedAt < before).length + doc.data.notes.filter((n) => n.at < before).length;
      if (count === 0) return 0;
      await doc.update((d) => {
        d.deliveries = d.deliveries.filter((e) => e.claimedAt >= before);
        d.notes = d.notes.filter((n) => n.at >= before);
      });
      return count;
    },
    async moveChat(fromId, toId) {
      if (!doc.data.deliveries.some((e) => e.chatId === fromId)) return;
      await doc.update((d) => {
        const kept = new Set(d.deliveries.filter((e) => e.chatId === toId).map((e) => keyOf(e.kind, e.period, toId)));
        // Entries already kept under the new id win (the chat was moved before).
        for (const e of d.deliveries) if (e.chatId === fromId && !kept.has(keyOf(e.kind, e.period, toId))) e.chatId = toId;
      });
      movedTo.set(fromId, toId);
    },
  };
}
