/**
 * Score one account: segment, cadence, the five dimensions, composite, overall colour, renewal
 * confidence, gates and freshness — and freeze monthly snapshots (DECISIONS §2, §4).
 * Signals are grouped once and cadence computed once per evaluation; every pass is linear in the
 * account's signals (plus small sorts), so a large portfolio recomputes quickly.
 */
import type { CadenceState } from './cadence';
import type { MetronomeConfig } from './config';
import { buildContext, type DimensionContext } from './dimensions/context';
import { adoption, latestInsights } from './dimensions/adoption';
import { alignment } from './dimensions/alignment';
import { engagement } from './dimensions/engagement';
import { experience } from './dimensions/experience';
import { quality } from './dimensions/quality';
import { compositeScore, expansionGates, fixFirstGate, overallColour, renewalConfidence } from './health';
import type { AccountHealth, Dimension, DimensionResult, MonthlySnapshot } from './model';
import { resolveSegment } from './segment';
import { type PreparedSignals, prepareSignals } from './prepared';
import type { Account, Signal } from './signals';
import { iso, latestInstantAtOrBefore, monthEnd, monthIndex, monthKey, monthOfIndex, parseInstant, previousMonthKey } from './time/zoned';

const observedAtOfLive = (s: Signal): string | undefined => (s.deletedAt ? undefined : s.observedAt);

export interface ScoreInput {
  account: Account;
  signals: readonly Signal[];
  config: MetronomeConfig;
  asOf: Date;
  /** Previously frozen monthly snapshots of this account (any order). */
  snapshots?: readonly MonthlySnapshot[];
  /** MRR band within the portfolio (see `mrrBands`), when known. */
  mrrBand?: number | null;
}

/** The dimension functions, in display order. Adding a dimension = one file + one line here. */
export const DIMENSION_FUNCTIONS: Record<Dimension, (ctx: DimensionContext) => DimensionResult> = {
  experience,
  adoption,
  engagement,
  quality,
  alignment,
};

const DIMENSION_ENTRIES = Object.entries(DIMENSION_FUNCTIONS) as [Dimension, (c: DimensionContext) => DimensionResult][];

interface Evaluated {
  ctx: DimensionContext;
  dims: Record<Dimension, DimensionResult>;
  composite: number | null;
  overall: ReturnType<typeof overallColour>;
  segment: ReturnType<typeof resolveSegment>;
}

function evaluate(input: ScoreInput, asOf: Date, prepared: PreparedSignals): Evaluated {
  const { account, config } = input;
  const segment = resolveSegment(account, config, input.mrrBand ?? null);
  const ctx = buildContext({ account, signals: prepared.by, prepared, segment: segment.segment, config, asOf });
  const dims = {} as Record<Dimension, DimensionResult>;
  for (const [d, fn] of DIMENSION_ENTRIES) dims[d] = fn(ctx);
  const composite = compositeScore(dims, segment.segment, config);
  return { ctx, dims, composite, overall: overallColour(dims, composite, segment.segment, config), segment };
}

export function scoreAccount(input: ScoreInput): AccountHealth {
  return scoreAccountWithCadence(input).health;
}

/**
 * `scoreAccount` plus the cadence state it computed, so callers (triggers) need not compute it again.
 * `prepared`: `input.signals` already prepared (evaluateAccount shares one preparation).
 */
