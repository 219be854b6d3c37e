import type { AppendLog } from './append-log.ts';
import type { AuditEntry, AuditRepo } from './ports.ts';

/** One partition a month: the audit log only grows. */
export function createAuditRepo(log: AppendLog<AuditEntry>): AuditRepo {
  return {
    record: (entry) => log.append(entry.at.slice(0, 7), entry),
    async recent(limit) {
      const found: AuditEntry[] = [];
      for (const partition of (await log.partitions()).reverse()) {
        found.unshift(...(await log.read(partition)));
        if (found.length >= limit) break;
      }
      return found.slice(-limit);
    },
  };
}

export function createMemoryAuditRepo(): AuditRepo & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return {
    entries,
    record: async (entry) => {
      entries.push(entry);
    },
    recent: async (limit) => entries.slice(-limit),
  };
}
