/**
 * The demo PSA: a tiny static server on the loopback address that serves every demo app's pages
 * at the same paths and queries the real apps use (the adapters match by path/query, never by
 * host), the saved-page fixtures of every adapter, and a landing page linking them all.
 *
 *   node --import tsx demo/server.ts [--port 5178]
 *
 * - `demo/<psa>/routes.json`: `{ "<path>?<query>": "file.html" | { file, hash?, title? } }` or
 *   `{ routes: [{ path, query?, file, hash?, title? }] }`, files relative to that folder. A request matches the route with the same path whose query
 *   parameters it all carries (extra parameters such as cache-busters are fine); the most specific
 *   route wins. Hash-routed apps (the M365 admin center) cannot be told apart by the server, so
 *   their routes carry one extra demo parameter (`view=`) and a `hash` for the landing page links.
 * - `/__fixtures/<adapter>/<name>.html`: a fixture as saved.
 * - `/__fixture/<adapter>/<name>`: 302 to the fixture's recorded URL path+query+hash (from its
 *   `<name>.expected.json`) with a cookie; a request carrying that cookie whose path+query equals the
 *   fixture's gets the fixture. So a browser test opens each fixture at a URL the adapter knows.
 * - `/__fixtures.json`: every fixture with its recorded URL and the address that opens it.
 *
 * Node's `http` only; binds to loopback only; serves files only from the demo folders and the
 * adapters' fixture folders; GET/HEAD only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

const DEMO_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT_DIR = resolve(DEMO_DIR, '..');
const ADAPTERS_DIR = join(ROOT_DIR, 'content-scripts');
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const FIXTURE_COOKIE = 'metronome_fixture';

const PSA_NAMES: Record<string, string> = {
  connectwise: 'ConnectWise PSA',
  autotask: 'Autotask PSA',
  halopsa: 'HaloPSA',
  m365: 'Microsoft 365 admin center',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
export const contentTypeFor = (file: string): string => CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

const RouteTarget = z.union([
  z.string().min(1),
  z.object({ file: z.string().min(1), hash: z.string().startsWith('#').optional(), title: z.string().optional() }),
]);
/** The map form: `{ "/path?query": target }`. */
const RoutesMap = z.record(z.string().startsWith('/'), RouteTarget);
/** The list form: `{ note?, routes: [{ path, query?, file, hash?, title? }] }`. */
const RoutesList = z.object({
  routes: z.array(
    z.object({
      path: z.string().startsWith('/'),
      query: z.string().optional(),
      file: z.string().min(1),
      hash: z.string().startsWith('#').optional(),
      title: z.string().optional(),
    }),
  ),
});
type RouteEntry = [key: string, target: { file: string; hash?: string; title?: string }];

function routeEntries(json: unknown): { ok: true; entries: RouteEntry[] } | { ok: false; error: string } {
  const issues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  if (json !== null && typeof json === 'object' && 'routes' in json && Array.isArray((json as { routes: unknown }).routes)) {
    const r = RoutesList.safeParse(json);
    if (!r.success) return { ok: false, error: issues(r.error) };
    return {
      ok: true,
      entries: r.data.routes.map(({ path, query, ...t }) => [query ? `${path}?${query.replace(/^\?/, '')}` : path, t]),
    };
  }
  const r = RoutesMap.safeParse(json);
  if (!r.success) return { ok: false, error: issues(r.error) };
  return { ok: true, entries: Object.entries(r.data).map(([k, t]) => [k, typeof t === 'string' ? { file: t } : t]) };
}

export interface DemoRoute {
  psa: string;
  /** The key as written: path + optional query. */
  key: string;
  path: string;
  params: Array<[string, string]>;
  file: string;
  hash?: string;
  title?: string;
}

/** `true` when `child` is inside `parent` (no `..` escapes). */
const inside = (parent: string, child: string): boolean => child === parent || child.startsWith(parent + sep);

