/**
 * The side panel follows the active tab: which account does it show? Asks the background with
 * `{ type: 'tab.account', tabId }` on open, on tab switch and when the tab finishes loading a new URL.
 */
import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { send } from './send';

export interface TabAccount {
  tabId: number | null;
  url: string | null;
  /** Account the background attributes to the tab (from its last reading), or null. */
  accountId: string | null;
  /** Extra facts the background may send (adapter, drift), kept loosely. */
  host: string | null;
  /** An M365 tenant read on this tab that is not linked to an account yet (the user links it once). */
  unlinkedTenant?: string | null;
  loading: boolean;
}

export function unlinkedTenantFromReply(data: unknown): string | null {
  const t = data && typeof data === 'object' ? (data as { unlinkedTenant?: unknown }).unlinkedTenant : undefined;
  return typeof t === 'string' && t ? t : null;
}

/** Accepts `data: "acct-1"`, `data: { accountId }` or `data: null` — the background's reply to `tab.account`. */
export function accountIdFromReply(data: unknown): string | null {
  if (typeof data === 'string' && data) return data;
  if (data && typeof data === 'object') {
    const id = (data as { accountId?: unknown }).accountId;
    if (typeof id === 'string' && id) return id;
  }
  return null;
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    // Hostname, not host: drift rows and settings are per hostname (ports differ, the site does not).
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

const RETRY_MS = [1500, 5000];

export function useTabAccount(): TabAccount {
  const [state, setState] = useState<TabAccount>({ tabId: null, url: null, accountId: null, host: null, loading: true });
  const seq = useRef(0);

  useEffect(() => {
    let alive = true;
    const timers: ReturnType<typeof setTimeout>[] = [];
    // Each resolve takes a new sequence number; its retries keep it, so a retry for a tab the user
    // has since left can never overwrite the newer tab's state.
    const resolve = async (tabId?: number, attempt = 0, token?: number) => {
      const mine = token ?? ++seq.current;
      let tab: { id?: number; url?: string } | undefined;
      try {
        if (tabId !== undefined) tab = await browser.tabs.get(tabId);
        else [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      } catch {
        tab = undefined;
      }
      if (!tab || tab.id === undefined) {
        if (alive && mine === seq.current) setState({ tabId: null, url: null, accountId: null, host: null, loading: false });
        return;
      }
      const reply = await send({ type: 'tab.account', tabId: tab.id }, { quiet: true });
      if (!alive || mine !== seq.current) return;
      const accountId = reply.ok ? accountIdFromReply(reply.data) : null;
      const unlinkedTenant = reply.ok ? unlinkedTenantFromReply(reply.data) : null;
      setState({ tabId: tab.id, url: tab.url ?? null, accountId, host: hostOf(tab.url), unlinkedTenant, loading: false });
      // The page's reading reaches the background a moment after the tab loads: ask again shortly.
      if (!accountId && !unlinkedTenant && attempt < RETRY_MS.length) {
        const t = setTimeout(() => void resolve(tab.id, attempt + 1, mine), RETRY_MS[attempt]);
        timers.push(t);
      }
    };
    void resolve();
    const onActivated = (info: { tabId: number }) => void resolve(info.tabId);
    const onUpdated = (tabId: number, change: { status?: string; url?: string }, tab: { active?: boolean }) => {
      if (tab.active && (change.status === 'complete' || change.url)) void resolve(tabId);
    };
    // The background records each tab's account in session storage as soon as it has read the
    // page: follow those writes instead of waiting for the next retry.
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'session') return;
      const changed = new Set(Object.keys(changes).flatMap((k) => /^tab:(\d+)$/.exec(k)?.[1] ?? []).map(Number));
      if (changed.size === 0) return;
      // Only the active tab decides the panel's account; a background tab's reading does not.
      void browser.tabs
        .query({ active: true, currentWindow: true })
        .then(([active]) => {
          if (active?.id !== undefined && changed.has(active.id)) void resolve(active.id);
        })
        .catch(() => undefined);
    };
    browser.tabs?.onActivated?.addListener(onActivated);
    browser.tabs?.onUpdated?.addListener(onUpdated);
    browser.storage?.onChanged?.addListener(onStorage);
    return () => {
      alive = false;
      timers.forEach(clearTimeout);
      browser.tabs?.onActivated?.removeListener(onActivated);
      browser.tabs?.onUpdated?.removeListener(onUpdated);
      browser.storage?.onChanged?.removeListener(onStorage);
    };
  }, []);

  return state;
}

/** Open a source page in a new tab — http(s) only. */
export async function openUrl(url: string): Promise<void> {
  await browser.tabs.create({ url });
}
