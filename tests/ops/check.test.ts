import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { appendFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { loadSeedUnits } from '../../src/app.ts';
import { seedDemoOrg } from '../../src/console/demo-data.ts';
import { KNOWN_DOCS, runChecks } from '../../src/ops/check.ts';
import { WATCH_FILE, type WatchFile } from '../../src/ops/watch-state.ts';
import { createFixedClock } from '../../src/schedule/clock.ts';
import { LOCK_FILE } from '../../src/store/data-dir-lock.ts';
import { openStore } from '../../src/store/open-store.ts';
import { tempDataDir } from '../helpers/harness.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOKEN = '123456:TEST-token-for-check-only_abcdef';

/** `node --import tsx src/main.ts --check`, with every setting given so a developer's .env cannot interfere. */
function check(env: Record<string, string>): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--check'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, BOT_TOKEN: TOKEN, ADMIN_IDS: '1001', WEBHOOK_URL: '', TELEGRAM_API_ROOT: 'http://127.0.0.1:9/', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout };
}

describe('--check', () => {
  let dir: string;
  before(async () => {
    dir = await tempDataDir();
    const store = await openStore(dir, { seedUnits: await loadSeedUnits() });
    await seedDemoOrg(store, createFixedClock('2024-09-02T00:00:00Z'));
    await store.audit.record({ at: '2024-09-02T00:00:00Z', actor: 1, action: 'test.check' });
    await store.close();
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('exits 0 on good settings and data, one line per check, and leaves no lock or probe behind', async () => {
    const before = (await readdir(dir)).sort();
    const { status, stdout } = check({ DATA_DIR: dir });
    assert.equal(status, 0, stdout);
    assert.match(stdout, /^ok {4}settings: long polling/m);
    assert.match(stdout, /^ok {4}doc org\.json: schemaVersion 2$/m);
    assert.match(stdout, /^ok {4}log audit\/: 1 partition\(s\) readable$/m);
    assert.match(stdout, /all good/);
    assert.ok(!stdout.includes(TOKEN));
    assert.deepEqual((await readdir(dir)).sort(), before);
    assert.ok(!before.includes(LOCK_FILE));
  });

  it('exits 1 naming the variable when a setting is wrong', () => {
    const { status, stdout } = check({ DATA_DIR: dir, ADMIN_IDS: 'abc' });
    assert.equal(status, 1);
    assert.match(stdout, /^FAIL {2}settings: ADMIN_IDS: "abc" is not a numeric Telegram user ID/m);
  });

  it('exits 1 when BOT_TOKEN is missing (the start would open the console, not the bot)', () => {
    const { status, stdout } = check({ DATA_DIR: dir, BOT_TOKEN: '' });
    assert.equal(status, 1);
    assert.match(stdout, /FAIL {2}settings: BOT_TOKEN is not set/);
  });

  it('exits 1 naming the file when a document is corrupt', async () => {
    const bad = await tempDataDir();
    try {
      await writeFile(join(bad, 'org.json'), '{"schemaVersion":1,"units":[{"code":"court"');
      await writeFile(join(bad, 'updates.json'), '{"schemaVersion":1,"done":[]}');
      const { status, stdout } = check({ DATA_DIR: bad });
      assert.equal(status, 1);
      assert.match(stdout, /^FAIL {2}doc org\.json: does not parse/m);
      assert.match(stdout, /^ok {4}doc updates\.json/m);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});

describe('runChecks', () => {
  it('knows the schemaVersion of every document the store writes', async () => {
    const dir = await tempDataDir();
    try {
      await (await openStore(dir, { seedUnits: await loadSeedUnits() })).close();
      const docs = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
      assert.ok(docs.includes('org.json'));
      assert.deepEqual(docs.filter((n) => KNOWN_DOCS[n] === undefined), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails a document from a newer courtwall and a log line that is not JSON, tolerates a torn last line', async () => {
    const dir = await tempDataDir();
    try {
      await writeFile(join(dir, 'org.json'), '{"schemaVersion":99}');
      await writeFile(join(dir, 'agenda.json'), '[]');
      await mkdir(join(dir, 'audit'));
      await writeFile(join(dir, 'audit', '2024-08.jsonl'), '{"a":1}\nnot json\n');
      await mkdir(join(dir, 'progress'));
      await writeFile(join(dir, 'progress', '2024-09.jsonl'), '{"a":1}\n');
      await appendFile(join(dir, 'progress', '2024-09.jsonl'), '{"a":2, "torn');
      const lines = await runChecks({ BOT_TOKEN: TOKEN, DATA_DIR: dir }, new Date('2024-09-02T00:00:00Z'));
      const byName = Object.fromEntries(lines.map((l) => [l.name, l]));
      assert.equal(byName['doc org.json']?.ok, false);
      assert.match(byName['doc org.json'].detail, /newer courtwall/);
      assert.equal(byName['doc agenda.json']?.ok, false);
      assert.equal(byName['log audit/']?.ok, false);
      assert.equal(byName['log progress/']?.ok, true);
      assert.equal(byName['last backup']?.detail, 'none yet');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('passes a data directory that does not exist yet under a writable parent', async () => {
    const parent = await tempDataDir();
    try {
      const lines = await runChecks({ BOT_TOKEN: TOKEN, DATA_DIR: join(parent, 'data') }, new Date());
      assert.ok(lines.every((l) => l.ok), JSON.stringify(lines));
      assert.match(lines.find((l) => l.name === 'data dir')!.detail, /will be created/);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('fails a running bot whose event loop has stalled (the watchdog file is stale or says stalled)', async () => {
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    const dir = await tempDataDir();
    try {
      const boot = (await readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '')).trim();
      await writeFile(join(dir, LOCK_FILE), `${sleeper.pid}\n${boot}`);
      const now = new Date('2026-12-01T12:00:00Z');
      const watch = (beatAt: string, state: WatchFile['state']): WatchFile => ({
        schemaVersion: 1, pid: sleeper.pid!, startedAt: '2026-12-01T11:00:00Z', beatAt, stallLimitMs: 30_000, state,
        inHand: [{ key: 'u:77', kind: 'update', chatId: 5, label: '/trend', since: '2026-12-01T11:58:00Z' }], suspects: [], dropped: [],
      });
      const processLine = async (file: WatchFile) => {
        await writeFile(join(dir, WATCH_FILE), JSON.stringify(file));
        return (await runChecks({ BOT_TOKEN: TOKEN, DATA_DIR: dir }, now)).find((l) => l.name === 'process')!;
      };
      const stale = await processLine(watch('2026-12-01T11:58:00Z', 'running'));
      assert.equal(stale.ok, false);
      assert.match(stale.detail, /stalled: its event loop last ran 120 s ago; in hand: u:77 \/trend/);
      assert.equal((await processLine(watch('2026-12-01T11:59:59Z', 'stalled'))).ok, false);
      const fresh = await processLine(watch('2026-12-01T11:59:57Z', 'running'));
      assert.equal(fresh.ok, true, fresh.detail);
    } finally {
      sleeper.kill();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
