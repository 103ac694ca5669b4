// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../engine/config';
import { DASHBOARD_DEFAULTS as DASH } from './config';
import { ownerText } from './portfolio';
import { acct, cta, decision, health, meeting, NOW, portfolio, snapshot } from './testing';
import { atRiskWatchlist, coverageWatchlist, cxWatchlist, firstActionSummary, median, openDecisionsWatchlist, pastDueWatchlist, previousMonths } from './watchlists';

const C = DEFAULT_CONFIG;
const H = 3_600_000;
const D = 86_400_000;
const now = NOW.getTime();
const at = (ms: number) => new Date(ms).toISOString();

describe('previousMonths', () => {
  it('the months before the current one in the user’s zone, across a year end', () => {
    expect(previousMonths(NOW, 'UTC', 3)).toEqual(['2026-10', '2026-09', '2026-08']);
    expect(previousMonths(new Date('2026-02-10T00:00:00Z'), 'UTC', 3)).toEqual(['2026-01', '2025-12', '2025-11']);
    // 1 Dec 03:00 UTC is still 30 Nov in New York: the current month there is November.
    expect(previousMonths(new Date('2026-12-01T03:00:00Z'), 'America/New_York', 1)).toEqual(['2026-10']);
  });
});

describe('CX watchlist: 2+ monthly CX Reds in the last 3 months, or exec sponsor ≥ 120 days [L116] (§12 #25)', () => {
  const red = { experience: 'red' as const };
  const accounts = [acct('two-reds'), acct('one-red'), acct('old-red'), acct('sponsor-120'), acct('sponsor-119'), acct('never'), acct('new', { firstSeenAt: at(now - 30 * D) })];
  const snapshots = [
    snapshot('two-reds', '2026-10', red),
    snapshot('two-reds', '2026-08', red),
    snapshot('two-reds', '2026-11', red), // the current month's partial snapshot is not a monthly Red
    snapshot('one-red', '2026-09', red),
    snapshot('one-red', '2026-10', { experience: 'yellow' }),
    snapshot('old-red', '2026-07', red), // outside the 3 months
    snapshot('old-red', '2026-10', red),
  ];
  const healthRows = [
    health('two-reds', { execSponsorLastSeenAt: at(now - 10 * D), nextStrategicMeetingDue: '2026-12-01T15:00:00Z' }),
    health('one-red', { execSponsorLastSeenAt: at(now - 10 * D) }),
    health('old-red', { execSponsorLastSeenAt: at(now - 10 * D) }),
    health('sponsor-120', { execSponsorLastSeenAt: at(now - 120 * D) }),
    health('sponsor-119', { execSponsorLastSeenAt: at(now - 120 * D + 1) }),
    health('never'),
    health('new'),
  ];

  it('lists exactly the accounts the rule names, with the numbers that put them there', () => {
    const w = cxWatchlist(portfolio({ accounts, snapshots, health: healthRows }), C, DASH, NOW);
    expect(w.rows.map((r) => [r.accountId, r.figure])).toEqual([
      ['two-reds', '2 CX Reds in the last 3 months'],
      ['never', 'Exec sponsor never seen (known 677 days)'],
      ['sponsor-120', 'Exec sponsor last seen 120 days ago'],
    ]);
    expect(w.rows[0]!.nextDate).toBe('2026-12-01T15:00:00Z');
    expect(ownerText(w.rows[0]!.owner)).toBe('CSM of two-reds (CSM)');
  });

  it('sorted by Reds that listed the account, then days since the sponsor was seen (a single Red does not rank)', () => {
    const p = portfolio({
      accounts: [acct('one-red-200'), acct('none-300'), acct('two-reds')],
      snapshots: [snapshot('one-red-200', '2026-10', red), snapshot('two-reds', '2026-10', red), snapshot('two-reds', '2026-09', red)],
      health: [
        health('one-red-200', { execSponsorLastSeenAt: at(now - 200 * D) }),
        health('none-300', { execSponsorLastSeenAt: at(now - 300 * D) }),
        health('two-reds', { execSponsorLastSeenAt: at(now - D) }),
      ],
    });
    expect(cxWatchlist(p, C, DASH, NOW).rows.map((r) => r.accountId)).toEqual(['two-reds', 'none-300', 'one-red-200']);
  });

  it('both reasons on one row; an unnamed CSM falls back to the AM; nobody named → Unassigned', () => {
    const a = acct('x', { roles: { am: 'Dana Cho' } });
    const b = acct('y', { roles: {} });
    const p = portfolio({
      accounts: [a, b],
      snapshots: [snapshot('x', '2026-10', red), snapshot('x', '2026-09', red), snapshot('y', '2026-10', red), snapshot('y', '2026-09', red)],
      health: [health('x', { execSponsorLastSeenAt: at(now - 200 * D) }), health('y', { execSponsorLastSeenAt: at(now - D) })],
    });
    const rows = cxWatchlist(p, C, DASH, NOW).rows;
    expect(rows[0]!.figure).toBe('2 CX Reds in the last 3 months; exec sponsor last seen 200 days ago');
    expect(ownerText(rows[0]!.owner)).toBe('Dana Cho (Account manager)');
    expect(ownerText(rows[1]!.owner)).toBe('Unassigned (CSM)');
  });
});

