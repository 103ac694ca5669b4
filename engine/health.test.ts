import { describe, expect, it } from 'vitest';
import { configWith, DEFAULT_CONFIG } from './config';
import { compositeScore, expansionGate, expansionGates, fixFirstGate, overallColour, renewalConfidence } from './health';
import type { Colour, Dimension, MonthlySnapshot } from './model';
import type { Segment } from './signals';
import { monthEnd } from './time/zoned';

const cfg = DEFAULT_CONFIG;
type D = Record<Dimension, { score: number | null; colour: Colour }>;
const dims = (s: [number | null, Colour][]): D => {
  const k: Dimension[] = ['experience', 'adoption', 'engagement', 'quality', 'alignment'];
  return Object.fromEntries(k.map((d, i) => [d, { score: s[i]![0], colour: s[i]![1] }])) as D;
};
const all = (score: number, colour: Colour = 'yellow') => dims([[score, colour], [score, colour], [score, colour], [score, colour], [score, colour]]);

describe('compositeScore (DECISIONS §4)', () => {
  it('DV-COMP-1 [L313]: 80/70/76.25/82.4/81 at 20% each → 77.93', () => {
    const d = dims([[80, 'yellow'], [70, 'yellow'], [76.25, 'green'], [82.4, 'green'], [81, 'yellow']]);
    expect(compositeScore(d, 'B', cfg)).toBe(77.93);
  });
  it('DV-COMP-2: A weights CX 25%, Alignment 25%, others 1/6 → 78.36', () => {
    const c = configWith({ health: { composite: { weights: { A: { experience: 0.25, alignment: 0.25, adoption: 1 / 6, engagement: 1 / 6, quality: 1 / 6 } } } } });
    const d = dims([[80, 'yellow'], [70, 'yellow'], [76.25, 'green'], [82.4, 'green'], [81, 'yellow']]);
    expect(compositeScore(d, 'A', c)).toBe(78.36);
    expect(compositeScore(d, 'B', c)).toBe(77.93); // other segments keep 20%
  });
  it('mean of the dimensions with data only (No data dropped, weights renormalised)', () => {
    const d = dims([[90, 'green'], [null, 'nodata'], [60, 'red'], [null, 'nodata'], [null, 'nodata']]);
    expect(compositeScore(d, 'C', cfg)).toBe(75);
    expect(compositeScore(all(0, 'nodata'), 'C', cfg)).toBeNull();
  });
});

describe('overallColour (DECISIONS §4)', () => {
  const edges: [Segment, number, number][] = [['A', 85, 75], ['B', 80, 70], ['C', 75, 60], ['D', 70, 55]];
  it('segment edges on both sides: Green ≥ G, Yellow in between, Red < R', () => {
    for (const [s, g, r] of edges) {
      expect(overallColour(all(g, 'green'), g, s, cfg).overall).toBe('green');
      expect(overallColour(all(g - 0.01, 'green'), g - 0.01, s, cfg).overall).toBe('yellow');
      expect(overallColour(all(r, 'yellow'), r, s, cfg).overall).toBe('yellow');
      expect(overallColour(all(r - 0.01, 'yellow'), r - 0.01, s, cfg).overall).toBe('red');
    }
  });
  it('one Red dimension blocks Green → Yellow; two Reds → Red whatever the composite', () => {
    const one = dims([[100, 'green'], [100, 'green'], [100, 'green'], [100, 'green'], [90, 'red']]);
    expect(overallColour(one, 98, 'C', cfg)).toEqual({ overall: 'yellow', reason: 'Yellow: Service Level Alignment is Red (composite 98).' });
    const two = dims([[100, 'green'], [100, 'green'], [100, 'green'], [90, 'red'], [90, 'red']]);
    expect(overallColour(two, 96, 'C', cfg).overall).toBe('red');
  });
  it('fewer than 2 dimensions with data → Insufficient data; exactly 2 → a colour', () => {
    const one = dims([[100, 'green'], [null, 'nodata'], [null, 'nodata'], [null, 'nodata'], [null, 'nodata']]);
    expect(overallColour(one, 100, 'C', cfg).overall).toBe('insufficient');
    const two = dims([[100, 'green'], [90, 'green'], [null, 'nodata'], [null, 'nodata'], [null, 'nodata']]);
    expect(overallColour(two, 95, 'C', cfg).overall).toBe('green');
  });
});

describe('renewalConfidence (DECISIONS §4)', () => {
  const base = { engagement: 'green' as Colour, experience: 'green' as Colour, adoption: 'green' as Colour, adoptionScore: 80, previousAdoptionScore: 78 };
  it('High: Engagement Green/Yellow, DMI trend ≥ 0, CX not Red', () => {
    expect(renewalConfidence(base, cfg)).toMatchObject({ confidence: 'high', dmiTrend: 2 });
    expect(renewalConfidence({ ...base, engagement: 'yellow', experience: 'yellow', previousAdoptionScore: 80 }, cfg).confidence).toBe('high');
  });
  it('trend boundary: 0 High, −0.01 not High (falling)', () => {
    expect(renewalConfidence({ ...base, previousAdoptionScore: 80.01 }, cfg)).toMatchObject({ confidence: 'medium', dmiTrend: -0.01 });
  });
  it('Low: two or more of {Engagement Red, DMI Red or falling, CX Red}', () => {
    expect(renewalConfidence({ ...base, engagement: 'red', experience: 'red' }, cfg).confidence).toBe('low');
    expect(renewalConfidence({ ...base, engagement: 'red', previousAdoptionScore: 90 }, cfg)).toMatchObject({ confidence: 'low', reason: 'Low: Engagement Red, DMI falling (-10).' });
    expect(renewalConfidence({ ...base, adoption: 'red', experience: 'red' }, cfg).confidence).toBe('low');
  });
  it('Medium: one bad signal, or no previous month to compare the DMI with', () => {
    expect(renewalConfidence({ ...base, experience: 'red' }, cfg).confidence).toBe('medium');
    const noPrev = renewalConfidence({ ...base, previousAdoptionScore: null }, cfg);
    expect(noPrev.confidence).toBe('medium');
    expect(noPrev.reason).toMatch(/DMI trend unknown/);
  });
  it('Unknown when Engagement, DMI and CX all have no data', () => {
    expect(renewalConfidence({ engagement: 'nodata', experience: 'nodata', adoption: 'nodata', adoptionScore: null, previousAdoptionScore: null }, cfg).confidence).toBe('unknown');
  });
});

