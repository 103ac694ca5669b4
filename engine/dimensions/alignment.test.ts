import { describe, expect, it } from 'vitest';
import type { MeetingType, Segment, Signal } from '../signals';
import { ctxFor, exec, heldMeeting, makeAccount, staff } from '../testing/factories';
import { alignment, alignmentPlays } from './alignment';

const account = makeAccount({ firstSeenAt: '2026-01-01T00:00:00Z' });
const asOf = '2026-11-20T12:00:00Z';
const m = (at: string, type: MeetingType, o: { recap?: number; who?: 'exec' | 'staff' } = {}) =>
  heldMeeting(at, { type, recapAfterHours: o.recap ?? 24, attendees: [o.who === 'staff' ? staff() : exec()] });
// B account: held on cadence (91 d) 04-01, 07-01 (Roadmap), 09-30.
const onPlan = (): Signal[] => [m('2026-04-01T15:00:00Z', 'QBR'), m('2026-07-01T15:00:00Z', 'Roadmap'), m('2026-09-30T15:00:00Z', 'QBR')];
const run = (s: Signal[], segment: Segment, acct = account) => {
  const ctx = ctxFor(s, { asOf, segment, account: acct });
  return { r: alignment(ctx), ctx };
};
const pass = (r: ReturnType<typeof alignment>) => Object.fromEntries(r.drivers.map((d) => [d.key, d.pass]));

describe('alignment — 4 checks (DECISIONS §3 [L141], §7)', () => {
  it('B on plan: all 4 checks pass → 100 Green', () => {
    const { r } = run(onPlan(), 'B');
    expect(pass(r)).toEqual({ cadence: true, deliverables: true, exec: true, effortMix: true });
    expect(r).toMatchObject({ score: 100, colour: 'green', reason: 'Green: 4 of 4 checks pass.' });
  });

  it('DV-AL-1: 3 of 4 checks → 75 → Yellow (points rule), failed deliverables → Backfill Evidence', () => {
    const s = [m('2026-04-01T15:00:00Z', 'QBR'), m('2026-07-01T15:00:00Z', 'QBR'), m('2026-09-30T15:00:00Z', 'QBR')]; // no Roadmap
    const { r, ctx } = run(s, 'B');
    expect(pass(r).deliverables).toBe(false);
    expect(r).toMatchObject({ score: 75, colour: 'yellow' });
    expect(r.reason).toBe('Yellow: 3 of 4 checks pass; failed deliverables (Backfill Evidence).');
    expect(alignmentPlays(r, ctx)).toEqual(['Backfill Evidence']);
  });

  it('DV-AL-2: C with the exec check not applicable, 3 of 3 → 100 Green', () => {
    const { r } = run(onPlan(), 'C');
    expect(r.drivers.find((d) => d.key === 'exec')).toMatchObject({ pass: null, missing: false, display: 'Not applicable for segment C' });
    expect(r).toMatchObject({ score: 100, colour: 'green' });
  });

  it('C/D effort mix: more than 2× plan → fails (Right-size Coverage) → 66.67 Yellow', () => {
    const s = [...onPlan(), m('2026-08-01T15:00:00Z', 'Strategy')];
    const { r } = run(s, 'C');
    expect(pass(r).effortMix).toBe(false);
    expect(r.score).toBe(66.67);
    expect(r.colour).toBe('yellow');
    expect(r.reason).toMatch(/Right-size Coverage/);
  });

  it('A effort mix: fewer than plan (6 in 180 d) fails; with cadence misses and no exec → Red', () => {
    const s = [m('2026-09-30T15:00:00Z', 'Executive QBR', { who: 'staff' })];
    const { r, ctx } = run(s, 'A');
    expect(pass(r)).toEqual({ cadence: false, deliverables: false, exec: false, effortMix: false });
    expect(r).toMatchObject({ score: 0, colour: 'red' });
    expect(alignmentPlays(r, ctx)).toEqual(['Reset Rhythm', 'Backfill Evidence', 'Sponsor Re-engage', 'Right-size Coverage']);
  });

  it('check 2 fails when the recap rate is below 80% even with the menu held', () => {
    const s = [m('2026-04-01T15:00:00Z', 'QBR', { recap: 72 }), m('2026-07-01T15:00:00Z', 'Roadmap', { recap: 72 }), m('2026-09-30T15:00:00Z', 'QBR')];
    const { r } = run(s, 'B');
    expect(pass(r).deliverables).toBe(false);
    expect(r.drivers.find((d) => d.key === 'deliverables')!.display).toMatch(/recap rate 50% < 80%/);
  });

  it('colour edges: 2 of 3 = 66.67 Yellow (≥ 65), 1 of 2 = 50 Red (< 65)', () => {
    // C, nothing held for 200 days: cadence fails, deliverables fail, effort passes → 1 of 3 = 33.33 Red
    const { r } = run([], 'C', makeAccount({ firstSeenAt: '2026-05-01T00:00:00Z' }));
    expect(r.score).toBe(33.33);
    expect(r.colour).toBe('red');
  });

  it('a brand-new account: no check can be evaluated → No data', () => {
    const { r } = run([], 'B', makeAccount({ firstSeenAt: '2026-11-01T00:00:00Z' }));
    expect(r).toMatchObject({ colour: 'nodata', score: null });
    expect(r.missing).toHaveLength(4);
  });
});
