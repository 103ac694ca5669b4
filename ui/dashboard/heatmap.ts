/**
 * Portfolio heatmap (seed-features F31): per segment × dimension, how many accounts are Green /
 * Yellow / Red / No data (with their ids, for the drill-down filter); the overall colour
 * distribution; the mean composite per segment. One pass over the stored health rows.
 */
import { COLOURS, DIMENSIONS, OVERALL, type Colour, type Dimension, type Overall } from '../../engine/model';
import { SEGMENTS, type Segment } from '../../engine/signals';
import type { Portfolio } from './portfolio';

export interface HeatCell {
  segment: Segment;
  dimension: Dimension;
  counts: Record<Colour, number>;
  ids: Record<Colour, string[]>;
}

export interface CompositeRow {
  segment: Segment;
  /** Mean composite of the segment's accounts that have one; null = none. */
  mean: number | null;
  /** Accounts with a composite … */
  withComposite: number;
  /** … of the accounts in the segment. */
  accounts: number;
}

export interface Heatmap {
  /** cells[segment][dimension]. */
  cells: Record<Segment, Record<Dimension, HeatCell>>;
  overall: Record<Overall, number>;
  overallIds: Record<Overall, string[]>;
  composite: CompositeRow[];
  /** Accounts with no stored health yet (not scored): shown as a count, not as a colour. */
  unscored: string[];
  scored: number;
}

const zero = <K extends string>(keys: readonly K[], v: () => number | string[]) =>
  Object.fromEntries(keys.map((k) => [k, v()])) as Record<K, never>;

export function heatmap(p: Portfolio): Heatmap {
  const cells = {} as Record<Segment, Record<Dimension, HeatCell>>;
  for (const segment of SEGMENTS) {
    cells[segment] = {} as Record<Dimension, HeatCell>;
    for (const dimension of DIMENSIONS)
      cells[segment][dimension] = { segment, dimension, counts: zero(COLOURS, () => 0), ids: zero(COLOURS, () => []) };
  }
  const overall: Record<Overall, number> = zero(OVERALL, () => 0);
  const overallIds: Record<Overall, string[]> = zero(OVERALL, () => []);
  const sums = Object.fromEntries(SEGMENTS.map((s) => [s, { sum: 0, n: 0, accounts: 0 }])) as Record<Segment, { sum: number; n: number; accounts: number }>;
  const unscored: string[] = [];
  let scored = 0;

  for (const a of p.accounts) {
    const h = p.healthById.get(a.id);
    if (!h) {
      unscored.push(a.id);
      continue;
    }
    scored++;
    const seg = h.segment.segment;
    for (const d of DIMENSIONS) {
      // A dimension missing from a stored row is No data, never a colour.
      const colour: Colour = h.dimensions[d]?.colour ?? 'nodata';
      const cell = cells[seg][d];
      cell.counts[colour]++;
      cell.ids[colour].push(a.id);
    }
    overall[h.overall]++;
    overallIds[h.overall].push(a.id);
    const s = sums[seg];
    s.accounts++;
    if (h.composite !== null && Number.isFinite(h.composite)) {
      s.sum += h.composite;
      s.n++;
    }
  }
  const composite = SEGMENTS.map((segment) => {
    const s = sums[segment];
    return { segment, mean: s.n ? s.sum / s.n : null, withComposite: s.n, accounts: s.accounts };
  });
  return { cells, overall, overallIds, composite, unscored, scored };
}
