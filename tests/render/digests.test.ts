import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildAgenda } from '../../src/domain/digests/agenda.ts';
import { buildSummary } from '../../src/domain/digests/summary.ts';
import { renderAgenda, renderSummary } from '../../src/render/digests.ts';
import { loadSeedCatalog } from '../../src/store/metrics-store.ts';
import { splitMessage } from '../../src/text/split.ts';
import { parseTelegramHtml } from '../helpers/telegram-html.ts';

const week = { unitName: '执行局 <党支部>', week: '2024-W36', weekStart: '2024-09-02', weekEnd: '2024-09-08', since: '2024-08-26' };

void describe('digest rendering', () => {
  void it('escapes staff text and leaves a labelled blank for the study item', () => {
    const html = renderAgenda(
      buildAgenda({ ...week, items: [{ code: 'T1', title: 'A & B', owners: ['<script>'], done: false }], updates: [], figures: [], topics: [{ text: '1 < 2\n第二行', by: 'x&y' }] }),
      'zh',
    );
    const plain = parseTelegramHtml(html);
    assert.match(plain, /【执行局 <党支部> 2024年度第36次支部会议议程】 {2}2024年9月2日—9月8日/);
    assert.doesNotMatch(plain, /W36/, 'no ISO week codes in Chinese text');
    assert.match(plain, /领学人：＿＿＿＿/);
    assert.match(plain, /T1 A & B｜<script>/);
    assert.match(plain, /1 < 2 第二行（x&y 提出）/);
  });

  void it('renders the summary in English with the same numbers', () => {
    const catalog = loadSeedCatalog();
    const units = [{ code: 'court', nameZh: '本院', nameEn: 'Court', kind: 'court' as const }];
    const observations = [{ metric: 'enf_amount_realized_rate', unit: 'court', period: '2024-08', basis: 'ytd' as const, value: 80.81 }];
    const summary = buildSummary({ courtName: 'Court', period: '2024-08', catalog, units, observations, items: [], updates: [], showRanks: false })!;
    const plain = parseTelegramHtml(renderSummary(summary, 'en'));
    assert.match(plain, /Enforcement summary, August 2024/);
    assert.match(plain, /enforcement amount realised: — \| 80\.81% \| — \| target ≥ 50\.00% \| ✅ meets the target \(50\.00%\)/);
    assert.match(plain, /5\. Problems: ____/);
    assert.match(plain, /6\. Next steps: ____/);
  });

  void it('splits an agenda with 200 progress updates into parts Telegram accepts', () => {
    const updates = Array.from({ length: 200 }, (_, i) => ({ itemCode: `T${i % 5}`, author: `干警${i}`, text: `第${i}条进展：<已完成> 执行款发放 & 案件核查，`.repeat(3), percent: i % 100, date: '2024-08-30' }));
    const items = Array.from({ length: 5 }, (_, i) => ({ code: `T${i}`, title: `事项${i}`, owners: ['张三'], done: false }));
    const parts = splitMessage(renderAgenda(buildAgenda({ ...week, items, updates, figures: [], topics: [] }), 'zh'));
    assert.ok(parts.length > 1);
    for (const part of parts) {
      const plain = parseTelegramHtml(part);
      assert.ok(plain.length <= 4096 && plain.trim().length > 0);
    }
  });
});
