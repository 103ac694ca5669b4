/**
 * Expected strategic meetings and cadence adherence (DECISIONS §5, §7 "Expected meeting").
 *
 * Walk forward from the account's start:
 * - the next meeting is expected at (last held | first seen | last missed due date) + segment cadence,
 *   unless the user planned a specific date after that point (a `planned` or `missed` meeting's
 *   `plannedFor`) no later than one more cadence past it: then that date;
 * - it is **held on time** if a strategic meeting is held by due + grace (7 d);
 * - it is a **miss** once due + grace passes without one; the next then counts from the due date;
 * - a meeting the user logs as `missed` is a miss at once (no grace): users log it right after it
 *   did not happen, and two such logs in a row are two consecutive misses;
 * - a held meeting logged with the date it was planned for keeps that date: held later than its
 *   grace is a miss of the planned date (and then counts for the next expected meeting);
 * - a meeting held well before a planned date (more than the grace before it) is an extra meeting:
 *   it resets the count, but the plan still stands;
 * - any held strategic meeting resets the consecutive-miss count.
 */
import type { MetronomeConfig } from './config';
import type { MeetingRec } from './prepared';
import type { Account, MeetingSignal, Segment } from './signals';
import { addDaysInTz, iso, parseInstant, parseOptionalInstant as opt } from './time/zoned';

export interface ExpectedMeeting {
  dueAt: string;
  /** `dueAt` in epoch ms (read in every dimension: kept, not parsed again). */
  dueMs: number;
  graceEndsAt: string;
  status: 'on-time' | 'missed' | 'upcoming';
  heldMeetingId?: string;
  missedMeetingId?: string;
}

export interface CadenceState {
  expected: ExpectedMeeting[];
  consecutiveMisses: number;
  lastHeldAt: string | null;
  nextDueAt: string | null;
  /** 0–100: on time / (on time + missed) over expected meetings due in the last `windowDays`; null = none. */
  adherence: number | null;
  /** Expected meetings due in the window that were held on time / missed. */
  onTime: number;
  missed: number;
}

/** Whether a meeting type counts as strategic under this configuration (default = `isStrategicType`). */
export function isStrategic(type: MeetingSignal['type'], config: MetronomeConfig): boolean {
  return config.segments.strategicMeetingTypes.includes(type);
}

interface Held {
  at: number;
  meetingId: string;
}
interface PlannedDate {
  at: number;
  meetingId: string;
  /** Logged explicitly as missed: a miss at once. */
  explicitMiss: boolean;
}

/** Safety cap on expected meetings walked (10 years of a 1-day cadence); never reached in practice. */
const MAX_STEPS = 4000;

