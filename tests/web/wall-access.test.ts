import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRateLimit } from '../../src/web/rate-limit.ts';
import { findLink, hashToken, wallAccess } from '../../src/web/wall-access.ts';

const link = (token: string, unit?: string) => ({ id: token, hash: hashToken(token), ...(unit ? { unit } : {}), createdBy: 1, createdAt: '2024-01-01T00:00:00Z' });

describe('wall access', () => {
  const links = [link('court-token'), link('devzone-token', 'devzone')];

  it('finds the link of a token by its hash, and no link for anything else', () => {
    assert.equal(findLink(links, 'devzone-token')?.unit, 'devzone');
    assert.equal(findLink(links, 'court-token')?.id, 'court-token');
    for (const wrong of ['', 'court-toke', 'court-token ', 'COURT-TOKEN', 'x'.repeat(10_000)]) assert.equal(findLink(links, wrong), undefined);
    assert.equal(findLink([{ ...link('a'), hash: 'not hex' }], 'a'), undefined);
  });

  it('grants everything to a valid link for the page, figures only to the public board, else nothing', () => {
    assert.equal(wallAccess({ links, isPublic: false, token: 'court-token', unit: 'court' }), 'full');
    assert.equal(wallAccess({ links, isPublic: false, token: 'court-token', unit: 'devzone' }), 'full');
    assert.equal(wallAccess({ links, isPublic: false, token: 'devzone-token', unit: 'devzone' }), 'full');
    assert.equal(wallAccess({ links, isPublic: false, token: 'devzone-token', unit: 'court' }), 'none');
    assert.equal(wallAccess({ links, isPublic: false, token: undefined, unit: 'court' }), 'none');
    assert.equal(wallAccess({ links, isPublic: true, token: undefined, unit: 'court' }), 'figures');
    // A wrong token is refused even when the board is public: it is not a stranger's visit.
    assert.equal(wallAccess({ links, isPublic: true, token: 'guess', unit: 'court' }), 'none');
  });
});

describe('rate limit', () => {
  it('allows the limit per minute and client, then says how long to wait', () => {
    let now = 0;
    const limit = createRateLimit({ perMinute: 3, now: () => now });
    assert.deepEqual([1, 2, 3].map(() => limit.check('a')), [0, 0, 0]);
    assert.equal(limit.check('a'), 60);
    assert.equal(limit.check('b'), 0);
    now = 59_000;
    assert.equal(limit.check('a'), 1);
    now = 60_000;
    assert.equal(limit.check('a'), 0);
  });

  it('keeps at most maxClients windows', () => {
    const limit = createRateLimit({ perMinute: 1, maxClients: 2, now: () => 0 });
    limit.check('a');
    limit.check('b');
    limit.check('c');
    // a was dropped to make room, so it starts afresh.
    assert.equal(limit.check('a'), 0);
  });
});
