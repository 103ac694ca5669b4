/**
 * Engagement (DECISIONS §3 [L128–L129], §7 definitions) over the last 180 days of strategic meetings.
 * Score = 0.30·cadence + 0.30·stakeholder mix + 0.25·decision velocity + 0.15·follow-up closure
 * (missing inputs dropped, weights renormalised). Colour by rules, Red checked first (§12 #14):
 * Red if cadence < 80% or exec not seen > 120 d or recap rate < 80% or no decision in the last 2
 * strategic meetings or a Relevance/Follow-through/Quality complaint this month; Green if cadence
 * ≥ 90% and exec seen ≤ 120 d and recap ≥ 95% and ≥ 70% of strategic meetings have a decision;
 * else Yellow. A Green condition without data is not met (nothing defaults to Green).
 */
import type { MetronomeConfig } from '../config';
import type { DimensionResult, Driver } from '../model';
import type { ComplaintSignal, DecisionSignal, Signal } from '../signals';
import { DAY_MS } from '../time/zoned';
import type { DimensionContext } from './context';
import { cadenceSourcesIn, fmtDays, fmtPct, missingDriver, result, round2, sourceRef, sourcesOf, weightedScore } from './drivers';

export interface EngagementRuleInputs {
  /** Cadence adherence %, null = no expected meeting due in the window. */
  cadence: number | null;
  /** Days since the exec sponsor was last seen (never seen & known > 120 d → that age), null = no data. */
  execDays: number | null;
  /** Recap ≤ 48 h rate %, null = no held meeting whose deadline passed. */
  recap: number | null;
  /** % of held strategic meetings in the window with ≥ 1 logged decision, null = none held. */
  meetingsWithDecisionPct: number | null;
  /** true when none of the last N held strategic meetings has a decision; null = fewer than N held. */
  decisionlessLastMeetings: boolean | null;
  /** Complaints this month tagged with a Red root cause. */
  redComplaints: number;
}

export interface EngagementVerdict {
  colour: 'green' | 'yellow' | 'red';
  /** Red: the rules that fired; Yellow: the Green conditions not met. */
  because: string[];
}

export function engagementColour(i: EngagementRuleInputs, config: MetronomeConfig): EngagementVerdict {
  const e = config.health.engagement;
  const execMax = config.health.execSponsorDays;
  const red: string[] = [];
  if (i.cadence !== null && i.cadence < e.red.cadenceBelow) red.push(`cadence adherence ${fmtPct(i.cadence)} < ${e.red.cadenceBelow}%`);
  if (i.execDays !== null && i.execDays > execMax) red.push(`exec sponsor not seen for ${fmtDays(i.execDays)} (> ${execMax})`);
  if (i.recap !== null && i.recap < e.red.recapBelow) red.push(`recap ≤ ${config.health.recapHours} h rate ${fmtPct(i.recap)} < ${e.red.recapBelow}%`);
  if (i.decisionlessLastMeetings === true) red.push(`no decision in the last ${e.red.decisionlessMeetings} strategic meetings`);
  if (i.redComplaints > 0) red.push(`${i.redComplaints} complaint${i.redComplaints === 1 ? '' : 's'} tagged ${e.red.complaintCauses.join('/')} this month`);
  if (red.length) return { colour: 'red', because: red };

  const unmet: string[] = [];
  const need = (v: number | null, ok: (n: number) => boolean, text: string) => {
    if (v === null) unmet.push(`${text}: no data`);
    else if (!ok(v)) unmet.push(`${text} (${fmtPct(v)})`);
  };
  need(i.cadence, (n) => n >= e.green.cadenceAtLeast, `cadence adherence ≥ ${e.green.cadenceAtLeast}%`);
  if (i.execDays === null) unmet.push(`exec sponsor seen ≤ ${execMax} days: no data`);
  need(i.recap, (n) => n >= e.green.recapAtLeast, `recap rate ≥ ${e.green.recapAtLeast}%`);
  need(i.meetingsWithDecisionPct, (n) => n >= e.green.meetingsWithDecisionAtLeast, `≥ ${e.green.meetingsWithDecisionAtLeast}% of strategic meetings with a decision`);
  return unmet.length ? { colour: 'yellow', because: unmet } : { colour: 'green', because: [] };
}

/** Median of a non-empty list. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface Velocity {
  /** Median days, null = no decided or aged pending decision. */
  days: number | null;
  score: number | null;
  decided: DecisionSignal[];
  agedPending: DecisionSignal[];
}

