// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { configWith, DEFAULT_CONFIG } from '../../engine/config';
import type { MeetingSignal } from '../../engine/signals';
import { DASHBOARD_DEFAULTS as DASH, execSponsorGroups } from './config';
import { bookedMeeting, coverageKpi, decisionKpi, execSponsorKpis, firstActionKpi, meetsTarget, recapKpi, sponsorSeen } from './kpis';
import { acct, cta, decision, health, meeting, NOW, portfolio } from './testing';

const C = DEFAULT_CONFIG; // time zone UTC
const H = 3_600_000;
const D = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();
const now = NOW.getTime();

describe('meetsTarget: n of m against "≥ target %"', () => {
  it('95% exactly passes (19 of 20), 94.9% fails (949 of 1000), m = 0 is No data', () => {
    expect(meetsTarget(19, 20, 95)).toBe(true);
    expect(meetsTarget(949, 1000, 95)).toBe(false);
    expect(meetsTarget(950, 1000, 95)).toBe(true);
    expect(meetsTarget(7, 10, 70)).toBe(true);
    expect(meetsTarget(699, 1000, 70)).toBe(false);
    expect(meetsTarget(0, 0, 95)).toBeNull();
  });
});

describe('recap ≤ 48 h KPI [L116] [L204] (DECISIONS §6, §7 follow-up closure)', () => {
  /** A held strategic meeting that ended so its 48 h deadline is `deadline`; recap `late` ms after the deadline (null = none). */
  const held = (id: string, deadline: number, late: number | null, over: Partial<MeetingSignal> = {}) =>
    meeting('a', {
      meetingId: id,
      heldAt: at(deadline - 49 * H),
      endedAt: at(deadline - 48 * H),
      ...(late === null ? {} : { recapSentAt: at(deadline + late) }),
      ...over,
    });

  it('19 of 20 on time → 95% passes; the 20th sent one minute late fails', () => {
    const meetings = Array.from({ length: 20 }, (_, i) => held(`m${i}`, now - (i + 1) * D, i === 0 ? 60_000 : 0));
    const k = recapKpi(portfolio({ accounts: [acct('a')], meetings }), C, DASH, NOW);
    expect(k).toMatchObject({ n: 19, m: 20, valuePct: 95, pass: true, targetText: '≥ 95%' });
  });

  it('949 of 1000 → 94.9% fails', () => {
    const meetings = Array.from({ length: 1000 }, (_, i) => held(`m${i}`, now - 1000 - i * 60_000, i < 949 ? 0 : null));
    const k = recapKpi(portfolio({ accounts: [acct('a')], meetings }), C, DASH, NOW);
    expect(k.n).toBe(949);
    expect(k.m).toBe(1000);
    expect(k.valuePct).toBeCloseTo(94.9, 10);
    expect(k.pass).toBe(false);
  });

  it('counts only meetings whose 48 h passed in the last 90 days; held, strategic, live account only', () => {
    const from = now - 90 * D; // UTC: 90 calendar days = 90 × 24 h
    const meetings = [
      held('in', now - D, 0),
      held('deadline-not-passed', now + H, 0),
      held('exactly-90-days', from, 0), // deadline must be after the window start
      held('just-inside', from + 1000, 0),
      held('ops', now - D, 0, { type: 'Ops check-in' }),
      meeting('a', { meetingId: 'planned', status: 'planned', plannedFor: at(now - 5 * D), heldAt: undefined }),
      held('gone', now - D, 0, { accountId: 'deleted' }),
    ];
    const k = recapKpi(portfolio({ accounts: [acct('a'), acct('deleted', { deletedAt: '2026-11-01T00:00:00Z' })], meetings }), C, DASH, NOW);
    expect(k).toMatchObject({ n: 2, m: 2 });
  });

  it('the clock starts at the end (falls back to heldAt); recap at exactly 48 h counts', () => {
    const heldAt = now - 10 * D;
    const meetings = [
      meeting('a', { meetingId: 'x', heldAt: at(heldAt), recapSentAt: at(heldAt + 48 * H) }),
      meeting('a', { meetingId: 'y', heldAt: at(heldAt), recapSentAt: at(heldAt + 48 * H + 1) }),
      meeting('a', { meetingId: 'z', heldAt: at(heldAt), endedAt: at(heldAt + 2 * H), recapSentAt: at(heldAt + 49 * H) }),
    ];
    expect(recapKpi(portfolio({ accounts: [acct('a')], meetings }), C, DASH, NOW)).toMatchObject({ n: 2, m: 3 });
  });

  it('no meeting → No data (m = 0, pass null), never a pass', () => {
    expect(recapKpi(portfolio({ accounts: [acct('a')] }), C, DASH, NOW)).toMatchObject({ n: 0, m: 0, valuePct: null, pass: null });
  });

  it('recap hours come from config (health.recapHours)', () => {
    const c = configWith({ health: { recapHours: 24 } });
    const heldAt = now - 10 * D;
    const meetings = [meeting('a', { meetingId: 'x', heldAt: at(heldAt), recapSentAt: at(heldAt + 30 * H) })];
    const k = recapKpi(portfolio({ accounts: [acct('a')], meetings }), c, DASH, NOW);
    expect(k).toMatchObject({ label: 'Recap ≤ 24 h', n: 0, m: 1, pass: false });
  });
});

