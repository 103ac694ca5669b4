import { describe, expect, it } from 'vitest';
import { cadenceState } from './cadence';
import { configWith, DEFAULT_CONFIG } from './config';
import { heldMeeting, makeAccount, missedMeeting, plannedMeeting } from './testing/factories';

const cfg = DEFAULT_CONFIG;
// firstSeen 2025-01-01 (factory default)
const acct = makeAccount();

describe('cadenceState — DECISIONS §7 "Expected meeting"', () => {
  it('no held meeting: first expected at firstSeenAt + cadence (C 91 d); upcoming within grace', () => {
    const s = cadenceState(acct, [], 'C', cfg, new Date('2025-04-05T00:00:00Z'));
    expect(s.expected).toEqual([
      { dueAt: '2025-04-02T00:00:00.000Z', dueMs: Date.parse('2025-04-02T00:00:00.000Z'), graceEndsAt: '2025-04-09T00:00:00.000Z', status: 'upcoming' },
    ]);
    expect(s.nextDueAt).toBe('2025-04-02T00:00:00.000Z');
    expect(s.adherence).toBeNull();
    expect(s.consecutiveMisses).toBe(0);
    expect(s.lastHeldAt).toBeNull();
  });

  it('miss only once due + 7 d grace has passed (boundary both sides)', () => {
    const at = (iso: string) => cadenceState(acct, [], 'C', cfg, new Date(iso));
    expect(at('2025-04-09T00:00:00Z').missed).toBe(0); // exactly at grace end: not yet
    const after = at('2025-04-09T00:00:01Z');
    expect(after.missed).toBe(1);
    expect(after.consecutiveMisses).toBe(1);
    expect(after.adherence).toBe(0);
    // the next counts from the due date: 2025-04-02 + 91 d
    expect(after.nextDueAt).toBe('2025-07-02T00:00:00.000Z');
  });

  it('held by due + 7 d is on time; the next is expected at held + cadence', () => {
    const m = heldMeeting('2025-04-09T00:00:00Z', { meetingId: 'q1' });
    const s = cadenceState(acct, [m], 'C', cfg, new Date('2025-05-01T00:00:00Z'));
    expect(s.expected[0]).toMatchObject({ status: 'on-time', heldMeetingId: 'q1' });
    expect(s.nextDueAt).toBe('2025-07-09T00:00:00.000Z');
    expect(s.lastHeldAt).toBe('2025-04-09T00:00:00.000Z');
    expect(s.adherence).toBe(100);
  });

  it('held one second after the grace end: miss, then the late meeting satisfies the next expected', () => {
    const m = heldMeeting('2025-04-09T00:00:01Z', { meetingId: 'late' });
    const s = cadenceState(acct, [m], 'C', cfg, new Date('2025-05-01T00:00:00Z'));
    expect(s.expected.map((e) => e.status)).toEqual(['missed', 'on-time', 'upcoming']);
    expect(s.expected[1]!.dueAt).toBe('2025-07-02T00:00:00.000Z');
    expect(s.consecutiveMisses).toBe(0); // a held meeting resets the count
    expect(s.onTime).toBe(0); // the on-time one is due in the future: not in adherence yet
    expect(s.missed).toBe(1);
    expect(s.adherence).toBe(0);
  });

  it('uses the segment cadence (A 30 d, D 182 d)', () => {
    expect(cadenceState(acct, [], 'A', cfg, new Date('2025-01-15T00:00:00Z')).nextDueAt).toBe('2025-01-31T00:00:00.000Z');
    expect(cadenceState(acct, [], 'D', cfg, new Date('2025-01-15T00:00:00Z')).nextDueAt).toBe('2025-07-02T00:00:00.000Z');
  });

  it('only strategic types count: an Ops check-in neither satisfies nor resets', () => {
    const ops = heldMeeting('2025-03-01T00:00:00Z', { type: 'Ops check-in' });
    const s = cadenceState(acct, [ops], 'C', cfg, new Date('2025-05-01T00:00:00Z'));
    expect(s.missed).toBe(1);
    expect(s.lastHeldAt).toBeNull();
  });

  it('a user-planned date replaces held + cadence; miss after planned + grace', () => {
    const h = heldMeeting('2025-01-20T00:00:00Z');
    const p = plannedMeeting('2025-03-01T00:00:00Z', { meetingId: 'p1' });
    const before = cadenceState(acct, [h, p], 'C', cfg, new Date('2025-03-08T00:00:00Z'));
    expect(before.nextDueAt).toBe('2025-03-01T00:00:00.000Z');
    expect(before.missed).toBe(0);
    const after = cadenceState(acct, [h, p], 'C', cfg, new Date('2025-03-08T00:00:01Z'));
    expect(after.expected.at(-2)).toMatchObject({ status: 'missed', missedMeetingId: 'p1' });
    expect(after.nextDueAt).toBe('2025-05-31T00:00:00.000Z'); // 2025-03-01 + 91 d
  });

  it('a planned meeting held up to grace days early fulfils the plan', () => {
    const p = plannedMeeting('2025-03-01T00:00:00Z', { meetingId: 'p1' });
    const h = heldMeeting('2025-02-22T00:00:00Z', { meetingId: 'h1' });
    const s = cadenceState(acct, [p, h], 'C', cfg, new Date('2025-03-20T00:00:00Z'));
    expect(s.expected[0]).toMatchObject({ status: 'on-time', heldMeetingId: 'h1', dueAt: '2025-03-01T00:00:00.000Z' });
    expect(s.nextDueAt).toBe('2025-05-24T00:00:00.000Z');
    expect(s.missed).toBe(0);
  });

  it('a meeting held more than grace before a plan is extra: the plan still stands (§5)', () => {
    const p = plannedMeeting('2025-03-01T00:00:00Z', { meetingId: 'p1' });
    const h = heldMeeting('2025-02-21T23:59:59Z', { meetingId: 'h1' });
    const s = cadenceState(acct, [p, h], 'C', cfg, new Date('2025-03-20T00:00:00Z'));
    expect(s.expected[0]).toMatchObject({ status: 'missed', missedMeetingId: 'p1' });
    expect(s.lastHeldAt).toBe('2025-02-21T23:59:59.000Z');
    expect(s.consecutiveMisses).toBe(1);
  });

  it('a meeting held just before a logged-missed date does not cancel the miss', () => {
    const h = heldMeeting('2025-04-28T00:00:00Z');
    const m = missedMeeting('2025-05-01T15:00:00Z', { meetingId: 'm1' });
    const s = cadenceState(acct, [h, m], 'C', cfg, new Date('2025-05-01T16:00:00Z'));
    expect(s.consecutiveMisses).toBe(1);
    expect(s.expected.find((e) => e.status === 'missed')?.missedMeetingId).toBe('m1');
  });

  it('a held meeting keeps its planned date: held within grace is on time, held later misses that date', () => {
    const h0 = heldMeeting('2025-01-20T00:00:00Z');
    const onTime = heldMeeting('2025-03-05T00:00:00Z', { plannedFor: '2025-03-01T00:00:00Z', meetingId: 'q' });
    const a = cadenceState(acct, [h0, onTime], 'C', cfg, new Date('2025-04-01T00:00:00Z'));
    expect(a.expected.map((e) => [e.dueAt.slice(0, 10), e.status])).toEqual([
      ['2025-03-01', 'on-time'],
      ['2025-06-04', 'upcoming'],
    ]);
    const late = heldMeeting('2025-03-20T00:00:00Z', { plannedFor: '2025-03-01T00:00:00Z', meetingId: 'q' });
    const b = cadenceState(acct, [h0, late], 'C', cfg, new Date('2025-04-01T00:00:00Z'));
    expect(b.expected.map((e) => [e.dueAt.slice(0, 10), e.status, e.heldMeetingId ?? e.missedMeetingId])).toEqual([
      ['2025-03-01', 'missed', 'q'],
      ['2025-05-31', 'on-time', 'q'],
      ['2025-06-19', 'upcoming', undefined],
    ]);
    expect(b.consecutiveMisses).toBe(0);
    // held well before its planned date: the plan was fulfilled early
    const early = heldMeeting('2025-02-10T00:00:00Z', { plannedFor: '2025-03-01T00:00:00Z', meetingId: 'q' });
    const c = cadenceState(acct, [h0, early], 'C', cfg, new Date('2025-04-01T00:00:00Z'));
    expect(c.missed).toBe(0);
    expect(c.nextDueAt).toBe('2025-05-12T00:00:00.000Z');
  });

  it('explicit "missed" logs count at once; two in a row → consecutiveMisses 2 immediately', () => {
    const h = heldMeeting('2025-02-01T00:00:00Z');
    const m1 = missedMeeting('2025-05-01T15:00:00Z', { meetingId: 'm1' });
    const one = cadenceState(acct, [h, m1], 'C', cfg, new Date('2025-05-01T16:00:00Z'));
    expect(one.consecutiveMisses).toBe(1);
    const m2 = missedMeeting('2025-05-08T15:00:00Z', { meetingId: 'm2' });
    const two = cadenceState(acct, [h, m1, m2], 'C', cfg, new Date('2025-05-08T16:00:00Z'));
    expect(two.consecutiveMisses).toBe(2);
    expect(two.expected.filter((e) => e.status === 'missed').map((e) => e.missedMeetingId)).toEqual(['m1', 'm2']);
    expect(two.nextDueAt).toBe('2025-08-07T15:00:00.000Z'); // counts from the missed due date
    // then a held meeting resets the count
    const h2 = heldMeeting('2025-05-12T15:00:00Z');
    expect(cadenceState(acct, [h, m1, m2, h2], 'C', cfg, new Date('2025-05-13T00:00:00Z')).consecutiveMisses).toBe(0);
  });

  it('a "missed" log of a meeting in the future does not count before it is logged or due', () => {
    const m = missedMeeting('2025-06-01T15:00:00Z', { observedAt: '2025-06-01T16:00:00Z' });
    const s = cadenceState(acct, [m], 'C', cfg, new Date('2025-03-01T00:00:00Z'));
    expect(s.missed).toBe(0);
  });

  it('a missed log and a make-up meeting within grace: miss, then held resets', () => {
    const h = heldMeeting('2025-02-01T00:00:00Z');
    const m = missedMeeting('2025-05-01T15:00:00Z');
    const makeUp = heldMeeting('2025-05-04T15:00:00Z', { meetingId: 'mu' });
    const s = cadenceState(acct, [h, m, makeUp], 'C', cfg, new Date('2025-05-05T00:00:00Z'));
    expect(s.expected.map((e) => e.status)).toEqual(['missed', 'on-time', 'upcoming']); // Feb 1 was an extra meeting before the plan
    expect(s.consecutiveMisses).toBe(0);
  });

  it('three consecutive cadence misses without any log (D-segment review step)', () => {
    const s = cadenceState(acct, [], 'A', cfg, new Date('2025-04-10T00:00:00Z'));
    // due 01-31, 03-02, 04-01 (grace 04-08) → 3 misses; next 05-01 upcoming
    expect(s.expected.map((e) => e.dueAt.slice(0, 10))).toEqual(['2025-01-31', '2025-03-02', '2025-04-01', '2025-05-01']);
    expect(s.consecutiveMisses).toBe(3);
    expect(s.adherence).toBe(0);
  });

  it('adherence counts only expected meetings due in the last 180 d', () => {
    // A: 30-d cadence. First-seen long ago; meetings held on time in the last ~6 months only.
    const a = makeAccount({ firstSeenAt: '2024-01-01T00:00:00Z' });
    const held = ['2024-10-20', '2024-11-19', '2024-12-19', '2025-01-18', '2025-02-17', '2025-03-19'].map((d) =>
      heldMeeting(`${d}T12:00:00Z`),
    );
    const s = cadenceState(a, held, 'A', cfg, new Date('2025-04-01T00:00:00Z'));
    // 2024: 9 misses (Jan 31 … ) then on-time; window 2024-10-03 → only the on-time ones and maybe one miss
    const inWindow = s.expected.filter(
      (e) => e.status !== 'upcoming' && Date.parse(e.dueAt) >= Date.parse('2024-10-03T00:00:00Z') && Date.parse(e.dueAt) <= Date.parse('2025-04-01T00:00:00Z'),
    );
    expect(s.onTime + s.missed).toBe(inWindow.length);
    expect(s.onTime).toBe(inWindow.filter((e) => e.status === 'on-time').length);
    expect(s.consecutiveMisses).toBe(0);
    expect(s.adherence).toBeCloseTo((100 * s.onTime) / (s.onTime + s.missed), 10);
  });

  it('held meetings imported from before firstSeenAt start the chain', () => {
    const a = makeAccount({ firstSeenAt: '2025-03-01T00:00:00Z' });
    const h = heldMeeting('2025-02-01T00:00:00Z');
    const s = cadenceState(a, [h], 'C', cfg, new Date('2025-03-02T00:00:00Z'));
    expect(s.nextDueAt).toBe('2025-05-03T00:00:00.000Z');
    expect(s.lastHeldAt).toBe('2025-02-01T00:00:00.000Z');
  });

  it('held meetings after asOf are ignored (scoring an earlier month)', () => {
    const h = heldMeeting('2025-05-01T00:00:00Z');
    const s = cadenceState(acct, [h], 'C', cfg, new Date('2025-04-20T00:00:00Z'));
    expect(s.missed).toBe(1);
    expect(s.lastHeldAt).toBeNull();
  });

  it('deleted meetings are ignored', () => {
    const h = { ...heldMeeting('2025-03-01T00:00:00Z'), deletedAt: '2025-03-02T00:00:00Z' };
    expect(cadenceState(acct, [h], 'C', cfg, new Date('2025-05-01T00:00:00Z')).missed).toBe(1);
  });

  it('adds calendar days in the user time zone across DST (America/New_York)', () => {
    const ny = configWith({ calendar: { timeZone: 'America/New_York' } });
    // held 2025-02-20 09:00 EST (14:00Z); +91 d = 2025-05-22 09:00 EDT (13:00Z)
    const h = heldMeeting('2025-02-20T14:00:00Z');
    const s = cadenceState(acct, [h], 'C', ny, new Date('2025-03-01T00:00:00Z'));
    expect(s.nextDueAt).toBe('2025-05-22T13:00:00.000Z');
    expect(s.expected.at(-1)!.graceEndsAt).toBe('2025-05-29T13:00:00.000Z');
  });

  it('cadence days and grace come from config', () => {
    const c = configWith({ segments: { strategicCadenceDays: { C: 10 }, graceDays: 0 } });
    const s = cadenceState(acct, [], 'C', c, new Date('2025-01-11T00:00:01Z'));
    expect(s.expected[0]).toMatchObject({ dueAt: '2025-01-11T00:00:00.000Z', status: 'missed' });
  });
});

