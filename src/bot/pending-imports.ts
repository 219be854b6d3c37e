import { randomBytes } from 'node:crypto';
import type { Observation } from '../domain/metrics/types.ts';

export interface PendingImport {
  userId: number;
  file: string;
  observations: Observation[];
  added: number;
  replaced: number;
}

/** Previews waiting for their sender's Confirm, each for `ttlMs`; ids are unguessable (they travel in button data). */
export class PendingImports {
  private readonly items = new Map<string, PendingImport & { expiresAt: number }>();

  constructor(private readonly ttlMs: number) {}

  add(item: PendingImport, now: number): string {
    this.sweep(now);
    const id = randomBytes(6).toString('base64url');
    this.items.set(id, { ...item, expiresAt: now + this.ttlMs });
    return id;
  }

  get(id: string, now: number): PendingImport | undefined {
    this.sweep(now);
    return this.items.get(id);
  }

  /** Takes it off the list; `putBack` returns it (a save that failed may be confirmed again). */
  take(id: string): PendingImport | undefined {
    const item = this.items.get(id);
    this.items.delete(id);
    return item;
  }

  putBack(id: string, item: PendingImport, now: number): void {
    this.items.set(id, { ...item, expiresAt: now + this.ttlMs });
  }

  private sweep(now: number): void {
    for (const [id, p] of this.items) if (p.expiresAt <= now) this.items.delete(id);
  }
}
