import { describe, expect, it } from 'vitest';
import type { InitiativeSignal, MeetingSignal, Signal } from '../signals';
import { adoption, decision, heldMeeting, missedMeeting, nextId, userSource } from '../testing/factories';
import {
  adoptionFixFirstTrigger,
  assessmentRoadmapTriggers,
  engagementDropTrigger,
  fiscalYearEndDate,
  fiscalYearEndTrigger,
  initiativeKickoffTriggers,
  renewalTrigger,
} from './cadence-triggers';
import { makeContext } from './context';
import { triggerInput, type InputSpec } from './testing';

const ctx = (s: InputSpec) => makeContext(triggerInput(s));

const assessment = (completedAt: string, name = 'Security assessment'): Signal => ({
  id: nextId('asmt'),
  accountId: 'acct-1',
  observedAt: completedAt,
  source: userSource,
  kind: 'assessment',
  assessmentId: nextId('a'),
  name,
  completedAt,
});
const initiative = (initiativeId: string, stage: InitiativeSignal['stage'], changedAt: string): InitiativeSignal => ({
  id: nextId('init'),
  accountId: 'acct-1',
  observedAt: changedAt,
  source: userSource,
  kind: 'initiative',
  initiativeId,
  name: 'Intune rollout',
  stage,
  changedAt,
});
const opsMissed = (at: string): MeetingSignal => missedMeeting(at, { type: 'Ops check-in' });

describe('CAD-1 renewal − 90 d (owner AM; A/B accountable vCIO)', () => {
  const account = { renewalDate: '2027-03-31' };
  it('does not fire the day before T−90 (Dec 30, 23:59 New York)', () => {
    expect(renewalTrigger(ctx({ asOf: '2026-12-30T23:59:00-05:00', account }))).toEqual([]);
  });
  it('fires on the day: Dec 31 00:00 New York, with owner, accountable and clocks', () => {
    const [c] = renewalTrigger(ctx({ asOf: '2026-12-31T00:00:00-05:00', account, segment: 'A' }));
    expect(c).toMatchObject({
      id: 'acct-1:renewal:renewal-2027-03-31',
      trigger: 'renewal',
      period: 'renewal-2027-03-31',
      firedAt: '2026-12-31T00:00:00-05:00',
      // 3 business days from midnight Thu: Thu, Fri, Mon → Mon 17:00
      firstActionDue: '2027-01-04T17:00:00-05:00',
      dueBy: '2027-01-30T00:00:00-05:00',
      owner: { role: 'am', name: 'Alex AM', unassigned: false },
      accountable: { role: 'vcio', name: 'Victor vCIO', unassigned: false },
    });
    expect(c!.why).toBe('Agreement renews on Mar 31, 2027; the renewal review is due from T−90 d (Dec 31).');
    expect(c!.draft?.kind).toBe('invite');
  });
  it('C segment has no accountable vCIO', () => {
    const [c] = renewalTrigger(ctx({ asOf: '2027-01-10T12:00:00-05:00', account, segment: 'C' }));
    expect(c!.accountable).toBeUndefined();
    expect(c!.firedAt).toBe('2026-12-31T00:00:00-05:00'); // same firedAt seen 10 days later
  });
  it('stays through the renewal day, gone the day after; no renewal date → nothing', () => {
    expect(renewalTrigger(ctx({ asOf: '2027-03-31T23:00:00-04:00', account }))).toHaveLength(1);
    expect(renewalTrigger(ctx({ asOf: '2027-04-01T00:00:00-04:00', account }))).toEqual([]);
    expect(renewalTrigger(ctx({ asOf: '2027-01-10T12:00:00-05:00' }))).toEqual([]);
  });
  it('falls back to the agreement end date', () => {
    const [c] = renewalTrigger(ctx({ asOf: '2027-01-10T12:00:00-05:00', account: { agreement: { end: '2027-03-31' } } }));
    expect(c!.period).toBe('renewal-2027-03-31');
  });
  it('never fires before the account was first seen (learned the date late)', () => {
    const [c] = renewalTrigger(ctx({ asOf: '2027-02-10T12:00:00-05:00', account: { ...account, firstSeenAt: '2027-02-01T15:00:00Z' } }));
    expect(c!.firedAt).toBe('2027-02-01T10:00:00-05:00');
  });
});

