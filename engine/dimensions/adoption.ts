/**
 * Technology Adoption — Digital Maturity Index (DECISIONS §3 [L122–L123], §7 "DMI inputs").
 * DMI = Σ(coverage% × weight) / Σ(weight) over the latest value of each configured insight.
 * A value older than the segment's staleness (120 d A/B, 200 d C/D) is shown with "stale since" and
 * left out of the score; no fresh insight → No data. Colour by segment edges (A 90/80 … D 70/50).
 */
import type { MetronomeConfig } from '../config';
import type { Colour, DimensionResult, Driver } from '../model';
import type { AdoptionSignal, Segment } from '../signals';
import type { DimensionContext } from './context';
import { colourByEdges, fmtDate, fmtPct, missingDriver, result, round2, sourceRef, weightedScore } from './drivers';

export function dmiColour(dmi: number, segment: Segment, config: MetronomeConfig): Exclude<Colour, 'nodata'> {
  return colourByEdges(dmi, config.health.adoption.edges[segment]);
}

export interface LatestInsight {
  signal: AdoptionSignal;
  value: number;
  at: number;
  stale: boolean;
}

/** Latest value per insight key (up to asOf), with its staleness for the segment. */
export function latestInsights(ctx: DimensionContext): Map<string, LatestInsight> {
  const staleBefore = ctx.windowStart(ctx.config.health.adoption.staleDays[ctx.segment]);
  const out = new Map<string, LatestInsight>();
  for (const { s, at } of ctx.prepared.adoption) {
    if (at > ctx.asOfMs) continue;
    const cur = out.get(s.insight);
    if (!cur || at > cur.at) out.set(s.insight, { signal: s, value: s.coveragePct, at, stale: at < staleBefore });
  }
  return out;
}

export function adoption(ctx: DimensionContext): DimensionResult {
  const { config, segment } = ctx;
  const ad = config.health.adoption;
  const edges = ad.edges[segment];
  const latest = latestInsights(ctx);
  const fixFirstBelow = new Map(ad.fixFirst.map((f) => [f.insight, f.below]));

  const parts: { driver: Driver; weight: number; score: number | null }[] = [];
  for (const ins of ad.insights) {
    const l = latest.get(ins.key);
    const floor = fixFirstBelow.get(ins.key);
    const target = `≥ ${edges.green}%${floor !== undefined ? ` (fix first below ${floor}%)` : ''}`;
    if (!l) {
      parts.push({ driver: missingDriver(ins.key, ins.label, target), weight: ins.weight, score: null });
      continue;
    }
    const driver: Driver = {
      key: ins.key,
      label: ins.label,
      value: l.value,
      display: l.stale ? `${fmtPct(l.value)} (stale since ${fmtDate(l.at)})` : fmtPct(l.value),
      target,
      pass: l.value >= edges.green && (floor === undefined || l.value >= floor),
      missing: false,
      sources: [sourceRef(l.signal)],
    };
    if (l.stale) driver.staleSince = new Date(l.at).toISOString();
    parts.push({ driver, weight: ins.weight, score: l.stale ? null : l.value });
  }
  const drivers = parts.map((p) => p.driver);
  const fed = [...latest.values()].filter((l) => ad.insights.some((i) => i.key === l.signal.insight)).map((l) => l.signal);
  const windowStart = ctx.windowStart(ad.staleDays[segment]);

  const raw = weightedScore(parts);
  if (raw === null) {
    const reason = fed.length
      ? `No data: every DMI insight is older than ${ad.staleDays[segment]} days (stale).`
      : 'No data: no DMI insight has been read yet.';
    return result(ctx, 'adoption', windowStart, null, 'nodata', reason, drivers, fed);
  }
  const score = round2(raw);
  const colour = dmiColour(score, segment, config);
  const used = parts.filter((p) => p.score !== null).length;
  const reason =
    colour === 'green'
      ? `Green: DMI ${fmtPct(score)} ≥ ${edges.green}% (segment ${segment}) over ${used} insight${used === 1 ? '' : 's'}.`
      : colour === 'red'
        ? `Red: DMI ${fmtPct(score)} < ${edges.red}% (segment ${segment}).`
        : `Yellow: DMI ${fmtPct(score)} between ${edges.red}% and ${edges.green}% (segment ${segment}).`;
  return result(ctx, 'adoption', windowStart, score, colour, reason, drivers, fed);
}
