import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.ts';
import type { Service } from '../schedule/service.ts';

export const WALL_SERVICE = 'wall page';

/** The wall page's own HTTP server on WALL_PORT (when it is not the webhook's port). */
export function createWallService(input: { port: number; handler: (req: IncomingMessage, res: ServerResponse) => void; logger: Logger }): Service & { port(): number | undefined } {
  const server = createServer(input.handler);
  // A lobby screen keeps one connection; idle ones are closed so a stop never waits on them.
  server.keepAliveTimeout = 5_000;
  return {
    name: WALL_SERVICE,
    port: () => (server.address() as AddressInfo | null)?.port,
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(input.port, () => {
          server.off('error', reject);
          resolve();
        });
      });
      input.logger.info('wall page served', { port: (server.address() as AddressInfo).port });
    },
    async stop() {
      if (!server.listening) return;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