describe('cadenceState — planned dates far ahead', () => {
  it('a plan more than one cadence past the cadence date does not hide the misses before it (A, monthly)', () => {
    const a = makeAccount({ firstSeenAt: '2026-01-01T00:00:00Z' });
    const held = ['2026-04-01T15:00:00Z', '2026-07-01T15:00:00Z', '2026-09-30T15:00:00Z'].map((at) => heldMeeting(at));
    const m = missedMeeting('2026-11-01T15:00:00Z', { meetingId: 'nov' });
    const s = cadenceState(a, [...held, m], 'A', DEFAULT_CONFIG, new Date('2026-11-20T12:00:00Z'));
    expect(s.expected.map((e) => `${e.dueAt.slice(0, 10)} ${e.status}`)).toEqual([
      '2026-01-31 missed',
      '2026-03-02 missed',
      '2026-04-01 on-time',
      '2026-05-01 missed',
      '2026-05-31 missed',
      '2026-06-30 on-time',
      '2026-07-31 missed',
      '2026-08-30 missed',
      '2026-09-29 on-time',
      '2026-11-01 missed', // the logged miss (within one cadence of 10-30) replaces the cadence date
      '2026-12-01 upcoming',
    ]);
    expect(s.consecutiveMisses).toBe(1);
    // window from 2026-05-24: 2 on time, 4 missed
    expect([s.onTime, s.missed]).toEqual([2, 4]);
  });

  it('a plan exactly one cadence past the cadence date still applies; one second later it waits', () => {
    const h = heldMeeting('2025-01-01T00:00:00Z');
    // C: cadence date 2025-04-02; limit 2025-07-02
    const ok = cadenceState(acct, [h, plannedMeeting('2025-07-02T00:00:00Z')], 'C', cfg, new Date('2025-04-20T00:00:00Z'));
    expect(ok.nextDueAt).toBe('2025-07-02T00:00:00.000Z');
    const far = cadenceState(acct, [h, plannedMeeting('2025-07-02T00:00:01Z')], 'C', cfg, new Date('2025-04-20T00:00:00Z'));
    expect(far.missed).toBe(1); // 2025-04-02 missed
    expect(far.nextDueAt).toBe('2025-07-02T00:00:01.000Z'); // now within reach: the plan applies
  });
});
