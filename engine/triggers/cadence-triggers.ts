/**
 * The six cadence triggers (DECISIONS §5, seed-rulebook §5.1):
 * CAD-1 renewal − 90 d · CAD-2 fiscal year end − 30 d budget session · CAD-3 assessment completed →
 * roadmap review by + 10 d · CAD-4 initiative approved → kick-off within 5 business days ·
 * CAD-5 engagement drop (2 missed touchpoints or no decision in 30 d; = core play "Engagement down") ·
 * CAD-6 adoption below fix-first (MFA < 60% or endpoint < 80%, strict).
 *
 * Date triggers fire at local midnight of their day in the user's time zone ("on the day, not the
 * day before") and never before the account was first seen; they stay open until the date passes.
 */
import type { CtaSpec } from '../model';
import { addCalendarDays, startOfDate } from '../time/business';
import { utcDayMs } from '../time/zoned';
import { buildCta, DAY_MS, earlier, fmtDay, later, pct, type TriggerContext } from './context';
import { datedPeriod, monthPeriod, recordPeriod } from './ids';
import { missStreak } from './missed';
import { latestDecisionRecs } from './proposals';

export const CADENCE_TRIGGERS = {
  renewal: 'renewal',
  fiscalYearEnd: 'fiscalYearEnd',
  assessmentRoadmap: 'assessmentRoadmap',
  initiativeKickoff: 'initiativeKickoff',
  engagementDrop: 'engagementDrop',
  adoptionFixFirst: 'adoptionFixFirst',
} as const;

const firstSeen = (ctx: TriggerContext) => new Date(ctx.account.firstSeenAt);

/**
 * Cheap pre-check for a date trigger open from `offsetDays` before the day through the day itself:
 * false when `t` is more than a day (any UTC offset, any DST change) outside that span, so most
 * accounts skip the time-zone arithmetic; true means "check exactly".
 */
function nearDateWindow(t: number, day: number, offsetDays: number): boolean {
  if (day !== day) return true;
  return t >= day + (Math.min(offsetDays, 0) - 1) * DAY_MS && t < day + (Math.max(offsetDays, 0) + 2) * DAY_MS;
}
const offsetLabel = (days: number) => `T${days < 0 ? '−' : '+'}${Math.abs(days)} d`;

/** CAD-1: from renewal + offsetDays (local midnight) through the renewal day. */
export function renewalTrigger(ctx: TriggerContext): CtaSpec[] {
  const play = ctx.config.triggers.cadence.renewal;
  const renewal = ctx.account.renewalDate ?? ctx.account.agreement?.end;
  if (!play.enabled || !renewal || !nearDateWindow(ctx.asOf.getTime(), utcDayMs(renewal), play.offsetDays)) return [];
  const renewalStart = startOfDate(renewal, ctx.tz);
  const fireDay = addCalendarDays(renewalStart, play.offsetDays, ctx.tz);
  const windowEnd = addCalendarDays(renewalStart, 1, ctx.tz);
  const t = ctx.asOf.getTime();
  if (t < fireDay.getTime() || t >= windowEnd.getTime()) return [];
  const renewalLabel = fmtDay(renewalStart, ctx);
  return [
    buildCta(ctx, play, {
      trigger: CADENCE_TRIGGERS.renewal,
      period: `renewal-${renewal}`,
      firedAt: later(fireDay, firstSeen(ctx)),
      why: `Agreement renews on ${renewalLabel}; the renewal review is due from ${offsetLabel(play.offsetDays)} (${fmtDay(fireDay, ctx)}).`,
      vars: { renewalDate: renewalLabel },
    }),
  ];
}

