import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { StaffMember } from '../../src/domain/org.ts';
import { LOCK_FILE } from '../../src/store/data-dir-lock.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { FakeTelegram, type SentMessage } from '../helpers/fake-telegram.ts';
import { checkDataFiles, prepareDataDir, readJsonLines, startBotProcess, type BotProcess } from '../helpers/bot-process.ts';
import { ADMIN, textMessage, type TestChat, type TestUser } from '../helpers/updates.ts';
import { seededRandom } from '../helpers/random.ts';

/**
 * The real bot process (`node --import tsx src/main.ts`) against the fake Bot API: a stream of
 * progress updates from registered staff, SIGKILL at random moments (ten rounds), restarts,
 * then SIGTERM mid-stream. Every update the bot confirmed must be stored exactly once, no
 * redelivered update may make a second record, and every data file must parse.
 *   CRASH_SEED=<seed printed below> node scripts/run-tests.mjs tests/e2e/crash-safety.test.ts
 */
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 10);

const random = seededRandom(SEED);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const STAFF: TestUser[] = [
  { id: 5001, first_name: '张法官', language_code: 'zh-hans' },
  { id: 5002, first_name: '李助理', language_code: 'zh-hans' },
  { id: 5003, first_name: 'Wang', language_code: 'en' },
];
const GROUP: TestChat = { id: -1001000000999, type: 'supergroup', title: '执行局工作群' };

const staffMember = (user: TestUser): StaffMember => ({
  id: user.id,
  name: user.first_name,
  role: 'staff',
  units: ['enforcement'],
  active: true,
  registeredAt: '2024-08-01T00:00:00.000Z',
});

/** One chat with at most one update in flight, so a confirmation in that chat belongs to it. */
interface Lane {
  chat: TestChat;
  users: TestUser[];
  /** Progress updates; or invites, which exercise the whole-document (org.json) writes. */
  kind: 'progress' | 'invite';
}
const LANES: Lane[] = [
  ...STAFF.map((user) => ({ chat: { id: user.id, type: 'private' as const }, users: [user], kind: 'progress' as const })),
  { chat: GROUP, users: STAFF, kind: 'progress' },
  { chat: { id: ADMIN.id, type: 'private' }, users: [ADMIN], kind: 'invite' },
];

