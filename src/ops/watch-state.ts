/**
 * What the watchdog keeps in `DATA_DIR/watchdog.json` and the drop rule, as plain data:
 * work that was in hand at two consecutive stalls or crashes is dropped at the next start.
 */

/** Who to tell when a piece of work is dropped, and what it was. */
export interface InHandInfo {
  /** `update` for a Telegram update; other kinds (e.g. `import`) use the same rule. */
  kind: string;
  chatId?: number;
  userId?: number;
  messageId?: number;
  /** A short description for the notes (a command, a file name); user text, escaped when shown. */
  label?: string;
}

export interface InHandEntry extends InHandInfo {
  /** `u:<update_id>` for updates; any stable string for other work. */
  key: string;
  since: string;
}

export interface Suspect extends InHandEntry {
  /** How many consecutive stalls or crashes found it in hand. */
  strikes: number;
}

export interface Dropped extends InHandEntry {
  droppedAt: string;
}

export type WatchRunState = 'running' | 'stopped' | 'stalled';

export interface WatchFile {
  schemaVersion: 1;
  pid: number;
  startedAt: string;
  /** The last time the main event loop was seen running (written by the watchdog thread). */
  beatAt: string;
  stallLimitMs: number;
  state: WatchRunState;
  /** Set when the watchdog ended a blocked process. */
  stall?: { at: string; blockedMs: number };
  inHand: InHandEntry[];
  suspects: Suspect[];
  dropped: Dropped[];
}

export const WATCH_FILE = 'watchdog.json';
/** Dropped keys kept to recognise a late redelivery. */
const KEEP_DROPPED = 200;
export const DROP_AFTER_STRIKES = 2;

export interface RestartVerdict {
  /** In hand at the last stall or crash, once: run alone, one at a time. */
  suspects: Suspect[];
  /** In hand at two consecutive stalls or crashes: skip them and tell the sender and the admins. */
  drop: Dropped[];
  /** Earlier drops, still recognised. */
  dropped: Dropped[];
  /** How the previous run ended: `crashed` when it neither stopped cleanly nor was ended as stalled. */
  previous: 'none' | 'stopped' | 'stalled' | 'crashed';
}

/**
 * At start: a previous run that did not stop cleanly (stalled, or died: a crash, kill -9, out of
 * memory) gives a strike to everything it had in hand. A suspect not in hand that time is cleared:
 * only consecutive strikes count. After a clean stop the suspects carry over unchanged.
 */
export function judgeRestart(previous: WatchFile | undefined, now: Date): RestartVerdict {
  if (!previous) return { suspects: [], drop: [], dropped: [], previous: 'none' };
  const dropped = previous.dropped.slice(-KEEP_DROPPED);
  if (previous.state === 'stopped') return { suspects: previous.suspects, drop: [], dropped, previous: 'stopped' };
  const strikesBefore = new Map(previous.suspects.map((s) => [s.key, s.strikes]));
  const suspects: Suspect[] = [];
  const drop: Dropped[] = [];
  for (const entry of previous.inHand) {
    const strikes = (strikesBefore.get(entry.key) ?? 0) + 1;
    if (strikes >= DROP_AFTER_STRIKES) drop.push({ ...entry, droppedAt: now.toISOString() });
    else suspects.push({ ...entry, strikes });
  }
  return { suspects, drop, dropped: [...dropped, ...drop].slice(-KEEP_DROPPED), previous: previous.state === 'stalled' ? 'stalled' : 'crashed' };
}

/** Parses the file leniently: a missing, torn or foreign file means "no history". */
export function parseWatchFile(text: string | undefined): WatchFile | undefined {
  if (text === undefined) return undefined;
  try {
    const doc = JSON.parse(text) as Partial<WatchFile> | null;
    if (!doc || doc.schemaVersion !== 1 || !Array.isArray(doc.inHand) || !Array.isArray(doc.suspects) || !Array.isArray(doc.dropped)) return undefined;
    return doc as WatchFile;
  } catch {
    return undefined;
  }
}

/** How long ago the main loop was last seen running; undefined when the file says the bot stopped. */
export function stalledFor(file: WatchFile, now: Date): number | undefined {
  if (file.state === 'stopped') return undefined;
  return now.getTime() - Date.parse(file.beatAt);
}
