import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import type { Signal } from '../signals';
import { complaint, ctxFor, decision, exec, heldMeeting, makeAccount, missedMeeting, plusDays, staff } from '../testing/factories';
import { engagement, engagementColour, type EngagementRuleInputs } from './engagement';
import { weightedScore } from './drivers';

const cfg = DEFAULT_CONFIG;
const base: EngagementRuleInputs = {
  cadence: 95,
  execDays: 30,
  recap: 97,
  meetingsWithDecisionPct: 80,
  decisionlessLastMeetings: false,
  redComplaints: 0,
};
const colour = (over: Partial<EngagementRuleInputs>) => engagementColour({ ...base, ...over }, cfg).colour;

describe('engagementColour — E2 rules, Red first (DECISIONS §3 [L129], §12 #14)', () => {
  it('DV-ENG-1: cadence 92, exec 40 d, recap 96, decisions 75% → Green', () => {
    expect(colour({ cadence: 92, execDays: 40, recap: 96, meetingsWithDecisionPct: 75 })).toBe('green');
  });
  it('DV-ENG-2: cadence 85 → Yellow', () => {
    expect(colour({ cadence: 85, execDays: 40, recap: 96, meetingsWithDecisionPct: 75 })).toBe('yellow');
  });
  it('DV-ENG-3: exec 130 d → Red (Red evaluated before Yellow)', () => {
    const v = engagementColour({ ...base, cadence: 95, execDays: 130, recap: 99, meetingsWithDecisionPct: 80 }, cfg);
    expect(v.colour).toBe('red');
    expect(v.because).toEqual(['exec sponsor not seen for 130 days (> 120)']);
  });
  it('DV-ENG-4: no decision in the last 2 strategic meetings → Red', () => {
    expect(colour({ cadence: 95, execDays: 30, recap: 97, decisionlessLastMeetings: true })).toBe('red');
  });
  it('DV-ENG-5 [L313]: the Tech-model score edge 69.99/70 does not decide the colour (E2 rules do)', () => {
    expect(colour({})).toBe('green'); // whatever the 0–100 score, these rule inputs are Green
  });
  it('cadence boundaries: 79.99 Red / 80 Yellow / 89.99 Yellow / 90 Green', () => {
    expect([79.99, 80, 89.99, 90].map((c) => colour({ cadence: c }))).toEqual(['red', 'yellow', 'yellow', 'green']);
  });
  it('recap boundaries: 79.99 Red / 80 Yellow / 94.99 Yellow / 95 Green', () => {
    expect([79.99, 80, 94.99, 95].map((r) => colour({ recap: r }))).toEqual(['red', 'yellow', 'yellow', 'green']);
  });
  it('exec boundary: 120 d Green / 120.01 d Red', () => {
    expect([120, 120.01].map((d) => colour({ execDays: d }))).toEqual(['green', 'red']);
  });
  it('decisions boundary: 69.99% Yellow / 70% Green', () => {
    expect([69.99, 70].map((p) => colour({ meetingsWithDecisionPct: p }))).toEqual(['yellow', 'green']);
  });
  it('complaint tagged Relevance/Follow-through/Quality this month → Red', () => {
    expect(colour({ redComplaints: 1 })).toBe('red');
  });
  it('a missing Green condition is not met: Yellow, never Green', () => {
    const v = engagementColour({ ...base, recap: null }, cfg);
    expect(v.colour).toBe('yellow');
    expect(v.because).toEqual(['recap rate ≥ 95%: no data']);
    expect(colour({ execDays: null })).toBe('yellow');
    expect(colour({ cadence: null })).toBe('yellow');
  });
});

describe('engagement score (DECISIONS §3)', () => {
  it('WE-ENG-1 [L128]: B 90/70/65/80 → 76.25 (seed says 77.25); E2 colour is Yellow since recap 80 < 95', () => {
    const d = () => ({ key: '', label: '', value: null, display: '', pass: null, missing: false, sources: [] });
    const s = weightedScore([
      { driver: d(), weight: 0.3, score: 90 },
      { driver: d(), weight: 0.3, score: 70 },
      { driver: d(), weight: 0.25, score: 65 },
      { driver: d(), weight: 0.15, score: 80 },
    ]);
    expect(s).toBeCloseTo(76.25, 10);
    expect(colour({ cadence: 90, recap: 80, meetingsWithDecisionPct: 100 })).toBe('yellow');
  });
});

