import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { FONT_FULL } from '../chart/fonts.ts';
import type { Lang } from '../domain/language.ts';
import { COURT_UNIT } from '../domain/metrics/types.ts';
import type { Logger } from '../logger.ts';
import type { Clock } from '../schedule/clock.ts';
import type { Store } from '../store/open-store.ts';
import { createRateLimit } from './rate-limit.ts';
import { wallAccess } from './wall-access.ts';
import { renderWallBody, renderWallPage } from './wall-html.ts';
import { buildWallPageView } from './wall-view.ts';

export interface WallServerDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  timeZone: string;
  lang: Lang;
  /** How often the page refetches its figures (default 60 s; tests use less). */
  refreshMs?: number;
  /** Requests per minute per client address (default 120). */
  perMinute?: number;
}

const ASSET_BASE = '/wall-assets';
const staticFile = (name: string) => fileURLToPath(new URL(`static/${name}`, import.meta.url));
/** The only files served: a fixed list, so no path from a request ever reaches the file system. */
const ASSETS: Record<string, { file: string; type: string; maxAge: number }> = {
  'wall.js': { file: staticFile('wall.js'), type: 'text/javascript; charset=utf-8', maxAge: 300 },
  'wall.css': { file: staticFile('wall.css'), type: 'text/css; charset=utf-8', maxAge: 300 },
  'wall-font.otf': { file: FONT_FULL, type: 'font/otf', maxAge: 86_400 },
};

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

const notFound = (res: ServerResponse) => send(res, 404, 'text/plain; charset=utf-8', 'Not found\n', { 'Cache-Control': 'no-store' });

/** `/wall` → the court; `/wall/<unit>` → that unit, if it exists; anything else → undefined. */
function unitOf(store: Store, path: string): string | undefined {
  if (path === '/wall' || path === '/wall/') return COURT_UNIT;
  const m = /^\/wall\/([A-Za-z0-9_-]{1,40})\/?$/.exec(path);
  return m && store.org.unit(m[1]!) ? m[1] : undefined;
}

/**
 * The lobby wall page, read-only: GET /wall[/<unit>]?k=<token> (HTML, or JSON with
 * format=json for the refresh), GET /wall-assets/<file>. Everything else, and every request
 * without the right to see the page, gets the same 404, so a stranger learns nothing.
 */
export function createWallHandler(deps: WallServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = createRateLimit({ perMinute: deps.perMinute ?? 120 });
  const cache = new Map<string, Buffer>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const wait = limit.check(req.socket.remoteAddress ?? '');
    if (wait > 0) return send(res, 429, 'text/plain; charset=utf-8', 'Too many requests\n', { 'Retry-After': String(wait) });
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });
    const url = new URL(req.url ?? '/', 'http://wall.invalid');
    if (url.pathname.startsWith(`${ASSET_BASE}/`)) {
      const asset = ASSETS[url.pathname.slice(ASSET_BASE.length + 1)];
      if (!asset) return notFound(res);
      let body = cache.get(asset.file);
      if (!body) cache.set(asset.file, (body = await readFile(asset.file)));
      return send(res, 200, asset.type, body, { 'Cache-Control': `public, max-age=${asset.maxAge}` });
    }
    const unit = unitOf(deps.store, url.pathname);
    if (unit === undefined) return notFound(res);
    const token = url.searchParams.get('k') ?? undefined;
    const access = wallAccess({ links: deps.store.wallPage.links(), isPublic: deps.store.wallPage.isPublic(), token, unit });
    if (access === 'none') return notFound(res);
    const view = await buildWallPageView({ store: deps.store, unit, now: deps.clock.now(), timeZone: deps.timeZone, lang: deps.lang, withPeople: access === 'full' });
    const noStore = { 'Cache-Control': 'no-store' };
    if (url.searchParams.get('format') === 'json') {
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ generatedAt: view.generatedAt, html: renderWallBody(view) }), noStore);
    }
    send(res, 200, 'text/html; charset=utf-8', renderWallPage(view, { refreshMs: deps.refreshMs ?? 60_000, assetBase: ASSET_BASE }), noStore);
  }

  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      deps.logger.error('wall page request failed', { err });
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error\n');
      else res.destroy();
    });
  };
}

/** Whether a request is for the wall (so a webhook server on the same port can hand it over). */
export function isWallPath(url: string | undefined): boolean {
  return url !== undefined && /^\/wall(-assets)?(\/|\?|$)/.test(url);
}
