/** Everything the dashboard shows, computed in one memoisable pass over the indexed portfolio. */
import type { MetronomeConfig } from '../../engine/config';
import type { DashboardConfig } from './config';
import { heatmap, type Heatmap } from './heatmap';
import { allKpis, coverageItems, type Kpi } from './kpis';
import type { Portfolio } from './portfolio';
import { greenShareTrends, type GreenShareTrends } from './trends';
import {
  atRiskWatchlist,
  coverageWatchlist,
  cxWatchlist,
  firstActionSummary,
  openDecisionsWatchlist,
  pastDueWatchlist,
  type FirstActionSummary,
  type Watchlist,
} from './watchlists';

export interface DashboardModel {
  heatmap: Heatmap;
  kpis: Kpi[];
  watchlists: Watchlist[];
  firstAction: FirstActionSummary;
  trends: GreenShareTrends;
}

export function computeDashboard(p: Portfolio, config: MetronomeConfig, dash: DashboardConfig, now: Date): DashboardModel {
  const coverage = coverageItems(p, config, dash, now);
  const firstAction = firstActionSummary(p, config, dash, now);
  return {
    heatmap: heatmap(p),
    kpis: allKpis(p, config, dash, now, coverage),
    watchlists: [
      cxWatchlist(p, config, dash, now),
      pastDueWatchlist(p, config, now),
      coverageWatchlist(p, config, dash, now, coverage),
      openDecisionsWatchlist(p, config, now),
      firstAction.late,
      atRiskWatchlist(p),
    ],
    firstAction,
    trends: greenShareTrends(p, now, config.calendar.timeZone, dash.trendMonths),
  };
}
