import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { loadSeedUnits } from '../../src/app.ts';
import { seedDemoOrg } from '../../src/console/demo-data.ts';
import { formatBytes } from '../../src/render/bytes.ts';
import { backupAction } from '../../src/console/backup-action.ts';
import { operationsStatus } from '../../src/ops/status-lines.ts';
import { createFixedClock } from '../../src/schedule/clock.ts';
import { openMemoryStore, openStore } from '../../src/store/open-store.ts';
import { htmlToText } from '../../src/text/html.ts';
import { translator } from '../../src/text/i18n.ts';
import { startHarness, tempDataDir } from '../helpers/harness.ts';
import { ADMIN } from '../helpers/updates.ts';

const when = (d: Date) => d.toISOString().slice(0, 16);

describe('operations status and the console backup action', () => {
  it('reports data size, people, chats, figures and the backup made by :run backup', async () => {
    const dir = await tempDataDir();
    const clock = createFixedClock('2024-09-02T02:30:00Z');
    const store = await openStore(dir, { seedUnits: await loadSeedUnits() });
    try {
      await seedDemoOrg(store, clock);
      const t = translator('en');
      const before = (await operationsStatus(store, t, when)).map(htmlToText);
      assert.match(before[0]!, /^Data \d+(\.\d)? KB · staff 4 · chats 1 · figures \d+$/);
      assert.match(before[1]!, /none yet/);

      const printed: string[] = [];
      await backupAction({ dataDir: dir, keep: 2, now: () => clock.now(), t, write: (html) => printed.push(htmlToText(html)) }).run([]);
      assert.match(printed[0]!, /^Backup made: 2024-09-02T02-30-00-000Z, \d+ files, .*; the newest 2 are kept\.$/);
      const after = (await operationsStatus(store, t, when)).map(htmlToText);
      assert.match(after[1]!, /^Last backup 2024-09-02T02:30 \(\d/);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says "—" for the size of an in-memory store', async () => {
    const store = await openMemoryStore();
    const lines = (await operationsStatus(store, translator('zh'), when)).map(htmlToText);
    assert.match(lines[0]!, /^数据 — ·/);
  });

  it('formats sizes the way people read them', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(30 * 1024 * 1024), '30 MB');
  });

  it('/status shows an admin the data and backup lines', async () => {
    const h = await startHarness();
    try {
      const replies = await h.say(ADMIN, '/status');
      const text = replies.map((m) => m.plain).join('\n');
      assert.match(text, /数据 .* · 人员 \d+ · 群 \d+ · 指标数据 \d+ 条/);
      assert.match(text, /最近备份：尚无/);
    } finally {
      await h.stop();
    }
  });
});
