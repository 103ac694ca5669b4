/** Side panel: live queries from IndexedDB feed `PanelView`; the active tab decides the account. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { RECAP_DEFAULTS } from '../../recap/config';
import { DbProvider, useAccount, useAccounts, useConfig, useCtas, useDrift, useHealth, usePortfolioState, useSignals, useSnapshots } from '../../ui/data';
import { isHttpUrl } from '../../ui/format';
import { pushRecentAccount, recentAccounts } from '../../ui/storageLocal';
import { openUrl, useTabAccount } from '../../ui/tabs';
import { useNow } from '../../ui/useNow';
import { PanelView } from './Panel';

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
  const config = useConfig();
  const tz = config.calendar.timeZone;
  const now = useNow();
  const accounts = useAccounts();
  const portfolio = usePortfolioState();
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
  const recapConfig = useMemo(() => ({ ...RECAP_DEFAULTS, recapDueHours: config.health.recapHours }), [config]);

  const onOpen = useCallback((url: string) => {
    if (isHttpUrl(url)) void openUrl(url);
  }, []);

  return (
    <PanelView
      accounts={accounts}
      sample={portfolio?.sample ?? false}
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
      tz={tz}
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
