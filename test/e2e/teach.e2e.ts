/**
 * Teach mode end to end (issue "Readers"): on "Casebook" (demo/unknown-psa), a help desk no adapter
 * knows, the user starts teach mode, picks the fields by clicking the page, saves; the mapping is
 * stored for the host, the ticket is read by it at once and on later visits, and once the mapping is
 * deleted the pages are not read any more.
 *
 * The teach panel lives in a *closed* shadow root, as shipped: Playwright's locators cannot enter
 * it, so the test drives it the way a keyboard or screen-reader user does — Tab/Enter from the
 * focused control — and finds its controls by role and accessible name in Chromium's accessibility
 * tree (DevTools protocol), then clicks them at their on-screen coordinates. No test-only build.
 */
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { useDemoSession } from './harness';
import { readTable, sendFromExtension, waitFor } from './helpers';
import { tabIdOf } from './panel-helpers';

// The service worker's global (not typed in this Node-side test file).
declare const chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>>; sendMessage(id: number, m: unknown): Promise<unknown> } };

const env = useDemoSession('sidepanel.html');

interface SignalRow {
  id: string;
  kind?: string;
  ticketId?: string;
  companyName?: string;
  priority?: string;
  status?: string;
  openedAt?: string;
  observedAt?: string;
  sla?: { resolutionDueAt?: string };
  source?: { host: string; pageType: string; reader: string; url: string };
}
interface MappingRowShape {
  id: string;
  host: string;
  pageType: string;
  fields: { urlPattern?: string; fields?: Record<string, { selector: string; sample: string }> };
  deletedAt?: string;
}

const ticketRow = async (ticketId: string) => (await readTable<SignalRow>(env.ext, 'signals')).find((s) => s.kind === 'ticket' && s.ticketId === ticketId);

/** Asks the page's content script to read again; its `{ ok: true }` proves it is there and done. */
async function reread(tabId: number): Promise<unknown> {
  const sw = await env.session.serviceWorker();
  return sw.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'page.reread' }), tabId);
}

// ---------------------------------------------------------------------------------------------
// The closed shadow root, through the accessibility tree

interface AxNode {
  ignored?: boolean;
  role?: { value?: string };
  name?: { value?: string };
  backendDOMNodeId?: number;
}

async function axNodes(cdp: CDPSession): Promise<AxNode[]> {
  return ((await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] }).nodes.filter((n) => !n.ignored);
}

async function axFind(cdp: CDPSession, role: string, name: RegExp): Promise<AxNode> {
  return waitFor(async () => (await axNodes(cdp)).find((n) => n.role?.value === role && name.test(n.name?.value ?? '')) ?? null, 5_000, `${role} ${name}`);
}

/** Plain text of the node (what is on screen), read through the protocol. */
async function textOf(cdp: CDPSession, node: AxNode): Promise<string> {
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId! });
  const r = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: 'function () { return this.textContent; }', returnByValue: true });
  return String(r.result.value);
}

async function clickAx(page: Page, cdp: CDPSession, node: AxNode): Promise<void> {
  const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId! });
  const [x1, y1, , , x3, y3] = model.border;
  await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
}

/** The value the panel shows beside a field (`<output aria-label="… reads">`). */
async function shownValue(cdp: CDPSession, field: string): Promise<string> {
  return textOf(cdp, await axFind(cdp, 'status', new RegExp(`^${field} reads$`)));
}

const hasPanel = (page: Page) => page.evaluate(() => document.querySelector('metronome-teach') !== null);
const traces = (page: Page) => page.evaluate(() => document.querySelectorAll('metronome-teach, [data-metronome-teach]').length);

