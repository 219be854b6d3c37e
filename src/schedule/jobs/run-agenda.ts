import type { Clock } from '../clock.ts';
import { runDigest, type DigestJobDeps, type DigestReport, type DigestRunOptions } from './digests.ts';

/** The weekly agenda job: what cron, the catch-up and the console call (tests call it with a fixed clock). */
export function runAgenda(deps: DigestJobDeps, clock: Clock, options: Partial<DigestRunOptions> = {}): Promise<DigestReport> {
  return runDigest(deps, 'agenda', { now: clock.now(), trigger: 'manual', ...options });
}
