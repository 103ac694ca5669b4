/**
 * Building blocks of "why this colour": source references, value formatting, colour edges and
 * weight renormalisation shared by the five dimension functions.
 */
import type { Edges } from '../config/health';
import type { Colour, Dimension, DimensionResult, Driver, SourceRef } from '../model';
import type { Signal } from '../signals';
import { iso, parseInstant } from '../time/zoned';
import type { DimensionContext } from './context';

export function sourceRef(s: Signal): SourceRef {
  return { signalId: s.id, url: s.source.url, host: s.source.host, pageType: s.source.pageType, observedAt: s.observedAt };
}

/** Source references of `signals`, newest observation first, at most `maxSourcesPerDriver`. */
export function sourcesOf(ctx: DimensionContext, signals: readonly Signal[]): SourceRef[] {
  if (signals.length <= 1) return signals.map(sourceRef);
  const max = ctx.config.health.maxSourcesPerDriver;
  // Top `max` by a bounded insertion instead of sorting every signal: newest first, ties kept in
  // input order (exactly what the stable sort gave). Walked from the end: signals mostly arrive
  // oldest first, so each one is appended or dropped after one comparison.
  const topS: Signal[] = [];
  const topMs: number[] = [];
  for (let i = signals.length - 1; i >= 0; i--) {
    const s = signals[i]!;
    const ms = ctx.observedMs(s);
    if (ms !== ms) return sortedSources(ctx, signals, max); // NaN: keep the full sort's exact order
    // An earlier signal goes before every later one with the same instant.
    if (topMs.length === max && !(ms >= topMs[max - 1]!)) continue;
    let j = topMs.length;
    while (j > 0 && topMs[j - 1]! <= ms) j--;
    if (j === topMs.length) {
      topS.push(s);
      topMs.push(ms);
    } else {
      topS.splice(j, 0, s);
      topMs.splice(j, 0, ms);
    }
    if (topMs.length > max) {
      topS.pop();
      topMs.pop();
    }
  }
  return topS.map(sourceRef);
}

function sortedSources(ctx: DimensionContext, signals: readonly Signal[], max: number): SourceRef[] {
  const keyed = signals.map((s) => ({ s, ms: ctx.observedMs(s) }));
  keyed.sort((a, b) => b.ms - a.ms);
  const out: SourceRef[] = [];
  for (let i = 0; i < keyed.length && i < max; i++) out.push(sourceRef(keyed[i]!.s));
  return out;
}

/** Latest `observedAt` (ISO) of the signals, or null. */
export function freshest(ctx: DimensionContext, signals: readonly Signal[]): string | null {
  let bestMs = -Infinity;
  for (const s of signals) {
    const ms = ctx.observedMs(s);
    if (ms > bestMs) bestMs = ms;
  }
  return bestMs === -Infinity ? null : iso(bestMs);
}

/** The meetings (held or logged missed) behind the expected meetings due in the window. */
export function cadenceSourcesIn(ctx: DimensionContext, windowStart: number): Signal[] {
  const ids = new Set<string>();
  for (const x of ctx.cadence.expected) {
    if (x.status === 'upcoming' || x.dueMs < windowStart) continue;
    const id = x.heldMeetingId ?? x.missedMeetingId;
    if (id) ids.add(id);
  }
  return ids.size ? ctx.signals.meeting.filter((m) => ids.has(m.meetingId)) : [];
}

/** Green ≥ green edge, Red < red edge, else Yellow. */
export function colourByEdges(value: number, edges: Edges): Exclude<Colour, 'nodata'> {
  if (value >= edges.green) return 'green';
  if (value < edges.red) return 'red';
  return 'yellow';
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;
export const fmtPct = (n: number): string => `${Number.isInteger(round2(n)) ? round2(n) : round2(n).toFixed(1)}%`;
export const fmtDays = (n: number): string => {
  const d = Math.floor(n);
  return `${d} day${d === 1 ? '' : 's'}`;
};
export const fmtDate = (ms: number | string): string => new Date(typeof ms === 'string' ? parseInstant(ms) : ms).toISOString().slice(0, 10);

/**
 * Weighted mean over the inputs that have a value; missing inputs are dropped and the remaining
 * weights renormalised (DECISIONS §2). Sets each driver's `weight` to its renormalised share.
 * Returns null when no input has a value.
 */
export function weightedScore(parts: { driver: Driver; weight: number; score: number | null }[]): number | null {
  let wsum = 0;
  for (const p of parts) if (p.score !== null) wsum += p.weight;
  if (wsum <= 0) {
    for (const p of parts) p.driver.weight = 0;
    return null;
  }
  let total = 0;
  for (const p of parts) {
    if (p.score === null) {
      p.driver.weight = 0;
      continue;
    }
    p.driver.weight = p.weight / wsum;
    total += (p.weight / wsum) * p.score;
  }
  return total;
}

/** A driver with no value in the window. */
export function missingDriver(key: string, label: string, target?: string, extra: Partial<Driver> = {}): Driver {
  const d: Driver = { key, label, value: null, display: 'No data', pass: null, missing: true, sources: [], ...extra };
  if (target !== undefined) d.target = target;
  return d;
}

/** Assemble a DimensionResult; `missing`/`stale` lists come from the drivers. */
export function result(
  ctx: DimensionContext,
  dimension: Dimension,
  windowStart: number,
  score: number | null,
  colour: Colour,
  reason: string,
  drivers: Driver[],
  fed: readonly Signal[],
): DimensionResult {
  return {
    dimension,
    score: score === null ? null : round2(score),
    colour,
    reason,
    drivers,
    missing: drivers.filter((d) => d.missing).map((d) => d.label),
    stale: drivers.filter((d) => d.staleSince !== undefined).map((d) => d.label),
    freshestAt: freshest(ctx, fed),
    windowStart: iso(windowStart),
    windowEnd: iso(ctx.windowEnd),
  };
}
