import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { startHarness, tempDataDir } from '../helpers/harness.ts';
import { ADMIN, textMessage } from '../helpers/updates.ts';

describe('at-least-once delivery', () => {
  it('does not apply an update again when Telegram redelivers it after a restart', async () => {
    const dataDir = await tempDataDir();
    const update = { ...textMessage({ text: '/invite staff devzone', from: ADMIN }), update_id: 424_242 };
    try {
      const first = await startHarness({ dataDir });
      const answered = await first.send(update);
      assert.equal(answered.length, 1);
      assert.match(answered[0]!.plain, /邀请链接/);
      await first.stop();

      // The offset was never confirmed (say the process died): the same update comes again.
      const second = await startHarness({ dataDir });
      const again = await second.send(update);
      assert.deepEqual(again, []);
      const created = (await second.app.store.audit.recent(100)).filter((e) => e.action === 'invite.create');
      assert.equal(created.length, 1, 'one invite, from the first delivery only');
      await second.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
