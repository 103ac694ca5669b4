/**
 * Helpers for the side-panel e2e tests (`panel-*.e2e.ts`): open the panel on an account, switch its
 * tabs, read what it shows, and read/await the extension's IndexedDB and background state.
 */
import { expect as baseExpect, type Locator, type Page } from '@playwright/test';
import { DIMENSION_LABELS, DIMENSIONS, type Dimension } from '../../engine/model';
import type { ExtensionSession } from './harness';
import { readTable, sendFromExtension, waitFor } from './helpers';

export { DIMENSION_LABELS, DIMENSIONS, type Dimension };

/** Panel updates wait on the background (recompute, page reads): allow for a busy machine. */
const expect = baseExpect.configure({ timeout: 15_000 });

/** Load the bundled sample portfolio (40 clients) through the background, as the trial screen does. */
export async function loadSample(page: Page): Promise<{ accounts: number; signals: number }> {
  const r = await sendFromExtension<{ accounts: number; signals: number }>(page, { type: 'sample.load' });
  if (!r.ok || !r.data) throw new Error(`sample.load failed: ${r.error ?? JSON.stringify(r.errors)}`);
  return r.data;
}

/**
 * Open `sidepanel.html` in a tab, on `accountId` when given (`?account=<id>`, App.tsx), and wait
 * until the panel shows that account's snapshot heading.
 */
export async function openPanel(session: ExtensionSession, accountId?: string, accountName?: string): Promise<Page> {
  const page = await session.openExtensionPage(accountId ? `sidepanel.html?account=${encodeURIComponent(accountId)}` : 'sidepanel.html');
  await expect(page.getByRole('heading', { name: 'Metronome', level: 1 })).toBeVisible();
  if (accountName) await expect(page.getByRole('heading', { level: 2 })).toHaveText(new RegExp(`^${escapeRegExp(accountName)}`));
  return page;
}

/** Click one of the panel's four tabs (Snapshot, Due, Log, Recap) and wait for it to be selected. */
export async function panelTab(page: Page, name: 'Snapshot' | 'Due' | 'Log' | 'Recap'): Promise<void> {
  const tab = page.getByRole('tab', { name: new RegExp(`^${name}`) });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** The colour word the snapshot shows for one dimension (`Green`, `Yellow`, `Red`, `No data`). */
export function dimensionRow(page: Page, dimension: Dimension): Locator {
  return page.locator('li.dim').filter({ has: page.locator('.dim__name', { hasText: new RegExp(`^${escapeRegExp(DIMENSION_LABELS[dimension])}$`) }) });
}

export async function dimensionWord(page: Page, dimension: Dimension): Promise<string> {
  return (await dimensionRow(page, dimension).locator('.badge__word').innerText()).trim();
}

export async function overallWord(page: Page): Promise<string> {
  return (await page.getByLabel('Overall health').locator('.overall__main .badge__word').innerText()).trim();
}

/** A CTA card (full view) by its title. */
export function ctaCard(page: Page, title: string | RegExp): Locator {
  return page.locator('article.cta').filter({ has: page.getByRole('heading', { level: 4, name: title }) });
}

export interface HealthRowLite {
  accountId: string;
  asOf: string;
  overall: 'green' | 'yellow' | 'red' | 'insufficient';
  composite: number | null;
  atRisk: { flag: boolean; reasons: string[] };
  consecutiveMisses: number;
  dimensions: Record<Dimension, { colour: 'green' | 'yellow' | 'red' | 'nodata'; score: number | null } | undefined>;
}

export interface CtaRowLite {
  id: string;
  accountId: string;
  trigger: string;
  title: string;
  status: string;
  dueBy: string;
  firstActionAt?: string;
  firstActionNote?: string;
  resolvedByEngineAt?: string;
  atRisk?: boolean;
}

export async function healthOf(page: Page, accountId: string): Promise<HealthRowLite | undefined> {
  return (await readTable<HealthRowLite>(page, 'health')).find((h) => h.accountId === accountId);
}

export async function ctasOf(page: Page, accountId: string): Promise<CtaRowLite[]> {
  return (await readTable<CtaRowLite>(page, 'ctas')).filter((c) => c.accountId === accountId);
}

/** Wait for the background to recompute an account after `since` (ISO) — health.asOf moves on. */
export async function waitForRecompute(page: Page, accountId: string, since: string, what = `recompute of ${accountId}`): Promise<HealthRowLite> {
  return waitFor(async () => {
    const h = await healthOf(page, accountId);
    return h && h.asOf > since ? h : undefined;
  }, 20_000, what);
}

/** Fill a `datetime-local` input with an instant, in the browser's zone (as a user types it). */
export function toLocalInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The Chrome tab id of a page (asked from an extension page; needs host access to the page's origin). */
export async function tabIdOf(extPage: Page, url: string): Promise<number> {
  return waitFor(
    () =>
      extPage.evaluate(async (u) => {
        const tabs = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome.tabs.query({});
        return tabs.find((t) => t.url === u)?.id;
      }, url),
    10_000,
    `a tab for ${url}`,
  );
}

/** The account the background attributes to a tab (the panel's `tab.account` question). */
export async function tabAccountOf(extPage: Page, tabId: number): Promise<string | null> {
  const r = await sendFromExtension<{ accountId?: string } | null>(extPage, { type: 'tab.account', tabId });
  return r.ok && r.data && typeof r.data.accountId === 'string' ? r.data.accountId : null;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