/** Every `demo/<psa>/routes.json`, validated; bad entries are reported and skipped. */
export function loadRoutes(demoDir = DEMO_DIR, warn: (m: string) => void = () => {}): DemoRoute[] {
  const routes: DemoRoute[] = [];
  for (const psa of readdirSync(demoDir).sort()) {
    const folder = join(demoDir, psa);
    const file = join(folder, 'routes.json');
    if (!statSync(folder).isDirectory() || !existsSync(file)) continue;
    let entries: RouteEntry[];
    try {
      const r = routeEntries(JSON.parse(readFileSync(file, 'utf8')));
      if (!r.ok) {
        warn(`${psa}/routes.json: ${r.error}`);
        continue;
      }
      entries = r.entries;
    } catch (e) {
      warn(`${psa}/routes.json: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    for (const [key, t] of entries) {
      const abs = resolve(folder, t.file);
      if (!inside(folder, abs) || !existsSync(abs)) {
        warn(`${psa}/routes.json: ${key} → ${t.file} is not a file in demo/${psa}`);
        continue;
      }
      const u = new URL(key, 'http://demo.invalid');
      routes.push({ psa, key, path: u.pathname, params: [...u.searchParams], file: abs, ...(t.hash ? { hash: t.hash } : {}), ...(t.title ? { title: t.title } : {}) });
    }
  }
  return routes;
}

/**
 * The app's look for the demo: a saved page keeps none of its app's styles (they come from the app's
 * bundles), so the demo server adds `demo/skins/<psa>.css` to every demo page it serves. Fixtures are
 * served as saved; the pages on disk are not changed.
 */
export function skinFile(demoDir: string, psa: string): string | undefined {
  const file = join(demoDir, 'skins', `${psa}.css`);
  return /^[a-z0-9-]+$/.test(psa) && existsSync(file) ? file : undefined;
}

export function withSkin(html: string, psa: string): string {
  const link = `<link rel="stylesheet" href="/__demo/skin/${psa}.css" data-demo-skin>`;
  const at = html.search(/<\/head>/i);
  return at < 0 ? link + html : html.slice(0, at) + link + html.slice(at);
}

/** The most specific route for a request: same path, all of the route's query parameters present. */
export function matchRoute(routes: readonly DemoRoute[], url: URL): DemoRoute | undefined {
  let best: DemoRoute | undefined;
  for (const r of routes) {
    if (r.path !== url.pathname) continue;
    if (!r.params.every(([k, v]) => url.searchParams.getAll(k).includes(v))) continue;
    if (!best || r.params.length > best.params.length) best = r;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Fixtures

export interface DemoFixture {
  adapter: string;
  name: string;
  file: string;
  /** The page URL recorded in `<name>.expected.json`, if any. */
  url?: string;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function listFixtures(adaptersDir = ADAPTERS_DIR): DemoFixture[] {
  const out: DemoFixture[] = [];
  if (!existsSync(adaptersDir)) return out;
  for (const adapter of readdirSync(adaptersDir).sort()) {
    const dir = join(adaptersDir, adapter, 'fixtures');
    if (!SAFE_NAME.test(adapter) || !existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.html')) continue;
      const name = f.slice(0, -5);
      if (!SAFE_NAME.test(name)) continue;
      let url: string | undefined;
      try {
        const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as { url?: unknown };
        if (typeof expected.url === 'string') url = expected.url;
      } catch {
        /* a fixture without expectations is still served as a file */
      }
      out.push({ adapter, name, file: join(dir, f), ...(url ? { url } : {}) });
    }
  }
  return out;
}

const pathAndQuery = (u: URL): string => u.pathname + u.search;

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Landing page

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function routeList(routes: readonly DemoRoute[], fixtures: readonly DemoFixture[]): string {
  const byPsa = new Map<string, DemoRoute[]>();
  for (const r of routes) byPsa.set(r.psa, [...(byPsa.get(r.psa) ?? []), r]);
  let html = '';
  for (const [psa, list] of byPsa) {
    html += `<section class="psa" data-psa="${esc(psa)}"><h2>${esc(PSA_NAMES[psa] ?? psa)}</h2><ul>`;
    for (const r of list) {
      const href = r.key + (r.hash ?? '');
      html += `<li><a href="${esc(href)}">${esc(r.title ?? r.key)}</a> <code>${esc(href)}</code></li>`;
    }
    html += '</ul></section>';
  }
  if (byPsa.size === 0) html += '<p>No demo pages yet (no <code>demo/&lt;psa&gt;/routes.json</code>).</p>';
  const byAdapter = new Map<string, DemoFixture[]>();
  for (const f of fixtures) byAdapter.set(f.adapter, [...(byAdapter.get(f.adapter) ?? []), f]);
  html += '<section class="fixtures"><h2>Saved-page fixtures</h2>';
  for (const [adapter, list] of byAdapter) {
    html += `<h3>${esc(adapter)}</h3><ul>`;
    for (const f of list) {
      const open = f.url ? `/__fixture/${f.adapter}/${f.name}` : `/__fixtures/${f.adapter}/${f.name}.html`;
      html += `<li><a href="${esc(open)}">${esc(f.name)}</a>${f.url ? ` <code>${esc(f.url)}</code>` : ''}</li>`;
    }
    html += '</ul>';
  }
  return html + '</section>';
}

// ---------------------------------------------------------------------------------------------
// Server

export interface DemoServerOptions {
  port?: number;
  /** Loopback only: `127.0.0.1` (default), `::1` or `localhost`. */
  host?: string;
  /** For tests: other folders. */
  demoDir?: string;
  adaptersDir?: string;
  log?: (m: string) => void;
}

export interface DemoServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  port: number;
  close(): Promise<void>;
}

const HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`the demo server binds to loopback only (127.0.0.1, ::1, localhost), not ${host}`);
  const demoDir = opts.demoDir ?? DEMO_DIR;
  const adaptersDir = opts.adaptersDir ?? ADAPTERS_DIR;
  const log = opts.log ?? (() => {});

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  };
  const sendFile = (res: ServerResponse, file: string) => send(res, 200, contentTypeFor(file), readFileSync(file));
  const notFound = (res: ServerResponse, what: string) => send(res, 404, 'text/plain; charset=utf-8', `Not found: ${what}\n`);

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Read per request: the other demo folders and fixtures may change while it runs.
    const routes = loadRoutes(demoDir, log);
    const fixtures = listFixtures(adaptersDir);

    if (url.pathname === '/__fixtures.json') {
      const list = fixtures.map((f) => ({
        adapter: f.adapter,
        name: f.name,
        url: f.url ?? null,
        file: `/__fixtures/${f.adapter}/${f.name}.html`,
        open: f.url ? `/__fixture/${f.adapter}/${f.name}` : null,
      }));
      return send(res, 200, CONTENT_TYPES['.json']!, JSON.stringify(list, null, 2));
    }
    const direct = /^\/__fixtures\/([^/]+)\/([^/]+)\.html$/.exec(url.pathname);
    if (direct) {
      const f = fixtures.find((x) => x.adapter === direct[1] && x.name === direct[2]);
      return f ? sendFile(res, f.file) : notFound(res, url.pathname);
    }
    const open = /^\/__fixture\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (open) {
      const f = fixtures.find((x) => x.adapter === open[1] && x.name === open[2]);
      if (!f?.url) return notFound(res, url.pathname);
      const target = new URL(f.url);
      return send(res, 302, 'text/plain; charset=utf-8', `Fixture ${f.adapter}/${f.name}\n`, {
        Location: pathAndQuery(target) + target.hash,
        'Set-Cookie': `${FIXTURE_COOKIE}=${encodeURIComponent(`${f.adapter}/${f.name}`)}; Path=/; SameSite=Lax; HttpOnly`,
      });
    }
    const marked = cookie(req, FIXTURE_COOKIE);
    if (marked) {
      const f = fixtures.find((x) => `${x.adapter}/${x.name}` === marked);
      if (f?.url && pathAndQuery(new URL(f.url)) === pathAndQuery(url)) return sendFile(res, f.file);
    }

    const skin = /^\/__demo\/skin\/([a-z0-9-]+)\.css$/.exec(url.pathname);
    if (skin) {
      const file = skinFile(demoDir, skin[1]!);
      return file ? sendFile(res, file) : notFound(res, url.pathname);
    }
    const route = matchRoute(routes, url);
    if (route) {
      const file = skinFile(demoDir, route.psa);
      if (!file || extname(route.file) !== '.html') return sendFile(res, route.file);
      return send(res, 200, CONTENT_TYPES['.html']!, withSkin(readFileSync(route.file, 'utf8'), route.psa));
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const page = readFileSync(join(demoDir, 'index.html'), 'utf8').replace('<!--DEMO-ROUTES-->', routeList(routes, fixtures));
      return send(res, 200, CONTENT_TYPES['.html']!, page);
    }
    return notFound(res, url.pathname);
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      log(`error: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error\n');
      else res.destroy();
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '::1' ? '[::1]' : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections?.();
        server.close((e) => (e ? fail(e) : ok()));
      }),
  };
}

// Standalone: `node --import tsx demo/server.ts [--port N]`
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const i = process.argv.indexOf('--port');
  const port = Number(i > 0 ? process.argv[i + 1] : process.env.PORT ?? 5178);
  startDemoServer({ port, log: (m) => console.warn(m) }).then(
    (s) => {
      console.log(`Metronome demo PSA: ${s.url}/`);
      const stop = () => void s.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