const seq = (colours: Colour[], start = 2026) => colours.map((colour, i) => ({ month: `${start}-${String(i + 1).padStart(2, '0')}`, colour }));

describe('expansionGate (DECISIONS §4, rulebook §6.2)', () => {
  it('DV-GATE-1 [L129]: Red, Red → on at the 2nd Red; off at the first Yellow/Green month (CX)', () => {
    expect(expansionGate('experience', seq(['red']), cfg).on).toBe(false);
    expect(expansionGate('experience', seq(['red', 'red']), cfg)).toEqual({ on: true, since: '2026-02', awaitingDecision: false });
    expect(expansionGate('experience', seq(['red', 'red', 'red']), cfg).on).toBe(true);
    expect(expansionGate('experience', seq(['red', 'red', 'yellow']), cfg).on).toBe(false);
    expect(expansionGate('experience', seq(['red', 'red', 'green']), cfg).on).toBe(false);
  });
  it('DV-GATE-2: Red, Yellow, Red → off (not consecutive)', () => {
    expect(expansionGate('quality', seq(['red', 'yellow', 'red']), cfg).on).toBe(false);
  });
  it('a No-data month neither releases nor continues a run; a missing month breaks the run', () => {
    expect(expansionGate('alignment', seq(['red', 'red', 'nodata']), cfg).on).toBe(true);
    expect(expansionGate('alignment', seq(['red', 'nodata', 'red']), cfg).on).toBe(false);
    expect(expansionGate('alignment', [{ month: '2026-01', colour: 'red' }, { month: '2026-03', colour: 'red' }], cfg).on).toBe(false);
    expect(expansionGate('alignment', [{ month: '2025-12', colour: 'red' }, { month: '2026-01', colour: 'red' }], cfg).on).toBe(true);
  });
  it('DV-GATE-1 Engagement [L128] §12 #35: release also needs a later strategic meeting with a logged decision', () => {
    const months = seq(['red', 'red', 'yellow']);
    const gateEnd = monthEnd('2026-02', 'UTC');
    expect(expansionGate('engagement', months, cfg, () => false)).toEqual({ on: true, since: '2026-02', awaitingDecision: true });
    expect(expansionGate('engagement', months, cfg, (ms) => ms === gateEnd).on).toBe(false);
    // still Red: a decision meeting alone does not release
    expect(expansionGate('engagement', seq(['red', 'red', 'red']), cfg, () => true).on).toBe(true);
    // without that rule in config, Yellow alone releases
    const c = configWith({ health: { gates: { engagementReleaseNeedsDecision: false } } });
    expect(expansionGate('engagement', months, c, () => false).on).toBe(false);
  });
  it('expansionGates reads snapshots in any order and explains active gates', () => {
    const snap = (month: string, eng: Colour, cx: Colour): MonthlySnapshot => ({
      id: `a:${month}`,
      accountId: 'a',
      month,
      dimensions: {
        experience: { score: null, colour: cx },
        adoption: { score: null, colour: 'nodata' },
        engagement: { score: null, colour: eng },
        quality: { score: null, colour: 'nodata' },
        alignment: { score: null, colour: 'nodata' },
      },
      composite: null,
      overall: 'insufficient',
      segment: 'C',
      frozenAt: '2026-04-01T00:00:00Z',
    });
    const g = expansionGates([snap('2026-03', 'red', 'green'), snap('2026-02', 'red', 'red')], cfg);
    expect(g.expansion).toEqual({ experience: false, adoption: false, engagement: true, quality: false, alignment: false });
    expect(g.expansionReasons).toEqual(['Engagement: expansion credit gated since 2026-03 (2 consecutive Red months); released at the first Yellow/Green month.']);
  });
});

describe('fixFirstGate (DECISIONS §3, [L121] [L123])', () => {
  const latest = (mfa: number, endpoint: number) =>
    new Map([
      ['mfa', { value: mfa, at: 0, stale: false }],
      ['endpoint', { value: endpoint, at: 0, stale: false }],
    ]);
  it('DV-FIX-1: MFA 59%, endpoint 85% → on', () => {
    expect(fixFirstGate(latest(59, 85), cfg)).toEqual({
      fixFirst: true,
      fixFirstReasons: ['MFA registration 59% < 60%: remediate before any new initiative.'],
    });
  });
  it('DV-FIX-2: MFA 60%, endpoint 80% → off (strict "<")', () => {
    expect(fixFirstGate(latest(60, 80), cfg).fixFirst).toBe(false);
  });
  it('endpoint 79.9% → on; no values → off', () => {
    expect(fixFirstGate(latest(100, 79.9), cfg).fixFirstReasons).toEqual(['Endpoint/EDR compliance 79.9% < 80%: remediate before any new initiative.']);
    expect(fixFirstGate(new Map(), cfg).fixFirst).toBe(false);
  });
});
