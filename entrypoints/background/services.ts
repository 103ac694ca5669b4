/**
 * The background's shared services: the database, the effective configuration (with the user's time
 * zone), recomputation of touched accounts, the tab → account map and the toolbar badge. Nothing
 * here is kept in memory as the source of truth: the worker can be stopped at any moment.
 */
import { browser } from 'wxt/browser';
import { dueCount } from '../../engine/due';
import type { MetronomeConfig } from '../../engine/config';
import { COLOUR_WORDS } from '../../engine/model';
import {
  getAccount,
  getConfig,
  getDb,
  getSetting,
  healthFor,
  openCtas,
  recomputeAccounts,
  setTimeZone,
  type MetronomeDb,
} from '../../storage';

export const db = (): MetronomeDb => getDb();

/** The effective config; on first use the user's time zone (the browser's) is stored. */
export async function currentConfig(): Promise<MetronomeConfig> {
  const d = db();
  const tzSet = await getSetting<boolean>(d, 'timeZoneInitialised');
  if (!tzSet) {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    await setTimeZone(d, tz);
    await d.settings.put({ key: 'timeZoneInitialised', value: true, updatedAt: new Date().toISOString() });
  }
  return (await getConfig(d)).config;
}

/** Recompute these accounts and re-draw the badges of the tabs showing them (but `exceptTab`'s, which its caller draws). */
export async function recompute(accountIds: readonly string[], opts: { exceptTab?: number } = {}): Promise<void> {
  if (accountIds.length === 0) return;
  await recomputeAccounts(db(), accountIds, new Date(), await currentConfig());
  await refreshBadges(accountIds, opts.exceptTab);
}

export async function recomputeAll(): Promise<number> {
  const ids = (await db().accounts.toArray()).filter((a) => !a.deletedAt).map((a) => a.id);
  await recompute(ids);
  return ids.length;
}

// ---------------------------------------------------------------------------------------------
// Tab → account (session storage: survives the worker stopping, cleared with the browser session)

const tabKey = (tabId: number) => `tab:${tabId}`;

export interface TabState {
  /** The one account this tab's page shows (ticket, company, agreement, linked M365 tenant). */
  accountId: string | null;
  /** The page looks like a known page type but no longer matches it. */
  drift: { adapter: string; pageType: string; missing: string[] } | null;
  /** An M365 tenant read on this page that is not linked to an account yet. */
  unlinkedTenant?: string;
  /** The page (frame) that was read: Autotask's inner frame, not the tab's shell. */
  url?: string;
  /** The tab's own URL when it was read: the state holds only while the tab still shows it. */
  tabUrl?: string;
  /** The frame that was read (0: the top frame): a new page in that frame ends the state. */
  frameId?: number;
  at: number;
}

export async function setTabState(tabId: number, state: Omit<TabState, 'at'>): Promise<void> {
  await browser.storage.session.set({ [tabKey(tabId)]: { ...state, at: Date.now() } });
}

export async function getTabState(tabId: number): Promise<TabState | undefined> {
  const got = await browser.storage.session.get(tabKey(tabId));
  return got[tabKey(tabId)] as TabState | undefined;
}

export async function clearTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId));
}

/**
 * The tab's state if the tab still shows the page it was read on; a tab that has since navigated
 * (to another PSA page, or to a site Metronome cannot see: its URL is then hidden) or was closed has
 * none, and its stale state is dropped. Checked when asked rather than on `tabs.onUpdated`: that
 * listener would wake the worker on every navigation on every site. (The browser resets a tab's
 * badge itself when the tab loads a new document.)
 */
export async function currentTabState(tabId: number): Promise<TabState | undefined> {
  const state = await getTabState(tabId);
  if (!state) return undefined;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (tab?.url !== undefined && tab.url === state.tabUrl) return state;
  await clearTab(tabId);
  return undefined;
}

/**
 * The page in `frameId` changed (a new document there — Autotask's inner frame navigates while its
 * shell stays — or a single-page app's new view): if the tab's state came from that frame, it is
 * gone until the new page is read, and so is its badge.
 */
export async function forgetFramePage(tabId: number, frameId: number): Promise<void> {
  const state = await getTabState(tabId);
  if (!state || (state.frameId ?? 0) !== frameId) return;
  await clearTab(tabId);
  await updateBadge(tabId);
}

/** Re-draw the badge of every tab showing one of `accountIds` (after a recompute or a CTA change). */
export async function refreshBadges(accountIds: readonly string[], exceptTab?: number): Promise<void> {
  if (accountIds.length === 0) return;
  const ids = new Set(accountIds);
  const all = (await browser.storage.session.get(null)) as Record<string, unknown>;
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith('tab:') || !ids.has((value as Partial<TabState> | null)?.accountId ?? '')) continue;
    const tabId = Number(key.slice(4));
    if (tabId !== exceptTab) await updateBadge(tabId).catch(() => undefined); // a tab closed meanwhile
  }
}

// ---------------------------------------------------------------------------------------------
// Badge and pill state

const TONE_COLOURS: Record<string, string> = {
  green: '#1a7f37',
  yellow: '#9a6700',
  red: '#cf222e',
  insufficient: '#6e7781',
  drift: '#8250df',
};

export interface AccountGlance {
  accountName: string;
  tone: string;
  word: string;
  due: number;
}

export async function glanceFor(accountId: string): Promise<AccountGlance | null> {
  const d = db();
  const [account, health, ctas] = await Promise.all([getAccount(d, accountId), healthFor(d, accountId), openCtas(d, { accountId })]);
  if (!account) return null;
  const overall = health?.overall ?? 'insufficient';
  const word = overall === 'insufficient' ? 'Insufficient data' : COLOUR_WORDS[overall];
  return { accountName: account.name, tone: overall, word, due: dueCount(ctas, new Date()) };
}

export async function updateBadge(tabId: number): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  const state = await currentTabState(tabId);
  if (state?.drift) {
    await action.setBadgeText({ tabId, text: '!' });
    await action.setBadgeBackgroundColor({ tabId, color: TONE_COLOURS.drift! });
    await action.setTitle({ tabId, title: `Metronome: this ${state.drift.adapter} page is no longer recognised (${state.drift.missing.join(', ')}). Open the side panel to teach it.` });
    return;
  }
  const glance = state?.accountId ? await glanceFor(state.accountId) : null;
  if (!glance) {
    await action.setBadgeText({ tabId, text: '' });
    await action.setTitle({ tabId, title: 'Metronome' });
    return;
  }
  await action.setBadgeText({ tabId, text: glance.due > 0 ? String(glance.due) : '•' });
  await action.setBadgeBackgroundColor({ tabId, color: TONE_COLOURS[glance.tone] ?? TONE_COLOURS.insufficient! });
  await action.setTitle({ tabId, title: `Metronome — ${glance.accountName}: ${glance.word}, ${glance.due} due` });
}
