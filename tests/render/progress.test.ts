import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTaskList, renderWall, type RenderContext } from '../../src/render/progress.ts';
import { buildWall } from '../../src/domain/progress/views.ts';
import { translator } from '../../src/text/i18n.ts';
import { splitMessage } from '../../src/text/split.ts';
import { parseTelegramHtml } from '../helpers/telegram-html.ts';

const r: RenderContext = { t: translator('zh'), lang: 'zh', units: [{ code: 'enforcement', nameZh: '执行局', nameEn: 'Enforcement', kind: 'enforcement' }], members: [] };

describe('renderWall', () => {
  it('splits one update longer than 4096 characters after escaping into valid parts that keep every character', () => {
    const text = '<&"👍🏽\u200F'.repeat(800); // 4,800 UTF-16 units, ≈ 17,000 once escaped
    const view = buildWall({
      unit: 'enforcement',
      week: '2024-W36',
      updates: [{ id: 1, chatId: 1, messageId: 1, author: 7, authorName: '<b>张</b>', unit: 'enforcement', text, source: 'tag', at: '2024-09-02T02:00:00.000Z' }],
      items: [],
      timeZone: 'Asia/Shanghai',
    });
    const html = renderWall(r, view);
    assert.ok(html.includes('&lt;b&gt;张&lt;/b&gt;'));
    const parts = splitMessage(html);
    assert.ok(parts.length >= 4);
    const plain = parts.map((p) => {
      assert.ok(p.length <= 4096);
      return parseTelegramHtml(p);
    });
    assert.ok(plain.join('').includes(text));
  });

  it('names the week as Chinese reports do, not as an ISO code', () => {
    const empty = buildWall({ unit: 'enforcement', week: '2024-W36', updates: [], items: [], timeZone: 'Asia/Shanghai' });
    assert.equal(renderWall(r, empty), '执行局2024年第36周还没有进展记录。');
    assert.equal(renderWall({ ...r, t: translator('en'), lang: 'en' }, empty), 'No updates for Enforcement in 2024-W36 yet.');
  });

  it('says an empty task list has no open items, in words that read for a unit and for "mine"', () => {
    assert.equal(renderTaskList(r, '我负责的', []), '我负责的：暂无进行中的重点工作。');
    assert.equal(renderTaskList(r, '执行局', []), '执行局：暂无进行中的重点工作。');
  });
});
