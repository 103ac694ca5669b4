/**
 * Portfolio KPI tiles (seed-features §5.1–5.2) as pure functions over the indexed portfolio.
 * Every KPI is "n of m" against a target: m = 0 is "No data" (never a pass), and a share exactly at
 * the target passes (95 % of 20 = 19 passes; 94.9 % fails).
 */
import { isStrategic } from '../../engine/cadence';
import type { MetronomeConfig } from '../../engine/config';
import type { Cta } from '../../engine/model';
import type { MeetingSignal } from '../../engine/signals';
import { addCalendarDays, describeDuration } from '../../engine/time/business';
import { execSponsorGroups, type DashboardConfig } from './config';
import type { Portfolio } from './portfolio';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface Kpi {
  key: string;
  label: string;
  targetPct: number;
  /** "≥ 95%". */
  targetText: string;
  /** Passing items … */
  n: number;
  /** … of the items measured. */
  m: number;
  /** 100·n/m; null when m = 0. */
  valuePct: number | null;
  /** Tick / cross; null = No data (m = 0). */
  pass: boolean | null;
  /** How it is counted, in one sentence (window, what counts). */
  note: string;
}

/** n of m meets a "≥ target %" goal. Integer-safe: 19 of 20 meets 95 %. */
export function meetsTarget(n: number, m: number, targetPct: number): boolean | null {
  if (m === 0) return null;
  return n * 100 >= targetPct * m - 1e-9;
}

function kpi(key: string, label: string, targetPct: number, n: number, m: number, note: string): Kpi {
  return { key, label, targetPct, targetText: `≥ ${targetPct}%`, n, m, valuePct: m ? (100 * n) / m : null, pass: meetsTarget(n, m, targetPct), note };
}

const t = (iso: string | undefined | null): number => (iso ? Date.parse(iso) : NaN);

/** Held strategic meetings (with their account) of the portfolio. */
function* heldStrategic(p: Portfolio, config: MetronomeConfig): Generator<MeetingSignal> {
  for (const list of p.meetingsByAccount.values())
    for (const m of list) if (m.status === 'held' && m.heldAt && isStrategic(m.type, config)) yield m;
}

/** Recap sent ≤ 48 h after the meeting's end, over held strategic meetings whose 48 h passed in the window. */
export function recapKpi(p: Portfolio, config: MetronomeConfig, dash: DashboardConfig, now: Date): Kpi {
  const hours = config.health.recapHours;
  const from = addCalendarDays(now, -dash.recap.windowDays, config.calendar.timeZone).getTime();
  let n = 0;
  let m = 0;
  for (const mt of heldStrategic(p, config)) {
    const end = t(mt.endedAt ?? mt.heldAt);
    const deadline = end + hours * HOUR_MS;
    if (!(deadline <= now.getTime() && deadline > from)) continue;
    m++;
    const recap = t(mt.recapSentAt);
    if (recap <= deadline) n++;
  }
  return kpi(
    'recap',
    `Recap ≤ ${hours} h`,
    dash.recap.targetPct,
    n,
    m,
    `Held strategic meetings whose ${hours} h passed in the last ${dash.recap.windowDays} days, recap sent within ${hours} h of the end.`,
  );
}

/** ≥ 1 logged decision (not an "other action") in strategic meetings held in the window. */
export function decisionKpi(p: Portfolio, config: MetronomeConfig, dash: DashboardConfig, now: Date): Kpi {
  const from = addCalendarDays(now, -dash.decisions.windowDays, config.calendar.timeZone).getTime();
  let n = 0;
  let m = 0;
  for (const mt of heldStrategic(p, config)) {
    const at = t(mt.heldAt);
    if (!(at > from && at <= now.getTime())) continue;
    m++;
    if ((p.decisionsByMeeting.get(`${mt.accountId}|${mt.meetingId}`) ?? 0) > 0) n++;
  }
  return kpi(
    'decisions',
    '≥ 1 logged decision',
    dash.decisions.targetPct,
    n,
    m,
    `Strategic meetings held in the last ${dash.decisions.windowDays} days with at least one logged decision.`,
  );
}

/**
 * The planned strategic meeting that covers an account's next due meeting: planned from now on, no
 * later than the due date (or now, when already due) + the on-time grace. null = not booked.
 */
export function bookedMeeting(
  meetings: readonly MeetingSignal[] | undefined,
  dueAt: string,
  config: MetronomeConfig,
  now: Date,
): MeetingSignal | null {
  const latest = addCalendarDays(new Date(Math.max(t(dueAt), now.getTime())), config.segments.graceDays, config.calendar.timeZone).getTime();
  let best: MeetingSignal | null = null;
  for (const m of meetings ?? []) {
    if (m.status !== 'planned' || !m.plannedFor || !isStrategic(m.type, config)) continue;
    const at = t(m.plannedFor);
    if (at < now.getTime() || at > latest) continue;
    if (!best || at < t(best.plannedFor)) best = m;
  }
  return best;
}

