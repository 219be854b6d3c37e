import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findMetric, suggestMetrics } from '../../../src/domain/metrics/catalog.ts';
import { matchMetricText, parseMetricQuery } from '../../../src/domain/metrics/query.ts';
import type { Unit } from '../../../src/domain/org.ts';
import { loadSeedCatalog } from '../../../src/store/metrics-store.ts';

const catalog = loadSeedCatalog();
const units: Unit[] = [
  { code: 'court', nameZh: '本院', nameEn: 'The court', kind: 'court' },
  { code: 'devzone', nameZh: '开发区法庭', nameEn: 'Development Zone Tribunal', kind: 'tribunal' },
  { code: 'enforcement', nameZh: '执行局', nameEn: 'Enforcement Bureau', kind: 'enforcement' },
];
const ctx = { units, now: new Date('2024-09-02T00:00:00Z'), timeZone: 'Asia/Shanghai' };
const code = (text: string) => matchMetricText(text, catalog, ctx)?.def.code;

describe('the shipped catalog', () => {
  it('holds the 25 reference indicators and the enforcement counts', () => {
    assert.ok(catalog.length >= 32);
    const codes = new Set(catalog.map((m) => m.code));
    assert.equal(codes.size, catalog.length);
    for (const c of ['first_enf_terminated_round_rate', 'enf_amount_realized_rate', 'clearance_ratio', 'enf_fund_payout_days', 'enf_amount_realized']) {
      assert.ok(codes.has(c), c);
    }
    const names = catalog.flatMap((m) => [m.nameZh, ...m.aliases].map((n) => n.toLowerCase()));
    assert.equal(new Set(names).size, names.length, 'a name or alias is used twice');
  });
});

describe('metric query parser', () => {
  it('finds indicators by alias, Chinese or English', () => {
    assert.equal(code('终本率'), 'first_enf_terminated_round_rate');
    assert.equal(code('到位率'), 'enf_amount_realized_rate');
    assert.equal(code('执行到位率'), 'enf_amount_realized_rate');
    assert.equal(code('结收比'), 'clearance_ratio');
    assert.equal(code('调撤率'), 'mediation_withdrawal_rate');
    assert.equal(code('Closure rate'), 'closure_rate');
    assert.equal(code('closure_rate'), 'closure_rate');
  });

  it('takes out periods, units and basis', () => {
    assert.deepEqual(parseMetricQuery('执行到位率 2024-08', ctx), { name: '执行到位率', period: '2024-08' });
    assert.deepEqual(parseMetricQuery('8月 到位率', ctx), { name: '到位率', period: '2024-08' });
    assert.deepEqual(parseMetricQuery('2024年8月终本率', ctx), { name: '终本率', period: '2024-08' });
    assert.deepEqual(parseMetricQuery('上月终本率', ctx), { name: '终本率', period: '2024-08' });
    assert.deepEqual(parseMetricQuery('开发区法庭 结案率', ctx), { name: '结案率', unit: 'devzone' });
    assert.deepEqual(parseMetricQuery('开发区法庭的结案率是多少？', ctx), { name: '结案率', unit: 'devzone' });
    assert.deepEqual(parseMetricQuery('closure rate devzone 2024-08', ctx), { name: 'closure rate', period: '2024-08', unit: 'devzone' });
    assert.deepEqual(parseMetricQuery('当月 终本率 执行局', ctx), { name: '终本率', unit: 'enforcement', basis: 'month' });
    assert.deepEqual(parseMetricQuery('what is the amount realised rate in Aug 2024', ctx), { name: 'amount realised rate', period: '2024-08' });
  });

  it('leaves other messages alone', () => {
    assert.equal(code('#进度 完成了执行款发放'), undefined);
    assert.equal(code('今天下午开会'), undefined);
    assert.equal(code('/metric 终本率'), undefined);
    assert.equal(parseMetricQuery('2024-08', ctx), undefined);
  });

  it('suggests the nearest indicators for an unknown name', () => {
    assert.equal(findMetric(catalog, '终本'), undefined);
    const near = suggestMetrics(catalog, '终本', 3).map((m) => m.code);
    assert.equal(near.length, 3);
    assert.ok(near.includes('first_enf_terminated_round_rate'), near.join());
    assert.ok(suggestMetrics(catalog, 'closure', 3).some((m) => m.code === 'closure_rate'));
    assert.ok(suggestMetrics(catalog, '到位', 3).some((m) => m.code === 'enf_amount_realized_rate'));
  });
});
