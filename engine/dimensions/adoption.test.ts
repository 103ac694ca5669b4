import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import type { Segment } from '../signals';
import { adoption as adoptionSignal, ctxFor } from '../testing/factories';
import { adoption, dmiColour } from './adoption';

const cfg = DEFAULT_CONFIG;
const asOf = '2026-11-20T12:00:00Z';
const KEYS = ['mfa', 'endpoint', 'backup', 'conditionalAccess', 'emailSecurity', 'collaboration', 'encryption'];
const all = (cov: number[], at = '2026-11-01T00:00:00Z') => cov.map((c, i) => adoptionSignal(KEYS[i]!, c, at));
const run = (cov: number[], segment: Segment) => adoption(ctxFor(all(cov), { asOf, segment }));

describe('adoption — DMI (DECISIONS §3 [L122])', () => {
  it('DV-DMI-1: 90/85/96/60/80/50/70 → 79.74; B Yellow, C Green, A Red', () => {
    const cov = [90, 85, 96, 60, 80, 50, 70];
    expect(run(cov, 'B')).toMatchObject({ score: 79.74, colour: 'yellow' });
    expect(run(cov, 'C')).toMatchObject({ score: 79.74, colour: 'green' });
    expect(run(cov, 'A')).toMatchObject({ score: 79.74, colour: 'red' });
  });
  it('DV-DMI-2: 100/90/98/80/90/60/70 → 87.91; A Yellow, B Green', () => {
    const cov = [100, 90, 98, 80, 90, 60, 70];
    expect(run(cov, 'A')).toMatchObject({ score: 87.91, colour: 'yellow' });
    expect(run(cov, 'B')).toMatchObject({ score: 87.91, colour: 'green' });
  });
  it('WE-DMI-1 [L122]: C-segment DMI 72 → Green', () => {
    expect(dmiColour(72, 'C', cfg)).toBe('green');
  });
  it('WE-DMI-2 [L122]: 52 → Red A/B/C, Yellow D; 82 → Green B/C/D, Yellow A', () => {
    expect((['A', 'B', 'C', 'D'] as const).map((s) => dmiColour(52, s, cfg))).toEqual(['red', 'red', 'red', 'yellow']);
    expect((['A', 'B', 'C', 'D'] as const).map((s) => dmiColour(82, s, cfg))).toEqual(['yellow', 'green', 'green', 'green']);
  });
  it('segment edges on both sides (A 90/80, B 80/65, C 70/55, D 70/50)', () => {
    const edges: [Segment, number, number][] = [['A', 90, 80], ['B', 80, 65], ['C', 70, 55], ['D', 70, 50]];
    for (const [s, g, r] of edges) {
      expect(dmiColour(g, s, cfg)).toBe('green');
      expect(dmiColour(g - 0.01, s, cfg)).toBe('yellow');
      expect(dmiColour(r, s, cfg)).toBe('yellow');
      expect(dmiColour(r - 0.01, s, cfg)).toBe('red');
    }
  });

  it('missing insights are dropped and weights renormalised; listed in missing', () => {
    const r = adoption(ctxFor([adoptionSignal('mfa', 90, '2026-11-01T00:00:00Z'), adoptionSignal('endpoint', 72, '2026-11-01T00:00:00Z')], { asOf, segment: 'B' }));
    expect(r.score).toBe(82); // (90·5 + 72·4) / 9
    expect(r.missing).toHaveLength(5);
    expect(r.drivers.find((d) => d.key === 'mfa')!.weight).toBeCloseTo(5 / 9, 10);
    expect(r.drivers.find((d) => d.key === 'backup')!.weight).toBe(0);
  });

  it('uses the latest value of each insight, with its source', () => {
    const old = adoptionSignal('mfa', 40, '2026-09-01T00:00:00Z');
    const fresh = adoptionSignal('mfa', 95, '2026-11-10T00:00:00Z');
    const r = adoption(ctxFor([fresh, old], { asOf, segment: 'C' }));
    const d = r.drivers.find((x) => x.key === 'mfa')!;
    expect(d.value).toBe(95);
    expect(d.sources.map((s) => s.signalId)).toEqual([fresh.id]);
    expect(d.sources[0]!.host).toBe('admin.microsoft.com');
    expect(r.freshestAt).toBe('2026-11-10T00:00:00.000Z');
  });

  it('stale after 120 d for A/B: shown with staleSince, left out of the score (boundary both sides)', () => {
    const within = adoptionSignal('mfa', 95, '2026-07-23T12:00:00Z'); // exactly 120 d before asOf
    const stale = adoptionSignal('endpoint', 10, '2026-07-23T11:59:59Z');
    const r = adoption(ctxFor([within, stale], { asOf, segment: 'B' }));
    expect(r.score).toBe(95);
    expect(r.stale).toEqual(['Endpoint/EDR compliance']);
    expect(r.drivers.find((d) => d.key === 'endpoint')!.staleSince).toBe('2026-07-23T11:59:59.000Z');
    expect(r.drivers.find((d) => d.key === 'mfa')!.staleSince).toBeUndefined();
  });

  it('stale after 200 d for C/D: a 150-day-old value still counts for C, not for A', () => {
    const s = [adoptionSignal('mfa', 95, '2026-06-23T00:00:00Z')];
    expect(adoption(ctxFor(s, { asOf, segment: 'C' })).score).toBe(95);
    const a = adoption(ctxFor(s, { asOf, segment: 'A' }));
    expect(a.colour).toBe('nodata');
    expect(a.score).toBeNull();
    expect(a.reason).toMatch(/stale/);
  });

  it('no DMI signal → No data, never Green', () => {
    const r = adoption(ctxFor([], { asOf, segment: 'C' }));
    expect(r).toMatchObject({ colour: 'nodata', score: null });
    expect(r.missing).toHaveLength(7);
  });

  it('values read after asOf are ignored; unknown insight keys do not count', () => {
    const r = adoption(ctxFor([adoptionSignal('mfa', 95, '2026-11-21T00:00:00Z'), adoptionSignal('vpn', 100, '2026-11-01T00:00:00Z')], { asOf, segment: 'C' }));
    expect(r.colour).toBe('nodata');
  });

  it('a driver fails when below the fix-first floor', () => {
    const r = adoption(ctxFor([adoptionSignal('mfa', 59, '2026-11-01T00:00:00Z')], { asOf, segment: 'C' }));
    const d = r.drivers.find((x) => x.key === 'mfa')!;
    expect(d.pass).toBe(false);
    expect(d.target).toBe('≥ 70% (fix first below 60%)');
  });
});
