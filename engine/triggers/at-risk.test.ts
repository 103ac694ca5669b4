import { describe, expect, it } from 'vitest';
import type { StakeholderChangeSignal } from '../signals';
import { decision, exec, heldMeeting, nextId, pulse, ticket, userSource } from '../testing/factories';
import { atRiskCtas, atRiskReasons, detectAtRisk, severityOf } from './at-risk';
import { makeContext } from './context';
import { triggerInput, type InputSpec } from './testing';

const ctxOf = (s: InputSpec) => makeContext(triggerInput(s));
const championLeft = (at: string): StakeholderChangeSignal => ({
  id: nextId('sc'),
  accountId: 'acct-1',
  observedAt: at,
  source: userSource,
  kind: 'stakeholderChange',
  name: 'Dana Lee',
  title: 'CEO',
  change: 'left',
  exec: true,
  at,
});

describe('at-risk severity and clocks (DECISIONS §5, [L236] [L237])', () => {
  it('severity = impact × likelihood: ≥ 6 High, 3–5 Medium, ≤ 2 Low', () => {
    const cfg = { highMin: 6, mediumMin: 3 };
    expect([9, 6, 5, 3, 2, 1].map((s) => severityOf(s, cfg))).toEqual(['high', 'high', 'medium', 'medium', 'low', 'low']);
  });
  it('DV-RISK-1 [L237]: High detected Tue 10:00 → acknowledge by Tue 14:00; Save Plan ≤ 5 business days', () => {
    const [cta] = atRiskCtas(ctxOf({ asOf: '2026-11-18T09:00:00-05:00', segment: 'A', signals: [championLeft('2026-11-17T10:00:00-05:00')] }));
    expect(cta).toMatchObject({
      id: 'acct-1:atRisk:risk-2026-11-17',
      trigger: 'atRisk',
      severity: 'high',
      firedAt: '2026-11-17T10:00:00-05:00',
      acknowledgeBy: '2026-11-17T14:00:00-05:00',
      firstActionDue: '2026-11-20T10:00:00-05:00',
      dueBy: '2026-11-24T10:00:00-05:00',
      owner: { role: 'csm', name: 'Casey CSM' },
      accountable: { role: 'vcio', name: 'Victor vCIO' },
      atRisk: true,
    });
    expect(cta!.why).toBe('At risk since Nov 17: exec stakeholder Dana Lee (CEO) left on Nov 17. Severity High (impact 3 × likelihood 3 = 9); bucket: Strategic.');
    expect(cta!.checklist.map((s) => s.text)).toContain('H1 Containment (0–14 d): stabilize service, assign owners, pause scope creep');
    expect(cta!.checklist.map((s) => s.text)).toContain('H2 Correction (15–60 d): process, roles, roadmap/budget resets');
  });
  it('High detected Friday 16:00 → acknowledge Monday 12:00', () => {
    const [cta] = atRiskCtas(ctxOf({ asOf: '2026-11-21T09:00:00-05:00', signals: [championLeft('2026-11-20T16:00:00-05:00')] }));
    expect(cta!.acknowledgeBy).toBe('2026-11-23T12:00:00-05:00');
  });
  it('Medium (pulse average < 4.0) → acknowledge within 1 business day', () => {
    const signals = [pulse(4, '2026-11-03T11:00:00-05:00'), pulse(3.5, '2026-11-10T11:00:00-05:00')];
    const [cta] = atRiskCtas(ctxOf({ asOf: '2026-11-12T09:00:00-05:00', signals }));
    expect(cta).toMatchObject({ severity: 'medium', firedAt: '2026-11-10T11:00:00-05:00', acknowledgeBy: '2026-11-11T11:00:00-05:00' });
    expect(cta!.why).toContain('average pulse 3.75 / 5 in Nov (2 pulses) < 4');
  });
  it('Save Plan due = min(exec meeting end + 48 h, detection + 5 business days)', () => {
    const meeting = heldMeeting('2026-11-18T15:00:00-05:00', { attendees: [exec()], endedAfterHours: 1 });
    const [cta] = atRiskCtas(ctxOf({ asOf: '2026-11-19T09:00:00-05:00', signals: [championLeft('2026-11-17T10:00:00-05:00'), meeting] }));
    expect(cta!.dueBy).toBe('2026-11-20T16:00:00-05:00');
    // A meeting without an exec does not count.
    const plain = heldMeeting('2026-11-18T15:00:00-05:00', { endedAfterHours: 1 });
    expect(atRiskCtas(ctxOf({ asOf: '2026-11-19T09:00:00-05:00', signals: [championLeft('2026-11-17T10:00:00-05:00'), plain] }))[0]!.dueBy).toBe('2026-11-24T10:00:00-05:00');
  });
  it('escalates after 60 days open, not at 59', () => {
    const signals = [championLeft('2026-09-01T10:00:00-04:00')];
    expect(atRiskCtas(ctxOf({ asOf: '2026-10-30T09:00:00-04:00', signals })).map((c) => c.trigger)).toEqual(['atRisk']);
    const ctas = atRiskCtas(ctxOf({ asOf: '2026-10-31T10:00:00-04:00', signals }));
    expect(ctas.map((c) => c.trigger)).toEqual(['atRisk', 'atRiskEscalation']);
    expect(ctas[1]).toMatchObject({ period: 'risk-2026-09-01', firedAt: '2026-10-31T10:00:00-04:00' });
  });
});

