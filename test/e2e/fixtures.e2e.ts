/**
 * Every adapter on every saved-page fixture, in real Chromium with the built demo extension.
 *
 * For each `content-scripts/<adapter>/fixtures/<name>.html` + `.expected.json` (listed by the demo
 * server's `/__fixtures.json`), in a fresh tab opened at the fixture's recorded path+query+hash on
 * the demo server, with the browser's time zone set to the fixture's (CDP
 * `Emulation.setTimezoneOverride`, which the content script's `Intl` sees):
 *
 * 1. **In-page replay (exact)**: the adapters, bundled into the page, read the live Chromium DOM with
 *    the fixture's own context (recorded URL, `now`, time zone, date order) → the `PageReading`
 *    deep-equals `reading` with no normalisation (warnings, SLA targets and main text included), and
 *    detection picks the fixture's reader (or reports drift for drifted fixtures).
 * 2. **The extension (normalised)**: what the built content script reported to the background
 *    (observed by a listener added in the service worker) and what the background stored in
 *    IndexedDB (`signals`, `accounts`, `drift`) equal the expected reading once the host
 *    (`na.myconnectwise.net` → `127.0.0.1`) and the read time (`observedAt`, dates of `now` in ids)
 *    are normalised. Drifted fixtures: a `drift` row with the expected missing fields and nothing
 *    stored. Fixtures that yield nothing (SLA setup pages, an empty tenant): nothing is reported or
 *    stored once the content script has run.
 *
 * The database is reset between fixtures (`reset`), so ids shared by fixtures do not merge. M365
 * observations name only a tenant; an account linked to that tenant is created first (the side
 * panel's "link tenant" step), otherwise the background rightly stores nothing.
 */
import { TZDate } from '@date-fns/tz';
import { expect, test, type CDPSession, type Page, type Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startDemoServer } from '../../demo/server';
import { readersBundle } from '../../scripts/lib/bench-browser-bundle';
import type { FixtureCtx, MetronomeTestApi } from '../../scripts/lib/bench-browser-entry';
import { launchExtension, type ExtensionSession } from './harness';
import { readTable, sendFromExtension } from './helpers';

declare const chrome: {
  runtime: { onMessage: { addListener(fn: (msg: unknown, sender: { tab?: { id?: number }; url?: string; frameId?: number }) => undefined): void } };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};

interface FixtureListing {
  adapter: string;
  name: string;
  url: string | null;
  open: string | null;
}
interface Expected {
  reader: string;
  url: string;
  now: string;
  timeZone: string;
  dateOrder?: 'MDY' | 'DMY' | 'YMD';
  reading: {
    adapter: string;
    pageType: string;
    observations: Array<Record<string, unknown> & { id: string; company?: { psaId?: string; name?: string; tenant?: string } }>;
    missing: string[];
    warnings: string[];
    mainText?: string;
    slaTargets?: unknown[];
  };
}
interface Logged {
  msg: { type?: string; url?: string; adapter?: string; pageType?: string; observations?: Array<Record<string, unknown>>; missing?: string[]; warnings?: string[] };
  tabId?: number;
  url?: string;
  frameId?: number;
}
type Row = Record<string, unknown> & { id: string; accountId?: string };
interface AccountRow {
  id: string;
  name: string;
  aliases: string[];
  psaRefs: Array<{ host: string; companyId: string }>;
  tenants: string[];
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEMO_HOST = '127.0.0.1';

let session: ExtensionSession;
let demo: { url: string; close(): Promise<void> | void };
let ext: Page;
let bundle: string;
let fixtures: FixtureListing[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  [session, bundle] = await Promise.all([launchExtension(), readersBundle()]);
  ext = await session.openExtensionPage('dashboard.html');
  fixtures = ((await (await fetch(`${demo.url}/__fixtures.json`)).json()) as FixtureListing[]).filter((f) => f.open);
});
test.afterAll(async () => {
  await session?.close();
  await demo?.close();
});

/** Listen to every message the background receives (in addition to its own router). */
async function messageLog(): Promise<Worker> {
  const sw = await session.serviceWorker();
  await sw.evaluate(() => {
    const g = globalThis as unknown as { __e2eLog?: Logged[] };
    if (g.__e2eLog) return;
    g.__e2eLog = [];
    chrome.runtime.onMessage.addListener((msg, sender) => {
      g.__e2eLog!.push({ msg: msg as Logged['msg'], tabId: sender.tab?.id, url: sender.url, frameId: sender.frameId });
      return undefined; // never answers: the router does
    });
  });
  return sw;
}
const logged = async (sw: Worker): Promise<Logged[]> => sw.evaluate(() => (globalThis as unknown as { __e2eLog?: Logged[] }).__e2eLog ?? []);
const clearLog = async (sw: Worker): Promise<void> => {
  await sw.evaluate(() => {
    const g = globalThis as unknown as { __e2eLog?: Logged[] };
    if (g.__e2eLog) g.__e2eLog.length = 0;
  });
};

