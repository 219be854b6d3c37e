import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_STAFF } from '../../src/console/demo-data.ts';
import { startWallHarness, type WallHarness } from '../helpers/wall-page.ts';

const get = (url: string, init?: RequestInit) => fetch(url, init);

describe('wall page over HTTP', () => {
  let w: WallHarness;
  before(async () => {
    w = await startWallHarness();
    await w.h.app.store.tasks.create({ title: '<script>alert(1)</script> & "清理"', owners: [10002], unit: 'enforcement', status: 'open', createdBy: 10004, createdAt: '2024-09-01T00:00:00Z', due: '2024-09-30' });
  });
  after(() => w.stop());

  it('shows figures, items, owners and progress to a valid link, with the security headers', async () => {
    const url = await w.link();
    const res = await get(url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'.*frame-ancestors 'none'/);
    assert.doesNotMatch(res.headers.get('content-security-policy') ?? '', /unsafe-inline/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const html = await res.text();
    assert.match(html, /首执案件终本率/);
    assert.match(html, /10\.47%/);
    assert.match(html, /80\.81%/);
    assert.match(html, /数据截至 2024年1—8月/);
    assert.match(html, /首次执行案件终本率压降至 10% 以内/);
    assert.match(html, /责任人：张执行/);
    assert.match(html, /完成 12 件案件的财产查控/);
    assert.doesNotMatch(html, /<script>(?!<\/script>)[^<]*alert/, 'staff text is never markup');
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;清理&quot;/);
    assert.doesNotMatch(html, /<script>[^<]/);
    assert.match(html, /<script src="\/wall-assets\/wall\.js" defer><\/script>/);
  });

  it('answers its JSON twin for the refresh with the same escaped body', async () => {
    const url = await w.link();
    const res = await get(`${url}&format=json`);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const data = (await res.json()) as { html: string; generatedAt: string };
    assert.match(data.html, /首执案件终本率/);
    assert.match(data.html, /&lt;script&gt;/);
    assert.match(data.generatedAt, /^2024-09-03 10:00$/);
  });

  it('gives a stranger, a wrong token and an unknown unit the same 404', async () => {
    const url = await w.link();
    const wrong = url.replace(/k=[^&]+/, 'k=invite-code-999');
    for (const target of [`${w.base}/wall`, wrong, `${w.base}/wall/nowhere${new URL(url).search}`, `${w.base}/`, `${w.base}/wall/..%2f..%2fpackage.json`]) {
      const res = await get(target);
      assert.equal(res.status, 404, target);
      assert.equal(await res.text(), 'Not found\n');
    }
  });

  it('scopes a unit link to its unit', async () => {
    const devzone = await w.link('devzone');
    assert.match(devzone, /\/wall\/devzone\?k=/);
    assert.equal((await get(devzone)).status, 200);
    const token = new URL(devzone).search;
    assert.equal((await get(`${w.base}/wall${token}`)).status, 404);
    assert.equal((await get(`${w.base}/wall/enforcement${token}`)).status, 404);
    const court = new URL(await w.link()).search;
    const unitPage = await (await get(`${w.base}/wall/enforcement${court}`)).text();
    assert.match(unitPage, /执行局 · 工作上墙/);
  });

  it('makes the figures-only board public on request, with no names or progress', async () => {
    assert.match(await w.say('/wallpage public on'), /公开看板已开启/);
    const res = await get(`${w.base}/wall`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /首执案件终本率/);
    assert.match(html, /公开看板：仅显示指标/);
    for (const secret of [/张执行/, /王书记/, /首次执行案件/, /责任人/, /完成 12 件/, /T1/]) assert.doesNotMatch(html, secret);
    assert.match(await w.say('/wallpage public off'), /公开看板已关闭/);
    assert.equal((await get(`${w.base}/wall`)).status, 404);
  });

  it('revokes links at once and stores only their hashes, in a versioned document', async () => {
    const url = await w.link();
    assert.equal((await get(url)).status, 200);
    const token = new URL(url).searchParams.get('k')!;
    const doc = await readFile(join(w.h.dataDir, 'wallpage.json'), 'utf8');
    assert.equal((JSON.parse(doc) as { schemaVersion: number }).schemaVersion, 1);
    assert.ok(!doc.includes(token), 'the token itself is not stored');
    assert.match(await w.say('/wallpage revoke'), /已撤销 \d+ 个网页墙链接/);
    assert.equal((await get(url)).status, 404);
  });

  it('serves only its own assets, the font among them, and nothing but GET', async () => {
    const font = await get(`${w.base}/wall-assets/wall-font.otf`);
    assert.equal(font.status, 200);
    assert.equal(font.headers.get('content-type'), 'font/otf');
    assert.ok((await font.arrayBuffer()).byteLength > 1_000_000);
    assert.equal((await get(`${w.base}/wall-assets/wall.js`)).headers.get('content-type'), 'text/javascript; charset=utf-8');
    for (const path of ['/wall-assets/', '/wall-assets/static', '/wall-assets/%2e%2e/package.json', '/wall-assets/../app.ts']) {
      assert.equal((await get(w.base + path)).status, 404, path);
    }
    assert.equal((await get(`${w.base}/wall`, { method: 'POST' })).status, 405);
  });

  it('refuses /wallpage to staff', async () => {
    const answer = (await w.h.say({ ...DEMO_STAFF }, '/wallpage link')).map((m) => m.plain).join('\n');
    assert.doesNotMatch(answer, /http/);
    assert.match(answer, /权限|管理员/);
  });
});