describe('at-risk detection reasons [L236]', () => {
  const asOf = '2026-11-20T09:00:00-05:00';
  const reasons = (s: Partial<InputSpec>) => atRiskReasons(ctxOf({ asOf, ...s }));

  it('nothing wrong → no flag', () => {
    expect(detectAtRisk(triggerInput({ asOf, signals: [pulse(4.6, '2026-11-10T11:00:00-05:00')] }))).toEqual({ flag: false, reasons: [] });
  });
  it('proposal > 30 d stale (32 d) flags; 30 d exactly does not', () => {
    expect(reasons({ signals: [decision('2026-10-19T09:00:00-04:00')] }).map((r) => r.text)).toEqual(['proposal "Move to Intune" pending 32 days (proposed Oct 19)']);
    expect(reasons({ signals: [decision('2026-10-21T09:00:00-04:00')] })).toEqual([]);
  });
  it('SLA below the segment target in 2 consecutive closed months; one month is not a trend', () => {
    const month = (d: string, missed: number) =>
      [0, 1, 2].map((i) => ticket(`${d}T10:00:00Z`, { closedAt: `${d}T1${i}:00:00Z`, resolutionMet: i >= missed }));
    const two = reasons({ segment: 'B', signals: [...month('2026-09-15', 1), ...month('2026-10-15', 1)] });
    expect(two.map((r) => r.text)).toEqual(['SLA adherence below 95% for 2 months (Sep 67%, Oct 67%)']);
    expect(two[0]!.since.toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(reasons({ segment: 'B', signals: [...month('2026-09-15', 0), ...month('2026-10-15', 1)] })).toEqual([]);
    // Too few tickets in a month (2 < 3) is no evidence.
    expect(reasons({ signals: [...month('2026-09-15', 1), ...month('2026-10-15', 1).slice(0, 2)] })).toEqual([]);
  });
  it('repeat incidents: 3 tickets of one category in 30 days', () => {
    const t = (d: string) => ticket(`${d}T15:00:00Z`, { category: 'Email' });
    const r = reasons({ signals: [t('2026-11-02'), t('2026-11-09'), t('2026-11-15')] });
    expect(r.map((x) => x.text)).toEqual(['3 "Email" tickets in 30 days (Nov 2, Nov 9, Nov 15)']);
    expect(reasons({ signals: [t('2026-11-02'), t('2026-11-09')] })).toEqual([]);
  });
  it('backlog aging: a ticket open > 30 days (closed status is not open)', () => {
    const r = reasons({ signals: [ticket('2026-10-01T15:00:00Z', { noSla: true })] });
    expect(r[0]!.key).toBe('backlogAging');
    expect(r[0]!.text).toMatch(/^1 ticket open > 30 days \(oldest #T-\d+, opened Oct 1\)$/);
    expect(reasons({ signals: [{ ...ticket('2026-10-01T15:00:00Z'), status: 'Closed' }] })).toEqual([]);
  });
  it('decline reason relevance/timing recurring (2 in 180 d)', () => {
    const no = (d: string, reason: 'relevance' | 'timing' | 'price') => ({ ...decision('2026-08-01T10:00:00Z', { status: 'no', decidedAt: d }), declineReason: reason });
    expect(reasons({ signals: [no('2026-09-01T10:00:00Z', 'relevance'), no('2026-10-01T10:00:00Z', 'timing')] }).map((r) => r.key)).toEqual(['declineRecurring']);
    expect(reasons({ signals: [no('2026-09-01T10:00:00Z', 'relevance'), no('2026-10-01T10:00:00Z', 'price')] })).toEqual([]);
  });
  it('reasons are listed oldest first and the worst one sets the severity', () => {
    const ctx = ctxOf({ asOf, signals: [decision('2026-10-01T09:00:00-04:00'), championLeft('2026-11-17T10:00:00-05:00')] });
    expect(atRiskReasons(ctx).map((r) => r.key)).toEqual(['proposalStale', 'championLeft']);
    const [cta] = atRiskCtas(ctx);
    expect(cta).toMatchObject({ severity: 'high', period: 'risk-2026-10-31', firedAt: '2026-10-31T09:00:00-04:00' });
  });
});
