/**
 * What the engine produces: account health with its explanation, monthly snapshots, and CTAs.
 * Plain data (JSON-serialisable) so it can be stored, exported and rendered without the engine.
 */
import { z } from 'zod';
import { Instant, Role, Segment, SEGMENTS } from './signals';
import { COLOUR_WORDS, COLOURS, DIMENSION_LABELS, DIMENSIONS, OVERALL } from './vocabulary';

export { DIMENSIONS, DIMENSION_LABELS, COLOURS, COLOUR_WORDS, OVERALL };
export const Dimension = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof Dimension>;
export const Colour = z.enum(COLOURS);
export type Colour = z.infer<typeof Colour>;
export const Overall = z.enum(OVERALL);
export type Overall = z.infer<typeof Overall>;

/** Where a value came from: the signal, its page and the time it was read. */
export const SourceRef = z.object({
  signalId: z.string(),
  url: z.string(),
  host: z.string(),
  pageType: z.string(),
  observedAt: Instant,
});
export type SourceRef = z.infer<typeof SourceRef>;

/**
 * One input of a dimension ("why this colour"): its value, the target it is held to, whether it
 * passes, and the signals it was computed from.
 */
export const Driver = z.object({
  key: z.string(),
  label: z.string(),
  /** Numeric value when there is one (percent, days, count, score). null = missing. */
  value: z.number().nullable(),
  /** Human rendering of the value ("92%", "134 days", "4.3 / 5", "No data"). */
  display: z.string(),
  /** Human rendering of the target ("≥ 95%", "≤ 120 days"). */
  target: z.string().optional(),
  /** Tick (true) / cross (false) / not applicable or missing (null). */
  pass: z.boolean().nullable(),
  /** This input's own colour where the rule colours inputs (CX pulse, sponsor, complaints). */
  colour: Colour.optional(),
  /** Weight in the dimension score (0–1) after renormalisation; 0 when missing. */
  weight: z.number().optional(),
  missing: z.boolean().default(false),
  /** Set when the freshest value is older than the dimension's window: the instant it dates from. */
  staleSince: Instant.optional(),
  sources: z.array(SourceRef).default([]),
});
export type Driver = z.infer<typeof Driver>;

export const DimensionResult = z.object({
  dimension: Dimension,
  score: z.number().nullable(),
  colour: Colour,
  /** Short sentence on what decided the colour ("Red: cadence adherence 67% < 80%"). */
  reason: z.string(),
  drivers: z.array(Driver),
  /** Labels of inputs with no data in the window. */
  missing: z.array(z.string()),
  /** Labels of inputs whose latest value is stale. */
  stale: z.array(z.string()),
  /** Latest observation that fed this dimension (data freshness). */
  freshestAt: Instant.nullable(),
  windowStart: Instant,
  windowEnd: Instant,
});
export type DimensionResult = z.infer<typeof DimensionResult>;

export const SegmentResult = z.object({
  segment: Segment,
  /** No maturity/appetite scores: the configured default segment is assumed. */
  assumed: z.boolean(),
  overridden: z.boolean(),
  /** Segment maturity × appetite gives, before any override. */
  computed: Segment.nullable(),
  rationale: z.string().optional(),
  goalLevel: z.number(),
  /** MRR band 1–4 (equal revenue sums), when the portfolio's MRR is known. */
  mrrBand: z.number().int().min(1).max(4).nullable(),
});
export type SegmentResult = z.infer<typeof SegmentResult>;

export const Gates = z.object({
  /** Expansion-credit gate per dimension: on at the second consecutive monthly Red. */
  expansion: z.record(Dimension, z.boolean()),
  /** Human lines explaining each active expansion gate. */
  expansionReasons: z.array(z.string()),
  /** Fix-first: MFA < 60% or endpoint < 80% (strict). */
  fixFirst: z.boolean(),
  fixFirstReasons: z.array(z.string()),
});
export type Gates = z.infer<typeof Gates>;

export const AtRisk = z.object({
  flag: z.boolean(),
  reasons: z.array(z.string()),
});