interface Posted {
  token: string;
  chatId: number;
  messageId: number;
  /** The bot's confirmation reached the chat while this update was the one in flight there. */
  confirmed: boolean;
  round: number;
  /** fake.sent.length when it was pushed. */
  sentBefore: number;
  /** What the bot said (plain text). */
  confirmation?: string;
  kind: Lane['kind'];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What the stream consists of. Progress: `/progress <text>` in private chats; in the bound
 * group alternately `/progress <text>` and `#进度 <text>`.
 */
const workload = {
  text(lane: Lane, token: string, n: number): string {
    if (lane.kind === 'invite') return '/invite staff enforcement';
    const body = `${token} 完成第${n}批执行案件财产查控 <&>`;
    return lane.chat.type !== 'private' && n % 2 === 1 ? `#进度 ${body}` : `/progress ${body}`;
  },
  isConfirmation(kind: Lane['kind'], m: SentMessage): boolean {
    return kind === 'invite' ? INVITE_LINK.test(m.plain) : /已记录进展|Recorded update/.test(m.plain);
  },
};
const INVITE_LINK = /https:\/\/t\.me\/\w+\?start=([\w-]+)/;

void describe(`crash safety of the real bot process (seed ${SEED})`, () => {
  let fake: FakeTelegram;
  let dataDir: string;
  const posted: Posted[] = [];
  let proc: BotProcess | undefined;
  let round = 0;

  before(async () => {
    console.log(`crash-safety seed: ${SEED} (rerun with CRASH_SEED=${SEED})`);
    fake = await FakeTelegram.start();
    dataDir = await mkdtemp(join(tmpdir(), 'courtwall-crash-'));
    await prepareDataDir(dataDir, {
      members: STAFF.map(staffMember),
      chats: [
        {
          id: GROUP.id,
          title: GROUP.title!,
          unit: 'enforcement',
          subscriptions: [],
          active: true,
          boundBy: STAFF[0]!.id,
          boundAt: '2024-08-01T00:00:00.000Z',
        },
      ],
    });
  });

  after(async () => {
    if (proc && !proc.exit) await proc.stop('SIGKILL');
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Starts the bot and waits until it polls and has worked off what a killed one left. */
  async function start(): Promise<BotProcess> {
    const p = startBotProcess({ fake, dataDir });
    proc = p;
    await p.waitForPolling();
    await fake.waitFor(() => fake.pendingUpdates === 0 || p.exit !== undefined, 20_000, 'redelivered updates to be handled');
    assert.equal(p.exit, undefined, `the bot died on start: ${p.stderr()}`);
    return p;
  }

  /** Streams updates on every lane until `stop` resolves; returns once every lane has stopped. */
  async function stream(p: BotProcess, stopAfterMs: number, stop: (p: BotProcess) => Promise<unknown>): Promise<void> {
    round++;
    let stopped = false;
    let n = 0;
    const lane = async (laneIndex: number, lane: Lane) => {
      while (!stopped && p.exit === undefined) {
        n++;
        const token = `cw-r${round}-l${laneIndex}-n${n}`;
        const from = lane.users[n % lane.users.length]!;
        const update = textMessage({ text: workload.text(lane, token, n), from, chat: lane.chat });
        const entry: Posted = { token, chatId: lane.chat.id, messageId: update.message.message_id, confirmed: false, round, sentBefore: fake.sent.length, kind: lane.kind };
        posted.push(entry);
        fake.pushUpdate(update);
        while (!entry.confirmed && !stopped && p.exit === undefined) {
          entry.confirmed = confirmedIn(entry, fake.sent.length);
          if (!entry.confirmed) await sleep(5);
        }
        if (!entry.confirmed) break;
      }
    };
    const lanes = LANES.map((l, i) => lane(i, l));
    await new Promise((resolve) => setTimeout(resolve, stopAfterMs));
    await stop(p);
    stopped = true;
    await Promise.all(lanes);
    // A confirmation that reached the fake just before the process died still counts.
    const sentAtExit = fake.sent.length;
    for (const entry of posted) if (entry.round === round && !entry.confirmed) entry.confirmed = confirmedIn(entry, sentAtExit);
  }

  /** The lane's confirmation, seen between the push and `until` (the next update of that lane is pushed only after it). */
  function confirmedIn(entry: Posted, until: number): boolean {
    const m = fake.sent.slice(entry.sentBefore, until).find((m) => m.chatId === entry.chatId && workload.isConfirmation(entry.kind, m));
    if (m) entry.confirmation = m.plain;
    return m !== undefined;
  }

  /** The logs of a process: no error-level line, never the token. */
  function checkLogs(p: BotProcess, when: string): void {
    const log = p.stderr();
    assert.ok(!log.includes(fake.token), `${when}: the token is in the log`);
    const errors = log.split('\n').filter((line) => line.includes('"level":"error"') || (line !== '' && !line.startsWith('{')));
    assert.deepEqual(errors, [], `${when}: errors logged`);
  }

  async function checkFiles(when: string): Promise<void> {
    const report = await checkDataFiles(dataDir);
    assert.deepEqual(report.problems, [], `${when}: data files that do not parse`);
    assert.ok(report.files.some((f) => f.startsWith('progress')), `${when}: no progress partition in ${report.files.join(', ')}`);
  }

  /** On disk: one add event per message, one message per record id. */
  async function checkProgressLog(when: string): Promise<void> {
    const events = (await readJsonLines(join(dataDir, 'progress'))).map((e) => e.record as { op: string; update?: { id: number; chatId: number; messageId: number } });
    const adds = events.filter((e) => e.op === 'add').map((e) => e.update!);
    const twice = <T>(list: T[]) => [...new Set(list.filter((x, i) => list.indexOf(x) !== i))];
    const keys = twice(adds.map((u) => `${u.chatId}:${u.messageId}`));
    assert.equal(keys.length, 0, `${when}: ${keys.length} messages were added twice to the log, e.g. ${keys.slice(0, 5).join(', ')}`);
    const ids = twice(adds.map((u) => u.id));
    assert.equal(
      ids.length,
      0,
      `${when}: ${ids.length} record ids were given to two different messages (of ${adds.length} adds), e.g. ${ids.slice(0, 5).join(', ')}; ` +
        'updates handled at the same time (one getUpdates batch) must get distinct ids, or one hides the other',
    );
    // The numbers the bot told the users are unique too.
    const told = twice(posted.filter((p) => p.kind === 'progress').flatMap((p) => /#(\d+)/.exec(p.confirmation ?? '')?.[1] ?? []));
    assert.equal(told.length, 0, `${when}: ${told.length} update numbers were confirmed to two messages, e.g. #${told.slice(0, 5).join(', #')}`);
  }

  /** Every confirmed update stored exactly once; no message recorded twice. */
  async function checkStore(store: Store, when: string): Promise<void> {
    const visible = await store.progress.between(new Date(0));
    const byMessage = new Map<string, number>();
    for (const u of visible) byMessage.set(`${u.chatId}:${u.messageId}`, (byMessage.get(`${u.chatId}:${u.messageId}`) ?? 0) + 1);
    const doubled = [...byMessage].filter(([, count]) => count > 1).map(([key]) => key);
    assert.deepEqual(doubled, [], `${when}: messages recorded twice`);
    const ids = visible.map((u) => u.id);
    assert.equal(new Set(ids).size, ids.length, `${when}: two records share an id`);
    const invites = posted.filter((p) => p.kind === 'invite' && p.confirmed).map((p) => INVITE_LINK.exec(p.confirmation!)![1]!);
    const lostInvites = invites.filter((code) => store.org.invite(code)?.createdBy !== ADMIN.id);
    assert.deepEqual(lostInvites, [], `${when}: confirmed invites missing from org.json (of ${invites.length})`);
    const confirmed = posted.filter((p) => p.confirmed && p.kind === 'progress');
    const missing = confirmed.filter((p) => {
      const record = store.progress.byMessage(p.chatId, p.messageId);
      return !record || !record.text.includes(p.token) || !visible.some((u) => u.id === record.id);
    });
    const detail = (p: Posted) => {
      const record = store.progress.byMessage(p.chatId, p.messageId);
      return `${p.token} (bot said "${p.confirmation}"; the store has ${record ? `#${record.id} "${record.text.slice(0, 40)}"` : 'nothing'})`;
    };
    assert.equal(missing.length, 0, `${when}: ${missing.length} of ${confirmed.length} confirmed updates are not in the store, e.g. ${missing.slice(0, 3).map(detail).join('; ')}`);
    // Nothing stored that was never sent, and at most one record per message sent.
    const sentKeys = new Set(posted.filter((p) => p.kind === 'progress').map((p) => `${p.chatId}:${p.messageId}`));
    assert.deepEqual(visible.filter((u) => !sentKeys.has(`${u.chatId}:${u.messageId}`)).map((u) => u.text), []);
    await checkProgressLog(when);
  }

  void it(`loses no confirmed progress update over ${ROUNDS} SIGKILLs at random moments`, { timeout: 90_000 }, async () => {
    for (let r = 0; r < ROUNDS; r++) {
      const p = await start();
      await stream(p, int(100, 700), async (p) => {
        const exit = await p.stop('SIGKILL');
        assert.equal(exit.signal, 'SIGKILL');
      });
      // The killed process leaves its lock behind with a dead pid; the next start treats it as stale.
      assert.equal((await readFile(join(dataDir, LOCK_FILE), 'utf8')).split('\n')[0], String(p.pid));
      checkLogs(p, `round ${r + 1}`);
      await checkFiles(`after kill ${r + 1}`);
    }
    const confirmed = posted.filter((p) => p.confirmed).length;
    console.log(`crash-safety: ${posted.length} updates sent over ${ROUNDS} rounds, ${confirmed} confirmed before a kill`);
    assert.ok(confirmed >= ROUNDS * 3, `too few confirmed updates to mean anything: ${confirmed}`);
    // A restart works off the redelivered updates exactly once; then read the store directly.
    const p = await start();
    assert.equal((await p.stop('SIGTERM')).code, 0, p.stderr());
    checkLogs(p, 'the restart');
    await checkFiles('after the restart');
    const store = await openStore(dataDir);
    try {
      await checkStore(store, `after ${ROUNDS} kills`);
    } finally {
      await store.close();
    }
  });

  void it('stops cleanly on SIGTERM mid-stream, keeping every confirmed update', { timeout: 60_000 }, async () => {
    // A line torn by a crash (a kill rarely tears one: make one) must be cut when the bot next writes there.
    const partitions = (await readdir(join(dataDir, 'progress'))).filter((f) => f.endsWith('.jsonl')).sort();
    assert.ok(partitions.length > 0, 'no progress partition yet');
    await appendFile(join(dataDir, 'progress', partitions.at(-1)!), '{"op":"add","update":{"id":99999,"chatId"');
    assert.deepEqual((await checkDataFiles(dataDir)).tornTails, [join('progress', partitions.at(-1)!)]);
    const p = await start();
    let stoppedIn = 0;
    await stream(p, int(200, 700), async (p) => {
      const signalled = Date.now();
      const exit = await p.stop('SIGTERM', 15_000);
      stoppedIn = Date.now() - signalled;
      assert.deepEqual(exit, { code: 0, signal: null }, `exit after SIGTERM; stderr:\n${p.stderr()}`);
    });
    assert.ok(stoppedIn < 10_000, `SIGTERM took ${stoppedIn} ms`);
    console.log(`crash-safety: SIGTERM to exit 0 in ${stoppedIn} ms`);
    checkLogs(p, 'SIGTERM');
    await assert.rejects(readFile(join(dataDir, LOCK_FILE)), 'a clean stop removes the lock file');
    await checkFiles('after SIGTERM');
    assert.deepEqual((await checkDataFiles(dataDir)).tornTails, [], 'the torn line was cut before the next append');
    const store = await openStore(dataDir);
    try {
      await checkStore(store, 'after SIGTERM');
    } finally {
      await store.close();
    }
  });
});