export interface CoverageItem {
  accountId: string;
  dueAt: string;
  booked: MeetingSignal | null;
}

/** Accounts whose next strategic meeting is due within the horizon (overdue included), booked or not. */
export function coverageItems(p: Portfolio, config: MetronomeConfig, dash: DashboardConfig, now: Date): CoverageItem[] {
  const until = addCalendarDays(now, dash.coverage.horizonDays, config.calendar.timeZone).getTime();
  const out: CoverageItem[] = [];
  for (const a of p.accounts) {
    const due = p.healthById.get(a.id)?.nextStrategicMeetingDue;
    if (!due || t(due) > until) continue;
    out.push({ accountId: a.id, dueAt: due, booked: bookedMeeting(p.meetingsByAccount.get(a.id), due, config, now) });
  }
  return out;
}

/** Coverage next 30 days, "booked if due" (seed-rulebook §12 #9). */
export function coverageKpi(p: Portfolio, config: MetronomeConfig, dash: DashboardConfig, now: Date, items = coverageItems(p, config, dash, now)): Kpi {
  const n = items.filter((i) => i.booked).length;
  return kpi(
    'coverage',
    `Coverage next ${dash.coverage.horizonDays} days`,
    dash.coverage.targetPct,
    n,
    items.length,
    `Accounts whose next strategic meeting is due within ${dash.coverage.horizonDays} days (or overdue) that have it booked.`,
  );
}

/** CTAs whose first-action clock has run out, or that had a first action — the ones that can be judged. */
function judgedFirstAction(c: Cta, now: number): boolean {
  if (c.status === 'dismissed') return false;
  if (c.firstActionAt) return true;
  const due = t(c.firstActionDue);
  if (due > now) return false;
  // The engine cleared the condition before the clock ran out: nothing was owed.
  if (c.resolvedByEngineAt && t(c.resolvedByEngineAt) <= due) return false;
  return true;
}

/** First action within the CTA's own first-action deadline (≤ 72 h, business-aware per config). */
export function firstActionKpi(p: Portfolio, config: MetronomeConfig, dash: DashboardConfig, now: Date): Kpi {
  const from = addCalendarDays(now, -dash.firstAction.windowDays, config.calendar.timeZone).getTime();
  const nowMs = now.getTime();
  let n = 0;
  let m = 0;
  for (const c of p.ctas) {
    const fired = t(c.firedAt);
    if (!(fired > from && fired <= nowMs) || !judgedFirstAction(c, nowMs)) continue;
    m++;
    if (c.firstActionAt && t(c.firstActionAt) <= t(c.firstActionDue)) n++;
  }
  return kpi(
    'firstAction',
    'First action ≤ 72 h',
    dash.firstAction.targetPct,
    n,
    m,
    `CTAs fired in the last ${dash.firstAction.windowDays} days whose first-action deadline (${describeDuration(config.triggers.firstAction)} after firing, unless the trigger sets its own) passed or that had a first action; dismissed CTAs are left out.`,
  );
}

/**
 * Whether the exec sponsor counts as seen ≤ threshold: true / false, or null = no data (never seen
 * and the account known for no longer than the threshold, DECISIONS §7).
 */
export function sponsorSeen(lastSeenAt: string | null, firstSeenAt: string, thresholdDays: number, now: Date): boolean | null {
  const limit = thresholdDays * DAY_MS;
  if (lastSeenAt) return now.getTime() - t(lastSeenAt) <= limit;
  return now.getTime() - t(firstSeenAt) > limit ? false : null;
}

/** Exec sponsor seen ≤ 120 d coverage, one tile per segment group (A/B ≥ 90 %, C/D ≥ 75 %). */
export function execSponsorKpis(p: Portfolio, config: MetronomeConfig, dash: DashboardConfig, now: Date): Kpi[] {
  const days = config.health.execSponsorDays;
  return execSponsorGroups(dash.execSponsorTargetPct).map((g) => {
    let n = 0;
    let m = 0;
    for (const a of p.accounts) {
      const h = p.healthById.get(a.id);
      if (!h || !g.segments.includes(h.segment.segment)) continue;
      const seen = sponsorSeen(h.execSponsorLastSeenAt, a.firstSeenAt, days, now);
      if (seen === null) continue;
      m++;
      if (seen) n++;
    }
    return kpi(
      `execSponsor-${g.label}`,
      `Exec sponsor seen ≤ ${days} d (${g.label})`,
      g.targetPct,
      n,
      m,
      `Segment ${g.label} accounts whose exec sponsor was seen in the last ${days} days; never seen counts once the account is known > ${days} days.`,
    );
  });
}

export function allKpis(p: Portfolio, config: MetronomeConfig, dash: DashboardConfig, now: Date, coverage?: CoverageItem[]): Kpi[] {
  return [
    recapKpi(p, config, dash, now),
    decisionKpi(p, config, dash, now),
    coverageKpi(p, config, dash, now, coverage),
    firstActionKpi(p, config, dash, now),
    ...execSponsorKpis(p, config, dash, now),
  ];
}
