import { createHash, timingSafeEqual } from 'node:crypto';
import type { WallLink } from '../store/ports.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The link a token belongs to, comparing its hash with every stored hash in constant time
 * (no early exit, equal lengths): response time says nothing about how close a guess was.
 */
export function findLink(links: readonly WallLink[], token: string): WallLink | undefined {
  const given = Buffer.from(hashToken(token), 'hex');
  let found: WallLink | undefined;
  for (const link of links) {
    const stored = Buffer.from(link.hash, 'hex');
    if (stored.length === given.length && timingSafeEqual(stored, given) && !found) found = link;
  }
  return found;
}

/** What a request may see: everything (a valid link for this page), figures only (public board), or nothing. */
export function wallAccess(input: { links: readonly WallLink[]; isPublic: boolean; token: string | undefined; unit: string }): 'full' | 'figures' | 'none' {
  if (input.token !== undefined) {
    const link = findLink(input.links, input.token);
    return link && (link.unit === undefined || link.unit === input.unit) ? 'full' : 'none';
  }
  return input.isPublic ? 'figures' : 'none';
}
