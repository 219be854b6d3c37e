import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBlank, parseProgressText, PROGRESS_TEXT_LIMIT, progressTagBody } from '../../../src/domain/progress/parse-progress.ts';

describe('progressTagBody', () => {
  it('takes the body after #进度 or #progress', () => {
    assert.equal(progressTagBody('#进度 #T12 完成 60%'), '#T12 完成 60%');
    assert.equal(progressTagBody('#Progress: done'), 'done');
    assert.equal(progressTagBody('  #进度：查控完成'), '查控完成');
    assert.equal(progressTagBody('#进度'), '');
  });
  it('ignores other messages', () => {
    assert.equal(progressTagBody('终本率'), undefined);
    assert.equal(progressTagBody('今天 #进度 很好'), undefined);
    assert.equal(progressTagBody('#进度表'), undefined);
    assert.equal(progressTagBody('#progressive'), undefined);
  });
});

describe('parseProgressText', () => {
  it('reads the item and the percentage and keeps the rest as written', () => {
    const r = parseProgressText('#T12 完成财产查控 60% <script>&');
    assert.deepEqual(r, { ok: true, value: { text: '完成财产查控 60% <script>&', itemCode: 'T12', percent: 60 } });
  });
  it('accepts T12 without # and a full-width percent sign', () => {
    assert.deepEqual(parseProgressText('t007 推进 45％'), { ok: true, value: { text: '推进 45％', itemCode: 'T7', percent: 45 } });
  });
  it('is a general update without an item', () => {
    assert.deepEqual(parseProgressText('本周结案 5 件'), { ok: true, value: { text: '本周结案 5 件' } });
  });
  it('does not take a word containing T and digits for an item, nor 150% for a percentage', () => {
    const r = parseProgressText('ABT12 超额 150%');
    assert.deepEqual(r, { ok: true, value: { text: 'ABT12 超额 150%' } });
  });
  it('does not take a quoted indicator rate for the completion percentage', () => {
    const ok = (text: string) => {
      const r = parseProgressText(text);
      assert.ok(r.ok);
      return r.value;
    };
    assert.equal(ok('T1 本月终本率降至 10.47%').percent, undefined);
    assert.equal(ok('T1 终本率降至 10.47%，完成 60%').percent, 60);
    assert.equal(ok('T1 进度 60%，终本率降至 10%').percent, 60, 'the one after 进度 wins');
    assert.equal(ok('T1 财产查控 60% 冻结账户 5 个').percent, 60);
  });

  it('refuses an empty update', () => {
    assert.equal(parseProgressText('  ').ok, false);
    assert.deepEqual(parseProgressText('#T3'), { ok: false, error: 'empty', limit: PROGRESS_TEXT_LIMIT, length: 0 });
  });
  it('refuses an update of only invisible characters as empty, keeps visible text around them', () => {
    for (const blank of ['\u200B', '\u200C\u200D', '\u2060\uFEFF', ' \u200B\t\u3000 ', '\u00AD\u034F\u115F\u3164\uFFA0', '\u200E\u202E\u2066', '\uFE0F\u{E0020}\u2800', '#T3 \u200B']) {
      assert.equal(parseProgressText(blank).ok, false, JSON.stringify(blank));
      assert.equal(isBlank(blank.replace('#T3', '')), true, JSON.stringify(blank));
    }
    assert.equal(parseProgressText('\u200B完成\u200B').ok, true);
    assert.equal(parseProgressText('\u200B 60%').ok, true);
    assert.equal(parseProgressText('👨\u200D👩\u200D👧').ok, true);
    assert.equal(isBlank('a'), false);
  });
  it('accepts exactly 4,000 characters and refuses 4,001 with the limit', () => {
    assert.equal(parseProgressText('进'.repeat(4000)).ok, true);
    assert.equal(parseProgressText(`#T1 ${'进'.repeat(4000)}`).ok, true);
    const r = parseProgressText('进'.repeat(4001));
    assert.deepEqual(r, { ok: false, error: 'tooLong', limit: 4000, length: 4001 });
  });
  it('keeps emoji and right-to-left marks intact', () => {
    const text = '完成 👍🏽 \u202Eabc\u200F';
    assert.deepEqual(parseProgressText(text), { ok: true, value: { text } });
  });
});

describe('percentages no one means', () => {
  it('refuses exponents, Infinity, NaN, ∞, seven digits and a negative completion, naming what it read', () => {
    for (const text of ['1e999%', '进度 1e2%', '执行 Infinity%', 'NaN% 完成', '完成度 ∞%', `完成 ${'9'.repeat(400)}%`, '完成 -5%', 'done: −5 %']) {
      const parsed = parseProgressText(text);
      assert.equal(parsed.ok ? 'accepted' : parsed.error, 'badPercent', text);
    }
    assert.deepEqual(parseProgressText('进度 1e2%'), { ok: false, error: 'badPercent', value: '1e2%' });
  });
  it('keeps whole percentages, quoted rates, and signed changes out of the completion', () => {
    assert.deepEqual(parseProgressText('完成 60%，终本率降至 10.47%'), { ok: true, value: { text: '完成 60%，终本率降至 10.47%', percent: 60 } });
    assert.deepEqual(parseProgressText('收案同比 -5%'), { ok: true, value: { text: '收案同比 -5%' } });
    assert.deepEqual(parseProgressText('超额完成 120%'), { ok: true, value: { text: '超额完成 120%' } });
  });
});