describe('CAD-2 fiscal year end − 30 d budget session', () => {
  it('FYE 01-31 seen from December: not yet on Dec 15; fires Jan 1 for the FYE of next year', () => {
    expect(fiscalYearEndTrigger(ctx({ asOf: '2026-12-15T12:00:00-05:00', account: { fiscalYearEnd: '01-31' } }))).toEqual([]);
    const [c] = fiscalYearEndTrigger(ctx({ asOf: '2027-01-01T00:00:00-05:00', account: { fiscalYearEnd: '01-31' } }));
    expect(c).toMatchObject({ period: 'fye-2027-01-31', firedAt: '2027-01-01T00:00:00-05:00', owner: { role: 'am' } });
  });
  it('FYE 01-15 seen from Dec 20: the window opened Dec 16 of the previous year', () => {
    const [c] = fiscalYearEndTrigger(ctx({ asOf: '2026-12-20T12:00:00-05:00', account: { fiscalYearEnd: '01-15' } }));
    expect(c).toMatchObject({ id: 'acct-1:fiscalYearEnd:fye-2027-01-15', firedAt: '2026-12-16T00:00:00-05:00' });
    expect(fiscalYearEndTrigger(ctx({ asOf: '2026-12-15T23:59:00-05:00', account: { fiscalYearEnd: '01-15' } }))).toEqual([]);
  });
  it('FYE 12-31: fires Dec 1, gone on Jan 1', () => {
    expect(fiscalYearEndTrigger(ctx({ asOf: '2026-12-01T08:00:00-05:00', account: { fiscalYearEnd: '12-31' } }))[0]!.period).toBe('fye-2026-12-31');
    expect(fiscalYearEndTrigger(ctx({ asOf: '2027-01-01T08:00:00-05:00', account: { fiscalYearEnd: '12-31' } }))).toEqual([]);
  });
  it('FYE 02-29 clamps to Feb 28 in a common year, stays Feb 29 in a leap year', () => {
    expect(fiscalYearEndDate('02-29', 2027)).toBe('2027-02-28');
    expect(fiscalYearEndDate('02-29', 2028)).toBe('2028-02-29');
    const [c] = fiscalYearEndTrigger(ctx({ asOf: '2027-01-29T09:00:00-05:00', account: { fiscalYearEnd: '02-29' } }));
    expect(c!.firedAt).toBe('2027-01-29T00:00:00-05:00');
  });
});

describe('CAD-3 assessment completed → roadmap review by + 10 d', () => {
  it('fires at completion, due + 10 days; vCIO owns it for B, CSM for C', () => {
    const signals = [assessment('2026-11-03T15:00:00-05:00')];
    const [b] = assessmentRoadmapTriggers(ctx({ asOf: '2026-11-05T09:00:00-05:00', signals, segment: 'B' }));
    expect(b).toMatchObject({ firedAt: '2026-11-03T15:00:00-05:00', dueBy: '2026-11-13T15:00:00-05:00', owner: { role: 'vcio', name: 'Victor vCIO' } });
    const [c] = assessmentRoadmapTriggers(ctx({ asOf: '2026-11-05T09:00:00-05:00', signals, segment: 'C' }));
    expect(c!.owner.role).toBe('csm');
  });
  it('a Roadmap meeting held after completion satisfies it; one held before does not', () => {
    const a = assessment('2026-11-03T15:00:00-05:00');
    expect(assessmentRoadmapTriggers(ctx({ asOf: '2026-11-12T09:00:00-05:00', signals: [a, heldMeeting('2026-11-10T15:00:00Z', { type: 'Roadmap' })] }))).toEqual([]);
    expect(assessmentRoadmapTriggers(ctx({ asOf: '2026-11-12T09:00:00-05:00', signals: [a, heldMeeting('2026-11-01T15:00:00Z', { type: 'Roadmap' })] }))).toHaveLength(1);
  });
  it('an assessment completed later than asOf does not fire', () => {
    expect(assessmentRoadmapTriggers(ctx({ asOf: '2026-11-01T09:00:00-05:00', signals: [assessment('2026-11-03T15:00:00-05:00')] }))).toEqual([]);
  });
});