export function cadenceState(
  account: Account,
  meetings: readonly MeetingSignal[],
  segment: Segment,
  config: MetronomeConfig,
  asOf: Date,
  /** `meetings` with their instants parsed (prepared.ts), when the caller has them. */
  records?: readonly MeetingRec[],
): CadenceState {
  const tz = config.calendar.timeZone;
  const asOfMs = asOf.getTime();
  const cadenceDays = config.segments.strategicCadenceDays[segment];
  const graceDays = config.segments.graceDays;
  const windowStart = addDaysInTz(asOfMs, -config.segments.windowDays, tz);

  const recs = records ?? meetings.map((m) => ({ s: m, held: opt(m.heldAt), ended: NaN, recap: NaN, planned: opt(m.plannedFor) }));
  const held: Held[] = [];
  const planned: PlannedDate[] = [];
  const heldIds = new Set<string>();
  for (const r of recs) {
    const m = r.s;
    if (m.deletedAt || m.status !== 'held' || !m.heldAt || !isStrategic(m.type, config)) continue;
    const at = r.held;
    if (at > asOfMs) continue; // not yet (when scoring an earlier month)
    held.push({ at, meetingId: m.meetingId });
    heldIds.add(m.meetingId);
  }
  const graceMs = (at: number) => addDaysInTz(at, -graceDays, tz);
  for (const r of recs) {
    const m = r.s;
    if (m.deletedAt || !m.plannedFor || !isStrategic(m.type, config)) continue;
    if (m.status === 'held' && m.heldAt) {
      // A held meeting keeps the date it was planned for: held within grace of it is on time, held
      // later is a miss of that date; held well before it, the plan was fulfilled early.
      const plannedAt = r.planned;
      const heldAt = r.held;
      if (heldAt <= asOfMs && heldAt >= graceMs(plannedAt)) planned.push({ at: plannedAt, meetingId: m.meetingId, explicitMiss: false });
      continue;
    }
    if (m.status !== 'planned' && m.status !== 'missed') continue;
    if (heldIds.has(m.meetingId)) continue; // a stale copy of a meeting that was held
    const at = r.planned;
    if (m.status === 'missed') {
      // Counts once it was due or once the user logged it, whichever is first.
      if (Math.min(at, parseInstant(m.observedAt)) > asOfMs) continue;
      planned.push({ at, meetingId: m.meetingId, explicitMiss: true });
    } else {
      planned.push({ at, meetingId: m.meetingId, explicitMiss: false });
    }
  }
  held.sort((a, b) => a.at - b.at);
  planned.sort((a, b) => a.at - b.at || Number(b.explicitMiss) - Number(a.explicitMiss));

  const expected: ExpectedMeeting[] = [];
  let hi = 0;
  let pi = 0;
  let from = parseInstant(account.firstSeenAt);
  // History imported from before the account was first seen: the chain starts at the earliest held meeting.
  const firstHeld = held[0];
  if (firstHeld && firstHeld.at <= from) {
    from = firstHeld.at;
    hi = 1;
  }

  let nextDueAt: string | null = null;
  let misses = 0; // consecutive, reset by any held strategic meeting
  for (let step = 0; step < MAX_STEPS; step++) {
    while (pi < planned.length && planned[pi]!.at <= from) pi++;
    const cadenceDue = addDaysInTz(from, cadenceDays, tz);
    // A planned date reschedules the *next* meeting only; one further out than a whole cadence past
    // the cadence date waits its turn, so a far-off plan cannot hide the misses before it.
    const candidate = planned[pi];
    const plan = candidate && candidate.at <= addDaysInTz(cadenceDue, cadenceDays, tz) ? candidate : undefined;
    const due = plan ? plan.at : cadenceDue;
    const graceEnd = addDaysInTz(due, graceDays, tz);
    const next = held[hi];

    if (plan && next && next.at < (plan.explicitMiss ? due : addDaysInTz(due, -graceDays, tz))) {
      // Held well before the planned date: an extra meeting. It resets the miss count and moves the
      // chain, but the user's plan still stands (a planned meeting that is not held is a miss, §5).
      from = next.at;
      hi++;
      misses = 0;
      continue;
    }
    if (plan?.explicitMiss) {
      expected.push({ dueAt: iso(due), dueMs: due, graceEndsAt: iso(graceEnd), status: 'missed', missedMeetingId: plan.meetingId });
      from = due;
      pi++;
      misses++;
      continue;
    }
    if (next && next.at <= graceEnd) {
      expected.push({ dueAt: iso(due), dueMs: due, graceEndsAt: iso(graceEnd), status: 'on-time', heldMeetingId: next.meetingId });
      from = next.at;
      hi++;
      misses = 0;
      if (plan) pi++; // the plan was fulfilled
      continue;
    }
    if (graceEnd < asOfMs) {
      const e: ExpectedMeeting = { dueAt: iso(due), dueMs: due, graceEndsAt: iso(graceEnd), status: 'missed' };
      if (plan) e.missedMeetingId = plan.meetingId;
      expected.push(e);
      from = due;
      if (plan) pi++;
      misses++;
      continue;
    }
    expected.push({ dueAt: iso(due), dueMs: due, graceEndsAt: iso(graceEnd), status: 'upcoming' });
    nextDueAt = iso(due);
    break;
  }

  let onTime = 0;
  let missed = 0;
  for (const e of expected) {
    if (e.status === 'upcoming') continue;
    const due = e.dueMs;
    if (due < windowStart) continue;
    // An explicit miss logged ahead of its date still counts; a meeting held early for a future due does not yet.
    if (due > asOfMs && e.status !== 'missed') continue;
    if (e.status === 'on-time') onTime++;
    else missed++;
  }
  const lastHeld = held[held.length - 1];
  return {
    expected,
    consecutiveMisses: misses,
    lastHeldAt: lastHeld ? iso(lastHeld.at) : null,
    nextDueAt,
    adherence: onTime + missed > 0 ? (100 * onTime) / (onTime + missed) : null,
    onTime,
    missed,
  };
}
