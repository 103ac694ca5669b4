/**
 * Health thresholds and weights (DECISIONS §3, §4, §7). Defaults are the binding decisions; where
 * DECISIONS is silent, seed-rulebook §12 recommendations. Colour edges are `{ green, red }`:
 * Green when value ≥ green, Red when value < red, Yellow in between.
 */
import { z } from 'zod';
import { ComplaintRootCause, Segment } from '../signals';
import { perSegment } from './segments';

const Pct = z.number().min(0).max(100);
const Days = z.number().int().min(1).max(3650);
const Weight = z.number().min(0).max(1);

/** Green/Red edges of a 0–100 value (Green ≥ green, Red < red). */
export const Edges = z
  .object({ green: Pct, red: Pct })
  .strict()
  .refine((e) => e.red <= e.green, { message: 'the Red edge must not be above the Green edge' });
export type Edges = z.infer<typeof Edges>;

export const DmiInsight = z
  .object({
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/),
    label: z.string().min(1).max(100),
    /** 1–5 [L122]. */
    weight: z.number().int().min(1).max(5),
  })
  .strict();
export type DmiInsight = z.infer<typeof DmiInsight>;

const DimensionWeights = z
  .object({ experience: Weight, adoption: Weight, engagement: Weight, quality: Weight, alignment: Weight })
  .strict();

export const HealthConfig = z
  .object({
    /** Hours after a meeting's end within which the recap counts (DECISIONS §6). */
    recapHours: z.number().min(1).max(720),
    /** Exec sponsor "seen" threshold in days (CX, Engagement, Alignment). */
    execSponsorDays: Days,
    /** At most this many source references per driver (newest first). */
    maxSourcesPerDriver: z.number().int().min(1).max(1000),

    experience: z
      .object({
        /** Average pulse (1–5): Green ≥ green, Yellow ≥ yellow, Red below. */
        pulse: z.object({ green: z.number().min(1).max(5), yellow: z.number().min(1).max(5) }).strict(),
        /** Complaints this month: Yellow at ≥ yellowAt, Red at ≥ redAt (0 = Green). */
        complaints: z.object({ yellowAt: z.number().int().min(1), redAt: z.number().int().min(1) }).strict(),
        /** Score points of the complaint count: [0 complaints, 1, ≥2]. */
        complaintPoints: z.tuple([Pct, Pct, Pct]),
        weights: z.object({ pulse: Weight, sponsor: Weight, complaints: Weight }).strict(),
      })
      .strict(),

    adoption: z
      .object({
        insights: z.array(DmiInsight).min(1),
        edges: perSegment(Edges),
        /** A DMI input older than this is stale (A/B quarterly, C/D semi-annual refresh + slack). */
        staleDays: perSegment(Days),
        /** Fix-first gate: any listed insight strictly below its value [L121] [L123]. */
        fixFirst: z.array(z.object({ insight: z.string(), below: Pct }).strict()),
        /** Shown beside DMI: how coverage must be counted. */
        excludedUsersNote: z.string().max(500),
      })
      .strict(),

    engagement: z
      .object({
        weights: z.object({ cadence: Weight, mix: Weight, velocity: Weight, closure: Weight }).strict(),
        /** velocityScore = clamp(100·(1 − days / horizon), 0, 100) (§12 #15). */
        velocityHorizonDays: Days,
        /** Pending decisions count their age once older than this. */
        pendingDecisionAgeDays: Days,
        /** Stakeholder-mix tick shown beside the input (decision-maker present ≥ this %) [L128]. */
        mixTarget: Pct,
        red: z
          .object({
            cadenceBelow: Pct,
            recapBelow: Pct,
            /** Red when none of the last N held strategic meetings has a decision. */
            decisionlessMeetings: z.number().int().min(1).max(12),
            complaintCauses: z.array(ComplaintRootCause),
          })
          .strict(),
        green: z
          .object({
            cadenceAtLeast: Pct,
            recapAtLeast: Pct,
            /** % of held strategic meetings with ≥ 1 decision. */
            meetingsWithDecisionAtLeast: Pct,
          })
          .strict(),
      })
      .strict(),

    quality: z
      .object({
        weights: z.object({ sla: Weight, onTime: Weight, repeat: Weight, followThrough: Weight }).strict(),
        edges: perSegment(Edges),
        /** Per-signal Green targets of [L135], shown as ticks beside each input. */
        targets: perSegment(
          z
            .object({ sla: Pct, onTime: Pct.nullable(), repeatMax: Pct, followThrough: Pct })
            .strict(),
        ),
        ticketWindowDays: Days,
        /** Fewer than `minTickets` in the ticket window → widen to this; still fewer → no data. */
        widenedWindowDays: Days,
        minTickets: z.number().int().min(1),
        /** Same category within this many days of an earlier ticket = a repeat. */
        repeatWindowDays: Days,
        milestoneWindowDays: Days,
        followThroughWindowDays: Days,
      })
      .strict(),

    alignment: z
      .object({
        edges: Edges,
        /** Check 1: cadence adherence ≥ this. */
        cadenceAtLeast: Pct,
        /** Check 2: recap rate ≥ this. */
        recapAtLeast: Pct,
        /** Check 3 applies to these segments only. */
        execCheckSegments: z.array(Segment),
        /** Check 4: strategic meetings held in the window vs plan (window ÷ cadence). */
        effortMix: perSegment(
          z.object({ minRatio: z.number().min(0).nullable(), maxRatio: z.number().min(0).nullable() }).strict(),
        ),
        /** Red play per failed check [L141]. */
        plays: z
          .object({ cadence: z.string(), deliverables: z.string(), exec: z.string(), effortMix: z.string() })
          .strict(),
      })
      .strict(),

    composite: z
      .object({
        weights: perSegment(DimensionWeights),
        edges: perSegment(Edges),
        /** Fewer dimensions with data → "Insufficient data". */
        minDimensions: z.number().int().min(1).max(5),
        /** Red when at least this many dimensions are Red. */
        redDimensions: z.number().int().min(1).max(5),
      })
      .strict(),

    renewal: z
      .object({
        /** High needs a DMI trend (vs the previous month) of at least this. */
        dmiTrendAtLeast: z.number(),
        /** Low when at least this many of {Engagement Red, DMI Red or falling, CX Red}. */
        lowAtLeast: z.number().int().min(1).max(3),
      })
      .strict(),

    gates: z
      .object({
        /** Expansion gate on at this many consecutive monthly Reds (§4). */
        consecutiveReds: z.number().int().min(1).max(12),
        /** Engagement's gate is released only after a later strategic meeting with a logged decision. */
        engagementReleaseNeedsDecision: z.boolean(),
      })
      .strict(),
  })
  .strict();
