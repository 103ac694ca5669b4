/**
 * Side panel: live queries from IndexedDB feed `PanelView`; the active tab decides the account.
 *
 * First render (issue 4): the snapshot needs one account's rows, so those are read first and the
 * whole account list (picker, names, sample banner) only once they are in. zod is not in this page's
 * bundle: the configuration comes from what this version resolved last time (`ui/configCache.ts`),
 * checked by the configuration module after the first render — or, the first time, that module loads
 * in parallel with the reads (main.tsx starts it).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { RECAP_DEFAULTS } from '../../recap/config';
import { DbProvider, useAccount, useAccounts, useCtas, useDrift, useHealth, useLoadedConfig, useSignals, useSnapshots } from '../../ui/data';
import { isHttpUrl } from '../../ui/format';
import { pushRecentAccount, recentAccounts } from '../../ui/storageLocal';
import { openUrl, useTabAccount } from '../../ui/tabs';
import { useNow } from '../../ui/useNow';
import { PanelLoading, PanelView, preloadPanelChunks } from './Panel';

export function App() {
  return (
    <DbProvider>
      <SidePanel />
    </DbProvider>
  );
}

/** The panel without its provider (tests wrap it in their own `DbProvider`). */
export const SidePanelForTest = () => <SidePanel />;

/**
 * `sidepanel.html?account=<id>` opens the panel on that account whatever tab is active ("works on any
 * tab for a chosen account"): a bookmarkable link, the dashboard's "open in panel", e2e tests. It is
 * an initial pick like one made in the picker: a tab showing another account still takes over.
 */
export function accountFromUrl(search: string = globalThis.location?.search ?? ''): string | null {
  const id = new URLSearchParams(search).get('account')?.trim();
  return id ? id.slice(0, 200) : null;
}

function SidePanel() {
  const tab = useTabAccount();
  // The whole list (1,000 accounts: a large read and sort) waits until the shown account is read, so
  // it does not hold up the snapshot; once asked for, it stays live.
  const [wantList, setWantList] = useState(false);
  // The configuration first (the render needs it). The module (zod) is loaded after the first render
  // when this version remembered the resolved configuration, to check it.
  const config = useLoadedConfig({ revalidate: wantList });
  const now = useNow();
  const [pinned, setPinned] = useState<string | null>(() => accountFromUrl());
  const [recent, setRecent] = useState<string[]>([]);
  const [ctaScope, setCtaScope] = useState<'account' | 'all'>('account');

  useEffect(() => {
    void recentAccounts().then(setRecent);
  }, []);
  // A new account on the active tab wins over an earlier pick: the panel follows the tab.
  useEffect(() => {
    if (tab.accountId) setPinned(null);
  }, [tab.accountId, tab.tabId]);

  const selectedId = pinned ?? tab.accountId ?? (tab.loading ? null : (recent[0] ?? null));
  useEffect(() => {
    if (selectedId) void pushRecentAccount(selectedId).then(setRecent);
  }, [selectedId]);

  const account = useAccount(selectedId);
  const health = useHealth(selectedId);
  const snapshots = useSnapshots(selectedId);
  const ctas = useCtas(ctaScope === 'all' ? 'all' : selectedId);
  const meetings = useSignals(selectedId, 'meeting');
  const decisions = useSignals(selectedId, 'decision');
  const pulses = useSignals(selectedId, 'pulse');
  const complaints = useSignals(selectedId, 'complaint');
  const drift = useDrift(tab.host);
  const selectionSettled = selectedId !== null ? account !== undefined : !tab.loading;
  useEffect(() => {
    if (selectionSettled) setWantList(true);
  }, [selectionSettled]);
  useEffect(() => {
    if (wantList) preloadPanelChunks();
  }, [wantList]);
  const accounts = useAccounts(wantList);
  // Same as "any live account is a sample" (the list is live accounts); the shown account answers
  // it before the list is in.
  const sample = account?.sample === true || (accounts?.some((a) => a.sample === true) ?? false);
  const recapHours = config?.health.recapHours;
  const recapConfig = useMemo(() => ({ ...RECAP_DEFAULTS, ...(recapHours !== undefined ? { recapDueHours: recapHours } : {}) }), [recapHours]);

  const onOpen = useCallback((url: string) => {
    if (isHttpUrl(url)) void openUrl(url);
  }, []);

  if (!config) return <PanelLoading />;
  return (
    <PanelView
      accounts={accounts}
      sample={sample}
      recentIds={recent}
      selectedId={selectedId}
      tabAccountId={tab.accountId}
      tabId={tab.tabId}
      unlinkedTenant={tab.unlinkedTenant ?? null}
      account={account}
      health={health}
      snapshots={snapshots ?? []}
      ctas={ctas ?? []}
      ctaScope={ctaScope}
      meetings={meetings ?? []}
      decisions={decisions ?? []}
      pulses={pulses ?? []}
      complaints={complaints ?? []}
      drift={drift ?? []}
      tz={config.calendar.timeZone}
      now={now}
      execSponsorDays={config.health.execSponsorDays}
      recapConfig={recapConfig}
      onSelect={setPinned}
      onFollowTab={() => setPinned(null)}
      onCtaScope={setCtaScope}
      onOpen={onOpen}
    />
  );
}

