import { JsonDoc, type DocSpec } from './json-doc.ts';
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
};

const keyOf = (kind: string, period: string, chatId: number) => `${kind}|${period}|${chatId}`;

/**
 * deliveries.json: one entry per digest, period and chat. Small (dozens of chats × 52 weeks),
 * pruned to two years, so one lowdb document is enough.
 */
export function createDeliveryRepo(doc: JsonDoc<DeliveryDoc>): DeliveryRepo {
  const index = new Map<string, Delivery>();
  const reindex = () => {
    index.clear();
    for (const d of doc.data.deliveries) index.set(keyOf(d.kind, d.period, d.chatId), d);
  };
  reindex();
  return {
    get: (kind, period, chatId) => index.get(keyOf(kind, period, chatId)),
    async claim(kind, period, chatId, at, retry) {
      const key = keyOf(kind, period, chatId);
      const existing = index.get(key);
      if (existing && !retry(existing)) return undefined;
      let claimed: Delivery | undefined;
      await doc.update((d) => {
        const current = d.deliveries.find((e) => keyOf(e.kind, e.period, e.chatId) === key);
        if (current) {
          current.status = 'sending';
          current.attempts += 1;
          current.updatedAt = at;
          delete current.reason;
          claimed = current;
        } else {
          claimed = { kind, period, chatId, status: 'sending', attempts: 1, partsSent: 0, claimedAt: at, updatedAt: at };
          d.deliveries.push(claimed);
        }
        index.set(key, claimed);
      });
      return claimed;
    },
    progress: (entry, partsSent, at) =>
      doc.update(() => {
        entry.partsSent = partsSent;
        entry.updatedAt = at;
      }),
    finish: (entry, status, at, reason) =>
      doc.update(() => {
        entry.status = status;
        entry.updatedAt = at;
        if (reason !== undefined) entry.reason = reason;
      }),
    list: () => doc.data.deliveries,
    async noteOnce(key, at) {
      if (doc.data.notes.some((n) => n.key === key)) return false;
      let added = false;
      await doc.update((d) => {
        if (d.notes.some((n) => n.key === key)) return;
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
      reindex();
      return count;
    },
    async moveChat(fromId, toId) {
      if (!doc.data.deliveries.some((e) => e.chatId === fromId)) return;
      await doc.update((d) => {
        // Entries already kept under the new id win (the chat was moved before).
        for (const e of d.deliveries) if (e.chatId === fromId && !index.has(keyOf(e.kind, e.period, toId))) e.chatId = toId;
      });
      reindex();
    },
  };
}
