import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allMessageKeys, clashingMessageKeys, translate, type MessageKey } from '../../src/text/i18n.ts';
import { parseTelegramHtml } from '../helpers/telegram-html.ts';

describe('message catalogs', () => {
  it('have the same keys in Chinese and English', () => {
    assert.deepEqual(allMessageKeys('en').sort(), allMessageKeys('zh').sort());
    assert.ok(allMessageKeys('zh').length > 50);
  });

  it('define every key in one catalog only (a second definition would replace the first everywhere)', () => {
    assert.deepEqual(clashingMessageKeys(), []);
    assert.equal(translate('zh', 'status.inactive'), '⛔');
  });

  it('render valid Telegram HTML in both languages, even with hostile parameters', () => {
    const hostile = '<script>alert("x")</script> & <b>';
    for (const lang of ['zh', 'en'] as const) {
      for (const key of allMessageKeys(lang) as MessageKey[]) {
        // Every {placeholder} gets the hostile text.
        const params = new Proxy({}, { get: (_t, name) => (typeof name === 'string' ? hostile : undefined) }) as Record<string, string>;
        const text = translate(lang, key, params);
        assert.doesNotThrow(() => parseTelegramHtml(text), `${lang} ${key}: ${text}`);
      }
    }
  });

  it('escapes parameters and keeps them intact for the reader', () => {
    const text = translate('zh', 'users.notFound', { id: '<1&2>' });
    assert.match(text, /&lt;1&amp;2&gt;/);
    assert.match(parseTelegramHtml(text), /<1&2>/);
  });

  it('speaks Chinese by default and English when asked', () => {
    assert.equal(translate('zh', 'lang.set'), '语言已设置为中文。');
    assert.equal(translate('en', 'lang.set'), 'Language set to English.');
  });
});
