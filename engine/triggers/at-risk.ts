/**
 * At-risk detection [L236] and its Save Plan CTA (DECISIONS §5, seed-rulebook §7).
 *
 * Any one reason flags the account (the flag sits beside the colour; it never changes it):
 * 2 consecutive missed strategic meetings · monthly pulse average < 4.0 · SLA below the segment
 * target in 2 consecutive closed months · a proposal pending > 30 d · repeat incidents (≥ 3 tickets of
 * one category in 30 d) · an exec stakeholder (champion) left · backlog aging (a ticket open > 30 d) ·
 * decline reason relevance/timing recurring.
 *
 * Severity = impact × likelihood (1–3 each, per reason in config): ≥ 6 High, 3–5 Medium, ≤ 2 Low;
 * the account's severity is its worst reason. Acknowledge High ≤ 4 business hours, Medium/Low ≤ 1
 * business day; Save Plan due = min(exec meeting end + 48 h, detection + 5 business days);
 * escalate after 60 days open. Detection = when the earliest still-true reason became true.
 */
import type { AtRiskReasonKey } from '../config/triggers';
import type { CtaSpec } from '../model';
import { addCalendarDays, addDuration } from '../time/business';
import { monthEnd, monthKey, monthStart, parseInstant, previousMonthKey } from '../time/zoned';
import { buildCta, DAY_MS, earlier, fmtDay, fmtDays, makeContext, type TriggerContext, type TriggerInput } from './context';
import { datedPeriod } from './ids';
import { missStreak } from './missed';
import { latestDecisionRecs } from './proposals';

export const AT_RISK_TRIGGERS = { savePlan: 'atRisk', escalation: 'atRiskEscalation' } as const;

export type Severity = 'high' | 'medium' | 'low';

export interface AtRiskReason {
  key: AtRiskReasonKey;
  text: string;
  /** When this reason became true. */
  since: Date;
  impact: number;
  likelihood: number;
  bucket: string;
}

const CLOSED_STATUS = /clos|resolv|complet|cancel|done/i;

const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov" of a `yyyy-MM` key (en-US short month). */
function monthLabel(month: string): string {
  const m = Number(month.slice(5, 7));
  const label = month.length === 7 ? MONTH_LABELS[m - 1] : undefined;
  if (label !== undefined) return label;
  const [y, mm] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (mm ?? 1) - 1, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
}

/** Every at-risk reason that holds at `asOf`, oldest first (computed once per context). */
export function atRiskReasons(ctx: TriggerContext): AtRiskReason[] {
  if (ctx.memo.atRisk) return ctx.memo.atRisk as AtRiskReason[];
  const reasons = computeAtRiskReasons(ctx);
  ctx.memo.atRisk = reasons;
  return reasons;
}

