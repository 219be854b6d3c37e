import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_STAFF } from '../../src/console/demo-data.ts';
import { REPO_ROOT } from '../helpers/bot-process.ts';
import { startWallHarness, type WallHarness } from '../helpers/wall-page.ts';

/** Debian's Chromium (apt-get install chromium; .ci/run installs it when missing); Playwright downloads no browser. */
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
const SKIP = CHROMIUM ? false : 'Chromium is not installed and could not be: apt-get install chromium (or set CHROMIUM_PATH) to run the wall page in a real browser';
const OUTPUT = join(REPO_ROOT, 'test-output', 'wall');

/** The fonts Chromium really drew the page's text with, other than the page's own (DevTools protocol). */
async function systemFontsUsed(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'body *' });
    const used = new Set<string>();
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      for (const font of fonts) if (!font.isCustomFont && font.glyphCount > 0) used.add(font.familyName);
    }
    return [...used];
  } finally {
    await cdp.detach();
  }
}

/** The characters the bundled font has a glyph for (written by scripts/make-fonts.sh). */
const COVERAGE = new Set(readFileSync(join(REPO_ROOT, 'assets/fonts/coverage.txt'), 'utf8').trim());
const uncovered = (text: string) => [...new Set(text.replace(/\s/g, ''))].filter((c) => !COVERAGE.has(c));

describe('wall page in Chromium', { skip: SKIP }, () => {
  let w: WallHarness;
  let browser: Browser;
  let page: Page;
  before(async () => {
    await mkdir(OUTPUT, { recursive: true });
    w = await startWallHarness({ wallRefreshMs: 500 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('shows the ten board figures and the key work items in Chinese, drawn with the bundled font', async () => {
    const url = await w.link();
    const response = await page.goto(url);
    assert.equal(response?.status(), 200);
    await page.evaluate(() => document.fonts.ready);
    const faces = await page.evaluate(() => [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'CourtWall Sans').map((f) => f.status));
    assert.deepEqual(faces, ['loaded'], 'the bundled font was fetched from the page\'s own server and loaded');
    // No tofu: every character shown has a glyph in the bundled font, and the browser drew it with that font.
    const text = await page.locator('#wall').innerText();
    assert.deepEqual(uncovered('✅ 执行'), ['✅'], 'the coverage check finds a character the font lacks');
    assert.deepEqual(uncovered(text), [], 'characters the bundled font has no glyph for');
    // Hold the refresh meanwhile (the page keeps its content when a refresh fails), so the nodes stay put.
    await page.route('**/*format=json*', (route) => route.abort());
    await page.waitForTimeout(1_000); // a refresh already under way lands first
    assert.deepEqual(await systemFontsUsed(page), [], 'text drawn with a system font instead of the bundled one');
    // The check sees a character the bundled font lacks (ŧ: no GB2312 character) drawn by a system font.
    await page.evaluate(`document.body.insertAdjacentHTML('beforeend', '<p id="probe">ŧ</p>')`);
    assert.notDeepEqual(await systemFontsUsed(page), []);
    await page.evaluate(`document.getElementById('probe').remove()`);
    await page.unroute('**/*format=json*');

    const figures = await page.locator('.figure').allInnerTexts();
    assert.equal(figures.length, 10);
    const all = figures.join('\n');
    assert.match(all, /首执案件终本率\s+10\.47%/);
    assert.match(all, /执行标的到位率\s+80\.81%/);
    assert.equal(await page.locator('.figure .spark polyline').count() >= 10, true, 'a trend line per figure');
    assert.match(await page.locator('#as-of').innerText(), /数据截至 2024年1—8月/);

    const items = (await page.locator('.item').allInnerTexts()).join('\n');
    assert.match(items, /T1 首次执行案件终本率压降至 10% 以内/);
    assert.match(items, /责任人：张执行/);
    assert.match(items, /60%/);
    assert.match(items, /完成 12 件案件的财产查控/);
    assert.match(items, /已逾期/);
    await page.screenshot({ path: join(OUTPUT, 'court.png') });
  });

  it('picks up a new progress update without reloading the page', async () => {
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const recorded = (await w.h.say({ ...DEMO_STAFF }, '/progress #T3 进度 45% 执行款物系统完成联调测试')).map((m) => m.plain).join('\n');
    assert.match(recorded, /已记录/);
    await page.waitForFunction(() => document.getElementById('wall')!.innerText.includes('执行款物系统完成联调测试'), undefined, { timeout: 15_000 });
    assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, 'the page itself was not reloaded');
    const t3 = await page.locator('.item[data-code="T3"]').innerText();
    assert.match(t3, /45%/);
    await page.screenshot({ path: join(OUTPUT, 'court-after-update.png') });
  });

  it('shows a unit its own page', async () => {
    const url = await w.link('enforcement');
    assert.equal((await page.goto(url))?.status(), 200);
    assert.match(await page.locator('h1').innerText(), /执行局/);
    await page.screenshot({ path: join(OUTPUT, 'unit-enforcement.png') });
  });

  it('gives a wrong token and a revoked one a 404, and the public board no names', async () => {
    const url = await w.link();
    assert.equal((await page.goto(url.replace(/k=[^&]+/, 'k=not-the-token')))?.status(), 404);
    await w.say('/wallpage revoke');
    assert.equal((await page.goto(url))?.status(), 404);
    assert.equal((await page.goto(`${w.base}/wall`))?.status(), 404);
    await w.say('/wallpage public on');
    assert.equal((await page.goto(`${w.base}/wall`))?.status(), 200);
    const text = await page.locator('#wall').innerText();
    assert.match(text, /首执案件终本率/);
    assert.doesNotMatch(text, /张执行|王书记|责任人|T1/);
    await page.screenshot({ path: join(OUTPUT, 'public-board.png') });
  });
});
