import { describe, expect, it } from 'vitest';
import { decision } from '../testing/factories';
import { makeContext } from './context';
import { proposalAgingTriggers } from './proposals';
import { triggerInput, type InputSpec } from './testing';

const run = (s: InputSpec) => proposalAgingTriggers(makeContext(triggerInput(s)));

describe('proposal / decision aging [L155] [L231]', () => {
  it('WE-PR-1 [L155]: B proposal at 32 days without a decision → reset play fires', () => {
    const d = decision('2026-10-19T10:00:00-04:00');
    const ctas = run({ asOf: '2026-11-20T10:00:00-05:00', segment: 'B', signals: [d] });
    expect(ctas).toHaveLength(1);
    expect(ctas[0]).toMatchObject({
      id: `acct-1:proposalReset:decision-${d.decisionId}`,
      title: 'Proposal pending > 30 days: reset session: Move to Intune',
      firedAt: '2026-11-18T10:00:00-05:00',
      owner: { role: 'am', name: 'Alex AM' },
      accountable: { role: 'vcio' },
    });
    expect(ctas[0]!.why).toBe('Proposal "Move to Intune" proposed Oct 19 is pending for 32 days (> 30) without a decision.');
    expect(ctas[0]!.draft?.subject).toBe('Acme Dental: Move to Intune: now or next quarter?');
  });
  it('exactly 30 days is not "> 30"; one minute later is', () => {
    const d = decision('2026-10-21T10:00:00-04:00');
    expect(run({ asOf: '2026-11-20T10:00:00-05:00', signals: [d] })).toEqual([]);
    expect(run({ asOf: '2026-11-20T10:01:00-05:00', signals: [d] })).toHaveLength(1);
  });
  it('> 60 days → re-sequence or close with a decline reason (plus the reset CTA it already had)', () => {
    const d = decision('2026-09-01T10:00:00-04:00');
    const ctas = run({ asOf: '2026-11-01T09:00:00-05:00', signals: [d] });
    expect(ctas.map((c) => c.trigger)).toEqual(['proposalReset', 'proposalResequence']);
    expect(ctas[1]!.firedAt).toBe('2026-10-31T10:00:00-04:00');
    expect(ctas[1]!.checklist.map((s) => s.text)).toContain('If closed: capture the decline reason (price | timing | relevance | dependency)');
    expect(run({ asOf: '2026-10-31T10:00:00-04:00', signals: [d] }).map((c) => c.trigger)).toEqual(['proposalReset']);
  });
  it('a decided proposal (latest record yes/no) and "other actions" do not age', () => {
    const p = decision('2026-09-01T10:00:00-04:00');
    const decided = { ...p, id: `${p.id}-b`, status: 'yes' as const, decidedAt: '2026-10-05T10:00:00-04:00', observedAt: '2026-10-05T10:00:00-04:00' };
    expect(run({ asOf: '2026-11-20T10:00:00-05:00', signals: [p, decided] })).toEqual([]);
    expect(run({ asOf: '2026-11-20T10:00:00-05:00', signals: [decision('2026-09-01T10:00:00-04:00', { otherAction: true })] })).toEqual([]);
  });
});
