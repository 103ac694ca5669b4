/**
 * The full-page dashboard (PRODUCT capability 8), as a pure view over the computed model: KPI
 * tiles, portfolio heatmap, watchlists, trends, security-program calendar. All page text is rendered
 * as React text nodes (never HTML).
 */
import { SectionNav } from '../SectionNav';
import type { MetronomeConfig } from '../../engine/config';
import type { DashboardConfig } from '../../ui/dashboard/config';
import type { DashboardModel } from '../../ui/dashboard/dashboard';
import type { Portfolio } from '../../ui/dashboard/portfolio';
import { fmtDateTime } from '../../ui/format';
import { HeatmapView } from './Heatmap';
import { KpiTiles } from './KpiTiles';
import { ProgramCalendar } from './ProgramCalendar';
import { TrendsView } from './Trends';
import { WatchTable } from './WatchTable';

export interface DashboardViewProps {
  model: DashboardModel;
  portfolio: Portfolio;
  config: MetronomeConfig;
  dash: DashboardConfig;
  now: Date;
  sample: boolean;
  selectedId: string | null;
  recentIds: readonly string[];
  onSelect: (id: string) => void;
}

const SECTIONS = [
  ['kpis', 'KPIs'],
  ['heatmap', 'Heatmap'],
  ['watchlists', 'Watchlists'],
  ['trends', 'Trends'],
  ['program', 'Security-program calendar'],
] as const;

export function DashboardView({ model, portfolio, config, dash, now, sample, selectedId, recentIds, onSelect }: DashboardViewProps) {
  const tz = config.calendar.timeZone;
  const selectAndShow = (id: string) => {
    onSelect(id);
    document.getElementById('program')?.scrollIntoView?.({ block: 'start' });
  };
  const fa = model.firstAction;
  return (
    <div className="dash">
      <header className="dash__header">
        <h1>Metronome dashboard</h1>
        <p className="muted">
          {portfolio.accounts.length} {portfolio.accounts.length === 1 ? 'account' : 'accounts'}
          {sample ? ' (sample portfolio loaded)' : ''} · as of {fmtDateTime(now.toISOString(), tz)} ({tz})
        </p>
        <SectionNav label="Dashboard sections" sections={SECTIONS} className="dash__nav" />
      </header>

      <section id="kpis" aria-labelledby="kpis-h">
        <h2 id="kpis-h">KPIs</h2>
        <KpiTiles kpis={model.kpis} />
      </section>

      <section id="heatmap" aria-labelledby="heatmap-h">
        <h2 id="heatmap-h">Portfolio heatmap</h2>
        <HeatmapView heat={model.heatmap} accountById={portfolio.accountById} cap={dash.tableCap} onAccount={selectAndShow} />
      </section>

      <section id="watchlists" aria-labelledby="watchlists-h">
        <h2 id="watchlists-h">Watchlists</h2>
        <p className="ttfa">
          <strong>Time to first action:</strong>{' '}
          {fa.medianHours === null
            ? `No data (no CTA with a first action in the last ${dash.firstAction.windowDays} days)`
            : `median ${fa.medianHours} h over ${fa.measured} ${fa.measured === 1 ? 'CTA' : 'CTAs'} fired in the last ${dash.firstAction.windowDays} days (target ≤ 72 h)`}
          {' · '}
          {fa.late.rows.length} open {fa.late.rows.length === 1 ? 'CTA' : 'CTAs'} past the first-action deadline
        </p>
        <div className="watch-grid">
          {model.watchlists.map((w) => (
            <WatchTable key={w.key} list={w} tz={tz} now={now} cap={dash.tableCap} onAccount={selectAndShow} />
          ))}
        </div>
      </section>

      <section id="trends" aria-labelledby="trends-h">
        <h2 id="trends-h">Trends</h2>
        <p className="muted small">Share of accounts Green per month, of the accounts with data that month (frozen monthly snapshots; the last bar is this month so far).</p>
        <TrendsView trends={model.trends} />
      </section>

      <section id="program" aria-labelledby="program-h">
        <h2 id="program-h">Security-program calendar</h2>
        <p className="muted small">
          A monthly executive posture report, a heavier quarterly anchor in months 3, 6, 9 and 12, and the annual reassessment that doubles as the renewal trigger.
        </p>
        <ProgramCalendar
          accounts={portfolio.accounts}
          selectedId={selectedId}
          recentIds={recentIds}
          onSelect={onSelect}
          now={now}
          tz={tz}
          renewalOffsetDays={config.triggers.cadence.renewal.offsetDays}
          cap={dash.tableCap}
        />
      </section>
    </div>
  );
}
