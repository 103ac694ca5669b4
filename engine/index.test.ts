import { describe, expect, it } from 'vitest';
import { configWith } from './config';
import { evaluateAccount } from './index';
import { scoreAccount } from './score';
import { heldMeeting, makeAccount, missedMeeting, exec, pulse, ticket } from './testing/factories';

const config = configWith({ calendar: { timeZone: 'America/New_York' } });

describe('evaluateAccount: health, CTAs and monthly snapshots in one pass', () => {
  const account = makeAccount({ maturity: 4, appetite: 4, firstSeenAt: '2026-01-05T14:00:00Z', roles: { csm: 'Priya Patel', vcio: 'Marcus Lee' } });

  it('freezes each ended month once, oldest first, and not the current one', () => {
    const asOf = new Date('2026-04-10T15:00:00Z');
    const first = evaluateAccount({ account, signals: [], config, asOf });
    expect(first.snapshots.map((s) => s.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    const again = evaluateAccount({ account, signals: [], config, asOf, snapshots: first.snapshots });
    expect(again.snapshots).toEqual([]);
  });

  it('[L183][L236] two consecutive logged misses → Re-engage Stakeholders CTA owned by the CSM, and the at-risk flag', () => {
    const signals = [
      heldMeeting('2026-01-20T15:00:00Z', { attendees: [exec()] }),
      missedMeeting('2026-02-19T15:00:00Z', { observedAt: '2026-02-19T17:00:00Z' }),
      missedMeeting('2026-03-19T15:00:00Z', { observedAt: '2026-03-19T17:00:00Z' }),
    ];
    const asOf = new Date('2026-03-20T15:00:00Z');
    const oneMiss = evaluateAccount({ account, signals: signals.slice(0, 2), config, asOf });
    expect(oneMiss.health.consecutiveMisses).toBe(1);
    expect(oneMiss.health.atRisk.flag).toBe(false);

    const { health, ctas } = evaluateAccount({ account, signals, config, asOf });
    expect(health.consecutiveMisses).toBe(2);
    expect(health.atRisk.flag).toBe(true);
    const reengage = ctas.find((c) => /re-engage stakeholders/i.test(c.title));
    expect(reengage).toBeDefined();
    expect(reengage!.owner).toEqual({ role: 'csm', name: 'Priya Patel', unassigned: false });
    expect(Date.parse(reengage!.firstActionDue)).toBeLessThanOrEqual(Date.parse(reengage!.firedAt) + 5 * 86_400_000);
    // Stable ids: the same input evaluated later keeps the same CTA id and deadlines.
    const later = evaluateAccount({ account, signals, config, asOf: new Date('2026-03-21T15:00:00Z') });
    const same = later.ctas.find((c) => c.id === reengage!.id);
    expect(same?.dueBy).toBe(reengage!.dueBy);
  });

  it('the at-risk flag never changes the colour (DECISIONS §4)', () => {
    const signals = [
      heldMeeting('2026-01-20T15:00:00Z', { attendees: [exec()] }),
      missedMeeting('2026-02-19T15:00:00Z'),
      missedMeeting('2026-03-19T15:00:00Z'),
      pulse(3.2, '2026-03-10T15:00:00Z'),
      ticket('2026-03-02T14:00:00Z'),
    ];
    const asOf = new Date('2026-03-20T15:00:00Z');
    const { health, snapshots } = evaluateAccount({ account, signals, config, asOf });
    const plain = scoreAccount({ account, signals, config, asOf, snapshots });
    expect(health.atRisk.flag).toBe(true);
    expect(plain.atRisk.flag).toBe(false);
    expect(health.overall).toBe(plain.overall);
    expect(health.composite).toBe(plain.composite);
  });
});
