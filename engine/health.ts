/**
 * Account-level roll-ups (DECISIONS §4): composite score, overall colour, renewal confidence,
 * expansion-credit gates over monthly snapshots, and the fix-first gate (§3 Adoption).
 */
import type { MetronomeConfig } from './config';
import { DIMENSIONS, DIMENSION_LABELS, type Colour, type Dimension, type DimensionResult, type MonthlySnapshot, type Overall } from './model';
import type { Segment } from './signals';
import { round2 } from './dimensions/drivers';
import { monthEnd, monthIndex } from './time/zoned';

type DimColours = Record<Dimension, { score: number | null; colour: Colour }>;

/** Weighted mean of the dimensions with data (per-segment weights renormalised); null when none. */
export function compositeScore(dims: DimColours, segment: Segment, config: MetronomeConfig): number | null {
  const w = config.health.composite.weights[segment];
  let wsum = 0;
  let total = 0;
  for (const d of DIMENSIONS) {
    const r = dims[d];
    if (r.colour === 'nodata' || r.score === null) continue;
    wsum += w[d];
    total += w[d] * r.score;
  }
  return wsum > 0 ? round2(total / wsum) : null;
}

export interface OverallVerdict {
  overall: Overall;
  reason: string;
}

/**
 * Green if composite ≥ segment Green edge and no dimension Red; Red if composite < Red edge or
 * two or more dimensions Red; else Yellow. Fewer than 2 dimensions with data → Insufficient data.
 */
export function overallColour(dims: DimColours, composite: number | null, segment: Segment, config: MetronomeConfig): OverallVerdict {
  const c = config.health.composite;
  const withData = DIMENSIONS.filter((d) => dims[d].colour !== 'nodata');
  if (withData.length < c.minDimensions || composite === null) {
    return {
      overall: 'insufficient',
      reason: `Insufficient data: ${withData.length} of 5 dimensions have data (at least ${c.minDimensions} needed).`,
    };
  }
  const edges = c.edges[segment];
  const reds = withData.filter((d) => dims[d].colour === 'red');
  const redNames = reds.map((d) => DIMENSION_LABELS[d]).join(', ');
  if (composite < edges.red) return { overall: 'red', reason: `Red: composite ${composite} < ${edges.red} (segment ${segment}).` };
  if (reds.length >= c.redDimensions) return { overall: 'red', reason: `Red: ${reds.length} dimensions are Red (${redNames}).` };
  if (composite >= edges.green && reds.length === 0) {
    return { overall: 'green', reason: `Green: composite ${composite} ≥ ${edges.green} (segment ${segment}) and no dimension Red.` };
  }
  return {
    overall: 'yellow',
    reason: reds.length
      ? `Yellow: ${redNames} is Red (composite ${composite}).`
      : `Yellow: composite ${composite} between ${edges.red} and ${edges.green} (segment ${segment}).`,
  };
}

export interface RenewalInput {
  engagement: Colour;
  experience: Colour;
  adoption: Colour;
  adoptionScore: number | null;
  /** DMI score of the previous month's snapshot, when there is one. */
  previousAdoptionScore: number | null;
}

export interface RenewalVerdict {
  confidence: 'high' | 'medium' | 'low' | 'unknown';
  reason: string;
  /** DMI change vs the previous month; null when either side is missing. */
  dmiTrend: number | null;
}

/**
 * High = Engagement Green/Yellow and DMI trend ≥ 0 and CX not Red; Low = two or more of
 * {Engagement Red, DMI Red or falling, CX Red}; else Medium (DECISIONS §4). Unknown when none of
 * the three has data. High needs a known DMI trend (a previous month to compare with).
 */
export function renewalConfidence(i: RenewalInput, config: MetronomeConfig): RenewalVerdict {
  const r = config.health.renewal;
  const dmiTrend = i.adoptionScore !== null && i.previousAdoptionScore !== null ? round2(i.adoptionScore - i.previousAdoptionScore) : null;
  if (i.engagement === 'nodata' && i.experience === 'nodata' && i.adoption === 'nodata') {
    return { confidence: 'unknown', reason: 'Unknown: no Engagement, DMI or CX data.', dmiTrend };
  }
  const falling = dmiTrend !== null && dmiTrend < r.dmiTrendAtLeast;
  const bad: string[] = [];
  if (i.engagement === 'red') bad.push('Engagement Red');
  if (i.adoption === 'red' || falling) bad.push(i.adoption === 'red' ? 'DMI Red' : `DMI falling (${dmiTrend})`);
  if (i.experience === 'red') bad.push('CX Red');
  if (bad.length >= r.lowAtLeast) return { confidence: 'low', reason: `Low: ${bad.join(', ')}.`, dmiTrend };
  const engOk = i.engagement === 'green' || i.engagement === 'yellow';
  if (engOk && dmiTrend !== null && dmiTrend >= r.dmiTrendAtLeast && i.experience !== 'red') {
    return { confidence: 'high', reason: `High: Engagement ${i.engagement}, DMI trend ${dmiTrend >= 0 ? '+' : ''}${dmiTrend}, CX not Red.`, dmiTrend };
  }
  const why: string[] = [];
  if (!engOk) why.push(i.engagement === 'nodata' ? 'no Engagement data' : 'Engagement Red');
  if (dmiTrend === null) why.push('DMI trend unknown (no DMI now or last month)');
  else if (falling) why.push(`DMI falling (${dmiTrend})`);
  if (i.experience === 'red') why.push('CX Red');
  return { confidence: 'medium', reason: `Medium: ${why.join(', ')}.`, dmiTrend };
}

