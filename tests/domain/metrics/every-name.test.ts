import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { matchMetricText, parseMetricQuery } from '../../../src/domain/metrics/query.ts';
import type { Unit } from '../../../src/domain/org.ts';
import { applyUnitAlias, parseUnitAdd } from '../../../src/domain/unit-args.ts';
import { loadSeedCatalog } from '../../../src/store/metrics-store.ts';

const catalog = loadSeedCatalog();
const units = JSON.parse(readFileSync(new URL('../../../data/seed/units.json', import.meta.url), 'utf8')) as Unit[];
const ctx = { units, now: new Date('2026-12-01T01:00:00Z'), timeZone: 'Asia/Shanghai' };

describe('every catalog name and alias is understood (longest match first)', () => {
  for (const def of catalog) {
    it(`${def.code}: ${def.nameZh}`, () => {
      for (const name of [def.nameZh, def.nameEn, def.code, ...def.aliases]) {
        const alone = matchMetricText(name, catalog, ctx);
        assert.equal(alone?.def.code, def.code, `"${name}" alone`);
        for (const [text, period, unit] of [
          [`${name} 2024Q3`, '2024-Q3', undefined],
          [`2024年第三季度 ${name}`, '2024-Q3', undefined],
          [`${name} 2024年1-8月`, '2024-08', undefined],
          [`民一庭 ${name}`, undefined, 'civil1'],
          [`${name} 开发区 上半年`, '2026-H1', 'devzone'],
        ] as const) {
          const q = parseMetricQuery(text, { ...ctx, catalog });
          const found = matchMetricText(text, catalog, ctx);
          assert.equal(found?.def.code, def.code, `"${text}"`);
          assert.equal(q?.period, period, `"${text}" period`);
          assert.equal(q?.unit, unit, `"${text}" unit`);
        }
      }
    });
  }

  it('keeps 的 inside official names and drops it between unit and name', () => {
    assert.equal(matchMetricText('执行标的到位率', catalog, ctx)?.def.code, 'enf_amount_realized_rate');
    assert.equal(matchMetricText('申请执行标的金额', catalog, ctx)?.def.code, 'enf_amount_applied');
    const q = matchMetricText('民一庭的结案率是多少', catalog, ctx);
    assert.equal(q?.def.code, 'closure_rate');
    assert.equal(q?.query.unit, 'civil1');
    // 执行 in 执行完毕率 is not the enforcement bureau's alias.
    assert.equal(matchMetricText('执行完毕率', catalog, ctx)?.query.unit, undefined);
    assert.equal(matchMetricText('环资庭 结收比', catalog, ctx)?.query.unit, 'envres');
  });
});

describe('/unit add and aliases', () => {
  it('takes an English name as optional and a branch by its name', () => {
    const r = parseUnitAdd(['zx2', '执行二支部'], units);
    assert.ok(r.ok);
    assert.equal(r.unit.kind, 'branch');
    assert.equal(r.unit.nameEn, '执行二支部');
    assert.equal(r.unit.parent, 'court');
    const team = parseUnitAdd(['sucai', '速裁团队', 'Fast-track', 'Team', 'team', 'parent:民一庭'], units);
    assert.ok(team.ok);
    assert.equal(team.unit.parent, 'civil1');
    assert.equal(team.unit.nameEn, 'Fast-track Team');
    assert.deepEqual(parseUnitAdd(['x1', '某庭', 'parent:nowhere'], units), { ok: false, error: 'unknown_parent', detail: 'nowhere' });
    assert.equal(parseUnitAdd(['x1', '某庭', 'parent:branch_civil'], units).ok, false);
  });

  it('adds and removes aliases, refusing one another unit uses', () => {
    const civil1 = units.find((u) => u.code === 'civil1')!;
    const added = applyUnitAlias(civil1, '民一', units);
    assert.ok(added.ok);
    assert.deepEqual(applyUnitAlias(civil1, '开发区', units), { ok: false, taken: 'devzone' });
    const removed = applyUnitAlias(civil1, '-民一庭', units);
    assert.ok(removed.ok && !removed.unit.aliases?.includes('民一庭'));
  });
});
