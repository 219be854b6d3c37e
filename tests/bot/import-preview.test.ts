import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { previewImport } from '../../src/bot/features/import-preview.ts';
import { translator } from '../../src/text/i18n.ts';
import { parseTelegramHtml } from '../helpers/telegram-html.ts';

describe('import preview', () => {
  it('shows a bad cell exactly as it is in the file, escaped once', () => {
    const plan = { rowsRead: 2, observations: [], errors: [{ line: 2, code: 'unknown_metric' as const, value: 'a<b & "c"' }] };
    const html = previewImport(translator('zh'), plan, () => false, { file: 'x.csv', encoding: 'utf-8' }).text;
    const plain = parseTelegramHtml(html);
    assert.match(plain, /第 2 行：未知指标“a<b & "c"”/);
    assert.doesNotMatch(plain, /&amp;|&lt;|&quot;/);
  });
});