async function poll<T>(check: () => Promise<T | undefined | null | false>, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 60));
  }
}

/** `yyyy-MM-dd` of an instant in a time zone. */
const dayIn = (iso: string, timeZone: string): string => {
  const d = new TZDate(new Date(iso).getTime(), timeZone);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Deep-map every string (and object key order is irrelevant to `toEqual`). */
function mapStrings<T>(v: T, f: (s: string) => string): T {
  if (typeof v === 'string') return f(v) as T;
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f)) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f)])) as T;
  return v;
}

/**
 * The expected value as the demo server shows it: the recorded origin becomes the demo origin, the
 * recorded host `127.0.0.1`; the day of the fixture's `now` in ids becomes the day it was read.
 */
function normaliser(expected: Expected, readDay: string | undefined): (v: unknown) => unknown {
  const rec = new URL(expected.url);
  const nowDay = dayIn(expected.now, expected.timeZone);
  return (v) =>
    mapStrings(v, (s) => {
      let out = s.split(rec.origin).join(demo.url).split(rec.hostname).join(DEMO_HOST);
      if (readDay && out.includes(':') && out.endsWith(nowDay) && /^[a-z]+:/i.test(out)) out = out.slice(0, -nowDay.length) + readDay;
      return out;
    });
}

const without = <T extends Record<string, unknown>>(o: T, ...keys: string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

async function openAt(listing: FixtureListing, timeZone: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: timeZone });
  await page.goto(demo.url + listing.open!);
  return { page, cdp };
}

