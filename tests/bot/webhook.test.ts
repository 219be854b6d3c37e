import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Update } from 'telegraf/types';
import { createWebhookHandler } from '../../src/bot/webhook.ts';
import { createLogger } from '../../src/logger.ts';

const SECRET = 's3cret';

describe('the webhook handler', () => {
  let server: Server;
  let port: number;
  const handled: Update[] = [];
  let slow = false;
  let slowDone = false;

  before(async () => {
    const handler = createWebhookHandler({
      path: '/hook',
      secret: SECRET,
      logger: createLogger('error', []),
      maxBytes: 1000,
      answerWithinMs: 200,
      handleUpdate: async (update) => {
        handled.push(update);
        if (slow) {
          await new Promise((resolve) => setTimeout(resolve, 2000));
          slowDone = true;
        }
      },
    });
    server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Chunked transfer (no Content-Length): the body goes out as the given pieces, apart. */
  const send = (pieces: Buffer[], headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET }) =>
    new Promise<{ status: number; written: number }>((resolve) => {
      let written = 0;
      const req = request({ port, host: '127.0.0.1', path: '/hook', method: 'POST', headers }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, written });
      });
      req.on('error', () => resolve({ status: 0, written }));
      void (async () => {
        for (const piece of pieces) {
          if (req.destroyed) return;
          req.write(piece);
          written += piece.length;
          await new Promise((r) => setTimeout(r, 20));
        }
        req.end();
      })();
    });

  it('decodes a body once, whatever the chunks: a character split over three chunks stays whole', async () => {
    const body = Buffer.from(JSON.stringify({ update_id: 7, message: { text: '推进' } }));
    const at = body.indexOf(Buffer.from('推'));
    const { status } = await send([body.subarray(0, at + 1), body.subarray(at + 1, at + 2), body.subarray(at + 2)]);
    assert.equal(status, 200);
    assert.deepEqual(handled.at(-1), { update_id: 7, message: { text: '推进' } });
  });

  it('stops reading a body without Content-Length as soon as it passes the limit (413)', async () => {
    const count = handled.length;
    const pieces = Array.from({ length: 40 }, () => Buffer.alloc(100, 0x20));
    const { status, written } = await send(pieces);
    assert.equal(status, 413);
    assert.ok(written < 2000, `the answer came after ${written} bytes`);
    assert.equal(handled.length, count);
  });

  it('refuses bytes that are not UTF-8, JSON that is not an update, and a secret of another length', async () => {
    const count = handled.length;
    assert.equal((await send([Buffer.from('{"update_id":1,"x":"'), Buffer.from([0xe8, 0xbf]), Buffer.from('"}')])).status, 400);
    assert.equal((await send([Buffer.from('[1,2]')])).status, 400);
    assert.equal((await send([Buffer.from('{"update_id":"1"}')])).status, 400);
    assert.equal((await send([Buffer.from('null')])).status, 400);
    assert.equal((await send([Buffer.from('{"update_id":1}')], { 'x-telegram-bot-api-secret-token': `${SECRET}${SECRET}` })).status, 403);
    assert.equal((await send([Buffer.from('{"update_id":1}')], {})).status, 403);
    assert.equal(handled.length, count);
  });

  it('answers 200 before a slow update is done, so Telegram does not send it again', async () => {
    slow = true;
    try {
      const started = handled.length;
      const { status } = await send([Buffer.from('{"update_id":8}')]);
      assert.equal(status, 200);
      assert.equal(handled.length, started + 1);
      assert.equal(slowDone, false, 'answered before the update was done');
    } finally {
      slow = false;
    }
  });
});
