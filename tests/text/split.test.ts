import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, fill, html, htmlToText } from '../../src/text/html.ts';
import { splitMessage, TELEGRAM_TEXT_LIMIT } from '../../src/text/split.ts';
import { parseTelegramHtml } from '../helpers/telegram-html.ts';

describe('splitMessage', () => {
  it('keeps a short text whole', () => {
    assert.deepEqual(splitMessage('一行\n两行'), ['一行\n两行']);
  });

  it('splits at line boundaries, each part within the limit, nothing lost', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `<b>${i}</b> ${escapeHtml('进度 <ok> & done ')}${'字'.repeat(i % 40)}`);
    const parts = splitMessage(lines.join('\n'));
    assert.ok(parts.length > 1);
    for (const part of parts) {
      assert.ok(part.length <= TELEGRAM_TEXT_LIMIT);
      assert.doesNotThrow(() => parseTelegramHtml(part));
    }
    assert.equal(parts.join('\n'), lines.join('\n'));
  });

  it('cuts a single overlong line outside entities and surrogate pairs', () => {
    const line = escapeHtml('&<>'.repeat(3000)) + '😀'.repeat(3000);
    const parts = splitMessage(line, 4096);
    assert.ok(parts.every((p) => p.length <= 4096));
    assert.equal(parts.join(''), line);
    for (const part of parts) assert.doesNotThrow(() => parseTelegramHtml(part));
    for (const part of parts) assert.ok(!/[\uD800-\uDBFF]$/.test(part), 'no part ends inside a surrogate pair');
  });
});

describe('html helpers', () => {
  it('always makes progress, whatever the limit and the text (a zero-length cut looped forever)', () => {
    for (const [text, limit] of [['a<bcdef', 2], ['<<<<&&&&', 1], ['\u{1F600}\u{1F600}x', 1], ['x&amp;y', 3]] as [string, number][]) {
      const parts = splitMessage(text, limit);
      assert.equal(parts.join(''), text);
      assert.ok(parts.every((p) => p.length > 0 && p.length <= Math.max(limit, 2)), JSON.stringify(parts));
    }
  });

  it('escapes what Telegram reserves', () => {
    assert.equal(escapeHtml('<a href="x">&</a>'), '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });

  it('fills templates, escaping text but not trusted markup', () => {
    assert.equal(fill('{a} {b} {missing}', { a: '<i>', b: html('<i>ok</i>') }), '&lt;i&gt; <i>ok</i> {missing}');
  });

  it('turns our HTML back into readable text', () => {
    assert.equal(htmlToText('<b>终本率</b> &lt;10%&gt; &amp; <a href="https://t.me/x">link</a>'), '终本率 <10%> & link (https://t.me/x)');
  });
});