export function scoreAccountWithCadence(
  input: ScoreInput,
  prepared: PreparedSignals = prepareSignals(input.signals),
): { health: AccountHealth; cadence: CadenceState } {
  const { account, config, asOf } = input;
  const { ctx, dims, composite, overall, segment } = evaluate(input, asOf, prepared);
  const tz = config.calendar.timeZone;
  const asOfMs = asOf.getTime();

  // Only months that ended before asOf count for trends and gates.
  const current = monthKey(asOfMs, tz);
  const past = (input.snapshots ?? []).filter((s) => !s.deletedAt && s.accountId === account.id && s.month < current);
  const previous = previousMonthKey(current);
  const prev = past.find((s) => s.month === previous);
  const renewal = renewalConfidence(
    {
      engagement: dims.engagement.colour,
      experience: dims.experience.colour,
      adoption: dims.adoption.colour,
      adoptionScore: dims.adoption.score,
      previousAdoptionScore: prev?.dimensions.adoption?.score ?? null,
    },
    config,
  );
  const decisionMeetingAfter = (ms: number) =>
    ctx.heldStrategic.some((h) => h.at > ms && (ctx.decisionsByMeeting.get(h.meeting.meetingId) ?? 0) > 0);
  const { expansion, expansionReasons } = expansionGates(past, config, decisionMeetingAfter);
  const { fixFirst, fixFirstReasons } = fixFirstGate(latestInsights(ctx), config);

  const freshest = latestInstantAtOrBefore(input.signals, observedAtOfLive, asOfMs);

  const health: AccountHealth = {
    accountId: account.id,
    asOf: asOf.toISOString(),
    configVersion: config.version,
    segment,
    dimensions: dims,
    composite,
    overall: overall.overall,
    overallReason: overall.reason,
    renewalConfidence: renewal.confidence,
    renewalReason: renewal.reason,
    atRisk: { flag: false, reasons: [] }, // filled by the trigger engine
    gates: { expansion, expansionReasons, fixFirst, fixFirstReasons },
    consecutiveMisses: ctx.cadence.consecutiveMisses,
    lastStrategicMeetingAt: ctx.cadence.lastHeldAt,
    nextStrategicMeetingDue: ctx.cadence.nextDueAt,
    execSponsorLastSeenAt: ctx.execSponsor.lastSeenAt === null ? null : iso(ctx.execSponsor.lastSeenAt),
    freshestAt: freshest === -Infinity ? null : iso(freshest),
  };
  return { health, cadence: ctx.cadence };
}

/**
 * Freeze a calendar month (user's time zone): every window ends at the month's end and "this
 * month" is the whole month. Signals read later about earlier dates are included (so a month can be
 * re-frozen after backfill); signals dated after the month's end are not.
 */
export function freezeMonth(input: ScoreInput, month: string, prepared: PreparedSignals = prepareSignals(input.signals)): MonthlySnapshot {
  const tz = input.config.calendar.timeZone;
  const end = new Date(monthEnd(month, tz) - 1);
  const { dims, composite, overall, segment } = evaluate(input, end, prepared);
  const dimensions = {} as MonthlySnapshot['dimensions'];
  for (const d of Object.keys(dims) as Dimension[]) dimensions[d] = { score: dims[d].score, colour: dims[d].colour };
  return {
    id: `${input.account.id}:${month}`,
    accountId: input.account.id,
    month,
    dimensions,
    composite,
    overall: overall.overall,
    segment: segment.segment,
    frozenAt: input.asOf.toISOString(),
  };
}

/**
 * Months that have ended (in `tz`) since the account was first seen, at most `maxMonths` back,
 * without a (non-deleted) snapshot yet — oldest first.
 */
export function monthsToFreeze(
  account: Pick<Account, 'firstSeenAt'>,
  existing: readonly Pick<MonthlySnapshot, 'month' | 'deletedAt'>[],
  asOf: Date,
  tz: string,
  maxMonths = 13,
): string[] {
  // Months as integers (year × 12 + month): this runs for every account in every recompute.
  const current = monthIndex(monthKey(asOf.getTime(), tz));
  const first = monthIndex(monthKey(parseInstant(account.firstSeenAt), tz));
  const from = Math.max(first, current - maxMonths);
  if (!(from < current)) return [];
  const have = new Uint8Array(current - from);
  for (const s of existing) {
    if (s.deletedAt) continue;
    const i = monthIndex(s.month) - from;
    if (i >= 0 && i < have.length) have[i] = 1;
  }
  const out: string[] = [];
  for (let i = 0; i < have.length; i++) if (!have[i]) out.push(monthOfIndex(from + i));
  return out;
}
