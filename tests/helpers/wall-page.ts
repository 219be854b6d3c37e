import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedDemoMetrics, seedDemoOrg } from '../../src/console/demo-data.ts';
import { seedDemoProgress } from '../../src/console/demo-progress.ts';
import { startHarness, type Harness } from './harness.ts';
import { ADMIN } from './updates.ts';

export interface WallHarness {
  h: Harness;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Asks the bot for a link, as the admin would, and returns it pointed at the test server. */
  link(unit?: string): Promise<string>;
  say(text: string): Promise<string>;
  stop(): Promise<void>;
}

/** The bot with demo data against the fake Bot API, and its wall page on a free port of 127.0.0.1. */
export async function startWallHarness(options: { wallRefreshMs?: number } = {}): Promise<WallHarness> {
  const h = await startHarness({ env: { WALL_PORT: '8090', WALL_URL: 'http://wall.example' }, now: '2024-09-03T02:00:00Z', wallRefreshMs: options.wallRefreshMs });
  await seedDemoOrg(h.app.store, h.clock);
  await seedDemoMetrics(h.app.store, h.clock);
  await seedDemoProgress(h.app.store, h.clock, h.app.deps.config.timeZone);
  if (!h.app.wallHandler) throw new Error('WALL_PORT is set, so the app has a wall handler');
  const server: Server = createServer(h.app.wallHandler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const say = async (text: string) => (await h.say(ADMIN, text)).map((m) => m.plain).join('\n');
  return {
    h,
    base,
    say,
    async link(unit) {
      const answer = await say(`/wallpage link${unit ? ` ${unit}` : ''}`);
      const url = /http:\/\/wall\.example(\S+)/.exec(answer)?.[1];
      if (!url) throw new Error(`no link in: ${answer}`);
      return base + url;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await h.stop();
    },
  };
}
