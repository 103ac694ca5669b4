import { describe, expect, it } from 'vitest';
import { heldMeeting, missedMeeting } from '../testing/factories';
import { detectAtRisk } from './at-risk';
import { makeContext } from './context';
import { missedCadenceTriggers, missStreak } from './missed';
import { triggerInput, type InputSpec } from './testing';

const account = { firstSeenAt: '2026-01-01T00:00:00Z' };
const run = (s: InputSpec) => missedCadenceTriggers(makeContext(triggerInput({ account, realCadence: true, ...s })));
const lastHeld = heldMeeting('2026-06-01T15:00:00Z');

describe('missed-cadence recovery (DECISIONS §5, [L182] [L183])', () => {
  it('DV-MISS-1: 1st miss (no meeting by due + 7 d grace) → reschedule task ≤ 7 d, cadence owner', () => {
    // B: 91-day cadence → due Aug 31, grace ends Sep 7; seen Sep 10.
    const ctas = run({ asOf: '2026-09-10T09:00:00-04:00', signals: [lastHeld] });
    expect(ctas).toHaveLength(1);
    expect(ctas[0]).toMatchObject({
      trigger: 'missedReschedule',
      period: 'miss-2026-08-31',
      firedAt: '2026-09-07T11:00:00-04:00',
      dueBy: '2026-09-14T11:00:00-04:00',
      owner: { role: 'cadenceOwner', name: 'Casey CSM' },
      accountable: { role: 'vcio', name: 'Victor vCIO' },
    });
    expect(ctas[0]!.why).toBe('The strategic meeting due Aug 31 was not held (1 missed strategic meeting).');
    expect(ctas[0]!.draft?.kind).toBe('invite');
  });
  it('a meeting logged as missed is a miss at once, at its planned date', () => {
    const ctas = run({ asOf: '2026-09-12T16:00:00-04:00', signals: [lastHeld, missedMeeting('2026-09-12T14:00:00-04:00')] });
    expect(ctas).toHaveLength(1);
    expect(ctas[0]).toMatchObject({ trigger: 'missedReschedule', period: 'miss-2026-09-12', firedAt: '2026-09-12T14:00:00-04:00' });
    expect(ctas[0]!.why).toBe('The QBR due Sep 12 was not held (1 missed strategic meeting).');
  });
  it('DV-MISS-2: 2nd consecutive miss → "Re-engage Stakeholders" (first action ≤ 72 h) + the at-risk flag', () => {
    const s: InputSpec = {
      asOf: '2026-10-12T09:00:00-04:00',
      signals: [lastHeld, missedMeeting('2026-09-12T14:00:00-04:00'), missedMeeting('2026-10-10T10:00:00-04:00')],
    };
    const ctas = run(s);
    expect(ctas.map((c) => c.trigger)).toEqual(['missedReschedule', 'missedReengage']);
    const reengage = ctas[1]!;
    expect(reengage).toMatchObject({
      period: 'miss-2026-10-10',
      firedAt: '2026-10-10T10:00:00-04:00', // a Saturday
      firstActionDue: '2026-10-14T17:00:00-04:00', // Mon, Tue, Wed → Wed close
      owner: { role: 'csm', name: 'Casey CSM' },
      atRisk: true,
    });
    expect(reengage.why).toBe('2 consecutive strategic meetings missed (Sep 12, Oct 10).');
    const risk = detectAtRisk(triggerInput({ account, realCadence: true, ...s }));
    expect(risk.flag).toBe(true);
    expect(risk.reasons).toContain('2 consecutive strategic meetings missed (Sep 12, Oct 10)');
  });
  it('3rd consecutive miss → segmentation & cadence review (vCIO for A/B)', () => {
    const ctas = run({
      asOf: '2026-11-12T09:00:00-05:00',
      signals: [lastHeld, missedMeeting('2026-09-12T14:00:00-04:00'), missedMeeting('2026-10-10T10:00:00-04:00'), missedMeeting('2026-11-10T10:00:00-05:00')],
    });
    expect(ctas.map((c) => c.trigger)).toEqual(['missedReschedule', 'missedReengage', 'missedReview']);
    expect(ctas[2]).toMatchObject({ period: 'miss-2026-11-10', owner: { role: 'vcio' } });
    expect(ctas[2]!.why).toContain('3 consecutive strategic meetings missed (Sep 12, Oct 10, Nov 10)');
  });
  it('a held meeting resets the streak: nothing fires', () => {
    const ctas = run({
      asOf: '2026-10-20T09:00:00-04:00',
      signals: [lastHeld, missedMeeting('2026-09-12T14:00:00-04:00'), heldMeeting('2026-10-15T15:00:00Z')],
    });
    expect(ctas).toEqual([]);
  });
  it('the streak reads the cadence state: length = consecutiveMisses, oldest first', () => {
    const ctx = makeContext(triggerInput({ account, realCadence: true, asOf: '2026-10-12T09:00:00-04:00', signals: [lastHeld, missedMeeting('2026-09-12T14:00:00-04:00'), missedMeeting('2026-10-10T10:00:00-04:00')] }));
    expect(missStreak(ctx).map((m) => m.dueAt.toISOString())).toEqual(['2026-09-12T18:00:00.000Z', '2026-10-10T14:00:00.000Z']);
  });
  it('disabled steps do not fire', () => {
    const input = triggerInput({ account, realCadence: true, asOf: '2026-09-10T09:00:00-04:00', signals: [lastHeld] });
    input.config = { ...input.config, triggers: { ...input.config.triggers, missed: { ...input.config.triggers.missed, reschedule: { ...input.config.triggers.missed.reschedule, enabled: false } } } };
    expect(missedCadenceTriggers(makeContext(input))).toEqual([]);
  });
});