// Segment A (30-day cadence), first seen 2026-05-01, monthly meetings held on time.
const account = makeAccount({ firstSeenAt: '2026-05-01T00:00:00Z' });
const asOf = '2026-11-20T12:00:00Z';
const monthly = [30, 60, 90, 120, 150, 180].map((d) => plusDays('2026-05-01T15:00:00Z', d));

function goodMonth(at: string, o: { decisionDays?: number; recapAfterHours?: number; noDecision?: boolean; attendees?: 'exec' | 'staff' } = {}): Signal[] {
  const m = heldMeeting(at, { type: 'Strategy', attendees: [o.attendees === 'staff' ? staff() : exec()], recapAfterHours: o.recapAfterHours ?? 24, endedAfterHours: 1 });
  if (o.noDecision) return [m];
  return [m, decision(at, { meetingId: m.meetingId, decidedAt: plusDays(at, o.decisionDays ?? 15) })];
}
const run = (s: Signal[]) => engagement(ctxFor(s, { asOf, segment: 'A', account }));

describe('engagement(ctx)', () => {
  it('all inputs good: 0.3·100 + 0.3·100 + 0.25·75 + 0.15·100 = 93.75 Green', () => {
    const r = run(monthly.flatMap((at) => goodMonth(at)));
    expect(r.score).toBe(93.75);
    expect(r.colour).toBe('green');
    expect(r.drivers.find((d) => d.key === 'cadence')!.value).toBe(100);
    expect(r.drivers.find((d) => d.key === 'velocity')!.value).toBe(15);
    expect(r.drivers.find((d) => d.key === 'cadence')!.sources).toHaveLength(6);
    expect(r.missing).toEqual([]);
  });

  it('recap rate only over meetings whose 48 h passed; a late recap counts as not on time', () => {
    const s = monthly.slice(0, 5).flatMap((at) => goodMonth(at));
    // held 1 day before asOf, no recap yet: not counted
    s.push(...goodMonth(plusDays(asOf, -1), { recapAfterHours: undefined }).map((x) => (x.kind === 'meeting' ? { ...x, recapSentAt: undefined } : x)));
    expect(run(s).drivers.find((d) => d.key === 'closure')!.display).toBe('100% (5 of 5)');
    // a meeting whose recap came 49 h after its end
    const late = [...monthly.slice(0, 5).flatMap((at) => goodMonth(at)), ...goodMonth(monthly[5]!, { recapAfterHours: 49 })];
    const r = run(late);
    expect(r.drivers.find((d) => d.key === 'closure')!.value).toBe(83.33);
    expect(r.colour).toBe('yellow'); // 83% ≥ 80 (not Red) but < 95
  });

  it('decision velocity: median of decided days and pending > 30 d ages; pending ≤ 30 d ignored', () => {
    const s: Signal[] = monthly.flatMap((at) => goodMonth(at, { noDecision: true }));
    s.push(decision(plusDays(asOf, -100), { decidedAt: plusDays(asOf, -90) })); // 10 d
    s.push(decision(plusDays(asOf, -60), { decidedAt: plusDays(asOf, -40) })); // 20 d
    s.push(decision(plusDays(asOf, -40))); // pending 40 d
    s.push(decision(plusDays(asOf, -20))); // pending 20 d: not counted
    s.push(decision(plusDays(asOf, -400), { decidedAt: plusDays(asOf, -300) })); // decided outside the window
    const v = run(s).drivers.find((d) => d.key === 'velocity')!;
    expect(v.value).toBe(20);
    expect(v.display).toBe('20 days median (2 decided, 1 pending > 30 d)');
  });

  it('§7 pending decisions count only when older than 30 d (boundary both sides)', () => {
    const held = monthly.flatMap((at) => goodMonth(at, { noDecision: true }));
    const v = (age: number) => run([...held, decision(plusDays(asOf, -age))]).drivers.find((d) => d.key === 'velocity')!;
    expect(v(30).missing).toBe(true);
    expect(v(30.001).value).toBe(30);
  });

  it('§7 recap counts when sent within 48 h of the end: 48 h on time, 48 h + 36 s late', () => {
    const five = monthly.slice(0, 5).flatMap((at) => goodMonth(at));
    const rate = (h: number) => run([...five, ...goodMonth(monthly[5]!, { recapAfterHours: h })]).drivers.find((d) => d.key === 'closure')!.value;
    expect(rate(48)).toBe(100);
    expect(rate(48.01)).toBe(83.33);
  });

  it('a decision decided after asOf is still pending at asOf', () => {
    const s: Signal[] = [...monthly.flatMap((at) => goodMonth(at, { noDecision: true })), decision(plusDays(asOf, -50), { decidedAt: plusDays(asOf, 5) })];
    expect(run(s).drivers.find((d) => d.key === 'velocity')!.value).toBe(50);
  });

  it('velocity score = clamp(100·(1 − days/60)): 60+ days → 0', () => {
    const s = [...monthly.flatMap((at) => goodMonth(at, { decisionDays: 75 }))];
    const r = run(s);
    // 0.3·100 + 0.3·100 + 0.25·0 + 0.15·100 = 75
    expect(r.score).toBe(75);
  });

  it('DV-ENG-4 end to end: no decision in the last 2 strategic meetings → Red', () => {
    const s = [...monthly.slice(0, 4).flatMap((at) => goodMonth(at)), ...monthly.slice(4).flatMap((at) => goodMonth(at, { noDecision: true }))];
    const r = run(s);
    expect(r.colour).toBe('red');
    expect(r.reason).toBe('Red: no decision in the last 2 strategic meetings.');
  });

  it('stakeholder mix: share of held sessions with a decision-maker present', () => {
    const s = [...monthly.slice(0, 3).flatMap((at) => goodMonth(at)), ...monthly.slice(3).flatMap((at) => goodMonth(at, { attendees: 'staff' }))];
    expect(run(s).drivers.find((d) => d.key === 'mix')!.value).toBe(50);
  });

  it('missed meetings push cadence below 80% → Red', () => {
    const s = [...monthly.slice(0, 4).flatMap((at) => goodMonth(at))];
    s.push(missedMeeting(plusDays(monthly[3]!, 25)));
    const r = run(s);
    expect(r.drivers.find((d) => d.key === 'cadence')!.value).toBeLessThan(80);
    expect(r.colour).toBe('red');
    expect(r.reason).toMatch(/^Red: cadence adherence/);
  });

  it('complaint tagged Relevance this month → Red; Cadence-tagged does not', () => {
    const good = monthly.flatMap((at) => goodMonth(at));
    expect(run([...good, complaint('Relevance', '2026-11-05T00:00:00Z')]).colour).toBe('red');
    expect(run([...good, complaint('Cadence', '2026-11-05T00:00:00Z')]).colour).toBe('green');
    expect(run([...good, complaint('Quality', '2026-10-05T00:00:00Z')]).colour).toBe('green'); // last month
  });

  it('no strategic meeting expected or held → No data', () => {
    const r = engagement(ctxFor([], { asOf, segment: 'C', account: makeAccount({ firstSeenAt: '2026-10-01T00:00:00Z' }) }));
    expect(r).toMatchObject({ colour: 'nodata', score: null });
  });

  it('only cadence known (account known 200 d, nothing held) → cadence 0% → Red, others missing', () => {
    const r = engagement(ctxFor([], { asOf, segment: 'C', account: makeAccount({ firstSeenAt: '2026-05-01T00:00:00Z' }) }));
    expect(r.score).toBe(0);
    expect(r.colour).toBe('red');
    expect(r.missing).toContain('Stakeholder mix (decision-maker present)');
  });

  it('ops check-ins are not strategic: ignored for mix, recap and cadence', () => {
    const s = monthly.flatMap((at) => goodMonth(at));
    const ops = heldMeeting(plusDays(asOf, -3), { type: 'Ops check-in', attendees: [staff()] });
    expect(run([...s, ops]).score).toBe(run(s).score);
  });
});