describe('past-due strategic sessions [L182]', () => {
  it('consecutive misses > 0 or next strategic meeting overdue; most misses first; owner = cadence owner, else A/B vCIO, C/D CSM (§12 #32)', () => {
    const accounts = [
      acct('a', { roles: { vcio: 'Vic Io', csm: 'Sam' } }),
      acct('b', { roles: { cadenceOwner: 'Cara', csm: 'Sam' } }),
      acct('c'),
      acct('ok'),
    ];
    const healthRows = [
      health('a', { seg: 'A', consecutiveMisses: 1, nextStrategicMeetingDue: at(now + 5 * D) }),
      health('b', { seg: 'B', consecutiveMisses: 2, nextStrategicMeetingDue: at(now - 12 * D - H) }),
      health('c', { seg: 'C', nextStrategicMeetingDue: at(now - H) }),
      health('ok', { nextStrategicMeetingDue: at(now + D) }),
    ];
    const w = pastDueWatchlist(portfolio({ accounts, health: healthRows }), C, NOW);
    expect(w.rows.map((r) => [r.accountId, r.figure, ownerText(r.owner), !!r.alert])).toEqual([
      ['b', '2 consecutive misses; overdue 12 days', 'Cara (Cadence owner)', true],
      ['a', '1 consecutive miss', 'Vic Io (vCIO)', false],
      ['c', 'Due earlier today', 'CSM of c (CSM)', false],
    ]);
  });
});

describe('coverage next 30 days watchlist', () => {
  it('every account due within 30 days, booked or not; not booked first', () => {
    const accounts = [acct('a'), acct('b'), acct('c')];
    const healthRows = [
      health('a', { nextStrategicMeetingDue: '2026-11-25T15:00:00Z' }),
      health('b', { nextStrategicMeetingDue: '2026-12-10T15:00:00Z' }),
      health('c', { nextStrategicMeetingDue: '2027-01-30T15:00:00Z' }),
    ];
    const meetings = [meeting('a', { status: 'planned', plannedFor: '2026-11-26T15:00:00Z', heldAt: undefined, type: 'Executive QBR' })];
    const w = coverageWatchlist(portfolio({ accounts, health: healthRows, meetings }), C, DASH, NOW);
    expect(w.rows.map((r) => [r.accountId, r.figure, r.nextDate])).toEqual([
      ['b', 'Not booked', '2026-12-10T15:00:00Z'],
      ['a', 'Booked for 26 Nov 2026 (Executive QBR)', '2026-11-25T15:00:00Z'],
    ]);
  });
});