export interface GateState {
  on: boolean;
  /** Month whose end turned the gate on. */
  since: string | null;
  /** Engagement only: a Yellow/Green month came, waiting for a strategic meeting with a logged decision. */
  awaitingDecision: boolean;
}

/**
 * Expansion-credit gate of one dimension over monthly snapshots (DECISIONS §4, rulebook §6.2):
 * on at the N-th consecutive monthly Red (a missing month or a No-data month breaks the run);
 * off at the first Yellow/Green month. Engagement also needs a strategic meeting with a logged
 * decision held after the gate came on (`decisionMeetingAfter`), §12 #35.
 */
export function expansionGate(
  dimension: Dimension,
  months: readonly { month: string; colour: Colour }[],
  config: MetronomeConfig,
  decisionMeetingAfter?: (ms: number) => boolean,
): GateState {
  const g = config.health.gates;
  const needsDecision = dimension === 'engagement' && g.engagementReleaseNeedsDecision;
  let on = false;
  let since: string | null = null;
  let awaiting = false;
  let run = 0;
  let prev: number | null = null;
  for (const m of months) {
    // Months as integers: a gap (or a malformed key) breaks the run.
    const index = monthIndex(m.month);
    if (prev !== null && !(index === prev + 1)) run = 0;
    prev = index;
    if (m.colour === 'red') {
      run++;
      awaiting = false;
      if (!on && run >= g.consecutiveReds) {
        on = true;
        since = m.month;
      }
    } else {
      run = 0;
      if (on && m.colour !== 'nodata') {
        if (needsDecision) awaiting = true;
        else {
          on = false;
          since = null;
        }
      }
    }
  }
  if (on && awaiting && since !== null && decisionMeetingAfter) {
    if (decisionMeetingAfter(monthEnd(since, config.calendar.timeZone))) return { on: false, since: null, awaitingDecision: false };
  }
  return { on, since, awaitingDecision: on && awaiting };
}

/** Expansion gates of all five dimensions from snapshots (any order; deleted ones ignored). */
export function expansionGates(
  snapshots: readonly MonthlySnapshot[],
  config: MetronomeConfig,
  decisionMeetingAfter?: (ms: number) => boolean,
): { expansion: Record<Dimension, boolean>; expansionReasons: string[] } {
  const sorted = snapshots.filter((s) => !s.deletedAt).sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const expansion = {} as Record<Dimension, boolean>;
  const expansionReasons: string[] = [];
  const n = config.health.gates.consecutiveReds;
  // One month list, its colour rewritten per dimension (this runs for every account in a recompute).
  const months = sorted.map((s) => ({ month: s.month, colour: 'nodata' as Colour }));
  for (const d of DIMENSIONS) {
    for (let i = 0; i < sorted.length; i++) months[i]!.colour = sorted[i]!.dimensions[d]?.colour ?? 'nodata';
    const st = expansionGate(d, months, config, decisionMeetingAfter);
    expansion[d] = st.on;
    if (st.on) {
      expansionReasons.push(
        `${DIMENSION_LABELS[d]}: expansion credit gated since ${st.since} (${n} consecutive Red months)` +
          (st.awaitingDecision ? '; back to Yellow/Green, waiting for a strategic meeting with a logged decision.' : '; released at the first Yellow/Green month.'),
      );
    }
  }
  return { expansion, expansionReasons };
}

/** Fix-first gate (DECISIONS §3): any configured insight strictly below its floor (MFA < 60, endpoint < 80). */
export function fixFirstGate(
  latest: ReadonlyMap<string, { value: number; at: number; stale: boolean }>,
  config: MetronomeConfig,
): { fixFirst: boolean; fixFirstReasons: string[] } {
  const reasons: string[] = [];
  const labels = new Map(config.health.adoption.insights.map((i) => [i.key, i.label]));
  for (const f of config.health.adoption.fixFirst) {
    const l = latest.get(f.insight);
    if (l && l.value < f.below) {
      const stale = l.stale ? ` (stale since ${new Date(l.at).toISOString().slice(0, 10)})` : '';
      reasons.push(`${labels.get(f.insight) ?? f.insight} ${l.value}% < ${f.below}%${stale}: remediate before any new initiative.`);
    }
  }
  return { fixFirst: reasons.length > 0, fixFirstReasons: reasons };
}
