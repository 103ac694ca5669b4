import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReader, detectPage } from '../content-scripts/core/registry';
import { M365_READERS } from '../content-scripts/m365/pages';
import { loadRoutes, matchRoute, startDemoServer, type DemoServer } from './server';

let s: DemoServer;
beforeAll(async () => {
  s = await startDemoServer({ port: 0 });
});
afterAll(() => s.close());

const get = (path: string, init?: RequestInit) => fetch(s.url + path, { redirect: 'manual', ...init });

describe('demo server', () => {
  it('listens on 127.0.0.1 on a free port', () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.port).toBeGreaterThan(0);
  });
  it('refuses to bind to anything but loopback', async () => {
    await expect(startDemoServer({ host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
  });
  it('serves the landing page at / with every demo page linked, grouped by PSA', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const doc = new JSDOM(await r.text()).window.document;
    const m365 = doc.querySelector('section[data-psa="m365"]')!;
    expect(m365.querySelector('h2')!.textContent).toBe('Microsoft 365 admin center');
    const hrefs = Array.from(m365.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('/Adminportal/Home?delegatedOrg=contoso.com&view=licenses#/licenses');
    expect(hrefs.length).toBe(Object.keys(JSON.parse(readFileSync(join(import.meta.dirname, 'm365', 'routes.json'), 'utf8'))).length);
    expect(doc.querySelector('section.fixtures a[href="/__fixture/m365/mfa-contoso"]')).not.toBeNull();
  });
  it('serves a route at its real path+query, as HTML, and the adapter reads it', async () => {
    const r = await get('/Adminportal/Home?delegatedOrg=contoso.com&view=licenses');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const url = `${s.url}/Adminportal/Home?delegatedOrg=contoso.com&view=licenses#/licenses`;
    const doc = new JSDOM(await r.text(), { url }).window.document;
    const d = detectPage(doc, new URL(url), M365_READERS);
    expect(d && 'reader' in d ? d.reader.id : d).toBe('m365/licences');
    const reading = runReader((d as { reader: (typeof M365_READERS)[number] }).reader, doc, { url: new URL(url), now: new Date('2026-11-17T14:30:00Z'), timeZone: 'UTC' });
    expect(reading.observations[0]).toMatchObject({ company: { tenant: 'contoso.com' }, coveragePct: 93.33 });
  });
  it("a demo page gets its app's skin (a stylesheet the server adds); the page on disk and the fixtures stay as saved", async () => {
    const path = '/Adminportal/Home?delegatedOrg=contoso.com&view=licenses';
    const html = await (await get(path)).text();
    const links = new JSDOM(html).window.document.querySelectorAll('head link[data-demo-skin]');
    expect(Array.from(links).map((l) => l.getAttribute('href'))).toEqual(['/__demo/skin/m365.css']);
    const route = matchRoute(loadRoutes(), new URL(path, 'http://x'))!;
    expect(readFileSync(route.file, 'utf8')).not.toContain('data-demo-skin');
    const css = await get('/__demo/skin/m365.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('.ms-DetailsList');
    expect((await get('/__demo/skin/..%2Fserver.css')).status).toBe(404);
    expect((await get('/__demo/skin/nope.css')).status).toBe(404);
    expect(await (await get('/__fixtures/m365/mfa-contoso.html')).text()).not.toContain('data-demo-skin');
  });
  it('extra query parameters (cache-busters) still match; a missing one does not', async () => {
    expect((await get('/Adminportal/Home?_=123&view=usage&delegatedOrg=contoso.com')).status).toBe(200);
    expect((await get('/Adminportal/Home?delegatedOrg=contoso.com')).status).toBe(404);
  });
  it('404 for unknown paths, as plain text; 405 for POST', async () => {
    const r = await get('/nope/nothing.html');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect((await get('/', { method: 'POST' })).status).toBe(405);
  });
  it('never serves files outside the demo and fixture folders', async () => {
    expect((await get('/__fixtures/m365/..%2F..%2F..%2Fpackage.json.html')).status).toBe(404);
    expect((await get('/../package.json')).status).toBe(404);
    expect((await get('/__fixtures/m365/mfa-contoso.expected.json')).status).toBe(404);
  });
  it('serves a fixture file as saved, and lists fixtures as JSON', async () => {
    const r = await get('/__fixtures/m365/mfa-contoso.html');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const list = (await (await get('/__fixtures.json')).json()) as Array<{ adapter: string; name: string; url: string | null; open: string | null }>;
    expect(list.find((f) => f.name === 'mfa-contoso')).toMatchObject({ adapter: 'm365', open: '/__fixture/m365/mfa-contoso' });
  });
  it('/__fixture/<adapter>/<name> redirects to the recorded path+query+hash; with the cookie that URL serves the fixture', async () => {
    const r = await get('/__fixture/m365/usage-contoso-licensed');
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('/Adminportal/Home?delegatedOrg=contoso.com#/reportsUsage/ActiveUsers');
    const setCookie = r.headers.get('set-cookie')!;
    const cookie = setCookie.split(';')[0]!;
    // Two fixtures share this path+query (licences and usage for Contoso): the cookie decides.
    const page = await get('/Adminportal/Home?delegatedOrg=contoso.com', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(readFileSync(join(import.meta.dirname, '..', 'content-scripts', 'm365', 'fixtures', 'usage-contoso-licensed.html'), 'utf8'));
    const other = await get('/Adminportal/Home?delegatedOrg=contoso.com', { headers: { cookie: 'metronome_fixture=m365%2Flicences-contoso' } });
    expect(await other.text()).toContain('Available licenses');
  });
});

describe('routes.json loading', () => {
  it('skips entries that point outside the folder or at missing files, and says why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-'));
    mkdirSync(join(dir, 'acme'));
    writeFileSync(join(dir, 'acme', 'a.html'), '<p>a</p>');
    writeFileSync(join(dir, 'acme', 'routes.json'), JSON.stringify({ '/a?id=1': 'a.html', '/b': '../../etc/passwd', '/c': 'missing.html' }));
    const warnings: string[] = [];
    const routes = loadRoutes(dir, (m) => warnings.push(m));
    expect(routes.map((r) => r.key)).toEqual(['/a?id=1']);
    expect(warnings).toHaveLength(2);
    expect(matchRoute(routes, new URL('http://x/a?id=1&t=9'))?.key).toBe('/a?id=1');
    expect(matchRoute(routes, new URL('http://x/a?id=2'))).toBeUndefined();
  });
  it('reads the list form { routes: [{ path, query, file, title }] } too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-'));
    mkdirSync(join(dir, 'cw'));
    writeFileSync(join(dir, 'cw', 't.html'), '<p>t</p>');
    writeFileSync(join(dir, 'cw', 'routes.json'), JSON.stringify({ note: 'x', routes: [{ path: '/v4_6_release/t.rails', query: 'service_recid=1', file: 't.html', title: 'T' }] }));
    const routes = loadRoutes(dir);
    expect(routes.map((r) => [r.key, r.title])).toEqual([['/v4_6_release/t.rails?service_recid=1', 'T']]);
  });
  it('every real demo/<psa>/routes.json loads without warnings', () => {
    const warnings: string[] = [];
    const routes = loadRoutes(undefined, (m) => warnings.push(m));
    expect(warnings).toEqual([]);
    expect(new Set(routes.map((r) => r.psa)).has('m365')).toBe(true);
  });
});