test('every adapter reads every fixture in Chromium, in the page and through the built extension', async () => {
  test.setTimeout(240_000);
  const sw = await messageLog();
  expect(fixtures.length).toBeGreaterThan(50);
  const adapters = new Set(fixtures.map((f) => f.adapter));
  expect([...adapters].sort()).toEqual(['autotask', 'connectwise', 'generic', 'halopsa', 'm365']);
  const failures: string[] = [];

  for (const listing of fixtures) {
    const label = `${listing.adapter}/${listing.name}`;
    const expected = JSON.parse(
      readFileSync(path.join(ROOT, 'content-scripts', listing.adapter, 'fixtures', `${listing.name}.expected.json`), 'utf8'),
    ) as Expected;
    const drifted = expected.reading.missing.length > 0;
    const reports = expected.reading.observations.length > 0 || drifted;
    const started = Date.now();

    await test.step(label, async () => {
      // A clean database; M365 tenants linked to an account (as the side panel's "link" does).
      expect((await sendFromExtension(ext, { type: 'reset' })).ok).toBe(true);
      const tenants = [...new Set(expected.reading.observations.flatMap((o) => (o.company?.tenant && !o.company.name ? [o.company.tenant] : [])))];
      for (const [i, tenant] of tenants.entries()) {
        const at = new Date().toISOString();
        const r = await sendFromExtension(ext, {
          type: 'account.create',
          account: { id: `acct-e2e-${i}`, name: `Tenant ${tenant}`, aliases: [], psaRefs: [], tenants: [tenant], roles: {}, firstSeenAt: at, createdAt: at, updatedAt: at },
        });
        expect(r.ok, JSON.stringify(r)).toBe(true);
      }
      await clearLog(await messageLog());

      const { page } = await openAt(listing, expected.timeZone);
      try {
        // The page is the fixture, at its recorded path+query+hash, in the fixture's time zone.
        const rec = new URL(expected.url);
        const here = new URL(page.url());
        expect(here.pathname + here.search + here.hash).toBe(rec.pathname + rec.search + rec.hash);
        expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(expected.timeZone);

        // 1. In-page replay with the fixture's exact context.
        await page.evaluate(bundle);
        const ctx: FixtureCtx = { url: expected.url, now: expected.now, timeZone: expected.timeZone, ...(expected.dateOrder ? { dateOrder: expected.dateOrder } : {}) };
        const inPage = await page.evaluate(
          ([id, c]) => (globalThis as unknown as { __metronome: MetronomeTestApi }).__metronome.readFixture(id, c),
          [expected.reader, ctx] as const,
        );
        expect(inPage, `${label}: in-page reading`).toEqual(expected.reading);
        const detected = await page.evaluate((u) => (globalThis as unknown as { __metronome: MetronomeTestApi }).__metronome.detect(u), expected.url);
        if (drifted) expect('drift' in detected ? detected.drift : detected.reader, `${label}: detection`).toBe(expected.reader);
        else expect(detected, `${label}: detection`).toEqual({ reader: expected.reader });

        // 2. The built extension: the content script started (it asks for taught mappings first) …
        const mine = (l: Logged) => l.url?.startsWith(demo.url) && l.frameId === 0;
        await poll(async () => (await logged(sw)).some((l) => mine(l) && l.msg.type === 'teach.mappings'), 15_000, `${label}: content script`);
        if (!reports) {
          // … and, reading nothing, reports and stores nothing (settle 400 ms + idle ≤ 1 s).
          await page.waitForTimeout(1_800);
          expect((await logged(sw)).filter((l) => mine(l) && l.msg.type === 'reading')).toEqual([]);
          expect(await readTable(ext, 'signals')).toEqual([]);
          expect(await readTable(ext, 'drift')).toEqual([]);
          return;
        }
        const sent = await poll(async () => (await logged(sw)).find((l) => mine(l) && l.msg.type === 'reading'), 15_000, `${label}: reading message`);
        // The handler sets the tab's state last: then everything is stored.
        const tabId = sent.tabId!;
        await poll(
          () => sw.evaluate(async (k) => ((await chrome.storage.session.get(k))[k] as { url?: string } | undefined)?.url, `tab:${tabId}`),
          15_000,
          `${label}: ingest finished`,
        );
        const msg = sent.msg;
        const firstObserved = msg.observations?.[0]?.observedAt as string | undefined;
        const norm = normaliser(expected, firstObserved ? dayIn(firstObserved, expected.timeZone) : undefined);
        const want = norm(expected.reading) as Expected['reading'];
        expect(msg.url).toBe(page.url());
        expect({ adapter: msg.adapter, pageType: msg.pageType, missing: msg.missing, warnings: msg.warnings }, `${label}: reported`).toEqual({
          adapter: want.adapter,
          pageType: want.pageType,
          missing: want.missing,
          warnings: want.warnings,
        });
        // Observed at the time of reading (now), not the fixture's `now`.
        for (const o of msg.observations ?? []) expect(Math.abs(Date.parse(o.observedAt as string) - Date.now()), `${label}: observedAt`).toBeLessThan(120_000);
        expect((msg.observations ?? []).map((o) => without(o, 'observedAt')), `${label}: reported observations`).toEqual(
          want.observations.map((o) => without(o, 'observedAt')),
        );

        const signals = await readTable<Row>(ext, 'signals');
        const drift = await readTable<Row>(ext, 'drift');
        if (drifted) {
          expect(signals, `${label}: nothing stored`).toEqual([]);
          expect(drift.map((d) => without(d, 'id', 'at', 'updatedAt')), `${label}: drift row`).toEqual([
            { host: DEMO_HOST, adapter: want.adapter, pageType: want.pageType, missing: want.missing, url: page.url() },
          ]);
          return;
        }
        expect(drift).toEqual([]);
        // Stored: each observation (last of an id wins) without its company, with an account.
        const byId = new Map(want.observations.map((o) => [o.id, o]));
        expect(signals.map((s) => s.id).sort(), `${label}: stored ids`).toEqual([...byId.keys()].sort());
        const accounts = new Map((await readTable<AccountRow>(ext, 'accounts')).map((a) => [a.id, a]));
        for (const s of signals) {
          const o = byId.get(s.id)!;
          expect(without(s, 'accountId', 'updatedAt', 'observedAt'), `${label}: stored ${s.id}`).toEqual(without(o, 'company', 'observedAt'));
          const account = accounts.get(s.accountId!);
          expect(account, `${label}: account of ${s.id}`).toBeTruthy();
          const c = o.company!;
          if (c.psaId) expect(account!.psaRefs, `${label}: ${s.id} psaRef`).toContainEqual({ host: DEMO_HOST, companyId: c.psaId });
          if (c.tenant) expect(account!.tenants.map((t) => t.toLowerCase()), `${label}: ${s.id} tenant`).toContain(c.tenant.toLowerCase());
          if (c.name && !c.psaId && !c.tenant) expect([account!.name, ...account!.aliases], `${label}: ${s.id} company name`).toContain(c.name);
        }
      } catch (e) {
        failures.push(`${label}: ${e instanceof Error ? e.message.split('\n').slice(0, 40).join('\n') : String(e)}`);
      } finally {
        await page.close();
        if (process.env.E2E_VERBOSE) console.log(`${label}: ${Date.now() - started} ms`);
      }
    });
  }
  expect(failures, failures.join('\n\n')).toEqual([]);
});
