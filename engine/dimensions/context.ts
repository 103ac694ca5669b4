/**
 * What every dimension function reads: the account, its signals grouped by kind, the segment, the
 * configuration, the evaluation instant and windows, the cadence state, and a few facts several
 * dimensions share (exec sponsor last seen, held strategic meetings, recap rate) computed once.
 *
 * Windows end at `windowEnd` (exclusive): just after `asOf` when scoring live, the month's end when
 * freezing a month (then `asOf` is the month's last millisecond). Signals dated after `asOf` are
 * ignored everywhere, so an earlier month scores the same whenever it is frozen.
 */
import { cadenceState, type CadenceState, isStrategic } from '../cadence';
import type { MetronomeConfig } from '../config';
import { type PreparedSignals, prepareSignals } from '../prepared';
import type { Account, MeetingSignal, Segment, Signal, SignalsByKind } from '../signals';
import { addDaysInTz, DAY_MS, monthKey, monthStart, parseInstant, type Window } from '../time/zoned';

export interface HeldStrategic {
  meeting: MeetingSignal;
  /** heldAt (ms). */
  at: number;
  /** endedAt, falling back to heldAt (ms): the 48 h recap clock starts here. */
  end: number;
  /** Recap sent (ms), or null. */
  recapAt: number | null;
}

export interface ExecSponsor {
  /** Latest exec / decision-maker sighting (ms), null when never seen. */
  lastSeenAt: number | null;
  /** The signal it came from. */
  source: Signal | null;
  /** Days since last seen; never seen → days the account has been known; null = never seen and known ≤ threshold. */
  days: number | null;
  neverSeen: boolean;
  /** Days since the account was first seen. */
  knownDays: number;
}

export interface RecapRate {
  /** 0–100, null when no held strategic meeting's recap deadline has passed in the window. */
  rate: number | null;
  due: HeldStrategic[];
  onTime: number;
}

export interface DimensionContext {
  account: Account;
  signals: SignalsByKind;
  /** The same signals with their instants parsed (shared by every evaluation of the account). */
  prepared: PreparedSignals;
  segment: Segment;
  config: MetronomeConfig;
  asOf: Date;
  asOfMs: number;
  /** Exclusive end of every window. */
  windowEnd: number;
  /** "This month": month to date when live, the whole month when frozen. */
  month: Window;
  cadence: CadenceState;
  tz: string;
  /** Held strategic meetings up to asOf, oldest first. */
  heldStrategic: HeldStrategic[];
  /** Logged decisions (not "other actions") per meeting id. */
  decisionsByMeeting: Map<string, number>;
  execSponsor: ExecSponsor;
  /** All held meetings (any type) up to asOf, with heldAt parsed. */
  heldAll: { meeting: MeetingSignal; at: number }[];
  /** `observedAt` of any of the account's signals in ms, parsed once per evaluation. */
  observedMs(s: Signal): number;
  /** Window start `days` calendar days before asOf (memoised). */
  windowStart(days: number): number;
  /** Recap ≤ 48 h rate over held strategic meetings of the last `days` (memoised). */
  recapRate(days: number): RecapRate;
}

export interface ContextInput {
  account: Account;
  signals: SignalsByKind;
  segment: Segment;
  config: MetronomeConfig;
  asOf: Date;
  /** Computed here when not given. */
  cadence?: CadenceState;
  /** `signals` prepared (see prepared.ts); prepared here when not given. */
  prepared?: PreparedSignals;
}

export function buildContext(input: ContextInput): DimensionContext {
  const { account, segment, config, asOf } = input;
  const prepared = input.prepared ?? prepareSignals(input.signals);
  const signals = input.prepared ? input.prepared.by : input.signals;
  const tz = config.calendar.timeZone;
  const asOfMs = asOf.getTime();
  const cadence = input.cadence ?? cadenceState(account, signals.meeting, segment, config, asOf, prepared.meetings);

  const heldStrategic: HeldStrategic[] = [];
  const heldAll: { meeting: MeetingSignal; at: number }[] = [];
  let execAt = -Infinity;
  let execSource: Signal | null = null;
  for (const r of prepared.meetings) {
    const m = r.s;
    if (m.status !== 'held' || !m.heldAt) continue;
    const at = r.held;
    if (at > asOfMs) continue;
    heldAll.push({ meeting: m, at });
    // Exec seen: an attendee flagged exec or decision-maker on any held meeting (§7).
    if (at > execAt && m.attendees.some((a) => a.exec || a.decisionMaker)) {
      execAt = at;
      execSource = m;
    }
    if (!isStrategic(m.type, config)) continue;
    heldStrategic.push({
      meeting: m,
      at,
      end: m.endedAt ? r.ended : at,
      recapAt: m.recapSentAt ? r.recap : null,
    });
  }
  heldStrategic.sort((a, b) => a.at - b.at);
  for (const { s: e, at } of prepared.execSeen) {
    if (at <= asOfMs && at > execAt) {
      execAt = at;
      execSource = e;
    }
  }
  const knownDays = (asOfMs - parseInstant(account.firstSeenAt)) / DAY_MS;
  const neverSeen = execSource === null;
  const execSponsor: ExecSponsor = {
    lastSeenAt: neverSeen ? null : execAt,
    source: execSource,
    // Never seen and known > threshold → treated as > threshold; known less → no data (§7).
    days: !neverSeen ? (asOfMs - execAt) / DAY_MS : knownDays > config.health.execSponsorDays ? knownDays : null,
    neverSeen,
    knownDays,
  };

  const decisionsByMeeting = new Map<string, number>();
  for (const { s: d, proposed } of prepared.decisions) {
    if (d.otherAction || !d.meetingId) continue;
    if (proposed > asOfMs) continue;
    decisionsByMeeting.set(d.meetingId, (decisionsByMeeting.get(d.meetingId) ?? 0) + 1);
  }

  const starts = new Map<number, number>();
  const windowStart = (days: number): number => {
    let s = starts.get(days);
    if (s === undefined) {
      s = addDaysInTz(asOfMs, -days, tz);
      starts.set(days, s);
    }
    return s;
  };
  const recapHoursMs = config.health.recapHours * 3_600_000;
  const rates = new Map<number, RecapRate>();
  const recapRate = (days: number): RecapRate => {
    let r = rates.get(days);
    if (!r) {
      const from = windowStart(days);
      // Only meetings whose 48 h deadline has passed (§7 "Follow-up closure").
      const due = heldStrategic.filter((h) => h.at >= from && h.end + recapHoursMs <= asOfMs);
      const onTime = due.filter((h) => h.recapAt !== null && h.recapAt <= h.end + recapHoursMs).length;
      r = { rate: due.length ? (100 * onTime) / due.length : null, due, onTime };
      rates.set(days, r);
    }
    return r;
  };

  const observedMs = prepared.observedMs;

  return {
    account,
    signals,
    prepared,
    segment,
    config,
    asOf,
    asOfMs,
    windowEnd: asOfMs + 1,
    month: { start: monthStart(monthKey(asOfMs, tz), tz), end: asOfMs + 1 },
    cadence,
    tz,
    heldStrategic,
    decisionsByMeeting,
    execSponsor,
    heldAll,
    observedMs,
    windowStart,
    recapRate,
  };
}
