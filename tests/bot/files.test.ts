import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Telegram } from 'telegraf';
import { FileTooLargeError, telegramFiles } from '../../src/bot/files.ts';

describe('downloading a document', () => {
  let server: Server;
  let base: string;
  let written = 0;
  before(async () => {
    server = createServer((req, res) => {
      written = 0;
      // Chunked, no Content-Length: the size shows only while reading.
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      const total = req.url === '/big' ? 256 : 2;
      const piece = Buffer.alloc(64 * 1024, 0x61);
      const send = () => {
        while (written < total) {
          written++;
          if (!res.write(piece)) return void res.once('drain', send);
        }
        res.end();
      };
      res.on('close', () => undefined);
      send();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const telegram = (path: string) => ({ getFileLink: async () => new URL(`${base}${path}`) }) as unknown as Telegram;

  it('reads a body within the limit', async () => {
    const bytes = await telegramFiles.download('f', 1024 * 1024, telegram('/small'));
    assert.equal(bytes.length, 2 * 64 * 1024);
  });

  it('stops reading a body without Content-Length once it passes the limit', async () => {
    await assert.rejects(telegramFiles.download('f', 256 * 1024, telegram('/big')), FileTooLargeError);
    assert.ok(written < 256, `the server wrote all ${written} pieces: the whole body was read`);
  });
});