describe('open decisions by account [L204]', () => {
  it('pending decisions only (not decided, not other actions), count and oldest age; oldest first', () => {
    const accounts = [acct('a'), acct('b'), acct('c')];
    const decisions = [
      decision('a', { proposedAt: at(now - 45 * D) }),
      decision('a', { proposedAt: at(now - 3 * D) }),
      decision('a', { proposedAt: at(now - 90 * D), status: 'yes', decidedAt: at(now - D) }),
      decision('a', { proposedAt: at(now - 99 * D), otherAction: true }),
      decision('b', { proposedAt: at(now - 1 * D) }),
      decision('c', { proposedAt: at(now - 5 * D), status: 'no', decidedAt: at(now - D) }),
    ];
    const w = openDecisionsWatchlist(portfolio({ accounts, decisions }), C, NOW);
    expect(w.rows.map((r) => [r.accountId, r.figure, !!r.alert])).toEqual([
      ['a', '2 pending, oldest 45 days', true],
      ['b', '1 pending, oldest 1 day', false],
    ]);
  });

  it('a re-read decision (same decisionId, later observation) counts once with its latest status', () => {
    const decisions = [
      decision('a', { decisionId: 'd1', observedAt: '2026-10-01T00:00:00Z' }),
      decision('a', { decisionId: 'd1', id: 'other-id', observedAt: '2026-11-02T00:00:00Z', status: 'yes', decidedAt: '2026-11-02T00:00:00Z' }),
    ];
    expect(openDecisionsWatchlist(portfolio({ accounts: [acct('a')], decisions }), C, NOW).rows).toEqual([]);
  });
});

describe('time-to-first-action (F28)', () => {
  it('median hours fired → first action, and open CTAs past their first-action deadline', () => {
    const fired = now - 10 * D;
    const ctas = [
      cta('a', { firedAt: at(fired), firstActionAt: at(fired + 2 * H) }),
      cta('a', { firedAt: at(fired), firstActionAt: at(fired + 10 * H), status: 'done', doneAt: at(fired + 10 * H) }),
      cta('a', { firedAt: at(fired), firstActionAt: at(fired + 30 * H) }),
      cta('a', { firedAt: at(fired), firstActionAt: at(fired + 100 * H) }),
      cta('b', { id: 'late-5h', firedAt: at(now - 4 * D), firstActionDue: at(now - 5 * H), title: 'Re-engage' }),
      cta('b', { id: 'late-3d', firedAt: at(now - 6 * D), firstActionDue: at(now - 3 * D) }),
      cta('b', { id: 'not-yet', firstActionDue: at(now + H) }),
      cta('b', { id: 'snoozed', firstActionDue: at(now - 5 * H), status: 'snoozed', snoozedUntil: at(now + D), snoozeReason: 'waiting' }),
      cta('b', { id: 'resolved', firstActionDue: at(now - 5 * H), resolvedByEngineAt: at(now - H) }),
    ];
    const s = firstActionSummary(portfolio({ accounts: [acct('a'), acct('b')], ctas }), C, DASH, NOW);
    expect(s.medianHours).toBe(20);
    expect(s.measured).toBe(4);
    expect(s.late.rows.map((r) => [r.key, r.figure])).toEqual([
      ['late-3d', 'First action 3 days late'],
      ['late-5h', 'First action 5 h late'],
    ]);
    expect(s.late.rows[1]!.detail).toBe('Re-engage');
  });

  it('median of nothing is null; odd count is the middle value', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe('at-risk accounts [L236]', () => {
  it('flagged accounts with their reasons', () => {
    const w = atRiskWatchlist(
      portfolio({
        accounts: [acct('a'), acct('b')],
        health: [health('a', { atRisk: { flag: true, reasons: ['2 consecutive missed strategic meetings', 'Engagement Red'] } }), health('b')],
      }),
    );
    expect(w.rows.map((r) => [r.accountId, r.figure])).toEqual([['a', '2 consecutive missed strategic meetings; Engagement Red']]);
  });
});
