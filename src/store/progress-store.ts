import { applyEvent, isVisible, type NewProgress, type ProgressEvent, type ProgressUpdate } from '../domain/progress/types.ts';
import type { ProgressRepo } from './ports.ts';

/** What the progress store needs from a log; AppendLog satisfies it, MemoryEventLog is its twin for tests. */
export interface EventLog<T> {
  append(partition: string, record: T): Promise<void>;
  read(partition: string): Promise<T[]>;
  partitions(): Promise<string[]>;
  close(): Promise<void>;
}

export class MemoryEventLog<T> implements EventLog<T> {
  private readonly data = new Map<string, T[]>();
  append(partition: string, record: T): Promise<void> {
    const list = this.data.get(partition) ?? [];
    list.push(structuredClone(record));
    this.data.set(partition, list);
    return Promise.resolve();
  }
  read(partition: string): Promise<T[]> {
    return Promise.resolve(structuredClone(this.data.get(partition) ?? []));
  }
  partitions(): Promise<string[]> {
    return Promise.resolve([...this.data.keys()].sort());
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** How many of the newest monthly partitions are indexed in memory at start. */
export const INDEXED_MONTHS = 3;

const monthOf = (iso: string) => iso.slice(0, 7);
const messageKey = (chatId: number, messageId: number) => `${chatId}:${messageId}`;

/**
 * Progress updates as events (add / edit / remove) in monthly partitions (`progress/2024-09.jsonl`,
 * month of the event in UTC). The newest INDEXED_MONTHS partitions are folded into memory at
 * start, with an index by (chat, message) for idempotency; older months stay on disk and are
 * folded on demand, with later events (an edit of an old update) applied on top.
 */
export async function openProgressRepo(log: EventLog<ProgressEvent>): Promise<ProgressRepo> {
  const all = await log.partitions();
  const indexed = all.slice(-INDEXED_MONTHS);
  /** Partitions older than this are not in memory. */
  let firstIndexed = indexed[0] ?? '';
  let latest = indexed.at(-1) ?? '';
  const records = new Map<number, ProgressUpdate>();
  const byMessage = new Map<string, number>();
  /** Edits and removals of updates that live in partitions not indexed. */
  const lateEvents = new Map<number, ProgressEvent[]>();
  let lastId = 0;
  const pending = new Map<string, Promise<ProgressUpdate>>();

  const index = (event: ProgressEvent) => {
    if (event.op === 'add') {
      lastId = Math.max(lastId, event.update.id);
      byMessage.set(messageKey(event.update.chatId, event.update.messageId), event.update.id);
    } else if (!records.has(event.id)) {
      const list = lateEvents.get(event.id) ?? [];
      list.push(event);
      lateEvents.set(event.id, list);
      return;
    }
    applyEvent(records, event);
  };
  for (const partition of indexed) for (const event of await log.read(partition)) index(event);
  // Ids keep growing across years: if the indexed months hold no add, look further back.
  for (let i = all.length - indexed.length - 1; i >= 0 && lastId === 0; i--) {
    for (const event of await log.read(all[i]!)) if (event.op === 'add') lastId = Math.max(lastId, event.update.id);
  }

  const append = async (at: string, event: ProgressEvent) => {
    // A clock set back never writes into a month that is no longer indexed.
    const month = monthOf(at) > latest ? monthOf(at) : latest || monthOf(at);
    await log.append(month, event);
    latest = month;
    if (firstIndexed === '') firstIndexed = month;
    index(event);
  };

  /** Folds the partitions from `fromMonth` that are not in memory, then applies late events. */
  const readOlder = async (fromMonth: string): Promise<ProgressUpdate[]> => {
    const older = new Map<number, ProgressUpdate>();
    for (const partition of await log.partitions()) {
      if (partition < fromMonth || (firstIndexed !== '' && partition >= firstIndexed)) continue;
      for (const event of await log.read(partition)) applyEvent(older, event);
    }
    for (const [id, events] of lateEvents) if (older.has(id)) for (const event of events) applyEvent(older, event);
    return [...older.values()];
  };

  const visibleSorted = (list: Iterable<ProgressUpdate>, keep: (u: ProgressUpdate) => boolean) =>
    [...list].filter((u) => isVisible(u) && keep(u)).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));

  const collect = async (from: Date, keep: (u: ProgressUpdate) => boolean): Promise<ProgressUpdate[]> => {
    const fromMonth = monthOf(from.toISOString());
    const older = firstIndexed === '' || fromMonth < firstIndexed ? await readOlder(fromMonth) : [];
    return visibleSorted([...older, ...records.values()], keep);
  };

  return {
    async record(input: NewProgress) {
      const key = messageKey(input.chatId, input.messageId);
      const existing = byMessage.get(key);
      const known = existing !== undefined ? records.get(existing) : undefined;
      if (known) return { created: false, update: known };
      // Telegraf handles a batch of updates at once: the same message delivered twice waits for
      // the first write, and the id is taken before any await so two records never share it.
      const inFlight = pending.get(key);
      if (inFlight) return { created: false, update: await inFlight };
      lastId += 1;
      const update: ProgressUpdate = { ...input, id: lastId };
      const written = append(update.at, { op: 'add', update }).then(() => update);
      pending.set(key, written);
      try {
        await written;
      } finally {
        pending.delete(key);
      }
      return { created: true, update };
    },
    byMessage(chatId, messageId) {
      const id = byMessage.get(messageKey(chatId, messageId));
      return id !== undefined ? records.get(id) : undefined;
    },
    get: (id) => records.get(id),
    async edit(id, change, by, at) {
      const current = records.get(id);
      if (!current || !isVisible(current)) return undefined;
      await append(at, { op: 'edit', id, at, by, ...change });
      return records.get(id);
    },
    async remove(id, by, at) {
      const current = records.get(id);
      if (!current || !isVisible(current)) return undefined;
      await append(at, { op: 'remove', id, at, by });
      return records.get(id);
    },
    lastBy(author, notBefore) {
      let best: ProgressUpdate | undefined;
      for (const u of records.values()) {
        if (u.author !== author || !isVisible(u) || u.at < notBefore) continue;
        if (!best || u.at > best.at || (u.at === best.at && u.id > best.id)) best = u;
      }
      return best;
    },
    between(from, to) {
      const fromIso = from.toISOString();
      const toIso = to?.toISOString();
      return collect(from, (u) => u.at >= fromIso && (toIso === undefined || u.at < toIso));
    },
    forItem(code, from) {
      const fromIso = from.toISOString();
      return collect(from, (u) => u.itemCode === code && u.at >= fromIso);
    },
    close: () => log.close(),
  };
}