describe('≥ 1 logged decision in ≥ 70% of strategic meetings [L116] [L204]', () => {
  it('7 of 10 → 70% passes; other actions and another account’s decision do not count', () => {
    const meetings = Array.from({ length: 10 }, (_, i) => meeting('a', { meetingId: `m${i}`, heldAt: at(now - (i + 1) * D) }));
    const decisions = [
      ...Array.from({ length: 7 }, (_, i) => decision('a', { meetingId: `m${i}` })),
      decision('a', { meetingId: 'm7', otherAction: true }),
      decision('b', { meetingId: 'm8' }),
    ];
    const k = decisionKpi(portfolio({ accounts: [acct('a'), acct('b')], meetings, decisions }), C, DASH, NOW);
    expect(k).toMatchObject({ n: 7, m: 10, valuePct: 70, pass: true });
  });

  it('6 of 10 fails; a meeting with two decisions counts once; held 90+ days ago is out', () => {
    const meetings = [
      ...Array.from({ length: 10 }, (_, i) => meeting('a', { meetingId: `m${i}`, heldAt: at(now - (i + 1) * D) })),
      meeting('a', { meetingId: 'old', heldAt: at(now - 90 * D) }),
    ];
    const decisions = [
      decision('a', { meetingId: 'm0' }),
      decision('a', { meetingId: 'm0' }),
      ...Array.from({ length: 5 }, (_, i) => decision('a', { meetingId: `m${i + 1}`, status: 'yes', decidedAt: at(now - D) })),
      decision('a', { meetingId: 'old' }),
    ];
    const k = decisionKpi(portfolio({ accounts: [acct('a')], meetings, decisions }), C, DASH, NOW);
    expect(k).toMatchObject({ n: 6, m: 10, valuePct: 60, pass: false });
  });

  it('m = 0 → No data', () => {
    expect(decisionKpi(portfolio(), C, DASH, NOW)).toMatchObject({ m: 0, pass: null, valuePct: null });
  });
});

