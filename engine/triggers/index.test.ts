import { describe, expect, it } from 'vitest';
import { CtaSpec } from '../model';
import { adoption, complaint, decision, heldMeeting, missedMeeting } from '../testing/factories';
import { computeTriggers, detectAtRisk } from './index';
import { driver, triggerInput, type InputSpec } from './testing';

const scenario = (asOf: string, over: Partial<InputSpec> = {}): InputSpec => ({
  asOf,
  segment: 'B',
  realCadence: true,
  account: { firstSeenAt: '2026-01-01T00:00:00Z', renewalDate: '2027-01-31', fiscalYearEnd: '12-15' },
  signals: [
    heldMeeting('2026-06-01T15:00:00Z', { id: 'm0', meetingId: 'mtg-0' }),
    { ...missedMeeting('2026-09-12T14:00:00-04:00', { meetingId: 'mtg-1' }), id: 'm1' },
    { ...missedMeeting('2026-10-10T10:00:00-04:00', { meetingId: 'mtg-2' }), id: 'm2' },
    { ...decision('2026-10-19T10:00:00-04:00'), id: 'd1', decisionId: 'dec-1' },
    { ...adoption('mfa', 59, '2026-11-10T12:00:00Z'), id: 'a1' },
    { ...complaint('Follow-through', '2026-11-10T15:00:00-05:00'), id: 'c1' },
  ],
  dims: { engagement: { colour: 'red', drivers: [driver('cadence', false)] } },
  ...over,
});

describe('computeTriggers', () => {
  it('emits every family with stable ids, valid CtaSpecs, oldest first', () => {
    const ctas = computeTriggers(triggerInput(scenario('2026-11-20T10:00:00-05:00')));
    for (const c of ctas) expect(CtaSpec.safeParse(c).success).toBe(true);
    expect(ctas.map((c) => c.id)).toEqual([
      'acct-1:missedReschedule:miss-2026-09-12',
      'acct-1:atRisk:risk-2026-10-10',
      'acct-1:missedReengage:miss-2026-10-10',
      'acct-1:engagementRed.resetCadence:2026-11',
      'acct-1:renewal:renewal-2027-01-31',
      'acct-1:adoptionFixFirst:2026-11',
      'acct-1:cxDown:complaint-c1',
      'acct-1:fiscalYearEnd:fye-2026-12-15',
      'acct-1:proposalReset:decision-dec-1',
    ]);
    const firedAts = ctas.map((c) => Date.parse(c.firedAt));
    expect([...firedAts].sort((a, b) => a - b)).toEqual(firedAts);
    // engagement drop is covered by the missed-cadence Re-engage and the proposal reset (no duplicate CSM CTA)
    expect(ctas.some((c) => c.trigger === 'engagementDrop')).toBe(false);
  });

  it('idempotent: the same input twice gives identical CTAs', () => {
    const a = computeTriggers(triggerInput(scenario('2026-11-20T10:00:00-05:00')));
    const b = computeTriggers(triggerInput(scenario('2026-11-20T10:00:00-05:00')));
    expect(b).toEqual(a);
  });

  it('a week later: same ids and the same deadlines for the same periods', () => {
    const clocks = (c: { id: string; firedAt: string; dueBy: string; firstActionDue: string; acknowledgeBy?: string }) => ({
      id: c.id,
      firedAt: c.firedAt,
      dueBy: c.dueBy,
      firstActionDue: c.firstActionDue,
      acknowledgeBy: c.acknowledgeBy,
    });
    const now = computeTriggers(triggerInput(scenario('2026-11-20T10:00:00-05:00'))).map(clocks);
    const later = computeTriggers(triggerInput(scenario('2026-11-27T10:00:00-05:00'))).map(clocks);
    expect(later).toEqual(now);
  });

  it('owners come from the role map; an empty role is "unassigned" with its role, never a team', () => {
    const ctas = computeTriggers(triggerInput(scenario('2026-11-20T10:00:00-05:00', { account: { firstSeenAt: '2026-01-01T00:00:00Z', renewalDate: '2027-01-31', roles: { am: 'Alex AM' } } })));
    const renewal = ctas.find((c) => c.trigger === 'renewal')!;
    expect(renewal.owner).toEqual({ role: 'am', name: 'Alex AM', unassigned: false });
    expect(renewal.accountable).toEqual({ role: 'vcio', name: null, unassigned: true });
    const fix = ctas.find((c) => c.trigger === 'adoptionFixFirst')!;
    expect(fix.owner).toEqual({ role: 'tam', name: null, unassigned: true });
    for (const c of ctas) expect(JSON.stringify(c.owner).toLowerCase()).not.toContain('team');
  });

  it('a held strategic meeting clears the missed-cadence and at-risk CTAs', () => {
    const s = scenario('2026-11-20T10:00:00-05:00');
    s.signals = [...s.signals!, heldMeeting('2026-11-12T15:00:00Z', { attendees: [] })];
    const triggers = computeTriggers(triggerInput(s)).map((c) => c.trigger);
    expect(triggers).not.toContain('missedReengage');
    expect(triggers).not.toContain('missedReschedule');
    expect(triggers).toContain('atRisk'); // the 32-day proposal still flags the account
    expect(detectAtRisk(triggerInput(s)).reasons).toEqual(['proposal "Move to Intune" pending 32 days (proposed Oct 19)']);
  });

  it('every CTA has a first action no later than its due-by and a non-empty checklist with unique ids', () => {
    for (const c of computeTriggers(triggerInput(scenario('2026-11-20T10:00:00-05:00')))) {
      expect(Date.parse(c.firstActionDue)).toBeLessThanOrEqual(Date.parse(c.dueBy));
      expect(Date.parse(c.firedAt)).toBeLessThanOrEqual(Date.parse(c.firstActionDue));
      expect(c.checklist.length).toBeGreaterThan(0);
      expect(new Set(c.checklist.map((s) => s.id)).size).toBe(c.checklist.length);
    }
  });
});
