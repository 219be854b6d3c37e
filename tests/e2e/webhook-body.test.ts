import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FakeTelegram } from '../helpers/fake-telegram.ts';
import { spawnMain, type Spawned } from '../helpers/spawn-main.ts';
import { ADMIN, GROUP, botMembership, textMessage } from '../helpers/updates.ts';

const SECRET = 'hook_secret';
const TEXT = '#进度 执行进度推进顺利';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A raw HTTP request whose body goes out in the given byte pieces, apart, so each arrives as its own chunk. */
function rawPost(port: number, path: string, headers: Record<string, string>, pieces: Buffer[]): Promise<{ status: number; raw: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    let raw = '';
    socket.on('data', (d: Buffer) => (raw += d.toString('latin1')));
    socket.on('error', () => {}); // a refused body may be cut off while it is still being written
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0), raw }));
    socket.on('connect', () => {
      void (async () => {
        const length = pieces.reduce((n, p) => n + p.length, 0);
        const head = Object.entries({ host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'content-length': String(length), connection: 'close', ...headers })
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join('');
        socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n`);
        for (const piece of pieces) {
          await sleep(60);
          socket.write(piece);
        }
      })();
    });
  });
}

/** The body split inside every 进 after the hashtag (3 bytes in UTF-8) and inside 推: after a first and a second byte. */
function splitInsideCharacters(body: Buffer): Buffer[] {
  const cuts: number[] = [];
  const tag = body.indexOf(Buffer.from('#进度')) + Buffer.byteLength('#进度');
  for (const needle of [Buffer.from('进'), Buffer.from('推')]) {
    for (let at = body.indexOf(needle, tag); at !== -1; at = body.indexOf(needle, at + 1)) cuts.push(at + 1, at + 2);
  }
  cuts.sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let start = 0;
  for (const cut of cuts) {
    pieces.push(body.subarray(start, cut));
    start = cut;
  }
  pieces.push(body.subarray(start));
  return pieces;
}

describe('webhook request bodies, as a real process', () => {
  let fake: FakeTelegram;
  let dataDir: string;
  let run: Spawned;
  let port: number;
  let nextId = 1;
  const post = (update: object, secret = SECRET) =>
    fetch(`http://127.0.0.1:${port}/tg/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify({ update_id: nextId++, ...update }),
    });

  before(async () => {
    fake = await FakeTelegram.start();
    dataDir = await mkdtemp(join(tmpdir(), 'courtwall-webhook-'));
    port = 20000 + Math.floor(Math.random() * 20000);
    run = spawnMain({
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATA_DIR: dataDir,
      ADMIN_IDS: String(ADMIN.id),
      WEBHOOK_URL: 'https://bot.example.org/tg/hook',
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
    });
    await fake.waitFor(() => fake.callsOf('setWebhook')[0], 15_000, 'setWebhook');
    fake.addChat(ADMIN.id);
    fake.addChat(GROUP.id);
    assert.equal((await post(botMembership({ chat: GROUP, from: ADMIN, status: 'administrator', botId: fake.botId }))).status, 200);
    assert.equal((await post(textMessage({ text: '/bind enforcement', from: ADMIN, chat: GROUP }))).status, 200);
    await fake.waitForMessage((m) => m.chatId === GROUP.id && /执行局/.test(m.plain));
  });
  after(async () => {
    run.child.kill('SIGTERM');
    await run.exited;
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores a #进度 text exactly when its body arrives split inside multi-byte characters', async () => {
    const body = Buffer.from(JSON.stringify({ update_id: nextId++, ...textMessage({ text: TEXT, from: ADMIN, chat: GROUP }) }));
    const pieces = splitInsideCharacters(body);
    assert.ok(pieces.length >= 5, 'split inside both 进');
    const response = await rawPost(port, '/tg/hook', { 'x-telegram-bot-api-secret-token': SECRET }, pieces);
    assert.equal(response.status, 200, response.raw);
    await fake.waitForMessage((m) => m.chatId === GROUP.id && /已记录进展/.test(m.plain));
    const stored = await Promise.all((await readdir(dataDir, { recursive: true })).filter((f) => /progress/.test(f) && /\.jsonl?$/.test(f)).map((f) => readFile(join(dataDir, f), 'utf8')));
    const texts = stored.flatMap((s) => [...s.matchAll(/"text":"([^"]*)"/g)].map((m) => m[1]));
    assert.deepEqual(texts, ['执行进度推进顺利']);
  });

  it('refuses a wrong secret, a wrong path or method, malformed JSON and an oversized body, changing nothing', async () => {
    assert.equal((await post(textMessage({ text: '#进度 不该记录', from: ADMIN, chat: GROUP }), 'wrong_secret')).status, 403);
    assert.equal((await post(textMessage({ text: '#进度 不该记录', from: ADMIN, chat: GROUP }), 'hook_secreT')).status, 403);
    const other = await fetch(`http://127.0.0.1:${port}/elsewhere`, { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': SECRET }, body: '{}' });
    assert.equal(other.status, 404);
    const get = await fetch(`http://127.0.0.1:${port}/tg/hook`, { headers: { 'x-telegram-bot-api-secret-token': SECRET } });
    assert.equal(get.status, 405);
    const malformed = await rawPost(port, '/tg/hook', { 'x-telegram-bot-api-secret-token': SECRET }, [Buffer.from('{"update_id": 9, "message": {')]);
    assert.equal(malformed.status, 400);
    const huge = await rawPost(port, '/tg/hook', { 'x-telegram-bot-api-secret-token': SECRET }, [Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    assert.equal(huge.status, 413);
    const before = fake.sent.length;
    assert.equal((await post(textMessage({ text: '/help', from: ADMIN }))).status, 200, 'the server still answers');
    await fake.waitFor(() => fake.sent.length > before, 10_000, 'a reply to /help');
    assert.ok(!fake.sent.some((m) => m.plain.includes('不该记录')));
  });
});