describe('CAD-4 initiative approved → kick-off within 5 business days (CSM)', () => {
  it('approved Tue 10:00 → kick-off due next Tue 10:00', () => {
    const [c] = initiativeKickoffTriggers(ctx({ asOf: '2026-11-18T09:00:00-05:00', signals: [initiative('i1', 'approved', '2026-11-17T10:00:00-05:00')] }));
    expect(c).toMatchObject({ period: 'initiative-i1', dueBy: '2026-11-24T10:00:00-05:00', owner: { role: 'csm' } });
    expect(c!.title).toContain('Intune rollout');
  });
  it('approved Friday 16:00 before Thanksgiving (holiday configured) skips the weekend and the holiday', () => {
    const input = triggerInput({ asOf: '2026-11-21T09:00:00-05:00', signals: [initiative('i1', 'approved', '2026-11-20T16:00:00-05:00')] });
    input.config = { ...input.config, calendar: { ...input.config.calendar, holidays: ['2026-11-26', '2026-11-27'] } };
    const [c] = initiativeKickoffTriggers(makeContext(input));
    expect(c!.dueBy).toBe('2026-12-01T16:00:00-05:00'); // Mon, Tue, Wed, (Thu, Fri off), Mon, Tue
  });
  it('a later stage (in-progress) or a Kick-off meeting held since stops it', () => {
    const approved = initiative('i1', 'approved', '2026-11-17T10:00:00-05:00');
    expect(initiativeKickoffTriggers(ctx({ asOf: '2026-11-20T09:00:00-05:00', signals: [approved, initiative('i1', 'in-progress', '2026-11-19T10:00:00-05:00')] }))).toEqual([]);
    expect(initiativeKickoffTriggers(ctx({ asOf: '2026-11-20T09:00:00-05:00', signals: [approved, heldMeeting('2026-11-19T15:00:00Z', { type: 'Kick-off' })] }))).toEqual([]);
  });
});

describe('CAD-5 engagement drop (2 missed touchpoints or no decision in 30 d) → CSM', () => {
  it('2 missed touchpoints fire at the second miss; 1 does not', () => {
    const one = [opsMissed('2026-10-20T14:00:00-04:00')];
    expect(engagementDropTrigger(ctx({ asOf: '2026-11-05T09:00:00-05:00', signals: one }), { reengageCoversStreak: false })).toEqual([]);
    const two = [...one, opsMissed('2026-11-03T14:00:00-05:00')];
    const [c] = engagementDropTrigger(ctx({ asOf: '2026-11-05T09:00:00-05:00', signals: two }), { reengageCoversStreak: false });
    expect(c).toMatchObject({
      period: 'since-2026-11-03',
      firedAt: '2026-11-03T14:00:00-05:00',
      dueBy: '2026-11-10T14:00:00-05:00', // reset held ≤ 7 d
      firstActionDue: '2026-11-06T14:00:00-05:00', // 72 h business-aware
      owner: { role: 'csm', name: 'Casey CSM' },
    });
    expect(c!.why).toBe('Engagement down: 2 missed touchpoints in 90 days (Oct 20, Nov 3).');
  });
  it('missed touchpoints are not repeated when the missed-cadence Re-engage already covers them', () => {
    const two = [opsMissed('2026-10-20T14:00:00-04:00'), opsMissed('2026-11-03T14:00:00-05:00')];
    expect(engagementDropTrigger(ctx({ asOf: '2026-11-05T09:00:00-05:00', signals: two }), { reengageCoversStreak: true })).toEqual([]);
  });
  it('no decision in 30 days while a proposal is pending: fires at max(proposed, last decided) + 30 d', () => {
    const pending = decision('2026-10-01T10:00:00-04:00');
    expect(engagementDropTrigger(ctx({ asOf: '2026-10-31T09:00:00-04:00', signals: [pending] }), { reengageCoversStreak: false })).toEqual([]);
    const [c] = engagementDropTrigger(ctx({ asOf: '2026-11-02T09:00:00-05:00', signals: [pending] }), { reengageCoversStreak: false });
    expect(c!.firedAt).toBe('2026-10-31T10:00:00-04:00');
    expect(c!.why).toContain('no decision in 30 days while "Move to Intune" is pending (no decision logged yet)');
    const decidedRecently = decision('2026-09-01T10:00:00-04:00', { decidedAt: '2026-10-20T10:00:00-04:00' });
    expect(engagementDropTrigger(ctx({ asOf: '2026-11-05T09:00:00-05:00', signals: [pending, decidedRecently] }), { reengageCoversStreak: false })).toEqual([]);
  });
});