/** The fiscal year end `MM-dd` in a given year; a day past the month's end (02-29 in 2027) clamps to it. */
export function fiscalYearEndDate(monthDay: string, year: number): string {
  const [m, d] = monthDay.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** CAD-2: from FYE + offsetDays through the FYE day; the FYE seen from December may be next January. */
export function fiscalYearEndTrigger(ctx: TriggerContext): CtaSpec[] {
  const play = ctx.config.triggers.cadence.fiscalYearEnd;
  const fye = ctx.account.fiscalYearEnd;
  if (!play.enabled || !fye) return [];
  const t = ctx.asOf.getTime();
  // The local year is the UTC year ± 1 (offsets stay within ±14 h).
  const year = new Date(t).getUTCFullYear();
  for (const y of [year - 2, year - 1, year, year + 1, year + 2]) {
    const ymd = fiscalYearEndDate(fye, y);
    if (!nearDateWindow(t, utcDayMs(ymd), play.offsetDays)) continue;
    const fyeStart = startOfDate(ymd, ctx.tz);
    const fireDay = addCalendarDays(fyeStart, play.offsetDays, ctx.tz);
    if (t < fireDay.getTime() || t >= addCalendarDays(fyeStart, 1, ctx.tz).getTime()) continue;
    const label = fmtDay(fyeStart, ctx);
    return [
      buildCta(ctx, play, {
        trigger: CADENCE_TRIGGERS.fiscalYearEnd,
        period: `fye-${ymd}`,
        firedAt: later(fireDay, firstSeen(ctx)),
        why: `Fiscal year ends on ${label}; the budget session is due from ${offsetLabel(play.offsetDays)} (${fmtDay(fireDay, ctx)}).`,
        vars: { fiscalYearEnd: label },
      }),
    ];
  }
  return [];
}

/** A meeting of this type held at or after `fromMs` (any time, as the stored record says). */
function heldSince(ctx: TriggerContext, type: string, fromMs: number): boolean {
  return ctx.prepared.meetings.some((r) => r.s.status === 'held' && r.s.type === type && r.s.heldAt !== undefined && r.s.heldAt !== '' && r.held >= fromMs);
}

/**
 * CAD-3: each assessment completed recently without a Roadmap meeting held since → roadmap review
 * due by completion + withinDays. Stays visible for `eventLookbackDays` after it falls due.
 */
export function assessmentRoadmapTriggers(ctx: TriggerContext): CtaSpec[] {
  const play = ctx.config.triggers.cadence.assessmentRoadmap;
  if (!play.enabled) return [];
  const t = ctx.asOf.getTime();
  const horizonMs = (play.withinDays + ctx.config.triggers.eventLookbackDays) * DAY_MS;
  const out: CtaSpec[] = [];
  const seen = new Set<string>();
  for (const { s: a, at: done } of [...ctx.prepared.assessments].sort((x, y) => x.at - y.at)) {
    if (seen.has(a.assessmentId)) continue;
    seen.add(a.assessmentId);
    if (done > t || t - done > horizonMs) continue;
    const reviewed = heldSince(ctx, 'Roadmap', done);
    if (reviewed) continue;
    const completed = new Date(done);
    out.push(
      buildCta(ctx, play, {
        trigger: CADENCE_TRIGGERS.assessmentRoadmap,
        period: recordPeriod('assessment', a.assessmentId),
        firedAt: completed,
        dueBy: addCalendarDays(completed, play.withinDays, ctx.tz),
        why: `Assessment "${a.name}" completed ${fmtDay(completed, ctx)}; the roadmap review is due within ${play.withinDays} days.`,
        vars: { assessment: a.name },
      }),
    );
  }
  return out;
}

/**
 * CAD-4: an initiative whose latest stage is `approved` (changed within `lookbackDays`) and no
 * Kick-off meeting held since → kick-off within 5 business days of approval.
 */
export function initiativeKickoffTriggers(ctx: TriggerContext): CtaSpec[] {
  const play = ctx.config.triggers.cadence.initiativeKickoff;
  if (!play.enabled) return [];
  const t = ctx.asOf.getTime();
  const latest = new Map<string, (typeof ctx.prepared.initiatives)[number]>();
  for (const r of ctx.prepared.initiatives) {
    if (r.at > t) continue;
    const prev = latest.get(r.s.initiativeId);
    if (!prev || r.at > prev.at) latest.set(r.s.initiativeId, r);
  }
  const out: CtaSpec[] = [];
  for (const { s, at: approved } of latest.values()) {
    if (s.stage !== 'approved') continue;
    if (t - approved > play.lookbackDays * DAY_MS) continue;
    const kicked = heldSince(ctx, 'Kick-off', approved);
    if (kicked) continue;
    out.push(
      buildCta(ctx, play, {
        trigger: CADENCE_TRIGGERS.initiativeKickoff,
        period: recordPeriod('initiative', s.initiativeId),
        title: `${play.title}: ${s.name}`,
        firedAt: new Date(approved),
        why: `Initiative "${s.name}" approved ${fmtDay(approved, ctx)}; kick-off due within the configured window.`,
        vars: { initiative: s.name },
      }),
    );
  }
  return out;
}

/**
 * CAD-5 engagement drop: (a) ≥ missedTouchpoints missed meetings (strategic misses from the cadence,
 * plus other meetings logged as missed) within the window, or (b) a proposal pending and no decision
 * (yes/no) for noDecisionDays. One CSM CTA for one problem: (a) is left to the missed-cadence step 2
 * ("Re-engage Stakeholders") when that covers the streak, and (b) to the per-proposal reset play when
 * that is on and fires no later (resetAfterDays ≤ noDecisionDays: the oldest pending proposal is then
 * always past its reset).
 */
export function engagementDropTrigger(
  ctx: TriggerContext,
  opts: { reengageCoversStreak: boolean; proposalResetCoversDrought?: boolean },
): CtaSpec[] {
  const play = ctx.config.triggers.cadence.engagementDrop;
  if (!play.enabled) return [];
  const t = ctx.asOf.getTime();
  const parts: string[] = [];
  const sinces: Date[] = [];

  if (!opts.reengageCoversStreak) {
    const windowStart = t - play.touchpointWindowDays * DAY_MS;
    const misses: { at: Date; due: Date }[] = [];
    for (const e of ctx.cadence.expected) {
      if (e.status !== 'missed') continue;
      const logged = e.missedMeetingId ? ctx.by.meeting.find((m) => m.meetingId === e.missedMeetingId) : undefined;
      const at = logged?.status === 'missed' ? new Date(e.dueMs) : new Date(e.graceEndsAt);
      misses.push({ at, due: new Date(e.dueMs) });
    }
    const strategicIds = new Set(ctx.cadence.expected.map((e) => e.missedMeetingId).filter(Boolean));
    for (const m of ctx.by.meeting) {
      if (m.status !== 'missed' || !m.plannedFor || strategicIds.has(m.meetingId)) continue;
      misses.push({ at: new Date(m.plannedFor), due: new Date(m.plannedFor) });
    }
    const inWindow = misses
      .filter((m) => m.at.getTime() > windowStart && m.at.getTime() <= t)
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    const nth = inWindow[play.missedTouchpoints - 1];
    if (nth) {
      sinces.push(nth.at);
      parts.push(
        `${inWindow.length} missed touchpoints in ${play.touchpointWindowDays} days (${inWindow.map((m) => fmtDay(m.due, ctx)).join(', ')})`,
      );
    }
  }

  const decisions = (opts.proposalResetCoversDrought ? [] : latestDecisionRecs(ctx)).filter((r) => !r.s.otherAction && r.proposed <= t);
  const pending = decisions.filter((r) => r.s.status === 'pending').sort((a, b) => a.proposed - b.proposed);
  const oldest = pending[0];
  if (oldest) {
    let lastDecided = -Infinity;
    for (const r of decisions) if (r.s.status !== 'pending' && r.s.decidedAt && r.decided <= t && r.decided > lastDecided) lastDecided = r.decided;
    const from = Math.max(oldest.proposed, lastDecided);
    const since = addCalendarDays(new Date(from), play.noDecisionDays, ctx.tz);
    if (since.getTime() <= t) {
      sinces.push(since);
      const lastText = Number.isFinite(lastDecided) ? `last decision ${fmtDay(lastDecided, ctx)}` : 'no decision logged yet';
      parts.push(`no decision in ${play.noDecisionDays} days while "${oldest.s.title}" is pending (${lastText})`);
    }
  }

  if (sinces.length === 0) return [];
  const firedAt = sinces.reduce(earlier);
  return [
    buildCta(ctx, play, {
      trigger: CADENCE_TRIGGERS.engagementDrop,
      period: datedPeriod('since', firedAt, ctx.tz),
      firedAt,
      dimension: 'engagement',
      why: `Engagement down: ${parts.join('; ')}.`,
    }),
  ];
}

export interface InsightBelow {
  insight: string;
  coveragePct: number;
  threshold: number;
  /** Earliest reading of the current run below the threshold. */
  since: Date;
}

/**
 * Insights whose latest reading (up to asOf) is strictly below its floor, with the earliest reading
 * of the current below-floor run. An insight with no reading is not a failure (no data).
 */
export function insightsBelow(ctx: TriggerContext, floors: readonly { insight: string; below: number }[]): InsightBelow[] {
  const t = ctx.asOf.getTime();
  const out: InsightBelow[] = [];
  for (const { insight, below } of floors) {
    // Stable sort by observation time: ties keep input order.
    const readings = ctx.prepared.adoption.filter((r) => r.s.insight === insight && r.at <= t).sort((a, b) => a.at - b.at);
    const latest = readings[readings.length - 1]?.s;
    if (!latest || !(latest.coveragePct < below)) continue;
    let i = readings.length - 1;
    while (i > 0 && readings[i - 1]!.s.coveragePct < below) i--;
    out.push({ insight, coveragePct: latest.coveragePct, threshold: below, since: new Date(readings[i]!.s.observedAt) });
  }
  return out;
}

/** Fix-first failures with the health gate's floors (`health.adoption.fixFirst`). */
export const fixFirstFailures = (ctx: TriggerContext): InsightBelow[] => insightsBelow(ctx, ctx.config.health.adoption.fixFirst);

/** Human label of an insight from the health configuration. */
export function insightLabel(ctx: TriggerContext, key: string): string {
  return ctx.config.health.adoption.insights.find((i) => i.key === key)?.label ?? key;
}

/**
 * CAD-6: adoption below fix-first → TAM remediation (monthly period while the gate holds, so a
 * gate that stays on gets a fresh CTA each month, like the monthly Red CTAs).
 */
export function adoptionFixFirstTrigger(ctx: TriggerContext): CtaSpec[] {
  const play = ctx.config.triggers.cadence.adoptionFixFirst;
  if (!play.enabled) return [];
  const failures = fixFirstFailures(ctx);
  if (failures.length === 0) return [];
  const monthStart = startOfDate(`${monthPeriod(ctx.asOf, ctx.tz)}-01`, ctx.tz);
  const since = failures.map((f) => f.since).reduce(earlier);
  const firedAt = later(later(since, monthStart), firstSeen(ctx));
  const why = failures
    .map((f) => `${insightLabel(ctx, f.insight)} ${pct(f.coveragePct)} < ${f.threshold}%`)
    .join('; ');
  return [
    buildCta(ctx, play, {
      trigger: CADENCE_TRIGGERS.adoptionFixFirst,
      period: monthPeriod(ctx.asOf, ctx.tz),
      firedAt,
      dimension: 'adoption',
      why: `Fix-first gate: ${why}.`,
    }),
  ];
}

export function cadenceTriggers(ctx: TriggerContext): CtaSpec[] {
  const streak = missStreak(ctx);
  const reengageCoversStreak = ctx.config.triggers.missed.reengage.enabled && streak.length >= 2;
  const { reset, resetAfterDays } = ctx.config.triggers.proposals;
  const proposalResetCoversDrought = reset.enabled && resetAfterDays <= ctx.config.triggers.cadence.engagementDrop.noDecisionDays;
  return [
    ...renewalTrigger(ctx),
    ...fiscalYearEndTrigger(ctx),
    ...assessmentRoadmapTriggers(ctx),
    ...initiativeKickoffTriggers(ctx),
    ...engagementDropTrigger(ctx, { reengageCoversStreak, proposalResetCoversDrought }),
    ...adoptionFixFirstTrigger(ctx),
  ];
}
