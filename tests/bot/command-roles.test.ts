import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hasRole } from '../../src/domain/access.ts';
import type { Role } from '../../src/domain/org.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN, GROUP, type TestUser } from '../helpers/updates.ts';

const STAFF: TestUser = { id: 5050, first_name: '李书记员', language_code: 'zh-hans' };
const MANAGER: TestUser = { id: 5051, first_name: '王庭长', language_code: 'zh-hans' };

/** The role a command needs is written once, in its CommandSpec; the router enforces it for every command. */
void describe('command roles', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    await h.app.store.org.saveChat({ id: GROUP.id, title: GROUP.title ?? '', unit: 'enforcement', subscriptions: [], active: true, boundBy: ADMIN.id, boundAt: '2024-08-01T00:00:00Z' });
    for (const [user, role] of [[STAFF, 'staff'], [MANAGER, 'manager']] as const) {
      await h.app.store.org.saveMember({ id: user.id, name: user.first_name, role, units: ['enforcement'], active: true, registeredAt: '2024-08-01T00:00:00Z' });
    }
  });
  after(() => h.stop());

  void it('refuses every command to those below its declared role, where it is offered, and lets the role through', async () => {
    const guarded = h.app.commands.filter((c) => c.minRole !== 'staff');
    assert.ok(guarded.length >= 5, 'admin and manager commands are declared');
    for (const spec of guarded) {
      const chat = spec.chats === 'group' ? GROUP : undefined;
      for (const [user, role] of [[STAFF, 'staff'], [MANAGER, 'manager']] as [TestUser, Role][]) {
        if (hasRole({ telegramId: user.id, member: { id: user.id, name: '', role, units: [], active: true, registeredAt: '' }, bootstrapAdmin: false }, spec.minRole)) continue;
        const replies = await h.say(user, `/${spec.command}`, chat);
        assert.match(replies.map((r) => r.plain).join('\n'), /没有权限执行此操作/, `/${spec.command} as ${role}`);
      }
      const replies = await h.say(ADMIN, `/${spec.command}`, chat);
      assert.doesNotMatch(replies.map((r) => r.plain).join('\n'), /没有权限执行此操作/, `/${spec.command} as admin`);
    }
  });
});
