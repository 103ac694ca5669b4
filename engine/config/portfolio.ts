/**
 * Portfolio targets: the dashboard's KPIs and watchlists (seed-features §5, seed-rulebook §0.4).
 * The health thresholds these KPIs share with the engine (recap hours, exec-sponsor days, grace
 * days, strategic meeting types) stay in their own sections; this one holds only what the portfolio
 * view adds: each KPI's look-back window and "≥ target %".
 */
import { z } from 'zod';
import { perSegment } from './segments';

const Days = z.number().int().min(1).max(3650);
const Pct = z.number().min(0).max(100);
/** A share over a look-back window. */
const WindowKpi = z.object({ windowDays: Days, targetPct: Pct }).strict();

export const PortfolioConfig = z
  .object({
    /** Recap ≤ 48 h on ≥ 95 % of held strategic meetings whose 48 h passed in the window [L116] [L204]. */
    recap: WindowKpi,
    /** ≥ 1 logged decision in ≥ 70 % of strategic meetings held in the window [L116] [L204]. */
    decisions: WindowKpi,
    /** Coverage next 30 days ≥ 90 %, "booked if due" (seed-rulebook §12 #9) [L182] [L183]. */
    coverage: z.object({ horizonDays: Days, targetPct: Pct }).strict(),
    /** First action ≤ 72 h (the CTA's own `firstActionDue`) on ≥ 95 % of CTAs fired in the window [L183] [L205]. */
    firstAction: WindowKpi,
    /**
     * Exec sponsor seen ≤ 120 d: share of each segment's accounts, A/B ≥ 90 %, C/D ≥ 75 % [L183]
     * [L204] [L205]. The dashboard shows one tile per run of segments with the same target.
     */
    execSponsorTargetPct: perSegment(Pct),
    /** CX watchlist: ≥ `minReds` monthly CX Reds in the last `months` frozen months, or sponsor not seen [L116]. */
    cxWatch: z.object({ minReds: z.number().int().min(1).max(24), months: z.number().int().min(1).max(24) }).strict(),
    /** Trend charts: this many months (the frozen ones and the current live month). */
    trendMonths: z.number().int().min(2).max(37),
  })
  .strict();
export type PortfolioConfig = z.infer<typeof PortfolioConfig>;

export const PORTFOLIO_DEFAULTS: PortfolioConfig = {
  recap: { windowDays: 90, targetPct: 95 },
  decisions: { windowDays: 90, targetPct: 70 },
  coverage: { horizonDays: 30, targetPct: 90 },
  firstAction: { windowDays: 90, targetPct: 95 },
  execSponsorTargetPct: { A: 90, B: 90, C: 75, D: 75 },
  cxWatch: { minReds: 2, months: 3 },
  trendMonths: 13,
};
