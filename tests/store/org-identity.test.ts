import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StaffMember } from '../../src/domain/org.ts';
import { openMemoryStore } from '../../src/store/open-store.ts';

const member = (id: number, username?: string): StaffMember => ({
  id,
  name: `m${id}`,
  ...(username ? { username } : {}),
  role: 'staff',
  units: ['enforcement'],
  active: true,
  registeredAt: '2024-08-01T00:00:00.000Z',
});

void describe('a username belongs to one member at most', () => {
  void it('moves to whoever registers with it or shows up with it, in any case', async () => {
    const store = await openMemoryStore();
    const org = store.org;
    await org.saveMember(member(1, 'Zhang_San'));
    await org.saveMember(member(2, 'zhang_san'));
    assert.equal(org.member(1)?.username, undefined, 'registering with a taken username takes it');
    assert.equal(org.member(2)?.username, 'zhang_san');

    await org.refreshIdentity(1, { name: '张三', username: 'ZHANG_SAN' });
    assert.deepEqual([org.member(1)?.name, org.member(1)?.username, org.member(2)?.username], ['张三', 'ZHANG_SAN', undefined]);

    await org.refreshIdentity(1, { name: '张三' });
    assert.equal(org.member(1)?.username, undefined, 'a dropped username is dropped');
    assert.equal('username' in org.member(1)!, false);

    await org.refreshIdentity(99, { name: 'nobody', username: 'zhang_san' });
    assert.equal(org.member(99), undefined, 'no member is made up');
    await store.close();
  });
});
