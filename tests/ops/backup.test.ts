import assert from 'node:assert/strict';
import { appendFile, lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { loadSeedUnits } from '../../src/app.ts';
import { seedDemoOrg } from '../../src/console/demo-data.ts';
import { createBackupService, runBackupJob } from '../../src/ops/backup-service.ts';
import { BACKUPS_DIR, lastBackup, listBackups, makeBackup, MANIFEST_FILE, runBackup } from '../../src/ops/backup.ts';
import { createFixedClock } from '../../src/schedule/clock.ts';
import { validateBackup } from '../../src/ops/restore.ts';
import { LOCK_FILE } from '../../src/store/data-dir-lock.ts';
import { openStore } from '../../src/store/open-store.ts';
import { tempDataDirsPerTest } from '../helpers/harness.ts';

const dataDir = tempDataDirsPerTest(afterEach);

async function files(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await files(dir, join(rel, e.name))));
    else out.push(join(rel, e.name));
  }
  return out.sort();
}

describe('makeBackup', () => {
  it('copies every data file of a running store, but not the lock, earlier backups or temp files', async () => {
    const dir = await dataDir();
    const clock = createFixedClock('2024-09-02T02:30:00Z');
    const store = await openStore(dir, { seedUnits: await loadSeedUnits() });
    try {
      await seedDemoOrg(store, clock);
      await store.audit.record({ at: clock.now().toISOString(), actor: 1, action: 'test.backup' });
      await writeFile(join(dir, '.org.json.tmp'), '{"half');
      await mkdir(join(dir, BACKUPS_DIR, 'older'), { recursive: true });
      const info = await makeBackup(dir, clock.now());

      assert.equal(info.name, '2024-09-02T02-30-00-000Z');
      const copied = await files(info.dir);
      const source = (await files(dir)).filter((f) => !f.startsWith(BACKUPS_DIR) && f !== LOCK_FILE && !f.endsWith('.tmp'));
      assert.deepEqual(copied, [...source, MANIFEST_FILE].sort());
      assert.ok(!copied.includes(LOCK_FILE));
      for (const f of source) assert.deepEqual(await readFile(join(info.dir, f)), await readFile(join(dir, f)), f);
      assert.equal(info.files, source.length);
    } finally {
      await store.close();
    }
  });

  it('leaves out what ships with the code in ./data and the console demo, so a restore never rewrites them', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'org.json'), '{"schemaVersion":1}');
    await writeFile(join(dir, 'README.md'), 'shipped');
    for (const sub of ['seed', 'console-demo', 'pre-restore-2024-09-01T00-00-00-000Z']) {
      await mkdir(join(dir, sub));
      await writeFile(join(dir, sub, 'units.json'), '[]');
    }
    const info = await makeBackup(dir, new Date('2024-09-02T00:00:00Z'));
    assert.deepEqual(await files(info.dir), [MANIFEST_FILE, 'org.json']);
  });

  it('copies what a symbolic link in the data directory points to, so the backup has plain files and restores', async () => {
    const dir = await dataDir();
    const elsewhere = await dataDir();
    await writeFile(join(elsewhere, 'org.json'), '{"schemaVersion":2,"units":[],"members":[],"chats":[],"invites":[]}');
    await mkdir(join(elsewhere, 'progress'));
    await writeFile(join(elsewhere, 'progress', '2024-09.jsonl'), '{"a":1}\n');
    await symlink(join(elsewhere, 'org.json'), join(dir, 'org.json'));
    await symlink(join(elsewhere, 'progress'), join(dir, 'progress'));
    await symlink(dir, join(elsewhere, 'progress', 'loop'));
    const info = await makeBackup(dir, new Date('2024-09-02T00:00:00Z'));
    assert.deepEqual(await files(info.dir), [MANIFEST_FILE, 'org.json', join('progress', '2024-09.jsonl')].sort());
    assert.ok((await lstat(join(info.dir, 'org.json'))).isFile());
    assert.deepEqual(await validateBackup(info.dir), []);
  });

  it('copies an append log only up to its last whole line', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'org.json'), '{"schemaVersion":1}');
    await mkdir(join(dir, 'audit'));
    await writeFile(join(dir, 'audit', '2024-09.jsonl'), '{"a":1}\n{"a":2}\n{"a":3, "tor');
    const info = await makeBackup(dir, new Date('2024-09-02T00:00:00Z'));
    assert.equal(await readFile(join(info.dir, 'audit', '2024-09.jsonl'), 'utf8'), '{"a":1}\n{"a":2}\n');
  });

  it('throws away a copy left half-made by a crash, and never lists it', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'org.json'), '{"schemaVersion":1}');
    await mkdir(join(dir, BACKUPS_DIR, '.partial-2024-09-01T00-00-00-000Z'), { recursive: true });
    assert.deepEqual(await listBackups(dir), []);
    await makeBackup(dir, new Date('2024-09-02T00:00:00Z'));
    assert.deepEqual(await readdir(join(dir, BACKUPS_DIR)), ['2024-09-02T00-00-00-000Z']);
  });
});

