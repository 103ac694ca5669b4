/**
 * Segmentation (DECISIONS §1): maturity × appetite → A/B/C/D [L83], default "assumed" segment,
 * manual override with rationale, goal level, and MRR bands by equal revenue sums.
 */
import type { MetronomeConfig } from './config';
import type { SegmentResult } from './model';
import type { Account, Segment } from './signals';

/**
 * Segment from maturity × appetite [L83]: D low/low, C high maturity/low appetite,
 * B low maturity/high appetite, A high/high. (L196 swaps B and C; DECISIONS §1 says ignore it.)
 */
export function segmentFromScores(maturity: number, appetite: number, config: MetronomeConfig): Segment {
  const highM = maturity > config.segments.lowMax;
  const highA = appetite > config.segments.lowMax;
  if (highM && highA) return 'A';
  if (!highM && highA) return 'B';
  if (highM && !highA) return 'C';
  return 'D';
}

/** The account's segment with how it was reached (computed, assumed, overridden) and goal level. */
export function resolveSegment(account: Account, config: MetronomeConfig, mrrBand: number | null = null): SegmentResult {
  const computed =
    account.maturity !== undefined && account.appetite !== undefined
      ? segmentFromScores(account.maturity, account.appetite, config)
      : null;
  const override = account.segmentOverride;
  const segment: Segment = override?.segment ?? computed ?? config.segments.defaultSegment;
  const result: SegmentResult = {
    segment,
    assumed: !override && computed === null,
    overridden: !!override,
    computed,
    goalLevel: account.goalLevel ?? config.segments.goalLevel[segment],
    mrrBand,
  };
  if (override) result.rationale = override.rationale;
  return result;
}

/**
 * MRR bands by equal revenue sums (DECISIONS §1): sort by MRR descending;
 * band = min(count, floor(revenueBefore / total / share) + 1). Accounts without MRR get no band.
 * Ties keep input order (stable sort) so the result is deterministic.
 */
export function mrrBands(accounts: readonly { id: string; mrr?: number }[], config: MetronomeConfig): Map<string, number> {
  const { count, share } = config.segments.mrrBands;
  const withMrr = accounts.filter((a): a is { id: string; mrr: number } => typeof a.mrr === 'number' && a.mrr >= 0);
  const sorted = [...withMrr].sort((a, b) => b.mrr - a.mrr);
  const total = sorted.reduce((s, a) => s + a.mrr, 0);
  const out = new Map<string, number>();
  if (total <= 0) return out;
  let before = 0;
  for (const a of sorted) {
    // A tiny epsilon keeps an exact boundary (e.g. 0.25 computed as 0.24999…) in the next band.
    out.set(a.id, Math.min(count, Math.floor(before / total / share + 1e-9) + 1));
    before += a.mrr;
  }
  return out;
}