/** Decision velocity (§7): decided in the window count proposed → decided; pending older than 30 d count their age. */
export function decisionVelocity(ctx: DimensionContext, windowStart: number): Velocity {
  const e = ctx.config.health.engagement;
  const days: number[] = [];
  const decided: DecisionSignal[] = [];
  const agedPending: DecisionSignal[] = [];
  for (const r of ctx.prepared.decisions) {
    const d = r.s;
    if (d.otherAction) continue;
    const proposed = r.proposed;
    if (proposed > ctx.asOfMs) continue;
    const decidedAt = d.status !== 'pending' && d.decidedAt ? r.decided : null;
    if (decidedAt !== null && decidedAt <= ctx.asOfMs) {
      if (decidedAt >= windowStart) {
        days.push(Math.max(0, (decidedAt - proposed) / DAY_MS));
        decided.push(d);
      }
    } else {
      // Still pending at asOf (or decided only later).
      const age = (ctx.asOfMs - proposed) / DAY_MS;
      if (age > e.pendingDecisionAgeDays) {
        days.push(age);
        agedPending.push(d);
      }
    }
  }
  if (!days.length) return { days: null, score: null, decided, agedPending };
  const m = median(days);
  return { days: m, score: Math.min(100, Math.max(0, 100 * (1 - m / e.velocityHorizonDays))), decided, agedPending };
}