describe('runBackup', () => {
  it('keeps the newest BACKUP_KEEP copies', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'org.json'), '{"schemaVersion":1}');
    const clock = createFixedClock('2024-09-01T18:30:00Z');
    const removed: string[][] = [];
    for (let day = 0; day < 5; day++) {
      removed.push((await runBackup(dir, { now: clock.now(), keep: 3 })).removed);
      clock.advance(24 * 3_600_000);
    }
    assert.deepEqual(
      (await listBackups(dir)).map((b) => b.name),
      ['2024-09-03T18-30-00-000Z', '2024-09-04T18-30-00-000Z', '2024-09-05T18-30-00-000Z'],
    );
    assert.deepEqual(removed, [[], [], [], ['2024-09-01T18-30-00-000Z'], ['2024-09-02T18-30-00-000Z']]);
    const last = await lastBackup(dir);
    assert.equal(last?.at.toISOString(), '2024-09-05T18:30:00.000Z');
    assert.equal(last?.bytes, '{"schemaVersion":1}'.length);
  });

  it('after the clock goes back, the backup just made survives and the oldest made goes', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'org.json'), '{"schemaVersion":1}');
    const clock = createFixedClock('2024-09-01T18:30:00Z');
    await runBackup(dir, { now: clock.now(), keep: 2 });
    clock.advance(24 * 3_600_000);
    await runBackup(dir, { now: clock.now(), keep: 2 });
    clock.set('2024-08-02T18:30:00Z'); // thirty days before the first
    const made = await runBackup(dir, { now: clock.now(), keep: 2 });
    assert.equal(made.name, '2024-08-02T18-30-00-000Z');
    assert.deepEqual(made.removed, ['2024-09-01T18-30-00-000Z']);
    assert.deepEqual(
      (await listBackups(dir)).map((b) => b.name),
      ['2024-09-02T18-30-00-000Z', '2024-08-02T18-30-00-000Z'],
      'listed in the order they were made',
    );
    assert.equal((await lastBackup(dir))?.name, '2024-08-02T18-30-00-000Z');
    // keep=1 never removes the one just made either.
    clock.set('2024-07-01T00:00:00Z');
    const only = await runBackup(dir, { now: clock.now(), keep: 1 });
    assert.deepEqual((await listBackups(dir)).map((b) => b.name), [only.name]);
  });

  it('backups made before creation numbers existed count as older than every numbered one', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'org.json'), '{"schemaVersion":1}');
    const old = await makeBackup(dir, new Date('2030-01-01T00:00:00Z'));
    const manifest = JSON.parse(await readFile(join(old.dir, MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
    delete manifest.sequence;
    await writeFile(join(old.dir, MANIFEST_FILE), JSON.stringify(manifest));
    const made = await runBackup(dir, { now: new Date('2024-09-02T00:00:00Z'), keep: 1 });
    assert.deepEqual(made.removed, [old.name]);
  });

  it('two backups in the same instant do not overwrite each other', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'org.json'), '{"schemaVersion":1}');
    const now = new Date('2024-09-02T00:00:00Z');
    await makeBackup(dir, now);
    await makeBackup(dir, now);
    assert.equal((await listBackups(dir)).length, 2);
  });
});

describe('backup job and service', () => {
  it('logs a failed backup instead of throwing', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, BACKUPS_DIR), 'a file where the folder should be');
    const logged: string[] = [];
    const logger = { debug() {}, info() {}, warn() {}, error: (msg: string) => void logged.push(msg) };
    await runBackupJob({ dataDir: dir, keep: 3, clock: createFixedClock('2024-09-02T00:00:00Z'), logger });
    assert.deepEqual(logged, ['backup failed']);
  });

  it('logs each backup it makes', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'org.json'), '{"schemaVersion":1}');
    const logged: { msg: string; fields?: Record<string, unknown> }[] = [];
    const logger = { debug() {}, warn() {}, error() {}, info: (msg: string, fields?: Record<string, unknown>) => void logged.push({ msg, fields }) };
    await runBackupJob({ dataDir: dir, keep: 3, clock: createFixedClock('2024-09-02T00:00:00Z'), logger });
    assert.equal(logged[0]?.msg, 'backup made');
    assert.equal(logged[0]?.fields?.backup, '2024-09-02T00-00-00-000Z');
  });

  it('makes backups on its cron schedule once started, and no more once stopped', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'org.json'), '{"schemaVersion":1}');
    let tick = 0;
    // A clock that moves a minute per backup, so each gets its own name.
    const clock = { now: () => new Date(Date.UTC(2024, 8, 2, 2, 30 + tick++)) };
    const service = createBackupService({ dataDir: dir, cron: '* * * * * *', timeZone: 'Asia/Shanghai', keep: 2, clock, logger: { debug() {}, info() {}, warn() {}, error() {} } });
    await service.start();
    try {
      for (let i = 0; i < 100 && (await listBackups(dir)).length < 1; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await service.stop();
    }
    const made = (await listBackups(dir)).length;
    assert.ok(made >= 1, 'a backup within five seconds of an every-second schedule');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal((await listBackups(dir)).length, made, 'none after stop');
  });

  it('starts and stops its cron task cleanly', async () => {
    const dir = await dataDir();
    const service = createBackupService({ dataDir: dir, cron: '30 2 * * *', timeZone: 'Asia/Shanghai', keep: 3, clock: createFixedClock('2024-09-02T00:00:00Z'), logger: { debug() {}, info() {}, warn() {}, error() {} } });
    assert.equal(service.name, 'backup');
    await service.start();
    await service.stop();
    assert.deepEqual(await listBackups(dir), []);
  });

  it('a line still being appended is left for the next backup', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'org.json'), '{"schemaVersion":1}');
    await mkdir(join(dir, 'progress'));
    const log = join(dir, 'progress', '2024-09.jsonl');
    await writeFile(log, '{"n":0}\n');
    await appendFile(log, '{"n":1');
    const info = await makeBackup(dir, new Date('2024-09-02T00:00:00Z'));
    await appendFile(log, '}\n');
    assert.equal(await readFile(join(info.dir, 'progress', '2024-09.jsonl'), 'utf8'), '{"n":0}\n');
    assert.equal(await readFile(log, 'utf8'), '{"n":0}\n{"n":1}\n');
  });
});