function computeAtRiskReasons(ctx: TriggerContext): AtRiskReason[] {
  const cfg = ctx.config.triggers.atRisk;
  const det = cfg.detect;
  const t = ctx.asOf.getTime();
  const raw: { key: AtRiskReasonKey; text: string; since: Date }[] = [];
  const prep = ctx.prepared;

  // Engagement: consecutive missed strategic meetings.
  const streak = missStreak(ctx);
  if (streak.length >= det.consecutiveMisses) {
    const nth = streak[det.consecutiveMisses - 1]!;
    raw.push({
      key: 'consecutiveMisses',
      text: `${streak.length} consecutive strategic meetings missed (${fmtDays(streak.map((m) => m.dueAt), ctx)})`,
      since: nth.missedAt,
    });
  }

  // CX: monthly pulse average (this month; the last closed month when this one has no pulse yet).
  const thisMonth = monthKey(t, ctx.tz);
  for (const month of [thisMonth, previousMonthKey(thisMonth)]) {
    const start = monthStart(month, ctx.tz);
    const end = Math.min(monthEnd(month, ctx.tz), t + 1);
    // Stable sort by time: ties keep input order.
    const pulses = prep.pulses.filter((p) => p.at >= start && p.at < end).sort((a, b) => a.at - b.at);
    if (pulses.length === 0) continue;
    const avg = pulses.reduce((sum, p) => sum + p.s.score, 0) / pulses.length;
    if (avg < det.pulseAverageBelow) {
      // Since: the pulse after which the running average last went below the threshold.
      let sum = 0;
      let since = pulses[0]!.at;
      let wasBelow = false;
      pulses.forEach((p, i) => {
        sum += p.s.score;
        const below = sum / (i + 1) < det.pulseAverageBelow;
        if (below && !wasBelow) since = p.at;
        wasBelow = below;
      });
      raw.push({
        key: 'pulseLow',
        text: `average pulse ${Math.round(avg * 100) / 100} / 5 in ${monthLabel(month)} (${pulses.length} pulse${pulses.length === 1 ? '' : 's'}) < ${det.pulseAverageBelow}`,
        since: new Date(since),
      });
    }
    break; // only the latest month with pulses counts
  }

  // Quality: SLA adherence under the segment target in N consecutive closed months.
  const target = det.slaTargetBySegment[ctx.segment];
  const months: string[] = [];
  for (let m = previousMonthKey(thisMonth), i = 0; i < det.slaTrendMonths; i++, m = previousMonthKey(m)) months.unshift(m);
  const bounds = months.map((month) => ({ month, start: monthStart(month, ctx.tz), end: monthEnd(month, ctx.tz), n: 0, met: 0 }));
  if (bounds.length > 0) {
    const first = bounds[0]!.start;
    const last = bounds[bounds.length - 1]!.end;
    for (const r of prep.tickets) {
      const tk = r.s;
      const closedAt = tk.closedAt ?? tk.resolvedAt;
      if (!closedAt || !tk.sla || tk.sla.excluded) continue;
      if (tk.sla.responseMet === undefined && tk.sla.resolutionMet === undefined) continue;
      const at = tk.closedAt !== undefined ? r.closed : r.resolved;
      if (!(at >= first && at < last)) continue;
      for (const b of bounds) {
        if (at >= b.start && at < b.end) {
          b.n++;
          if (tk.sla.responseMet !== false && tk.sla.resolutionMet !== false) b.met++;
        }
      }
    }
  }
  const adherence = bounds.map((b) => ({ month: b.month, n: b.n, pct: b.n ? (100 * b.met) / b.n : null }));
  if (adherence.length > 0 && adherence.every((a) => a.n >= det.slaMinTickets && a.pct !== null && a.pct < target)) {
    raw.push({
      key: 'slaBreachTrend',
      text: `SLA adherence below ${target}% for ${adherence.length} months (${adherence.map((a) => `${monthLabel(a.month)} ${Math.round(a.pct!)}%`).join(', ')})`,
      since: new Date(monthEnd(adherence[adherence.length - 1]!.month, ctx.tz)),
    });
  }

  // Alignment: proposal stale with no decision.
  const decisions = latestDecisionRecs(ctx);
  const pending = decisions.filter((r) => r.s.status === 'pending' && !r.s.otherAction && r.proposed <= t).sort((a, b) => a.proposed - b.proposed);
  const stale = pending.filter((r) => addCalendarDays(new Date(r.proposed), det.proposalStaleDays, ctx.tz).getTime() < t);
  const oldest = stale[0];
  if (oldest) {
    const age = Math.floor((t - oldest.proposed) / DAY_MS);
    raw.push({
      key: 'proposalStale',
      text: `proposal "${oldest.s.title}" pending ${age} days (proposed ${fmtDay(oldest.proposed, ctx)})${stale.length > 1 ? ` and ${stale.length - 1} more` : ''}`,
      since: addCalendarDays(new Date(oldest.proposed), det.proposalStaleDays, ctx.tz),
    });
  }

  // Quality: repeat incidents — ≥ N tickets of one category opened within the window.
  const repeatFrom = t - det.repeatWindowDays * DAY_MS;
  const byCategory = new Map<string, number[]>();
  for (const { s: tk, opened: at } of prep.tickets) {
    if (!tk.category || at <= repeatFrom || at > t) continue;
    const key = tk.category.trim().toLowerCase();
    const ats = byCategory.get(key);
    if (ats) ats.push(at);
    else byCategory.set(key, [at]);
  }
  const repeats = [...byCategory.entries()]
    .filter(([, ats]) => ats.length >= det.repeatCategoryCount)
    .map(([cat, ats]) => ({ cat, ats: ats.sort((a, b) => a - b) }))
    .sort((a, b) => a.ats[det.repeatCategoryCount - 1]! - b.ats[det.repeatCategoryCount - 1]!);
  const firstRepeat = repeats[0];
  if (firstRepeat) {
    const label = ctx.by.ticket.find((tk) => tk.category?.trim().toLowerCase() === firstRepeat.cat)?.category ?? firstRepeat.cat;
    raw.push({
      key: 'repeatIncidents',
      text: `${firstRepeat.ats.length} "${label}" tickets in ${det.repeatWindowDays} days (${fmtDays(firstRepeat.ats, ctx)})${repeats.length > 1 ? ` and ${repeats.length - 1} more categor${repeats.length > 2 ? 'ies' : 'y'}` : ''}`,
      since: new Date(firstRepeat.ats[det.repeatCategoryCount - 1]!),
    });
  }

  // Engagement: champion (exec stakeholder) left.
  const leftFrom = t - det.championLeftWithinDays * DAY_MS;
  const left = prep.stakeholderChanges
    .filter((r) => r.s.change === 'left' && r.s.exec && r.at > leftFrom && r.at <= t)
    .sort((a, b) => a.at - b.at);
  const championRec = left[0];
  if (championRec) {
    const champion = championRec.s;
    raw.push({
      key: 'championLeft',
      text: `exec stakeholder ${champion.name}${champion.title ? ` (${champion.title})` : ''} left on ${fmtDay(championRec.at, ctx)}`,
      since: new Date(champion.at),
    });
  }

  // Quality: backlog aging — tickets still open after N days.
  const backlogMs = det.backlogAgeDays * DAY_MS;
  const open = prep.tickets
    .filter((r) => !r.s.closedAt && !r.s.resolvedAt && !(r.s.status && CLOSED_STATUS.test(r.s.status)) && r.opened + backlogMs < t)
    .sort((a, b) => a.opened - b.opened);
  const oldestOpen = open[0];
  if (oldestOpen) {
    raw.push({
      key: 'backlogAging',
      text: `${open.length} ticket${open.length === 1 ? '' : 's'} open > ${det.backlogAgeDays} days (oldest #${oldestOpen.s.ticketId}, opened ${fmtDay(oldestOpen.opened, ctx)})`,
      since: new Date(oldestOpen.opened + backlogMs),
    });
  }

  // Alignment: decline reason relevance/timing recurring.
  const declineFrom = t - det.declineWindowDays * DAY_MS;
  const declines = decisions
    .filter((r) => r.s.status === 'no' && r.s.decidedAt && (r.s.declineReason === 'relevance' || r.s.declineReason === 'timing'))
    .filter((r) => r.decided > declineFrom && r.decided <= t)
    .sort((a, b) => a.decided - b.decided);
  const nthDecline = declines[det.declineRecurringCount - 1];
  if (nthDecline) {
    raw.push({
      key: 'declineRecurring',
      text: `${declines.length} proposals declined for relevance/timing in ${det.declineWindowDays} days (${fmtDays(declines.map((r) => r.decided), ctx)})`,
      since: new Date(nthDecline.decided),
    });
  }

  return raw
    .map((r) => ({ ...r, ...cfg.ratings[r.key] }))
    .sort((a, b) => a.since.getTime() - b.since.getTime() || a.key.localeCompare(b.key));
}