describe('coverage next 30 days, "booked if due" (seed-rulebook §12 #9)', () => {
  const due = (days: number) => at(now + days * D);
  const accounts = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => acct(id));
  const healthRows = [
    health('a', { nextStrategicMeetingDue: due(10) }),
    health('b', { nextStrategicMeetingDue: due(20) }),
    health('c', { nextStrategicMeetingDue: due(40) }), // not due within 30 days: out
    health('d', { nextStrategicMeetingDue: due(-3) }), // overdue: in
    health('e', { nextStrategicMeetingDue: due(5) }),
    health('f', { nextStrategicMeetingDue: due(30) }), // exactly at the horizon: in
    health('g'), // no due date known: out
  ];
  const meetings = [
    meeting('a', { status: 'planned', plannedFor: due(10), heldAt: undefined }),
    meeting('d', { status: 'planned', plannedFor: due(1), heldAt: undefined }),
    meeting('e', { status: 'planned', plannedFor: due(4), heldAt: undefined, type: 'Ops check-in' }), // not strategic
    meeting('b', { status: 'planned', plannedFor: due(-1), heldAt: undefined }), // in the past
  ];

  it('2 of 5 booked → 40% fails; c (40 d) and g (unknown) are not counted, f (exactly 30 d) is', () => {
    const k = coverageKpi(portfolio({ accounts, health: healthRows, meetings }), C, DASH, NOW);
    expect(k).toMatchObject({ n: 2, m: 5, valuePct: 40, pass: false });
  });

  it('a booking counts until the due date + grace (7 d), not after', () => {
    const dueAt = due(10);
    const ok = meeting('a', { status: 'planned', plannedFor: due(17), heldAt: undefined });
    const late = meeting('a', { status: 'planned', plannedFor: at(now + 17 * D + 1), heldAt: undefined });
    expect(bookedMeeting([ok], dueAt, C, NOW)?.meetingId).toBe(ok.meetingId);
    expect(bookedMeeting([late], dueAt, C, NOW)).toBeNull();
  });

  it('no account due → No data', () => {
    expect(coverageKpi(portfolio({ accounts: [acct('c')], health: [health('c', { nextStrategicMeetingDue: due(31) })] }), C, DASH, NOW)).toMatchObject({
      m: 0,
      pass: null,
    });
  });
});

describe('first action ≤ 72 h [L183] [L205]', () => {
  it('judges CTAs whose first-action clock ran out or that had a first action', () => {
    const fired = at(now - 10 * D);
    const due = at(now - 7 * D);
    const ctas = [
      cta('a', { firedAt: fired, firstActionDue: due, firstActionAt: at(now - 8 * D) }), // on time
      cta('a', { firedAt: fired, firstActionDue: due, firstActionAt: due }), // exactly at the deadline: on time
      cta('a', { firedAt: fired, firstActionDue: due, firstActionAt: at(now - 7 * D + 1) }), // late
      cta('a', { firedAt: fired, firstActionDue: due }), // none, deadline passed: late
      cta('a', { firedAt: at(now - H), firstActionDue: at(now + 2 * D) }), // clock still running: out
      cta('a', { firedAt: fired, firstActionDue: due, status: 'dismissed' }), // dismissed: out
      cta('a', { firedAt: fired, firstActionDue: due, resolvedByEngineAt: at(now - 9 * D) }), // cleared before the deadline: out
      cta('a', { firedAt: at(now - 91 * D), firstActionDue: at(now - 88 * D) }), // fired before the window: out
      cta('a', { firedAt: fired, firstActionDue: due, firstActionAt: at(now - 9 * D), status: 'done', doneAt: at(now - 9 * D) }), // done, on time
    ];
    const k = firstActionKpi(portfolio({ accounts: [acct('a')], ctas }), C, DASH, NOW);
    expect(k).toMatchObject({ n: 3, m: 5, valuePct: 60, pass: false });
  });

  it('no CTA → No data', () => {
    expect(firstActionKpi(portfolio({ accounts: [acct('a')] }), C, DASH, NOW)).toMatchObject({ m: 0, pass: null });
  });
});