export const AccountHealth = z.object({
  accountId: z.string(),
  asOf: Instant,
  configVersion: z.number(),
  segment: SegmentResult,
  dimensions: z.record(Dimension, DimensionResult),
  composite: z.number().nullable(),
  overall: Overall,
  overallReason: z.string(),
  renewalConfidence: z.enum(['high', 'medium', 'low', 'unknown']),
  renewalReason: z.string(),
  atRisk: AtRisk,
  gates: Gates,
  /** Consecutive missed strategic meetings (missed-cadence step). */
  consecutiveMisses: z.number().int(),
  lastStrategicMeetingAt: Instant.nullable(),
  nextStrategicMeetingDue: Instant.nullable(),
  execSponsorLastSeenAt: Instant.nullable(),
  /** Latest observation across all of the account's signals. */
  freshestAt: Instant.nullable(),
});
export type AccountHealth = z.infer<typeof AccountHealth>;

/** Frozen at each calendar month's end (user's time zone) for trends and the consecutive-Red gates. */
export const MonthlySnapshot = z.object({
  id: z.string(), // `${accountId}:${month}`
  accountId: z.string(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  dimensions: z.record(Dimension, z.object({ score: z.number().nullable(), colour: Colour })),
  composite: z.number().nullable(),
  overall: Overall,
  segment: Segment,
  frozenAt: Instant,
  updatedAt: Instant.optional(),
  deletedAt: Instant.optional(),
});
export type MonthlySnapshot = z.infer<typeof MonthlySnapshot>;

// ---------------------------------------------------------------------------------------------
// CTAs

export const ChecklistStep = z.object({ id: z.string(), text: z.string() });

export const Draft = z.object({
  kind: z.enum(['invite', 'email', 'note']),
  subject: z.string(),
  body: z.string(),
  /** For invites: a suggested meeting slot, so the UI can build an .ics file. */
  meeting: z
    .object({ title: z.string(), start: Instant, durationMinutes: z.number().int().positive() })
    .optional(),
});
export type Draft = z.infer<typeof Draft>;

export const CtaOwner = z.object({
  role: Role,
  /** Person's name from the account's role map; null when the role has nobody (shown as unassigned). */
  name: z.string().nullable(),
  unassigned: z.boolean(),
});
export type CtaOwner = z.infer<typeof CtaOwner>;

/** What the trigger engine emits. Lifecycle state (first action, done, snooze) is added by storage. */
export const CtaSpec = z.object({
  /** Stable: `${accountId}:${trigger}:${period}`, so re-running the engine never duplicates. */
  id: z.string(),
  accountId: z.string(),
  trigger: z.string(),
  /** Dedupe period (`2026-11`, `2026-W47`, `renewal-2027-03-31`, `meeting-<id>` …). */
  period: z.string(),
  title: z.string(),
  /** Why it fired, in one or two sentences with the numbers. */
  why: z.string(),
  /** Dimension it belongs to, when it is a health CTA. */
  dimension: Dimension.optional(),
  owner: CtaOwner,
  /** Accountable role when different from the owner (A/B vCIO on renewal and budget triggers). */
  accountable: CtaOwner.optional(),
  firedAt: Instant,
  dueBy: Instant,
  /** First action ≤ 72 h after firing (business-day aware per config). */
  firstActionDue: Instant,
  checklist: z.array(ChecklistStep),
  draft: Draft.optional(),
  severity: z.enum(['high', 'medium', 'low']).optional(),
  /** At-risk acknowledgement deadline (High ≤ 4 business hours, Medium/Low ≤ 1 business day). */
  acknowledgeBy: Instant.optional(),
  /** Marks the at-risk flag for the account while open. */
  atRisk: z.boolean().optional(),
});
export type CtaSpec = z.infer<typeof CtaSpec>;

export const CTA_STATUSES = ['open', 'done', 'snoozed', 'dismissed'] as const;
export const CtaLifecycle = z.object({
  status: z.enum(CTA_STATUSES),
  firstActionAt: Instant.optional(),
  firstActionNote: z.string().max(2000).optional(),
  checklistDone: z.array(z.string()).default([]),
  doneAt: Instant.optional(),
  snoozedUntil: Instant.optional(),
  snoozeReason: z.string().max(1000).optional(),
  /** The engine no longer emits it (condition cleared) — kept for history. */
  resolvedByEngineAt: Instant.optional(),
});
export type CtaLifecycle = z.infer<typeof CtaLifecycle>;

export const Cta = CtaSpec.extend(CtaLifecycle.shape).extend({
  createdAt: Instant,
  updatedAt: Instant,
  deletedAt: Instant.optional(),
  sample: z.boolean().optional(),
});
export type Cta = z.infer<typeof Cta>;

export { SEGMENTS };
