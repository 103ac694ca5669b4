/**
 * Missed-cadence recovery (DECISIONS §5, seed-rulebook §5.2): for the current streak of consecutive
 * missed strategic meetings (from `cadenceState`), miss 1 → reschedule ≤ 7 d; miss 2 → "Re-engage
 * Stakeholders" (first action ≤ 72 h) with the at-risk flag; miss 3 and each further one →
 * segmentation & cadence review. Any held meeting resets the streak (cadence.ts does the counting).
 * Each step is its own CTA, keyed by the missed meeting's due date, so a later run keeps them.
 */
import type { CtaSpec } from '../model';
import { buildCta, fmtDay, fmtDays, type TriggerContext } from './context';
import { datedPeriod } from './ids';

export const MISSED_TRIGGERS = {
  reschedule: 'missedReschedule',
  reengage: 'missedReengage',
  review: 'missedReview',
} as const;

export interface Miss {
  /** When the expected meeting was due. */
  dueAt: Date;
  /** When it became a miss: at once when logged as missed, else when the grace period ended. */
  missedAt: Date;
  meetingType: string;
}

/**
 * The current streak of consecutive misses, oldest first (length = `cadence.consecutiveMisses`).
 */
export function missStreak(ctx: TriggerContext): Miss[] {
  // Shared by the cadence, missed and at-risk families: computed once per context.
  if (ctx.memo.streak) return ctx.memo.streak as Miss[];
  const streak = computeMissStreak(ctx);
  ctx.memo.streak = streak;
  return streak;
}

function computeMissStreak(ctx: TriggerContext): Miss[] {
  const n = ctx.cadence.consecutiveMisses;
  if (n <= 0) return [];
  const missed = ctx.cadence.expected.filter((e) => e.status === 'missed');
  const byMeeting = new Map(ctx.by.meeting.map((m) => [m.meetingId, m] as const));
  return missed.slice(-n).map((e) => {
    const logged = e.missedMeetingId ? byMeeting.get(e.missedMeetingId) : undefined;
    const explicit = logged?.status === 'missed';
    const dueAt = new Date(e.dueMs);
    return {
      dueAt,
      missedAt: explicit ? dueAt : new Date(e.graceEndsAt),
      meetingType: logged?.type ?? 'strategic meeting',
    };
  });
}

export function missedCadenceTriggers(ctx: TriggerContext): CtaSpec[] {
  const cfg = ctx.config.triggers.missed;
  const streak = missStreak(ctx);
  const out: CtaSpec[] = [];
  streak.forEach((miss, i) => {
    const step = i + 1;
    const period = datedPeriod('miss', miss.dueAt, ctx.tz);
    const dueDays = streak.slice(0, step).map((m) => m.dueAt);
    if (step === 1 && cfg.reschedule.enabled) {
      out.push(
        buildCta(ctx, cfg.reschedule, {
          trigger: MISSED_TRIGGERS.reschedule,
          period,
          firedAt: miss.missedAt,
          why: `The ${miss.meetingType} due ${fmtDay(miss.dueAt, ctx)} was not held (1 missed strategic meeting).`,
          vars: { meetingType: miss.meetingType, missedOn: fmtDay(miss.dueAt, ctx) },
        }),
      );
    } else if (step === 2 && cfg.reengage.enabled) {
      out.push(
        buildCta(ctx, cfg.reengage, {
          trigger: MISSED_TRIGGERS.reengage,
          period,
          firedAt: miss.missedAt,
          why: `2 consecutive strategic meetings missed (${fmtDays(dueDays, ctx)}).`,
          atRisk: true,
        }),
      );
    } else if (step >= 3 && cfg.review.enabled) {
      out.push(
        buildCta(ctx, cfg.review, {
          trigger: MISSED_TRIGGERS.review,
          period,
          firedAt: miss.missedAt,
          why: `${step} consecutive strategic meetings missed (${fmtDays(dueDays, ctx)}): review segment and cadence (downgrade or executive reset).`,
        }),
      );
    }
  });
  return out;
}
