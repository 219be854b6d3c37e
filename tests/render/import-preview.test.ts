import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { previewImport } from '../../src/render/import-preview.ts';
import { buildImportPlan } from '../../src/domain/metrics/import-rows.ts';
import type { Unit } from '../../src/domain/org.ts';
import { loadSeedCatalog } from '../../src/store/metrics-store.ts';
import { translator } from '../../src/text/i18n.ts';
import { parseTelegramHtml } from '../helpers/telegram-html.ts';

const catalog = loadSeedCatalog();
const units: Unit[] = [{ code: 'devzone', nameZh: '开发区法庭', nameEn: 'Development Zone Tribunal', kind: 'tribunal' }];
const context = { t: translator('zh'), lang: 'zh' as const, catalog, units };
const source = { file: 'x.csv', encoding: 'utf-8' };
const sheet = (...lines: string[][]) => lines.map((cells, i) => ({ line: i + 1, cells }));

describe('import preview', () => {
  it('shows a bad cell exactly as it is in the file, escaped once', () => {
    const plan = { rowsRead: 2, observations: [], lines: [], errors: [{ line: 2, code: 'unknown_metric' as const, value: 'a<b & "c"' }] };
    const plain = parseTelegramHtml(previewImport(context, plan, () => undefined, source).text);
    assert.match(plain, /第 2 行：未知指标“a<b & "c"”/);
    assert.doesNotMatch(plain, /&amp;|&lt;|&quot;/);
  });

  it('cuts an echoed cell to about 50 characters', () => {
    const plan = { rowsRead: 2, observations: [], lines: [], errors: [{ line: 2, code: 'unknown_metric' as const, value: '长'.repeat(100_000) }] };
    const text = previewImport(context, plan, () => undefined, source).text;
    assert.ok(text.length < 300, String(text.length));
  });

  it('lists the rows as they will be stored, in court wording, old → new for replacements', () => {
    const plan = buildImportPlan(
      sheet(['指标', '单位', '期间', '口径', '数值'], ['终本率', '本院', '2024年1-8月', '', '10.47%'], ['结收比', '开发区法庭', '2024-08', '当月', '96.79']),
      catalog,
      units,
    );
    assert.deepEqual(plan.errors, []);
    const old = { ...plan.observations[0]!, value: 10.5 };
    const plain = parseTelegramHtml(previewImport(context, plan, (o) => (o.metric === old.metric ? old : undefined), source).text);
    assert.match(plain, /第 2 行 · 首执案件终本率 · 本院 · 2024年1—8月 · 10\.50% → 10\.47%/);
    assert.match(plain, /第 3 行 · 结收比 · 开发区法庭 · 2024年8月（当月） · 96\.79%/);
    assert.match(plain, /新增 1 条，替换 1 条/);
  });

  it('writes a quarter imported in words as the quarter alone', () => {
    const plan = buildImportPlan(sheet(['指标', '单位', '期间', '数值'], ['执行收案数', '本院', '2024年三季度', '1200']), catalog, units, { maxYear: 2027 });
    assert.deepEqual(plan.errors, []);
    assert.equal(plan.observations[0]!.period, '2024-Q3');
    assert.match(parseTelegramHtml(previewImport(context, plan, () => undefined, source).text), /2024年第三季度 · 1,200件/);
  });

  it('shows at most 20 rows and counts the rest', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ['执行收案数', '本院', `20${10 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, '', String(i)]);
    const plan = buildImportPlan(sheet(['指标', '单位', '期间', '口径', '数值'], ...rows), catalog, units);
    const plain = parseTelegramHtml(previewImport(context, plan, () => undefined, source).text);
    assert.equal((plain.match(/ · 执行收案数 · /g) ?? []).length, 20);
    assert.match(plain, /另有 10 条未列出/);
  });
});
