import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MetricDef, Observation } from '../../src/domain/metrics/types.ts';
import { formatFigure } from '../../src/render/figures.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { ADMIN } from '../helpers/updates.ts';

/**
 * The done-when of the render layer: one figure of each kind (rate, count, days, amount,
 * ratio) reads the same in /metric, /board, the agenda and the summary.
 */
const PERIOD = '2024-01'; // January: a month and its year to date are the same figure.
const FIGURES: { code: string; value: number; text: string; reference: MetricDef['reference'] }[] = [
  { code: 'first_enf_terminated_round_rate', value: 31.234, text: '31.23%', reference: { max: 30 } },
  { code: 'enf_cases_received', value: 1234, text: '1,234件', reference: { min: 2000 } },
  { code: 'enf_avg_days', value: 121.5, text: '121.50天', reference: { max: 120 } },
  { code: 'enf_amount_realized', value: 80_810_000, text: '8,081.00万元', reference: { min: 100_000_000 } },
  { code: 'enf_case_ratio', value: 1.3249, text: '1:1.32', reference: { max: 1.2 } },
];
const RATIO: MetricDef = { code: 'enf_case_ratio', nameZh: '执行案件比', nameEn: 'enforcement case ratio', aliases: [], group: 'enforcement', unit: 'ratio', direction: 'down', kind: 'flow_ratio', reference: {} };

void describe('one figure, one text, on every surface', () => {
  let h: Harness;
  const surfaces = new Map<string, string>();
  before(async () => {
    h = await startHarness({ now: '2024-02-05T02:00:00Z' });
    const metrics = h.app.store.metrics;
    await metrics.saveMetric(RATIO);
    for (const f of FIGURES) await metrics.saveMetric({ ...metrics.metric(f.code)!, reference: f.reference, board: true });
    await metrics.saveObservations(FIGURES.map((f): Observation => ({ metric: f.code, unit: 'court', period: PERIOD, basis: 'ytd', value: f.value })));
    const say = async (text: string) => (await h.say(ADMIN, text)).map((m) => m.plain).join('\n');
    surfaces.set('/board', await say('/board'));
    surfaces.set('agenda', await say('/agenda preview enforcement'));
    surfaces.set('summary', await say(`/summary preview ${PERIOD}`));
    for (const f of FIGURES) surfaces.set(`/metric ${f.code}`, await say(`/metric ${f.code} ${PERIOD}`));
  });
  after(() => h.stop());

  for (const f of FIGURES) {
    void it(`writes ${f.code} as ${f.text} everywhere`, () => {
      const def = h.app.store.metrics.metric(f.code)!;
      assert.equal(formatFigure('zh', def, f.value), f.text);
      for (const where of ['/board', 'agenda', 'summary', `/metric ${f.code}`]) {
        const text = surfaces.get(where)!;
        assert.ok(text.includes(f.text), `${where} does not write ${f.code} as ${f.text}:\n${text}`);
      }
    });
  }

  void it('puts each figure on its own line of the board and the agenda with its name', () => {
    for (const f of FIGURES) {
      const name = h.app.store.metrics.metric(f.code)!.nameZh;
      assert.match(surfaces.get('/board')!, new RegExp(`${name}：${f.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      assert.match(surfaces.get('agenda')!, new RegExp(`${name}（2024年1月）：${f.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });
});
