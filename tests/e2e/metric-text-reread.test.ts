import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN, type TestUser } from '../helpers/updates.ts';

const STAFF: TestUser = { id: 4014, first_name: '王执行', language_code: 'zh-hans' };

// Plain texts are read as queries once per minute and catalog/units (metric-query.ts textMatcher):
// what changes the reading must still change the answer.
describe('plain-text metric questions asked again', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ now: '2024-09-30T15:59:30Z' });
    await h.app.store.org.saveMember({ id: STAFF.id, name: STAFF.first_name, role: 'staff', units: ['enforcement'], active: true, registeredAt: '2024-09-01T00:00:00Z' });
  });
  after(async () => {
    await h.stop();
  });

  it('reads 上月 anew once the court’s month has turned (23:59:30 → 00:00:10 court time)', async () => {
    const [september] = await h.say(STAFF, '上月 终本率');
    assert.match(september!.plain, /2024年1—8月/);
    h.clock.set('2024-09-30T16:00:10Z');
    const [october] = await h.say(STAFF, '上月 终本率');
    assert.match(october!.plain, /2024年1—9月/);
  });

  it('reads a word as an indicator once an alias makes it one, in the same minute', async () => {
    const [before] = await h.say(STAFF, '保全率');
    assert.doesNotMatch(before?.plain ?? '', /诉讼保全率/);
    await h.say(ADMIN, '/catalog add preservation_rate 诉讼保全率 preservation_rate effect % up');
    await h.say(ADMIN, '/catalog alias preservation_rate 保全率');
    const [after] = await h.say(STAFF, '保全率');
    assert.match(after!.plain, /诉讼保全率/);
  });
});