describe('CAD-6 adoption below fix-first (strict "<")', () => {
  const asOf = '2026-11-20T09:00:00-05:00';
  it('DV-FIX-1 [L123]: MFA 59%, endpoint 85% → fires (TAM, 5 d)', () => {
    const [c] = adoptionFixFirstTrigger(ctx({ asOf, signals: [adoption('mfa', 59, '2026-11-10T12:00:00Z'), adoption('endpoint', 85, '2026-11-10T12:00:00Z')] }));
    expect(c).toMatchObject({
      id: 'acct-1:adoptionFixFirst:2026-11',
      firedAt: '2026-11-10T07:00:00-05:00',
      dueBy: '2026-11-15T07:00:00-05:00',
      owner: { role: 'tam', name: 'Taylor TAM' },
      dimension: 'adoption',
    });
    expect(c!.why).toBe('Fix-first gate: MFA registration 59% < 60%.');
  });
  it('DV-FIX-2: MFA 60%, endpoint 80% → does not fire', () => {
    expect(adoptionFixFirstTrigger(ctx({ asOf, signals: [adoption('mfa', 60, '2026-11-10T12:00:00Z'), adoption('endpoint', 80, '2026-11-10T12:00:00Z')] }))).toEqual([]);
  });
  it('endpoint 79.9% fires; the latest reading decides (MFA 55% then 65% → off)', () => {
    expect(adoptionFixFirstTrigger(ctx({ asOf, signals: [adoption('endpoint', 79.9, '2026-11-10T12:00:00Z')] }))[0]!.why).toBe('Fix-first gate: Endpoint/EDR compliance 79.9% < 80%.');
    expect(adoptionFixFirstTrigger(ctx({ asOf, signals: [adoption('mfa', 55, '2026-11-01T12:00:00Z'), adoption('mfa', 65, '2026-11-12T12:00:00Z')] }))).toEqual([]);
  });
  it('a gate on since last month fires at the start of this month (monthly period), not earlier', () => {
    const [c] = adoptionFixFirstTrigger(ctx({ asOf, signals: [adoption('mfa', 40, '2026-10-05T12:00:00Z'), adoption('mfa', 45, '2026-11-12T12:00:00Z')] }));
    expect(c!.firedAt).toBe('2026-11-01T00:00:00-04:00');
  });
  it('no adoption readings → nothing (no data is not a failure)', () => {
    expect(adoptionFixFirstTrigger(ctx({ asOf }))).toEqual([]);
  });
});

describe('CAD-5 and the proposal reset do not double up', () => {
  it('the decision drought is left to the per-proposal reset when that is on', () => {
    const pending = decision('2026-10-01T10:00:00-04:00');
    expect(engagementDropTrigger(ctx({ asOf: '2026-11-02T09:00:00-05:00', signals: [pending] }), { reengageCoversStreak: false, proposalResetCoversDrought: true })).toEqual([]);
  });
});