describe('exec sponsor seen ≤ 120 d coverage: A/B ≥ 90%, C/D ≥ 75% [L183] [L204]', () => {
  it('sponsorSeen: exactly 120 days is seen, 120 d + 1 ms is not; never seen is no data until known > 120 d (DECISIONS §7)', () => {
    expect(sponsorSeen(at(now - 120 * D), '2020-01-01T00:00:00Z', 120, NOW)).toBe(true);
    expect(sponsorSeen(at(now - 120 * D - 1), '2020-01-01T00:00:00Z', 120, NOW)).toBe(false);
    expect(sponsorSeen(null, at(now - 121 * D), 120, NOW)).toBe(false);
    expect(sponsorSeen(null, at(now - 60 * D), 120, NOW)).toBeNull();
  });

  it('one tile per segment group with n of m', () => {
    const accounts = [
      acct('a1'),
      acct('a2'),
      acct('b1', { firstSeenAt: at(now - 30 * D) }),
      acct('c1'),
      acct('c2'),
      acct('c3'),
      acct('c4'),
      acct('d1'),
    ];
    const seen = at(now - 10 * D);
    const healthRows = [
      health('a1', { seg: 'A', execSponsorLastSeenAt: seen }),
      health('a2', { seg: 'B', execSponsorLastSeenAt: at(now - 200 * D) }),
      health('b1', { seg: 'B' }), // never seen, known 30 days: no data
      health('c1', { seg: 'C', execSponsorLastSeenAt: seen }),
      health('c2', { seg: 'C', execSponsorLastSeenAt: seen }),
      health('c3', { seg: 'D', execSponsorLastSeenAt: seen }),
      health('c4', { seg: 'D' }), // never seen, known since 2025: not seen
      // d1 has no health: not counted
    ];
    const [ab, cd] = execSponsorKpis(portfolio({ accounts, health: healthRows }), C, DASH, NOW);
    expect(ab).toMatchObject({ label: 'Exec sponsor seen ≤ 120 d (A/B)', n: 1, m: 2, valuePct: 50, pass: false, targetPct: 90 });
    expect(cd).toMatchObject({ label: 'Exec sponsor seen ≤ 120 d (C/D)', n: 3, m: 4, valuePct: 75, pass: true, targetPct: 75 });
  });

  it('one tile per run of segments with the same target: a user target for B alone splits A/B', () => {
    expect(execSponsorGroups(DASH.execSponsorTargetPct).map((g) => `${g.label} ${g.targetPct}`)).toEqual(['A/B 90', 'C/D 75']);
    expect(execSponsorGroups({ A: 90, B: 80, C: 75, D: 75 }).map((g) => `${g.label} ${g.targetPct}`)).toEqual(['A 90', 'B 80', 'C/D 75']);
    expect(execSponsorGroups({ A: 80, B: 80, C: 80, D: 80 }).map((g) => g.label)).toEqual(['A/B/C/D']);
    const dash = { ...DASH, execSponsorTargetPct: { A: 90, B: 80, C: 75, D: 75 } };
    const tiles = execSponsorKpis(portfolio({ accounts: [acct('b1')], health: [health('b1', { seg: 'B', execSponsorLastSeenAt: at(now - D) })] }), C, dash, NOW);
    expect(tiles.map((k) => [k.label, k.targetPct, k.n, k.m])).toEqual([
      ['Exec sponsor seen ≤ 120 d (A)', 90, 0, 0],
      ['Exec sponsor seen ≤ 120 d (B)', 80, 1, 1],
      ['Exec sponsor seen ≤ 120 d (C/D)', 75, 0, 0],
    ]);
  });

  it('no scored account in a group → No data', () => {
    const [ab, cd] = execSponsorKpis(portfolio({ accounts: [acct('c1')], health: [health('c1', { seg: 'C', execSponsorLastSeenAt: at(now - D) })] }), C, DASH, NOW);
    expect(ab).toMatchObject({ m: 0, pass: null, valuePct: null });
    expect(cd).toMatchObject({ n: 1, m: 1, pass: true });
  });
});
