import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chown, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, it } from 'node:test';
import { loadSeedUnits } from '../../src/app.ts';
import { DEMO_STAFF, seedDemoMetrics, seedDemoOrg } from '../../src/console/demo-data.ts';
import { makeBackup } from '../../src/ops/backup.ts';
import { restoreBackup, RestoreError } from '../../src/ops/restore.ts';
import { createFixedClock } from '../../src/schedule/clock.ts';
import { LOCK_FILE } from '../../src/store/data-dir-lock.ts';
import { openStore } from '../../src/store/open-store.ts';
import { startHarness, tempDataDirsPerTest } from '../helpers/harness.ts';
import { ADMIN, textMessage } from '../helpers/updates.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = tempDataDirsPerTest(afterEach);

const clock = createFixedClock('2024-09-02T02:30:00Z');

/** A data directory as the bot leaves it: demo organisation, an audit entry, store closed. */
async function populated(): Promise<string> {
  const dir = await dataDir();
  const store = await openStore(dir, { seedUnits: await loadSeedUnits() });
  await seedDemoOrg(store, clock);
  await seedDemoMetrics(store, clock);
  await store.audit.record({ at: clock.now().toISOString(), actor: DEMO_STAFF.id, action: 'test.restore', target: 'enforcement' });
  await store.updates.markDone(4242);
  await store.close();
  return dir;
}

describe('restore', () => {
  it('a backup restores into a fresh DATA_DIR and the store reads the same data from it', async () => {
    const source = await populated();
    const backup = await makeBackup(source, clock.now());
    const fresh = join(await dataDir(), 'data');

    const result = await restoreBackup(fresh, backup.dir, clock.now());
    assert.equal(result.setAside, undefined);
    assert.equal(result.files, backup.files);

    const before = await openStore(source, { noLock: true });
    const after = await openStore(fresh);
    try {
      assert.deepEqual(after.org.units(), before.org.units());
      assert.deepEqual(after.org.members(), before.org.members());
      assert.deepEqual(after.org.chats(), before.org.chats());
      assert.equal(after.org.member(DEMO_STAFF.id)?.name, DEMO_STAFF.first_name);
      assert.deepEqual(await after.audit.recent(10), await before.audit.recent(10));
      assert.equal((await after.audit.recent(1))[0]?.action, 'test.restore');
      assert.ok(after.updates.isDone(4242));
      assert.ok(before.metrics.observations().length > 0);
      assert.deepEqual(after.metrics.observations(), before.metrics.observations());
      assert.deepEqual(after.metrics.catalog(), before.metrics.catalog());
    } finally {
      await after.close();
      await before.close();
    }
  });

  it('the bot answers the same figures from a backup restored into a fresh DATA_DIR', async () => {
    const source = await populated();
    let updateId = 900_000;
    const ask = async (dir: string) => {
      const h = await startHarness({ dataDir: dir, now: '2024-09-20T02:00:00Z' });
      try {
        // Telegram's update ids only grow; each fake starts at the same id, which the restored ledger already holds.
        const update = { ...textMessage({ text: '终本率', from: ADMIN }), update_id: ++updateId };
        return (await h.send(update)).map((m) => m.plain).join('\n');
      } finally {
        await h.stop();
      }
    };
    const answer = await ask(source);
    assert.match(answer, /10\.47%/, answer);
    const fresh = join(await dataDir(), 'data');
    await restoreBackup(fresh, (await makeBackup(source, clock.now())).dir, clock.now());
    assert.equal(await ask(fresh), answer);
  });

  it('finds a backup by its name under DATA_DIR/backups and sets the current data aside, never deleting it', async () => {
    const dir = await populated();
    const backup = await makeBackup(dir, clock.now());
    await writeFile(join(dir, 'org.json'), '{"schemaVersion":1,"units":[],"members":[],"chats":[],"invites":[]}');
    const changedOrg = await readFile(join(dir, 'org.json'), 'utf8');

    const result = await restoreBackup(dir, backup.name, new Date('2024-09-03T08:00:00Z'));
    assert.equal(result.setAside, join(dir, 'pre-restore-2024-09-03T08-00-00-000Z'));
    assert.equal(await readFile(join(result.setAside, 'org.json'), 'utf8'), changedOrg);
    assert.deepEqual(await readFile(join(dir, 'org.json')), await readFile(join(backup.dir, 'org.json')));
    assert.ok((await readdir(join(dir, 'backups'))).includes(backup.name), 'the backups stay where they were');
    assert.ok(!(await readdir(dir)).includes(LOCK_FILE), 'the lock taken during the restore is released');
  });

  it('run by root, hands the restored files to the owner of the data directory', { skip: process.getuid?.() !== 0 && 'needs root' }, async () => {
    const dir = await populated();
    const backup = await makeBackup(dir, clock.now());
    await chown(dir, 4321, 4321);
    const { setAside } = await restoreBackup(dir, backup.name, clock.now());
    for (const path of ['org.json', 'audit', join('audit', '2024-09.jsonl'), setAside!.slice(dir.length + 1)]) {
      const { uid, gid } = await stat(join(dir, path));
      assert.deepEqual([uid, gid], [4321, 4321], path);
    }
  });

  it('refuses while a live process holds the data directory, and changes nothing', async () => {
    const dir = await populated();
    const backup = await makeBackup(dir, clock.now());
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      await writeFile(join(dir, LOCK_FILE), String(sleeper.pid));
      const before = await readdir(dir);
      await assert.rejects(restoreBackup(dir, backup.dir, clock.now()), (err: Error) => err instanceof RestoreError && err.message.includes(`pid ${sleeper.pid}`));
      assert.deepEqual(await readdir(dir), before);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('refuses a backup whose documents do not parse, and changes nothing', async () => {
    const dir = await populated();
    const backup = await makeBackup(dir, clock.now());
    await writeFile(join(backup.dir, 'org.json'), '{"schemaVersion":1,"units":[');
    const target = await populated();
    const orgBefore = await readFile(join(target, 'org.json'));
    await assert.rejects(restoreBackup(target, backup.dir, clock.now()), (err: Error) => err instanceof RestoreError && err.message.includes('org.json'));
    assert.deepEqual(await readFile(join(target, 'org.json')), orgBefore);
    assert.ok(!(await readdir(target)).some((n) => n.startsWith('pre-restore-')));
  });

  it('refuses a folder that is not a backup', async () => {
    const dir = await populated();
    const empty = join(await dataDir(), 'empty');
    await mkdir(empty);
    await assert.rejects(restoreBackup(dir, empty, clock.now()), RestoreError);
    await assert.rejects(restoreBackup(dir, dir, clock.now()), RestoreError);
    await assert.rejects(restoreBackup(dir, 'no-such-backup', clock.now()), RestoreError);
  });

  it('npm run restore: restores with exit 0, refuses with exit 1 while the bot runs', async () => {
    const dir = await populated();
    const backup = await makeBackup(dir, clock.now());
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir, ADMIN_IDS: '', BOT_TOKEN: '' };
    const run = () => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/restore.ts', backup.name], { cwd: REPO_ROOT, env, encoding: 'utf8' });

    const ok = run();
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /restored \d+ files/);

    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      await writeFile(join(dir, LOCK_FILE), String(sleeper.pid));
      const refused = run();
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /is running .*stop it first/);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });
});
