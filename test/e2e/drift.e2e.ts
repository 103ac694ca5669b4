/**
 * A PSA release renames labels: the page still looks like a ConnectWise ticket, but the reader no
 * longer finds Company / Status / Date Entered. The built extension must raise drift — a `drift`
 * row (host, adapter, page type, missing fields), nothing new stored, the toolbar badge `!` on that
 * tab, and the side panel's drift banner for the tab's host — instead of storing half-read values.
 *
 * The changed page is the demo server's own ticket page with its labels renamed on the way to the
 * browser (`page.route`), at the same URL, exactly as the drifted fixture
 * (content-scripts/connectwise/fixtures/ticket-drifted-labels.html) renames them.
 */
import { expect, test, type Page, type Worker } from '@playwright/test';
import { useDemoSession } from './harness';
import { readTable, waitFor } from './helpers';
import { tabIdOf } from './panel-helpers';

declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  action?: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
};

const TICKET_PATH = '/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=284533';
/** The renames of a (hypothetical) ConnectWise release, on the field labels only. */
const RENAMES: Array<[RegExp, string]> = [
  [/>Company\*:</g, '>Client*:<'],
  [/>Company Name:</g, '>Client Name:<'],
  [/>Status\*:</g, '>State*:<'],
  [/>Date Entered:</g, '>Created On:<'],
];

interface Signal {
  id: string;
  kind: string;
  ticketId?: string;
  updatedAt: string;
  observedAt: string;
}
interface Drift {
  host: string;
  adapter: string;
  pageType: string;
  missing: string[];
  url: string;
}

const env = useDemoSession('dashboard.html');

const badge = (sw: Worker, tabId: number): Promise<string | undefined> =>
  sw.evaluate((id) => (chrome.action ? chrome.action.getBadgeText({ tabId: id }) : undefined), tabId);

/** Shared by the steps below (one scenario, asserted in parts so each failure is named). */
let page: Page;
let panel: Page;
let tabId: number;
let stored: Signal;
let signalsBefore: Signal[];

test.describe.configure({ mode: 'default' });

test('1. a known page is read and stored; then its labels are renamed → a drift row, nothing new stored', async () => {
  const sw = await env.session.serviceWorker();
  const url = env.demo.url + TICKET_PATH;
  // The side panel is open (its own window); it follows the tab that loads a page.
  panel = await env.session.openExtensionPage('sidepanel.html');

  page = await env.session.context.newPage();
  await page.goto(url);
  stored = await waitFor(
    async () => (await readTable<Signal>(env.ext, 'signals')).find((s) => s.kind === 'ticket' && s.ticketId === '284533'),
    20_000,
    'ticket 284533 stored',
  );
  tabId = await tabIdOf(env.ext, url);
  // The reading handler's last step is the tab state: wait for it so the "before" is complete.
  await waitFor(async () => (await sw.evaluate((k) => chrome.storage.session.get(k).then((r) => r[k]), `tab:${tabId}`)) ?? null, 10_000, 'tab state');
  signalsBefore = await readTable<Signal>(env.ext, 'signals');
  expect(await readTable<Drift>(env.ext, 'drift')).toEqual([]);

  // The app changes under the same URL: labels renamed.
  let served = 0;
  await page.route(`${env.demo.url}/v4_6_release/services/system_io/Service/fv_sr100_request.rails*`, async (route) => {
    const response = await route.fetch();
    let body = await response.text();
    for (const [from, to] of RENAMES) {
      expect(body, `the demo page has the label ${from}`).toMatch(from);
      body = body.replace(from, to);
    }
    served++;
    await route.fulfill({ response, body });
  });
  await page.reload();
  expect(served).toBe(1);

  // A drift row: host, adapter, page type and exactly the fields the renames took away.
  const drift = await waitFor(async () => (await readTable<Drift>(env.ext, 'drift'))[0], 20_000, 'a drift row');
  expect({ host: drift.host, adapter: drift.adapter, pageType: drift.pageType, missing: [...drift.missing].sort(), url: drift.url }).toEqual({
    host: '127.0.0.1',
    adapter: 'connectwise',
    pageType: 'ticket',
    missing: ['company', 'dateEntered', 'status'],
    url,
  });
  expect(await readTable<Drift>(env.ext, 'drift')).toHaveLength(1);
  // The tab now shows drift (no account).
  const state = await sw.evaluate((k) => chrome.storage.session.get(k).then((r) => r[k]), `tab:${tabId}`);
  expect(state).toMatchObject({ accountId: null, drift: { adapter: 'connectwise', pageType: 'ticket' }, url });

  // Nothing new stored, nothing rewritten (the ticket keeps what the last good read stored).
  expect(await readTable<Signal>(env.ext, 'signals')).toEqual(signalsBefore);
  expect((await readTable<Signal>(env.ext, 'signals')).find((s) => s.id === stored.id)).toEqual(stored);
});

test('2. the toolbar badge of that tab says "!"', async () => {
  const sw = await env.session.serviceWorker();
  expect(await sw.evaluate(() => typeof chrome.action), 'chrome.action exists (manifest "action")').toBe('object');
  await waitFor(async () => (await badge(sw, tabId)) === '!', 10_000, 'badge "!"');
  expect(await sw.evaluate((id) => chrome.action!.getTitle({ tabId: id }), tabId)).toContain('company, status, dateEntered');
});

test('3. the side panel, following that tab, shows the drift banner for its host', async () => {
  await page.bringToFront();
  const banner = panel.getByRole('alert').filter({ hasText: 'can no longer read this ticket page on 127.0.0.1' });
  await expect(banner).toBeVisible({ timeout: 10_000 });
  await expect(banner).toContainText('company, status, dateEntered');
});

test('4. the page read correctly again: no drift on the tab, the drift event stays recorded for the host', async () => {
  const sw = await env.session.serviceWorker();
  await page.unrouteAll();
  await page.reload();
  await waitFor(
    async () => ((await sw.evaluate((k) => chrome.storage.session.get(k).then((r) => r[k]), `tab:${tabId}`)) as { drift?: unknown; accountId?: string } | undefined)?.accountId ?? null,
    15_000,
    'the tab shows the account again',
  );
  expect(await sw.evaluate((k) => chrome.storage.session.get(k).then((r) => r[k]), `tab:${tabId}`)).toMatchObject({ drift: null });
  expect(await readTable<Drift>(env.ext, 'drift')).toHaveLength(1);
  expect((await readTable<Signal>(env.ext, 'signals')).map((s) => s.id).sort()).toEqual(signalsBefore.map((s) => s.id).sort());
  await page.close();
  await panel.close();
});
