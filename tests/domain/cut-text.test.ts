import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cutText, shorten } from '../../src/domain/cut-text.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('cutText and shorten', () => {
  it('leaves short text alone and cuts long text to the limit', () => {
    assert.equal(cutText('进展', 80), '进展');
    assert.equal(shorten('a'.repeat(80), 80), 'a'.repeat(80));
    assert.equal(shorten('a'.repeat(81), 80), `${'a'.repeat(80)}…`);
  });

  it('never cuts an emoji, a flag or a family in half', () => {
    const emoji = `${'a'.repeat(79)}😀b`;
    assert.equal(emoji.slice(0, 80).length, 80);
    assert.ok(LONE_SURROGATE.test(emoji.slice(0, 80)), 'the old cut left a lone surrogate');
    assert.equal(cutText(emoji, 80), 'a'.repeat(79));
    assert.equal(cutText(emoji, 81), `${'a'.repeat(79)}😀`);
    assert.equal(cutText(`${'a'.repeat(76)}🇨🇳x`, 80), `${'a'.repeat(76)}🇨🇳`);
    assert.equal(cutText(`${'a'.repeat(76)}🇨🇳x`, 79), 'a'.repeat(76));
    assert.equal(cutText(`${'a'.repeat(75)}👨‍👩‍👧‍👦`, 80), 'a'.repeat(75));
    for (let max = 0; max < 40; max++) {
      const cut = cutText('😀👍🏽🧑🏻‍⚖️𠀀e\u0301😀'.repeat(3), max);
      assert.ok(cut.length <= max, `max ${max}: ${cut.length}`);
      assert.ok(!LONE_SURROGATE.test(cut), `max ${max}: ${JSON.stringify(cut)}`);
    }
  });

  it('cuts one overlong grapheme between code points', () => {
    const zalgo = `a${'\u0301'.repeat(200)}`;
    assert.equal(cutText(zalgo, 10).length, 10);
    assert.equal(cutText('😀😀', 1), '');
  });
});
