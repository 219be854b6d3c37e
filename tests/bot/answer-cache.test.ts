import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAnswerCache } from '../../src/bot/answer-cache.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN } from '../helpers/updates.ts';

void describe('answer cache', () => {
  void it('builds an answer once per key and revision, and again after the data changed', () => {
    let revision = 1;
    let builds = 0;
    const cache = createAnswerCache(() => revision, 2);
    const build = (text: string) => () => {
      builds++;
      return text;
    };
    assert.equal(cache.get('a', build('A1')), 'A1');
    assert.equal(cache.get('a', build('never')), 'A1');
    assert.equal(builds, 1);
    revision = 2;
    assert.equal(cache.get('a', build('A2')), 'A2');
    cache.get('b', build('B'));
    cache.get('c', build('C')); // over the limit: starts afresh rather than growing
    assert.equal(cache.get('a', build('A3')), 'A3');
    assert.equal(builds, 5);
  });

  void describe('metric answers', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness();
    });
    after(() => h.stop());

    void it('answers from the figures imported since, in each language and for each unit name', async () => {
      const save = (value: number) => h.app.store.metrics.saveObservations([{ metric: 'first_enf_terminated_round_rate', unit: 'court', period: '2024-08', basis: 'ytd', value }]);
      await save(10.47);
      assert.match((await h.say(ADMIN, '终本率'))[0]!.plain, /10\.47%/);
      await save(9.99);
      assert.match((await h.say(ADMIN, '终本率'))[0]!.plain, /9\.99%/, 'a figure imported after the first answer shows at once');
      await h.say(ADMIN, '/lang en');
      assert.match((await h.say(ADMIN, '终本率'))[0]!.plain, /9\.99 ?%/);
      assert.doesNotMatch((await h.say(ADMIN, '终本率'))[0]!.plain, /首执案件终本率/, 'the English answer is not the cached Chinese one');
      await h.say(ADMIN, '/lang zh');
    });
  });
});
