import { renameSync, writeFileSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
// Plain JavaScript on purpose: tsx's loader does not reach worker threads on Node 20, and the
// watchdog should start in milliseconds without a compiler. Types: WatchdogThreadData and
// ToWatchdog in watchdog.ts, WatchFile in watch-state.ts.

/**
 * The watchdog's own thread. A blocked main event loop cannot notice itself, so this thread
 * watches its heartbeat, keeps `watchdog.json` current (what is in hand, when the loop last ran)
 * and, when the loop has not run for the limit, logs what was in hand and ends the process
 * with SIGKILL: signal handlers run on the blocked loop, and a worker's process.exit() ends
 * only the worker. systemd (Restart=on-failure) and Docker (--restart) then restart the bot.
 */
/** @type {import('./watchdog.ts').WatchdogThreadData} */
const data = workerData;
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const inHand = new Map();
const suspects = new Map(data.suspects.map((s) => [s.key, s]));
let beatAt = Date.now();
let state = 'running';
let stall;
let pending;
let writtenAt = 0;
/** The health check reads beatAt: refreshed this often while nothing else changes. */
const REFRESH_MS = 5000;

function write() {
  pending = undefined;
  writtenAt = Date.now();
  /** @type {import('./watch-state.ts').WatchFile} */
  const doc = {
    schemaVersion: 1,
    pid: data.pid,
    startedAt: data.startedAt,
    beatAt: new Date(beatAt).toISOString(),
    stallLimitMs: data.stallLimitMs,
    state,
    ...(stall ? { stall } : {}),
    inHand: [...inHand.values()],
    suspects: [...suspects.values()],
    dropped: data.dropped,
  };
  const temp = `${data.file}.${data.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(doc));
    renameSync(temp, data.file);
  } catch (err) {
    log('warn', 'watchdog could not write its file', { error: err.message });
  }
}

/** Changes go out within a few milliseconds, together: a kill -9 leaves at most that much unrecorded. */
function soon() {
  pending ??= setTimeout(write, 5);
}

function log(level, msg, fields) {
  writeSync(2, JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + '\n');
}

port.on('message', (/** @type {import('./watchdog.ts').ToWatchdog} */ message) => {
  switch (message.t) {
    case 'beat':
      beatAt = message.at;
      return;
    case 'begin':
      inHand.set(message.entry.key, message.entry);
      return soon();
    case 'end':
      inHand.delete(message.key);
      // It ran to the end this time: no longer a suspect.
      suspects.delete(message.key);
      return soon();
    case 'stop':
      clearTimeout(pending);
      clearInterval(timer);
      state = 'stopped';
      inHand.clear();
      write();
      port.postMessage('stopped');
      port.close();
  }
});

const timer = setInterval(
  () => {
    const blockedMs = Date.now() - beatAt;
    if (blockedMs < data.stallLimitMs) {
      if (pending === undefined && Date.now() - writtenAt >= REFRESH_MS) write();
      return;
    }
    clearTimeout(pending);
    state = 'stalled';
    stall = { at: new Date().toISOString(), blockedMs };
    write();
    const held = [...inHand.values()].map(({ key, kind, chatId, userId, label }) => ({ key, kind, chatId, userId, label }));
    log('error', 'event loop blocked: exiting so the service manager restarts the bot', { blockedMs, inHand: held });
    process.kill(data.pid, 'SIGKILL');
  },
  Math.min(1000, Math.max(100, data.stallLimitMs / 4)),
);

write();
port.postMessage('ready');
