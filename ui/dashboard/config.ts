/**
 * The dashboard's settings: the portfolio targets and windows from the user's configuration
 * (`MetronomeConfig.portfolio`, engine/config/portfolio.ts — editable on the options page), plus how
 * many rows a long table shows. Passed into every pure function (never a literal in the code that
 * computes).
 */
import { DEFAULT_CONFIG, type MetronomeConfig } from '../../engine/config';
import type { PortfolioConfig } from '../../engine/config/portfolio';
import type { Segment } from '../../engine/signals';

export interface DashboardConfig extends PortfolioConfig {
  /** Long tables show this many rows, then "show all" (presentation, not a target). */
  tableCap: number;
}

const TABLE_CAP = 25;

export function dashboardConfig(config: MetronomeConfig): DashboardConfig {
  return { ...config.portfolio, tableCap: TABLE_CAP };
}

/** The settings a default configuration gives (tests build on it). */
export const DASHBOARD_DEFAULTS: DashboardConfig = dashboardConfig(DEFAULT_CONFIG);

export interface SegmentGroup {
  /** "A/B", or "C" alone. */
  label: string;
  segments: Segment[];
  targetPct: number;
}

/**
 * One exec-sponsor tile per run of consecutive segments with the same target: the defaults
 * (A 90, B 90, C 75, D 75) give "A/B ≥ 90 %" and "C/D ≥ 75 %", as the seed states them.
 */
export function execSponsorGroups(targets: Record<Segment, number>): SegmentGroup[] {
  const groups: SegmentGroup[] = [];
  for (const s of ['A', 'B', 'C', 'D'] as const) {
    const last = groups.at(-1);
    if (last && last.targetPct === targets[s]) last.segments.push(s);
    else groups.push({ label: '', segments: [s], targetPct: targets[s] });
  }
  for (const g of groups) g.label = g.segments.join('/');
  return groups;
}
