/**
 * Dashboard page: live queries from IndexedDB → the portfolio indexed once → the memoised model →
 * `DashboardView`. Wiring only; every number comes from the pure functions in `ui/dashboard/`.
 */
import { useEffect, useMemo, useState } from 'react';
import { DashboardView } from '../../components/dashboard/DashboardView';
import { dashboardConfig } from '../../ui/dashboard/config';
import { computeDashboard } from '../../ui/dashboard/dashboard';
import { useAllCtas, useAllHealth, useMeetingsAndDecisions, useSnapshotsSince } from '../../ui/dashboard/data';
import { buildPortfolio } from '../../ui/dashboard/portfolio';
import { previousMonths } from '../../ui/dashboard/watchlists';
import { useConfig } from '../../ui/config';
import { DbProvider, useAccounts, usePortfolioState } from '../../ui/data';
import { pushRecentAccount, recentAccounts } from '../../ui/storageLocal';
import { useNow } from '../../ui/useNow';

export function App() {
  return (
    <DbProvider>
      <Dashboard />
    </DbProvider>
  );
}

/** The page without its provider; tests pass their own `DbProvider` and a fixed `now`. */
export function DashboardForTest({ now }: { now?: Date }) {
  return <Dashboard fixedNow={now} />;
}

function Dashboard({ fixedNow }: { fixedNow?: Date }) {
  const ticking = useNow(60_000);
  // One value per minute, so the model is recomputed at most once a minute (or on data change).
  const minute = Math.floor((fixedNow ?? ticking).getTime() / 60_000);
  const now = useMemo(() => fixedNow ?? new Date(minute * 60_000), [fixedNow, minute]);
  const config = useConfig();
  // The portfolio targets are part of the user's configuration (options page → Portfolio targets).
  const dash = useMemo(() => dashboardConfig(config), [config]);
  const tz = config.calendar.timeZone;
  const fromMonth = useMemo(() => previousMonths(now, tz, dash.trendMonths - 1).at(-1) ?? '0000-00', [now, tz, dash.trendMonths]);

  const accounts = useAccounts();
  const health = useAllHealth();
  const snapshots = useSnapshotsSince(fromMonth);
  const ctas = useAllCtas();
  const signals = useMeetingsAndDecisions();
  const state = usePortfolioState();

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [recent, setRecent] = useState<string[]>([]);
  useEffect(() => {
    void recentAccounts().then(setRecent);
  }, []);
  const onSelect = (id: string) => {
    setSelectedId(id);
    void pushRecentAccount(id).then(setRecent);
  };

  const portfolio = useMemo(
    () =>
      accounts && health && snapshots && ctas && signals
        ? buildPortfolio({ accounts, health, snapshots, ctas, meetings: signals.meetings, decisions: signals.decisions })
        : null,
    [accounts, health, snapshots, ctas, signals],
  );
  const model = useMemo(() => (portfolio ? computeDashboard(portfolio, config, dash, now) : null), [portfolio, config, dash, now]);

  if (!portfolio || !model) {
    return (
      <main className="dash">
        <h1>Metronome dashboard</h1>
        <p className="muted" role="status">
          Loading the portfolio…
        </p>
      </main>
    );
  }
  if (portfolio.accounts.length === 0) {
    return (
      <main className="dash">
        <h1>Metronome dashboard</h1>
        <p className="nodata">
          No accounts yet. Open a client in your PSA with Metronome enabled, or load the sample portfolio from the side panel or the options page.
        </p>
      </main>
    );
  }
  const selected = selectedId && portfolio.accountById.has(selectedId) ? selectedId : (recent.find((r) => portfolio.accountById.has(r)) ?? portfolio.accounts[0]?.id ?? null);
  return (
    <main>
      <DashboardView
        model={model}
        portfolio={portfolio}
        config={config}
        dash={dash}
        now={now}
        sample={state?.sample ?? false}
        selectedId={selected}
        recentIds={recent}
        onSelect={onSelect}
      />
    </main>
  );
}
