import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN, GROUP, STRANGER } from '../helpers/updates.ts';

// Regressions found by tests/e2e/bad-input.test.ts. The access gate now refuses unregistered
// senders in bound groups too; the features' own role checks stay as a second line.
void describe('strangers in a bound group and in private', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    await h.say(ADMIN, '/bind enforcement', GROUP);
  });
  after(async () => {
    await h.stop();
  });

  void it('does not let a stranger in a bound group make themselves a member with /lang', async () => {
    const [reply] = await h.say(STRANGER, '/lang en', GROUP);
    assert.match(reply!.plain, new RegExp(`only for the registered staff[\\s\\S]*${STRANGER.id}`));
    assert.equal(h.app.store.org.member(STRANGER.id), undefined);
    // Still a stranger in private.
    const [refused] = await h.say(STRANGER, '/help');
    assert.match(refused!.plain, /only for the registered staff/);
  });

  void it('does not tell a stranger in a bound group that they are staff', async () => {
    const sent = await h.say(STRANGER, '/help', GROUP);
    assert.equal(sent.length, 1);
    assert.match(sent[0]!.plain, new RegExp(`only for the registered staff[\\s\\S]*${STRANGER.id}`));
    assert.deepEqual(await h.say(STRANGER, 'plain talk, or #进度 something', GROUP), [], 'plain messages of strangers are ignored');
  });

  void it('gives a stranger the refusal, not command hints, for group commands in private', async () => {
    for (const command of ['/bind enforcement', '/unbind', '/subscribe agenda', '/unsubscribe summary']) {
      const sent = await h.say(STRANGER, command);
      assert.equal(sent.length, 1, command);
      assert.match(sent[0]!.plain, new RegExp(`only for the registered staff[\\s\\S]*${STRANGER.id}`), command);
    }
  });

  void it('still tells a registered admin in private that /bind belongs in a group', async () => {
    const [reply] = await h.say(ADMIN, '/bind enforcement');
    assert.match(reply!.plain, /已绑定的工作群/);
  });
});
