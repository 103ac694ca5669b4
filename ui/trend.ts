/**
 * The 13-month trend of one dimension: the 12 frozen months before this one (monthly snapshots)
 * plus the current month's live score. Missing months stay gaps — never interpolated.
 */
import type { Colour, Dimension, MonthlySnapshot } from '../engine/model';
// Month keys by arithmetic (not date-fns `format`, which would put its formatter in the panel's first load).
import { addMonthsKey, monthKey } from '../engine/time/zoned';

export interface TrendPoint {
  month: string;
  score: number | null;
  colour: Colour;
  live: boolean;
}

export const TREND_MONTHS = 13;

export function monthlyTrend(
  snapshots: readonly MonthlySnapshot[],
  dimension: Dimension | 'composite',
  now: Date,
  tz: string,
  live: { score: number | null; colour: Colour } | null,
  months = TREND_MONTHS,
): TrendPoint[] {
  const byMonth = new Map<string, MonthlySnapshot>();
  for (const s of snapshots) if (!s.deletedAt) byMonth.set(s.month, s);
  const current = monthKey(now.getTime(), tz);
  const out: TrendPoint[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const month = addMonthsKey(current, -i);
    if (i === 0) {
      out.push({ month, score: live?.score ?? null, colour: live?.colour ?? 'nodata', live: true });
      continue;
    }
    const s = byMonth.get(month);
    if (dimension === 'composite') {
      out.push({ month, score: s?.composite ?? null, colour: 'nodata', live: false });
    } else {
      const d = s?.dimensions[dimension];
      out.push({ month, score: d?.score ?? null, colour: d?.colour ?? 'nodata', live: false });
    }
  }
  return out;
}