export type HealthConfig = z.infer<typeof HealthConfig>;

const even = { experience: 0.2, adoption: 0.2, engagement: 0.2, quality: 0.2, alignment: 0.2 };
const scoreEdges = { A: { green: 85, red: 75 }, B: { green: 80, red: 70 }, C: { green: 75, red: 60 }, D: { green: 70, red: 55 } };

export const HEALTH_DEFAULTS: HealthConfig = {
  recapHours: 48,
  execSponsorDays: 120,
  maxSourcesPerDriver: 25,
  experience: {
    pulse: { green: 4.5, yellow: 4.0 },
    complaints: { yellowAt: 1, redAt: 2 },
    complaintPoints: [100, 60, 0],
    weights: { pulse: 0.5, sponsor: 0.25, complaints: 0.25 },
  },
  adoption: {
    insights: [
      { key: 'mfa', label: 'MFA registration', weight: 5 },
      { key: 'endpoint', label: 'Endpoint/EDR compliance', weight: 4 },
      { key: 'backup', label: 'Backup success (30 d)', weight: 4 },
      { key: 'conditionalAccess', label: 'Conditional Access', weight: 3 },
      { key: 'emailSecurity', label: 'Email security', weight: 3 },
      { key: 'collaboration', label: 'Collaboration use (WAU/MAU)', weight: 2 },
      { key: 'encryption', label: 'Device encryption', weight: 2 },
    ],
    edges: { A: { green: 90, red: 80 }, B: { green: 80, red: 65 }, C: { green: 70, red: 55 }, D: { green: 70, red: 50 } },
    staleDays: { A: 120, B: 120, C: 200, D: 200 },
    fixFirst: [
      { insight: 'mfa', below: 60 },
      { insight: 'endpoint', below: 80 },
    ],
    excludedUsersNote: 'Coverage excludes test/lab users, guests and disabled accounts.',
  },
  engagement: {
    weights: { cadence: 0.3, mix: 0.3, velocity: 0.25, closure: 0.15 },
    velocityHorizonDays: 60,
    pendingDecisionAgeDays: 30,
    mixTarget: 50,
    red: {
      cadenceBelow: 80,
      recapBelow: 80,
      decisionlessMeetings: 2,
      complaintCauses: ['Relevance', 'Follow-through', 'Quality'],
    },
    green: { cadenceAtLeast: 90, recapAtLeast: 95, meetingsWithDecisionAtLeast: 70 },
  },
  quality: {
    weights: { sla: 0.3, onTime: 0.25, repeat: 0.25, followThrough: 0.2 },
    edges: scoreEdges,
    targets: {
      A: { sla: 97, onTime: 90, repeatMax: 5, followThrough: 95 },
      B: { sla: 95, onTime: 85, repeatMax: 8, followThrough: 95 },
      C: { sla: 92, onTime: 80, repeatMax: 10, followThrough: 92 },
      D: { sla: 90, onTime: 75, repeatMax: 15, followThrough: 90 },
    },
    ticketWindowDays: 30,
    widenedWindowDays: 90,
    minTickets: 5,
    repeatWindowDays: 30,
    milestoneWindowDays: 90,
    followThroughWindowDays: 90,
  },
  alignment: {
    edges: { green: 85, red: 65 },
    cadenceAtLeast: 80,
    recapAtLeast: 80,
    execCheckSegments: ['A', 'B'],
    effortMix: {
      A: { minRatio: 1, maxRatio: null },
      B: { minRatio: 1, maxRatio: null },
      C: { minRatio: null, maxRatio: 2 },
      D: { minRatio: null, maxRatio: 2 },
    },
    plays: {
      cadence: 'Reset Rhythm',
      deliverables: 'Backfill Evidence',
      exec: 'Sponsor Re-engage',
      effortMix: 'Right-size Coverage',
    },
  },
  composite: {
    weights: { A: even, B: even, C: even, D: even },
    edges: scoreEdges,
    minDimensions: 2,
    redDimensions: 2,
  },
  renewal: { dmiTrendAtLeast: 0, lowAtLeast: 2 },
  gates: { consecutiveReds: 2, engagementReleaseNeedsDecision: true },
};
