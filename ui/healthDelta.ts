/**
 * Health Δ since a meeting (seed §8.7 "Mini Health with Δ vs last meeting"). Scores are frozen
 * only at month ends, so the state "at" a meeting is the last monthly snapshot frozen before it
 * (the month before the meeting's month, in the user's zone). No such snapshot → Δ unknown.
 */
import type { AccountHealth, Dimension, MonthlySnapshot } from '../engine/model';
import { monthKey } from '../engine/time/zoned';
import { COLOUR_WORDS, DIMENSION_LABELS, DIMENSIONS } from '../engine/vocabulary';
import { fmtDelta, fmtScore } from './format';

export interface DimensionDelta {
  dimension: Dimension;
  now: number | null;
  then: number | null;
  /** now − then; null when either is missing. */
  delta: number | null;
}

export interface HealthDelta {
  /** The month-end snapshot compared against (`yyyy-MM`), or null when none. */
  baselineMonth: string | null;
  dimensions: Record<Dimension, DimensionDelta>;
}

export function baselineSnapshot(snapshots: readonly MonthlySnapshot[], since: string | null, tz: string): MonthlySnapshot | null {
  const sinceMs = since ? Date.parse(since) : NaN;
  if (Number.isNaN(sinceMs)) return null;
  const meetingMonth = monthKey(sinceMs, tz);
  let best: MonthlySnapshot | null = null;
  for (const s of snapshots) {
    if (s.deletedAt || s.month >= meetingMonth) continue;
    if (!best || s.month > best.month) best = s;
  }
  return best;
}

export function healthDelta(health: AccountHealth, snapshots: readonly MonthlySnapshot[], since: string | null, tz: string): HealthDelta {
  const base = baselineSnapshot(snapshots, since, tz);
  const dims = {} as Record<Dimension, DimensionDelta>;
  for (const d of DIMENSIONS) {
    const now = health.dimensions[d]?.score ?? null;
    const then = base?.dimensions[d]?.score ?? null;
    dims[d] = { dimension: d, now, then, delta: now !== null && then !== null ? now - then : null };
  }
  return { baselineMonth: base?.month ?? null, dimensions: dims };
}

/** One line per dimension for the recap: "Engagement: Yellow 68 (−7 since last meeting)". */
export function healthDeltaLines(health: AccountHealth, delta: HealthDelta): string[] {
  return DIMENSIONS.map((d) => {
    const r = health.dimensions[d];
    const word = r ? COLOUR_WORDS[r.colour] : COLOUR_WORDS.nodata;
    const score = r?.score !== null && r?.score !== undefined ? ` ${fmtScore(r.score)}` : '';
    const dd = delta.dimensions[d].delta;
    const change = dd === null ? '' : ` (${fmtDelta(dd)} since last meeting)`;
    return `${DIMENSION_LABELS[d]}: ${word}${score}${change}`;
  });
}
