/**
 * Fixed-window request limit per client address. The table is capped: when full, the
 * oldest windows go first, so a flood of addresses cannot grow memory without bound.
 */
export function createRateLimit(options: { perMinute: number; maxClients?: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? 10_000;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Seconds to wait when over the limit, else 0. */
    check(client: string): number {
      const t = now();
      let w = windows.get(client);
      if (!w || t - w.start >= 60_000) {
        windows.delete(client);
        if (windows.size >= maxClients) windows.delete(windows.keys().next().value!);
        w = { start: t, count: 0 };
        windows.set(client, w);
      }
      w.count += 1;
      return w.count > options.perMinute ? Math.ceil((w.start + 60_000 - t) / 1000) : 0;
    },
  };
}