export function engagement(ctx: DimensionContext): DimensionResult {
  const { config } = ctx;
  const e = config.health.engagement;
  const windowDays = config.segments.windowDays;
  const windowStart = ctx.windowStart(windowDays);
  const held = ctx.heldStrategic.filter((h) => h.at >= windowStart);

  // Cadence adherence (§7 "Expected meeting"), sourced from the meetings that decided it.
  const cad = ctx.cadence;
  const cadenceSources = cadenceSourcesIn(ctx, windowStart);
  const cadenceDriver: Driver =
    cad.adherence === null
      ? missingDriver('cadence', 'Cadence adherence', `≥ ${e.green.cadenceAtLeast}%`)
      : {
          key: 'cadence',
          label: 'Cadence adherence',
          value: round2(cad.adherence),
          display: `${fmtPct(cad.adherence)} (${cad.onTime} on time, ${cad.missed} missed)`,
          target: `≥ ${e.green.cadenceAtLeast}%`,
          pass: cad.adherence >= e.green.cadenceAtLeast,
          missing: false,
          sources: sourcesOf(ctx, cadenceSources),
        };

  // Stakeholder mix: % of held strategic sessions with a decision-maker present.
  const withDm = held.filter((h) => h.meeting.attendees.some((a) => a.decisionMaker || a.exec));
  const mix = held.length ? (100 * withDm.length) / held.length : null;
  const mixDriver: Driver =
    mix === null
      ? missingDriver('mix', 'Stakeholder mix (decision-maker present)', `≥ ${e.mixTarget}%`)
      : {
          key: 'mix',
          label: 'Stakeholder mix (decision-maker present)',
          value: round2(mix),
          display: `${fmtPct(mix)} (${withDm.length} of ${held.length})`,
          target: `≥ ${e.mixTarget}%`,
          pass: mix >= e.mixTarget,
          missing: false,
          sources: sourcesOf(ctx, held.map((h) => h.meeting)),
        };

  const vel = decisionVelocity(ctx, windowStart);
  const velocityDriver: Driver =
    vel.days === null
      ? missingDriver('velocity', 'Decision velocity (median days)', `≤ ${e.velocityHorizonDays} days`)
      : {
          key: 'velocity',
          label: 'Decision velocity (median days)',
          value: round2(vel.days),
          display: `${round2(vel.days)} days median (${vel.decided.length} decided, ${vel.agedPending.length} pending > ${e.pendingDecisionAgeDays} d)`,
          target: `≤ ${e.velocityHorizonDays} days`,
          pass: vel.days <= e.velocityHorizonDays,
          missing: false,
          sources: sourcesOf(ctx, [...vel.decided, ...vel.agedPending]),
        };

  const rr = ctx.recapRate(windowDays);
  const closureDriver: Driver =
    rr.rate === null
      ? missingDriver('closure', `Follow-up closure (recap ≤ ${config.health.recapHours} h)`, `≥ ${e.green.recapAtLeast}%`)
      : {
          key: 'closure',
          label: `Follow-up closure (recap ≤ ${config.health.recapHours} h)`,
          value: round2(rr.rate),
          display: `${fmtPct(rr.rate)} (${rr.onTime} of ${rr.due.length})`,
          target: `≥ ${e.green.recapAtLeast}%`,
          pass: rr.rate >= e.green.recapAtLeast,
          missing: false,
          sources: sourcesOf(ctx, rr.due.map((h) => h.meeting)),
        };

  const sponsor = ctx.execSponsor;
  const execDriver: Driver =
    sponsor.days === null
      ? missingDriver('exec', 'Exec sponsor last seen', `≤ ${config.health.execSponsorDays} days`, { display: 'Never seen (account known less than the threshold)' })
      : {
          key: 'exec',
          label: 'Exec sponsor last seen',
          value: Math.floor(sponsor.days),
          display: sponsor.neverSeen ? `Never seen (account known ${fmtDays(sponsor.days)})` : `${fmtDays(sponsor.days)} ago`,
          target: `≤ ${config.health.execSponsorDays} days`,
          pass: sponsor.days <= config.health.execSponsorDays,
          missing: false,
          sources: sponsor.source ? [sourceRef(sponsor.source)] : [],
        };

  // Decisions per meeting: share of held meetings with one, and the last N meetings.
  const withDecision = held.filter((h) => (ctx.decisionsByMeeting.get(h.meeting.meetingId) ?? 0) > 0);
  const meetingsWithDecisionPct = held.length ? (100 * withDecision.length) / held.length : null;
  const n = e.red.decisionlessMeetings;
  const lastN = held.slice(-n);
  const decisionlessLastMeetings = lastN.length < n ? null : lastN.every((h) => !ctx.decisionsByMeeting.get(h.meeting.meetingId));
  const decisionsDriver: Driver =
    meetingsWithDecisionPct === null
      ? missingDriver('decisions', 'Strategic meetings with a decision', `≥ ${e.green.meetingsWithDecisionAtLeast}%`)
      : {
          key: 'decisions',
          label: 'Strategic meetings with a decision',
          value: round2(meetingsWithDecisionPct),
          display: `${fmtPct(meetingsWithDecisionPct)} (${withDecision.length} of ${held.length})${decisionlessLastMeetings ? `; none in the last ${n}` : ''}`,
          target: `≥ ${e.green.meetingsWithDecisionAtLeast}%`,
          pass: meetingsWithDecisionPct >= e.green.meetingsWithDecisionAtLeast && decisionlessLastMeetings !== true,
          missing: false,
          sources: sourcesOf(ctx, held.map((h) => h.meeting)),
        };

  const redComplaints: ComplaintSignal[] = [];
  for (const { s: c, at } of ctx.prepared.complaints)
    if (at >= ctx.month.start && at < ctx.month.end && e.red.complaintCauses.includes(c.rootCause)) redComplaints.push(c);
  const complaintDriver: Driver = {
    key: 'complaints',
    label: `Complaints tagged ${e.red.complaintCauses.join('/')} (this month)`,
    value: redComplaints.length,
    display: String(redComplaints.length),
    target: '0',
    pass: redComplaints.length === 0,
    missing: false,
    sources: sourcesOf(ctx, redComplaints),
  };

  const drivers = [cadenceDriver, mixDriver, velocityDriver, closureDriver, execDriver, decisionsDriver, complaintDriver];
  const raw = weightedScore([
    { driver: cadenceDriver, weight: e.weights.cadence, score: cad.adherence },
    { driver: mixDriver, weight: e.weights.mix, score: mix },
    { driver: velocityDriver, weight: e.weights.velocity, score: vel.score },
    { driver: closureDriver, weight: e.weights.closure, score: rr.rate },
  ]);
  // Rule-only inputs carry no score weight.
  execDriver.weight = 0;
  decisionsDriver.weight = 0;
  complaintDriver.weight = 0;
  const fed: Signal[] = [...cadenceSources, ...held.map((h) => h.meeting), ...vel.decided, ...vel.agedPending, ...redComplaints];
  if (sponsor.source) fed.push(sponsor.source);

  if (raw === null) {
    return result(ctx, 'engagement', windowStart, null, 'nodata',
      `No data: no strategic meeting expected, held or decided in the last ${windowDays} days.`, drivers, fed);
  }
  const verdict = engagementColour(
    { cadence: cad.adherence, execDays: sponsor.days, recap: rr.rate, meetingsWithDecisionPct, decisionlessLastMeetings, redComplaints: redComplaints.length },
    config,
  );
  const reason =
    verdict.colour === 'green'
      ? 'Green: cadence, exec sponsor, recap rate and decisions all meet their Green rules.'
      : verdict.colour === 'red'
        ? `Red: ${verdict.because.join('; ')}.`
        : `Yellow: not Green because ${verdict.because.join('; ')}.`;
  return result(ctx, 'engagement', windowStart, raw, verdict.colour, reason, drivers, fed);
}
