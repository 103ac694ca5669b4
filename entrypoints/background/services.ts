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

export async function recompute(accountIds: readonly string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await recomputeAccounts(db(), accountIds, new Date(), await currentConfig());
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
  url?: string;
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
  const state = await getTabState(tabId);
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
