import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadSeedUnits } from '../../src/app.ts';
import { DEMO_STAFF, seedDemoMetrics, seedDemoOrg } from '../../src/console/demo-data.ts';
import { makeBackup, type BackupInfo } from '../../src/ops/backup.ts';
import { runChecks } from '../../src/ops/check.ts';
import { createFixedClock } from '../../src/schedule/clock.ts';
import { JsonDoc } from '../../src/store/json-doc.ts';
import { ORG_DOC } from '../../src/store/org-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { startBotProcess } from '../helpers/bot-process.ts';
import { FakeTelegram } from '../helpers/fake-telegram.ts';
import { startHarness, tempDataDir } from '../helpers/harness.ts';
import { ADMIN, textMessage } from '../helpers/updates.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const clock = createFixedClock('2024-09-02T02:30:00Z');

function restoreCli(dataDir: string, backup: string) {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, ADMIN_IDS: '', BOT_TOKEN: '' };
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/restore.ts', backup], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 60_000 });
}

/** Every file under a directory with its content: what "untouched" means. */
async function snapshot(dir: string, rel = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
    const path = join(rel, e.name);
    if (path === 'backups') continue;
    if (e.isDirectory()) Object.assign(out, await snapshot(dir, path));
    else out[path] = await readFile(join(dir, path), 'utf8');
  }
  return out;
}

describe('restore refuses unusable backups; the live data stays in place and the bot starts on it', () => {
  let live: string;
  let scratch: string;
  let good: BackupInfo;
  let untouched: Record<string, string>;
  before(async () => {
    live = await tempDataDir();
    scratch = await tempDataDir();
    const store = await openStore(live, { seedUnits: await loadSeedUnits() });
    await seedDemoOrg(store, clock);
    await seedDemoMetrics(store, clock);
    await store.audit.record({ at: clock.now().toISOString(), actor: DEMO_STAFF.id, action: 'test.restore' });
    await store.close();
    good = await makeBackup(live, clock.now());
    untouched = await snapshot(live);
  });
  after(async () => {
    await rm(live, { recursive: true, force: true });
    await rm(scratch, { recursive: true, force: true });
  });

  /** A copy of the good backup, changed by `spoil`. */
  async function spoiled(name: string, spoil: (dir: string) => Promise<void>): Promise<string> {
    const dir = join(scratch, name);
    await cp(good.dir, dir, { recursive: true });
    await spoil(dir);
    return dir;
  }
  const editOrg = (change: (org: Record<string, unknown>) => void) => async (dir: string) => {
    const org = JSON.parse(await readFile(join(dir, 'org.json'), 'utf8')) as Record<string, unknown>;
    change(org);
    await writeFile(join(dir, 'org.json'), JSON.stringify(org));
  };

  const cases: [string, () => Promise<string>, RegExp][] = [
    [
      'a folder with one unknown JSON document',
      async () => {
        const dir = join(scratch, 'unknown-only');
        await mkdir(dir);
        await writeFile(join(dir, 'notes.json'), '{"schemaVersion":1,"notes":[]}');
        return dir;
      },
      /org\.json.*missing|notes\.json/,
    ],
    [
      'a symlinked document',
      () =>
        spoiled('symlinked-doc', async (dir) => {
          await writeFile(join(scratch, 'elsewhere.json'), await readFile(join(dir, 'metrics.json')));
          await rm(join(dir, 'metrics.json'));
          await symlink(join(scratch, 'elsewhere.json'), join(dir, 'metrics.json'));
        }),
      /metrics\.json.*symbolic link/,
    ],
    [
      'a symlinked log folder',
      () =>
        spoiled('symlinked-dir', async (dir) => {
          await cp(join(dir, 'audit'), join(scratch, 'audit-elsewhere'), { recursive: true });
          await rm(join(dir, 'audit'), { recursive: true });
          await symlink(join(scratch, 'audit-elsewhere'), join(dir, 'audit'));
        }),
      /audit.*symbolic link/,
    ],
    ['schemaVersion -1', () => spoiled('version-minus-1', editOrg((org) => (org.schemaVersion = -1))), /org\.json.*schemaVersion -1/],
    ['an org document without members', () => spoiled('no-members', editOrg((org) => delete org.members)), /org\.json.*members/],
    ['an org member without an id', () => spoiled('member-no-id', editOrg((org) => ((org.members as Record<string, unknown>[])[0]!.id = 'x'))), /org\.json.*members\[0\]\.id/],
    [
      'a symlink to the data directory as the backup',
      async () => {
        const link = join(scratch, 'link-to-live');
        await symlink(live, link);
        return link;
      },
      /live data/,
    ],
  ];

  for (const [what, make, reason] of cases) {
    it(`refuses ${what} with exit 1 and moves nothing`, async () => {
      const backup = await make();
      const result = restoreCli(live, backup);
      assert.equal(result.status, 1, `${result.stdout}\n${result.stderr}`);
      assert.match(result.stderr, reason);
      assert.deepEqual(await snapshot(live), untouched);
      assert.ok(!(await readdir(live)).some((n) => n.startsWith('pre-restore-')));
    });
  }

  it('the real bot starts on the untouched data after the refusals and answers', async () => {
    const h = await startHarness({ dataDir: live, now: '2024-09-02T03:00:00Z' });
    try {
      const [answer] = await h.say(ADMIN, '/lang');
      assert.match(answer!.plain, /\/lang zh/);
      assert.ok(h.app.store.org.members().length > 0);
    } finally {
      await h.stop({ removeData: false });
    }
  });

  it('and as a real process (npm start): the bot starts on the untouched data and answers', async () => {
    const fake = await FakeTelegram.start();
    const bot = startBotProcess({ fake, dataDir: live });
    try {
      await bot.waitForPolling();
      const before = fake.sent.length;
      // A new update id: the harness above used the first ones and the ledger remembers them.
      fake.pushUpdate({ ...textMessage({ text: '/lang', from: ADMIN }), update_id: 900_000 });
      await fake.waitFor(() => fake.sent.slice(before).some((m) => /\/lang zh/.test(m.plain)), 20_000, 'the answer to /lang');
      assert.equal(bot.exit, undefined, bot.stderr());
    } finally {
      await bot.stop('SIGTERM');
      await fake.close();
    }
  });

  it('the good backup still restores', () => {
    const result = restoreCli(live, good.dir);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /restored \d+ files/);
  });
});

