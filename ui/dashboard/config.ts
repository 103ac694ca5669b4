/**
 * Dashboard targets and windows (seed-features §5, seed-rulebook §0.4). The health thresholds these
 * KPIs share with the engine (recap hours, exec-sponsor days, grace days, strategic meeting types)
 * are read from `MetronomeConfig`; the portfolio targets below have no home in the engine's config
 * yet, so they live here as one typed default, passed into every pure function (never a literal in
 * the code that computes).
 */
import type { Segment } from '../../engine/signals';

export interface DashboardConfig {
  /** Recap ≤ 48 h on ≥ 95 % of held strategic meetings whose 48 h passed in the window [L116] [L204]. */
  recap: { windowDays: number; targetPct: number };
  /** ≥ 1 logged decision in ≥ 70 % of strategic meetings held in the window [L116] [L204]. */
  decisions: { windowDays: number; targetPct: number };
  /** Coverage next 30 days ≥ 90 %, "booked if due" (seed-rulebook §12 #9) [L182] [L183]. */
  coverage: { horizonDays: number; targetPct: number };
  /** First action ≤ 72 h (the CTA's own `firstActionDue`) on ≥ 95 % of CTAs fired in the window [L183] [L205]. */
  firstAction: { windowDays: number; targetPct: number };
  /** Exec sponsor seen ≤ 120 d coverage: A/B ≥ 90 %, C/D ≥ 75 % [L183] [L204] [L205]. */
  execSponsor: { groups: { label: string; segments: Segment[]; targetPct: number }[] };
  /** CX watchlist: ≥ `minReds` monthly CX Reds in the last `months` frozen months, or sponsor ≥ 120 d [L116]. */
  cxWatch: { minReds: number; months: number };
  /** Trend window in months (12 frozen + the current live month). */
  trendMonths: number;
  /** Long tables show this many rows, then "show all". */
  tableCap: number;
}

export const DASHBOARD_DEFAULTS: DashboardConfig = {
  recap: { windowDays: 90, targetPct: 95 },
  decisions: { windowDays: 90, targetPct: 70 },
  coverage: { horizonDays: 30, targetPct: 90 },
  firstAction: { windowDays: 90, targetPct: 95 },
  execSponsor: {
    groups: [
      { label: 'A/B', segments: ['A', 'B'], targetPct: 90 },
      { label: 'C/D', segments: ['C', 'D'], targetPct: 75 },
    ],
  },
  cxWatch: { minReds: 2, months: 3 },
  trendMonths: 13,
  tableCap: 25,
};
