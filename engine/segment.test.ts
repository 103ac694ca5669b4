import { describe, expect, it } from 'vitest';
import { configWith, DEFAULT_CONFIG } from './config';
import { mrrBands, resolveSegment, segmentFromScores } from './segment';
import { makeAccount } from './testing/factories';

const cfg = DEFAULT_CONFIG;

describe('segmentFromScores [L83] (DECISIONS §1)', () => {
  it('D low/low, C high M/low A, B low M/high A, A high/high', () => {
    expect(segmentFromScores(1, 1, cfg)).toBe('D');
    expect(segmentFromScores(4, 2, cfg)).toBe('C');
    expect(segmentFromScores(2, 4, cfg)).toBe('B');
    expect(segmentFromScores(5, 5, cfg)).toBe('A');
  });
  it('cut: 2 is low, 3 is high (both sides)', () => {
    expect(segmentFromScores(2, 2, cfg)).toBe('D');
    expect(segmentFromScores(3, 2, cfg)).toBe('C');
    expect(segmentFromScores(2, 3, cfg)).toBe('B');
    expect(segmentFromScores(3, 3, cfg)).toBe('A');
  });
  it('the cut comes from config', () => {
    expect(segmentFromScores(3, 3, configWith({ segments: { lowMax: 3 } }))).toBe('D');
  });
});

describe('resolveSegment', () => {
  it('no scores → default C, assumed, goal level 2', () => {
    expect(resolveSegment(makeAccount(), cfg)).toEqual({
      segment: 'C',
      assumed: true,
      overridden: false,
      computed: null,
      goalLevel: 2,
      mrrBand: null,
    });
  });
  it('computed from scores; goal level default per segment (A 4, B 3, D 1)', () => {
    expect(resolveSegment(makeAccount({ maturity: 4, appetite: 5 }), cfg)).toMatchObject({ segment: 'A', assumed: false, computed: 'A', goalLevel: 4 });
    expect(resolveSegment(makeAccount({ maturity: 1, appetite: 5 }), cfg).goalLevel).toBe(3);
    expect(resolveSegment(makeAccount({ maturity: 1, appetite: 1 }), cfg).goalLevel).toBe(1);
  });
  it('a stored goal level wins over the mapping', () => {
    expect(resolveSegment(makeAccount({ maturity: 4, appetite: 5, goalLevel: 5 }), cfg).goalLevel).toBe(5);
  });
  it('override wins and keeps the computed segment and the rationale [L81]', () => {
    const a = makeAccount({
      maturity: 1,
      appetite: 1,
      segmentOverride: { segment: 'B', rationale: 'New CFO wants a roadmap', at: '2025-03-01T00:00:00Z' },
    });
    expect(resolveSegment(a, cfg, 2)).toEqual({
      segment: 'B',
      assumed: false,
      overridden: true,
      computed: 'D',
      rationale: 'New CFO wants a roadmap',
      goalLevel: 3,
      mrrBand: 2,
    });
  });
  it('the default segment comes from config', () => {
    expect(resolveSegment(makeAccount(), configWith({ segments: { defaultSegment: 'D' } })).segment).toBe('D');
  });
});

describe('mrrBands (DECISIONS §1, equal revenue sums)', () => {
  it('DV-MRR-1 [L83]: 10000/8000/5000/4000/2000/1000 → 1,2,3,4,4,4', () => {
    const accts = [10000, 8000, 5000, 4000, 2000, 1000].map((mrr, i) => ({ id: `a${i}`, mrr }));
    const b = mrrBands(accts, cfg);
    expect(accts.map((a) => b.get(a.id))).toEqual([1, 2, 3, 4, 4, 4]);
  });
  it('sorts by MRR descending regardless of input order; no MRR → no band', () => {
    const b = mrrBands([{ id: 'small', mrr: 1000 }, { id: 'none' }, { id: 'big', mrr: 3000 }], cfg);
    expect(b.get('big')).toBe(1);
    expect(b.get('small')).toBe(4); // 3000/4000 = 0.75 before → band 4
    expect(b.has('none')).toBe(false);
  });
  it('exact boundary: revenue before = 25% → band 2', () => {
    const b = mrrBands([{ id: 'a', mrr: 25 }, { id: 'b', mrr: 25 }, { id: 'c', mrr: 25 }, { id: 'd', mrr: 25 }], cfg);
    expect(['a', 'b', 'c', 'd'].map((k) => b.get(k))).toEqual([1, 2, 3, 4]);
  });
  it('empty or zero revenue → no bands', () => {
    expect(mrrBands([], cfg).size).toBe(0);
    expect(mrrBands([{ id: 'a', mrr: 0 }], cfg).size).toBe(0);
  });
});