test('teach mode: pick the fields of an unknown help desk page, save, and the ticket is read by the mapping', async () => {
  const url = `${env.demo.url}/desk/cases/4711`;
  const page = await env.session.context.newPage();
  await page.goto(url);
  await page.bringToFront();
  const tabId = await tabIdOf(env.ext, url);

  // Nothing built in reads Casebook: the content script runs (it answers) but stores no ticket.
  await waitFor(async () => ((await reread(tabId).catch(() => null)) as { ok?: boolean } | null)?.ok, 15_000, 'the content script');
  await page.waitForTimeout(1_500);
  expect(await ticketRow('CS-4711')).toBeUndefined();

  // Escape before anything is picked closes the panel and leaves nothing behind.
  expect(await sendFromExtension(env.ext, { type: 'teach.start', tabId })).toEqual({ ok: true });
  await expect.poll(() => hasPanel(page)).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => traces(page)).toBe(0);

  // Start again, from the extension (the side panel's "Teach this page" sends the same message).
  expect(await sendFromExtension(env.ext, { type: 'teach.start', tabId })).toEqual({ ok: true });
  await expect.poll(() => hasPanel(page)).toBe(true);
  const cdp = await env.session.context.newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('Accessibility.enable');
  await axFind(cdp, 'dialog', /^Teach Metronome this page$/);
  const save = await axFind(cdp, 'button', /^Save$/);

  // Keyboard: focus starts on the page-type choice; Tab → "Pick Ticket id", Enter starts picking,
  // the click on the page is the pick, and focus moves on to the next field's Pick button.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.click('.case-ref');
  expect(await shownValue(cdp, 'Ticket id')).toBe('CS-4711');
  await page.keyboard.press('Enter'); // Pick Company
  await page.click('.chip.org');
  await page.keyboard.press('Enter'); // Pick Opened
  await page.click('.ts-open');
  expect(await shownValue(cdp, 'Company')).toBe('Northwind Traders');
  expect(await shownValue(cdp, 'Opened')).toBe('2026-11-16 08:15');

  // The rest by pointer, finding the panel's buttons by role and name.
  const pick = async (field: string, selector: string) => {
    await clickAx(page, cdp, await axFind(cdp, 'button', new RegExp(`^Pick ${field}$`)));
    await page.click(selector);
  };
  await pick('Priority', '.chip.prio');
  await pick('Status', '.chip.state');
  await pick('Summary', '.case-title');
  await pick(String.raw`Resolution due \(SLA\)`, '.ts-due');
  expect(await shownValue(cdp, 'Priority')).toBe('P2');
  expect(await shownValue(cdp, 'Status')).toBe('Waiting on customer');
  expect(await shownValue(cdp, String.raw`Resolution due \(SLA\)`)).toBe('2026-11-18 08:15');
  // The page's own link was not followed while teaching.
  expect(page.url()).toBe(url);

  await clickAx(page, cdp, save);
  await expect.poll(() => traces(page), { timeout: 10_000 }).toBe(0);

  // One mapping row for the host, with what was taught.
  const rows = await waitFor(async () => (await readTable<MappingRowShape>(env.ext, 'mappings')).filter((m) => m.host === '127.0.0.1'), 10_000, 'the mapping row');
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ id: '127.0.0.1:ticket', pageType: 'ticket', fields: { urlPattern: '/desk/cases/*' } });
  expect(rows[0]!.deletedAt).toBeUndefined();
  expect(Object.keys(rows[0]!.fields.fields ?? {}).sort()).toEqual(['companyName', 'openedAt', 'priority', 'slaResolutionDue', 'status', 'summary', 'ticketId']);
  expect(rows[0]!.fields.fields?.companyName).toMatchObject({ selector: 'span.org', sample: 'Northwind Traders' });

  // Applied at once, without a reload.
  const first = await waitFor(() => ticketRow('CS-4711'), 15_000, 'CS-4711 read by the mapping');
  expect(first).toMatchObject({ companyName: 'Northwind Traders', priority: 'P2', status: 'Waiting on customer', source: { host: '127.0.0.1', pageType: 'taught', reader: 'teach', url } });
  expect(first.sla?.resolutionDueAt).toBeTruthy();

  // And on every later visit: reload this case, then open another one.
  await page.reload();
  await waitFor(async () => ((await reread(tabId).catch(() => null)) as { ok?: boolean } | null)?.ok, 15_000, 'the content script after reload');
  expect((await ticketRow('CS-4711'))?.source?.reader).toBe('teach');
  const other = `${env.demo.url}/desk/cases/4712`;
  await page.goto(other);
  const second = await waitFor(() => ticketRow('CS-4712'), 15_000, 'CS-4712 read by the mapping');
  expect(second).toMatchObject({ companyName: 'Northwind Traders', priority: 'P3', status: 'In progress', source: { reader: 'teach', url: other } });

  // Deleted (as Options does): the next case is no longer read.
  expect(await sendFromExtension(env.ext, { type: 'mapping.delete', host: '127.0.0.1', pageType: 'ticket' })).toMatchObject({ ok: true });
  const deleted = (await readTable<MappingRowShape>(env.ext, 'mappings')).find((m) => m.id === '127.0.0.1:ticket');
  expect(deleted?.deletedAt).toBeTruthy();
  const third = `${env.demo.url}/desk/cases/4713`;
  await page.goto(third);
  const thirdTab = await tabIdOf(env.ext, third);
  await waitFor(async () => ((await reread(thirdTab).catch(() => null)) as { ok?: boolean } | null)?.ok, 15_000, 'the content script on CS-4713');
  await page.waitForTimeout(1_500);
  expect(await ticketRow('CS-4713')).toBeUndefined();
  await page.close();
});
