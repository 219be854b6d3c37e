import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { FLAT_METRIC, seedNearConstantSeries } from '../helpers/hostile-figures.ts';
import { ADMIN } from '../helpers/updates.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * /trend on series whose range is below the float resolution of their values (issue 12,
 * item 1): the bot answers with a chart and keeps answering. Written against what the user
 * gets (a PNG photo, then the next answer), so it holds whatever draws the chart.
 */
describe('/trend on a near-constant series, end to end', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ now: '2024-01-05T01:00:00Z' });
    await seedNearConstantSeries(h.app.store);
  });
  after(async () => {
    await h.stop();
  });

  for (const query of [`/trend ${FLAT_METRIC}`, `/trend ${FLAT_METRIC} enforcement`]) {
    it(`answers "${query}" with a PNG and keeps answering`, async () => {
      const [photo] = await h.say(ADMIN, query);
      assert.equal(photo?.method, 'sendPhoto', `expected a photo, got ${photo?.method}: ${photo?.plain}`);
      assert.deepEqual([...photo.photo!.subarray(0, 8)], PNG_SIGNATURE);
      assert.match(photo.plain, /申请执行标的金额/);
      const [next] = await h.say(ADMIN, '/help');
      assert.ok(next && next.method === 'sendMessage', 'the bot answers the next message');
    });
  }
});
