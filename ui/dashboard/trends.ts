/**
 * Portfolio trends: per dimension, the share of accounts Green per month over the last 13 months —
 * 12 frozen monthly snapshots plus the current month's live colours (DECISIONS §2). The share is of
 * accounts with data that month; "No data" accounts are counted and shown, never treated as Green
 * or as not-Green.
 */
import { DIMENSIONS, type Dimension } from '../../engine/model';
import { localMonth } from '../../engine/time/business';
import type { Portfolio } from './portfolio';
import { previousMonths } from './watchlists';

export interface SharePoint {
  month: string;
  green: number;
  /** Accounts with a colour other than No data that month. */
  withData: number;
  /** Accounts with a snapshot (or live health, for the current month). */
  total: number;
  /** 100·green/withData; null = no account had data. */
  pct: number | null;
  live: boolean;
}

export type GreenShareTrends = Record<Dimension, SharePoint[]>;

export function greenShareTrends(p: Portfolio, now: Date, tz: string, months: number): GreenShareTrends {
  const current = localMonth(now, tz);
  const frozen = previousMonths(now, tz, months - 1).reverse();
  const order = [...frozen, current];
  const index = new Map(order.map((m, i) => [m, i]));
  const blank = (): SharePoint[] => order.map((month) => ({ month, green: 0, withData: 0, total: 0, pct: null, live: month === current }));
  const out = Object.fromEntries(DIMENSIONS.map((d) => [d, blank()])) as GreenShareTrends;

  const add = (i: number, colours: Partial<Record<Dimension, { colour: string } | undefined>>) => {
    for (const d of DIMENSIONS) {
      const pt = out[d][i]!;
      pt.total++;
      const c = colours[d]?.colour ?? 'nodata';
      if (c === 'nodata') continue;
      pt.withData++;
      if (c === 'green') pt.green++;
    }
  };

  for (const snaps of p.snapshotsByAccount.values()) {
    for (const [month, s] of snaps) {
      const i = index.get(month);
      // The current month comes from live health, not from a partial snapshot.
      if (i === undefined || month === current) continue;
      add(i, s.dimensions);
    }
  }
  const cur = order.length - 1;
  for (const h of p.healthById.values()) add(cur, h.dimensions);

  for (const d of DIMENSIONS) for (const pt of out[d]) pt.pct = pt.withData ? (100 * pt.green) / pt.withData : null;
  return out;
}
