import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN, GROUP, NEWCOMER, STRANGER, botMembership } from '../helpers/updates.ts';

describe('access, end to end against the fake Bot API', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
  });

  it('refuses a stranger politely, in their language, with their Telegram ID and nothing else', async () => {
    const sent = await h.say(STRANGER, '终本率');
    assert.equal(sent.length, 1);
    assert.match(sent[0]!.plain, /only for the registered staff/);
    assert.match(sent[0]!.plain, new RegExp(String(STRANGER.id)));
  });

  it('lets an admin make an invite that registers a newcomer once', async () => {
    const [invite] = await h.say(ADMIN, '/invite staff enforcement');
    const link = /https:\/\/t\.me\/courtwall_test_bot\?start=([\w-]+)/.exec(invite!.plain);
    assert.ok(link, `no invite link in: ${invite!.plain}`);

    const [welcome] = await h.say(NEWCOMER, `/start ${link[1]}`);
    assert.match(welcome!.plain, /欢迎，新同事！您已登记为干警 · 执行局/);

    const [help] = await h.say(NEWCOMER, '/help');
    assert.match(help!.plain, /\/lang/);
    assert.doesNotMatch(help!.plain, /\/invite|\/users/);

    const [reuse] = await h.say(STRANGER, `/start ${link[1]}`);
    assert.match(reuse!.plain, /already been used/);
    const audit = await h.app.store.audit.recent(10);
    assert.ok(audit.some((e) => e.action === 'member.register' && e.target === String(NEWCOMER.id)));
  });

  it('asks for the unit when an invite would leave the newcomer without one', async () => {
    const [reply] = await h.say(ADMIN, '/invite staff');
    assert.match(reply!.plain, /请指定部门/);
    assert.doesNotMatch(reply!.plain, /t\.me/);
    const [admin] = await h.say(ADMIN, '/invite admin');
    assert.match(admin!.plain, /https:\/\/t\.me\//, 'an admin needs no unit');
  });

  it('shows an admin the admin commands in /help', async () => {
    const [help] = await h.say(ADMIN, '/help');
    assert.match(help!.plain, /\/invite/);
    assert.match(help!.plain, /\/users/);
  });

  it('tells an unbound group only how to bind, then binds it with /bind@botname', async () => {
    h.fake.pushUpdate(botMembership({ chat: GROUP, from: ADMIN, status: 'member', botId: h.fake.botId }));
    const [instructions] = await h.say(NEWCOMER, '/help', GROUP);
    assert.match(instructions!.plain, /尚未绑定/);
    assert.doesNotMatch(instructions!.plain, /\/invite/);

    const [refused] = await h.say(NEWCOMER, '/bind enforcement', GROUP);
    assert.match(refused!.plain, /没有权限/);

    const [bound] = await h.say(ADMIN, `/bind@${h.fake.botUsername} enforcement`, GROUP);
    assert.match(bound!.plain, /本群已绑定到 执行局/);
    assert.equal(h.app.store.org.chat(GROUP.id)?.unit, 'enforcement');
  });

  it('switches a user to English with /lang en', async () => {
    const [done] = await h.say(NEWCOMER, '/lang en');
    assert.equal(done!.plain, 'Language set to English.');
    const [help] = await h.say(NEWCOMER, '/help');
    assert.match(help!.plain, /courtwall commands/);
  });

  it('cuts a deactivated user off at once', async () => {
    const [done] = await h.say(ADMIN, `/users deactivate ${NEWCOMER.id}`);
    assert.match(done!.plain, /已停用/);
    const [refused] = await h.say(NEWCOMER, '/help');
    assert.match(refused!.plain, /deactivated/);
  });
});
