/**
 * The side panel's view: header with the account picker, banners (sample data, drift), then four
 * tabs — Snapshot, Due, Log, Recap. Pure props in, so it renders the same in tests and in the panel;
 * `App.tsx` feeds it from live queries.
 */
import { lazy, Suspense, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { AccountPicker } from '../../components/AccountPicker';
import { AccountSnapshot, preloadAccountEditor } from '../../components/AccountSnapshot';
import { ColourBadge } from '../../components/ColourBadge';
import { DriftBanner } from '../../components/DriftBanner';
import { TeachButton } from '../../components/TeachButton';
import { Notices } from '../../components/Notices';
import { SampleBanner, TrialChoice } from '../../components/Trial';
import type { Cta, MonthlySnapshot } from '../../engine/model';
import type { Account, ComplaintSignal, DecisionSignal, MeetingSignal, PulseSignal } from '../../engine/signals';
import type { RecapConfig } from '../../recap/config';
import type { DriftEvent, HealthRow } from '../../storage/records';
import { dueCount as countDue } from '../../engine/due';

// The first render shows the snapshot: the logging forms and the recap composer load when opened.
// Both build zod schemas, so zod is configured (no eval probe) before they load.
const withZod = <T,>(load: () => Promise<T>): Promise<T> => import('../../messaging/zod-setup').then(load);
const QuickLog = lazy(() => withZod(() => import('../../components/QuickLog')).then((m) => ({ default: m.QuickLog })));
const RecapComposer = lazy(() => withZod(() => import('../../components/RecapComposer')).then((m) => ({ default: m.RecapComposer })));
// Not on the snapshot either: the Due tab's list (with date-fns) and the tenant-link prompt.
const loadCtaList = () => import('../../components/CtaList');
const loadTenantLink = () => import('../../components/TenantLink');
const CtaList = lazy(() => loadCtaList().then((m) => ({ default: m.CtaList })));
const TenantLink = lazy(() => loadTenantLink().then((m) => ({ default: m.TenantLink })));

/**
 * Load the chunks the first render left out (App calls it once the snapshot is up), so opening the
 * Due tab or the editor later does not wait for them. zod-free ones only: zod loads with the config.
 */
export function preloadPanelChunks(): void {
  void Promise.all([loadCtaList(), loadTenantLink(), preloadAccountEditor()]).catch(() => undefined);
}

export const PANEL_TABS = ['snapshot', 'due', 'log', 'recap'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];
const TAB_LABELS: Record<PanelTab, string> = { snapshot: 'Snapshot', due: 'Due', log: 'Log', recap: 'Recap' };

export interface PanelViewProps {
  /**
   * undefined while loading. The panel reads it after the shown account, so the snapshot can render
   * before it (the picker then waits for it).
   */
  accounts: readonly Account[] | undefined;
  sample: boolean;
  recentIds: readonly string[];
  selectedId: string | null;
  /** The account the active tab shows, when the background knows it. */
  tabAccountId: string | null;
  tabId: number | null;
  /** An M365 tenant on the active tab that no account is linked to yet. */
  unlinkedTenant?: string | null;
  account: Account | null | undefined;
  health: HealthRow | null | undefined;
  snapshots: readonly MonthlySnapshot[];
  ctas: readonly Cta[];
  ctaScope: 'account' | 'all';
  meetings: readonly MeetingSignal[];
  decisions: readonly DecisionSignal[];
  pulses: readonly PulseSignal[];
  complaints: readonly ComplaintSignal[];
  drift: readonly DriftEvent[];
  tz: string;
  now: Date;
  execSponsorDays: number;
  recapConfig: RecapConfig;
  onSelect: (id: string) => void;
  onFollowTab: () => void;
  onCtaScope: (s: 'account' | 'all') => void;
  onOpen: (url: string) => void;
  initialTab?: PanelTab;
}

export function PanelView(p: PanelViewProps) {
  const [tab, setTab] = useState<PanelTab>(p.initialTab ?? 'snapshot');
  const id = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const names = useMemo(() => new Map((p.accounts ?? []).map((a) => [a.id, a.name])), [p.accounts]);
  const dueCount = useMemo(() => countDue(p.ctas, p.now), [p.ctas, p.now]);

  // The shown account is enough to render; without it, wait for the list (first run: no accounts).
  if (p.accounts === undefined && !p.account) return <PanelLoading />;
  if (p.accounts?.length === 0) {
    return (
      <main className="panel">
        <h1 className="panel__title">Metronome</h1>
        <Notices />
        <TrialChoice />
        <TeachButton />
      </main>
    );
  }

  // Roving tabindex over the tab buttons (← → Home End), per the ARIA tabs pattern.
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const n = PANEL_TABS.length;
    const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    setTab(PANEL_TABS[to]!);
    tabRefs.current[to]?.focus();
  };

  const followingTab = p.tabAccountId !== null && p.selectedId === p.tabAccountId;
  return (
    <main className="panel">
      <header className="panel__header">
        <h1 className="panel__title">Metronome</h1>
        <AccountPicker accounts={p.accounts ?? NO_ACCOUNTS} loading={p.accounts === undefined} recentIds={p.recentIds} selectedId={p.selectedId} onSelect={p.onSelect} />
      </header>
      {p.sample ? <SampleBanner /> : null}
      <DriftBanner events={p.drift} tz={p.tz} />
      {p.unlinkedTenant && p.tabId !== null && p.accounts ? (
        <Suspense fallback={null}>
          <TenantLink tenant={p.unlinkedTenant} tabId={p.tabId} accounts={p.accounts} />
        </Suspense>
      ) : null}
      <Notices />
      {p.account ? (
        <p className="panel__context">
          {followingTab ? (
            <span className="muted small">Following this tab</span>
          ) : p.tabAccountId ? (
            <button type="button" className="linklike small" onClick={p.onFollowTab}>
              Back to this tab’s account ({names.get(p.tabAccountId) ?? (p.accounts ? 'unknown' : '…')})
            </button>
          ) : (
            <span className="muted small">This tab shows no known account</span>
          )}
          {p.health ? <ColourBadge colour={p.health.overall} label="Overall" /> : null}
        </p>
      ) : null}

      <div role="tablist" aria-label="Metronome views" className="tabs">
        {PANEL_TABS.map((t, i) => (
          <button
            key={t}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            role="tab"
            type="button"
            id={`${id}-tab-${t}`}
            aria-selected={tab === t}
            aria-controls={`${id}-panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            className={tab === t ? 'tab tab--on' : 'tab'}
            onClick={() => setTab(t)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {TAB_LABELS[t]}
            {t === 'due' && dueCount ? <span className="count"> {dueCount}</span> : null}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={`${id}-panel-${tab}`} aria-labelledby={`${id}-tab-${tab}`} className="tabpanel" tabIndex={0}>
        {tab === 'due' ? <DueView {...p} names={names} /> : !p.account ? <NoAccount loading={p.account === undefined && p.selectedId !== null} /> : null}
        {tab === 'snapshot' && p.account ? (
          <AccountSnapshot account={p.account} health={p.health ?? null} snapshots={p.snapshots} now={p.now} tz={p.tz} execSponsorDays={p.execSponsorDays} onOpen={p.onOpen} />
        ) : null}
        <Suspense fallback={<p role="status">Loading…</p>}>
        {tab === 'log' && p.account ? <QuickLog key={p.account.id} accountId={p.account.id} tz={p.tz} now={p.now} meetings={p.meetings} /> : null}
        {tab === 'recap' && p.account ? (
          <RecapComposer
            key={p.account.id}
            account={p.account}
            health={p.health ?? null}
            meetings={p.meetings}
            decisions={p.decisions}
            pulses={p.pulses}
            complaints={p.complaints}
            ctas={p.ctaScope === 'account' ? p.ctas : p.ctas.filter((c) => c.accountId === p.account!.id)}
            snapshots={p.snapshots}
            tz={p.tz}
            now={p.now}
            tabId={p.tabId}
            config={p.recapConfig}
          />
        ) : null}
        </Suspense>
      </div>
    </main>
  );
}

const NO_ACCOUNTS: readonly Account[] = [];

export function PanelLoading() {
  return (
    <main className="panel">
      <p role="status">Loading…</p>
    </main>
  );
}

function NoAccount({ loading }: { loading: boolean }) {
  return (
    <p role="status" className="nodata">
      {loading ? 'Loading…' : 'No account selected. This tab shows no account Metronome knows — pick one above.'}
    </p>
  );
}

function DueView(p: PanelViewProps & { names: ReadonlyMap<string, string> }) {
  const id = useId();
  return (
    <section aria-label="Due triggers">
      <div className="segmented" role="radiogroup" aria-label="Whose triggers">
        <label className={p.ctaScope === 'account' ? 'seg seg--on' : 'seg'}>
          <input type="radio" name={`${id}-scope`} checked={p.ctaScope === 'account'} disabled={!p.selectedId} onChange={() => p.onCtaScope('account')} />
          {p.account ? p.account.name : 'This account'}
        </label>
        <label className={p.ctaScope === 'all' ? 'seg seg--on' : 'seg'}>
          <input type="radio" name={`${id}-scope`} checked={p.ctaScope === 'all'} onChange={() => p.onCtaScope('all')} />
          All accounts
        </label>
      </div>
      {p.ctaScope === 'account' && !p.account ? (
        <NoAccount loading={false} />
      ) : (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <CtaList ctas={p.ctas} now={p.now} tz={p.tz} accountNames={p.ctaScope === 'all' ? p.names : undefined} />
        </Suspense>
      )}
    </section>
  );
}