/** Severity level of impact × likelihood. */
export function severityOf(score: number, cfg: { highMin: number; mediumMin: number }): Severity {
  return score >= cfg.highMin ? 'high' : score >= cfg.mediumMin ? 'medium' : 'low';
}

/** The at-risk flag and its reasons, for `AccountHealth.atRisk`. */
export function detectAtRisk(input: TriggerInput): { flag: boolean; reasons: string[] } {
  return atRiskFlag(makeContext(input));
}

/** `detectAtRisk` over a context already made (its reasons are then reused by the Save Plan CTA). */
export function atRiskFlag(ctx: TriggerContext): { flag: boolean; reasons: string[] } {
  const reasons = atRiskReasons(ctx);
  return { flag: reasons.length > 0, reasons: reasons.map((r) => r.text) };
}

/** The Save Plan CTA (and the escalation after 60 days open) for the current at-risk episode. */
export function atRiskCtas(ctx: TriggerContext): CtaSpec[] {
  const cfg = ctx.config.triggers.atRisk;
  const reasons = atRiskReasons(ctx);
  if (reasons.length === 0) return [];
  const cal = ctx.config.calendar;
  const detectedAt = reasons.map((r) => r.since).reduce(earlier);
  const worst = reasons.reduce((a, b) => (b.impact * b.likelihood > a.impact * a.likelihood ? b : a));
  const score = worst.impact * worst.likelihood;
  const severity = severityOf(score, cfg.severity);
  const acknowledgeBy = addDuration(detectedAt, cfg.acknowledge[severity], cal);

  // Save Plan: ≤ 48 h after the exec meeting, and ≤ 5 business days after detection.
  let dueBy = addDuration(detectedAt, cfg.savePlanAfterDetection, cal);
  const execMeeting = ctx.prepared.meetings
    .filter((r) => r.s.status === 'held' && r.s.heldAt && r.held >= detectedAt.getTime() && r.held <= ctx.asOf.getTime())
    .filter((r) => r.s.attendees.some((a) => a.exec))
    .sort((a, b) => a.held - b.held)[0]?.s;
  if (execMeeting) {
    const afterMeeting = addDuration(new Date(execMeeting.endedAt ?? execMeeting.heldAt!), cfg.savePlanAfterExecMeeting, cal);
    dueBy = earlier(dueBy, afterMeeting);
  }

  const period = datedPeriod('risk', detectedAt, ctx.tz);
  const buckets = [...new Set(reasons.map((r) => r.bucket))].join(', ');
  const why = `At risk since ${fmtDay(detectedAt, ctx)}: ${reasons.map((r) => r.text).join('; ')}. Severity ${severity[0]!.toUpperCase()}${severity.slice(1)} (impact ${worst.impact} × likelihood ${worst.likelihood} = ${score}); bucket${reasons.length > 1 ? 's' : ''}: ${buckets}.`;
  const out: CtaSpec[] = [];
  if (cfg.savePlan.enabled) {
    out.push(
      buildCta(ctx, cfg.savePlan, {
        trigger: AT_RISK_TRIGGERS.savePlan,
        period,
        firedAt: detectedAt,
        dueBy,
        why,
        severity,
        acknowledgeBy,
        atRisk: true,
      }),
    );
  }
  const escalateAt = addCalendarDays(detectedAt, cfg.escalateAfterDays, ctx.tz);
  if (cfg.escalation.enabled && ctx.asOf.getTime() >= escalateAt.getTime()) {
    out.push(
      buildCta(ctx, cfg.escalation, {
        trigger: AT_RISK_TRIGGERS.escalation,
        period,
        firedAt: escalateAt,
        why: `At risk for ${cfg.escalateAfterDays} days (since ${fmtDay(detectedAt, ctx)}) without returning to Green: ${reasons.map((r) => r.text).join('; ')}.`,
        severity,
        atRisk: true,
      }),
    );
  }
  return out;
}
