/**
 * Segmentation and cadence settings (DECISIONS §1, §5, §7). Defaults are the binding decisions;
 * every number here is editable in options and versioned with the data.
 */
import { z } from 'zod';
import { MeetingType, Segment, STRATEGIC_MEETING_TYPES } from '../signals';

/** One value per segment A–D. */
export const perSegment = <T extends z.ZodType>(schema: T) =>
  z.object({ A: schema, B: schema, C: schema, D: schema }).strict();

const Days = z.number().int().min(1).max(3650);

/**
 * One line of a segment's service menu (Alignment check 2): any one of `anyOf` must have been held
 * within `withinDays` (+ the cadence grace) of the window end.
 */
export const ServiceMenuItem = z
  .object({
    anyOf: z.array(MeetingType).min(1),
    withinDays: Days,
  })
  .strict();
export type ServiceMenuItem = z.infer<typeof ServiceMenuItem>;

export const SegmentsConfig = z
  .object({
    /** Maturity/appetite scores ≤ lowMax are "low", above are "high" (1–2 low, 3–5 high) [L83]. */
    lowMax: z.number().int().min(1).max(4),
    /** Segment of a client without maturity/appetite scores; shown as "assumed". */
    defaultSegment: Segment,
    /** Default Client Business Goal level per segment when the account has none (A 4–5 → 4). */
    goalLevel: perSegment(z.number().int().min(1).max(5)),
    /** MRR bands by equal revenue sums (DECISIONS §1): `count` bands of `share` of revenue each. */
    mrrBands: z
      .object({ count: z.number().int().min(1).max(10), share: z.number().gt(0).max(1) })
      .strict(),
    /** Days between strategic meetings per segment (DECISIONS §5). */
    strategicCadenceDays: perSegment(Days),
    /** An expected meeting is held on time if held by its due date + graceDays (DECISIONS §7). */
    graceDays: z.number().int().min(0).max(90),
    /** Look-back window of cadence adherence, engagement and alignment (days). */
    windowDays: Days,
    /** Meeting types the segment's service menu requires (DECISIONS §7, Alignment check 2). */
    serviceMenu: perSegment(z.array(ServiceMenuItem)),
    /** Meeting types that count as strategic (DECISIONS §5). */
    strategicMeetingTypes: z.array(MeetingType).min(1),
  })
  .strict();
export type SegmentsConfig = z.infer<typeof SegmentsConfig>;

export const SEGMENTS_DEFAULTS: SegmentsConfig = {
  lowMax: 2,
  defaultSegment: 'C',
  goalLevel: { A: 4, B: 3, C: 2, D: 1 },
  mrrBands: { count: 4, share: 0.25 },
  strategicCadenceDays: { A: 30, B: 91, C: 91, D: 182 },
  graceDays: 7,
  windowDays: 180,
  serviceMenu: {
    // A: monthly strategy, quarterly roadmap, annual budget [L183] [L141]
    A: [
      { anyOf: ['Executive QBR'], withinDays: 91 },
      { anyOf: ['Roadmap'], withinDays: 91 },
      { anyOf: ['Budget'], withinDays: 365 },
    ],
    // B: quarterly QBR, semi-annual roadmap/budget rhythm [L183]
    B: [
      { anyOf: ['QBR', 'Executive QBR'], withinDays: 91 },
      { anyOf: ['Roadmap'], withinDays: 182 },
    ],
    C: [{ anyOf: ['Lifecycle review', 'QBR'], withinDays: 91 }],
    D: [{ anyOf: ['Service review'], withinDays: 182 }],
  },
  strategicMeetingTypes: [...STRATEGIC_MEETING_TYPES],
};
