import type { Clock } from '../clock.ts';
import { runDigest, type DigestJobDeps, type DigestReport, type DigestRunOptions } from './digests.ts';

/** The monthly enforcement summary job (for the month before `clock.now()`, unless a period is given). */
export function runSummary(deps: DigestJobDeps, clock: Clock, options: Partial<DigestRunOptions> = {}): Promise<DigestReport> {
  return runDigest(deps, 'summary', { now: clock.now(), trigger: 'manual', ...options });
}