describe('the store, restore and check share the document validators', () => {
  it('the store refuses to open an org document without members, naming the problem', async () => {
    const dir = await tempDataDir();
    try {
      await writeFile(join(dir, 'org.json'), JSON.stringify({ schemaVersion: 2, units: [], chats: [], invites: [] }));
      await assert.rejects(JsonDoc.openFile(join(dir, 'org.json'), ORG_DOC), /members/);
      await writeFile(join(dir, 'org.json'), JSON.stringify({ schemaVersion: -1, units: [], members: [], chats: [], invites: [] }));
      await assert.rejects(JsonDoc.openFile(join(dir, 'org.json'), ORG_DOC), /schemaVersion -1/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('npm run check: FAIL naming the document and the problem for a structurally broken org.json', async () => {
    const dir = await tempDataDir();
    try {
      await (await openStore(dir, { seedUnits: await loadSeedUnits() })).close();
      const org = JSON.parse(await readFile(join(dir, 'org.json'), 'utf8')) as Record<string, unknown>;
      delete org.members;
      await writeFile(join(dir, 'org.json'), JSON.stringify(org));
      await writeFile(join(dir, 'tasks.json'), JSON.stringify({ schemaVersion: -1, nextNumber: 1, items: [] }));
      const lines = await runChecks({ BOT_TOKEN: '123456:TEST-token-for-check-only_abcdef', DATA_DIR: dir }, new Date('2024-09-02T00:00:00Z'));
      const byName = Object.fromEntries(lines.map((l) => [l.name, l]));
      assert.equal(byName['doc org.json']?.ok, false);
      assert.match(byName['doc org.json'].detail, /members/);
      assert.equal(byName['doc tasks.json']?.ok, false);
      assert.match(byName['doc tasks.json'].detail, /schemaVersion -1/);
      assert.equal(byName['doc metrics.json']?.ok, true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
