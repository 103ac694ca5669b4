// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { heatmap } from './heatmap';
import { acct, health, NOW, portfolio, snapshot } from './testing';
import { greenShareTrends } from './trends';

describe('portfolio heatmap: segment × dimension counts (F31)', () => {
  const accounts = [acct('a1'), acct('a2'), acct('b1'), acct('c1'), acct('unscored'), acct('gone', { deletedAt: '2026-11-01T00:00:00Z' })];
  const rows = [
    health('a1', { seg: 'A', colours: { experience: 'green', engagement: 'red' }, overall: 'green', composite: 90 }),
    health('a2', { seg: 'A', colours: { experience: 'green', engagement: 'yellow' }, overall: 'yellow', composite: 71 }),
    health('b1', { seg: 'B', colours: { experience: 'red' }, overall: 'red', composite: null }),
    health('c1', { seg: 'C', overall: 'insufficient' }),
    health('gone', { seg: 'C', colours: { experience: 'green' }, overall: 'green', composite: 99 }),
  ];
  const h = heatmap(portfolio({ accounts, health: rows }));

  it('counts each colour per cell with the account ids; a missing dimension is No data', () => {
    expect(h.cells.A.experience.counts).toEqual({ green: 2, yellow: 0, red: 0, nodata: 0 });
    expect(h.cells.A.experience.ids.green).toEqual(['a1', 'a2']);
    expect(h.cells.A.engagement.counts).toEqual({ green: 0, yellow: 1, red: 1, nodata: 0 });
    expect(h.cells.A.adoption.counts).toEqual({ green: 0, yellow: 0, red: 0, nodata: 2 });
    expect(h.cells.B.experience.ids.red).toEqual(['b1']);
    expect(h.cells.C.experience.counts).toEqual({ green: 0, yellow: 0, red: 0, nodata: 1 }); // deleted account left out
    expect(h.cells.D.experience.counts).toEqual({ green: 0, yellow: 0, red: 0, nodata: 0 });
  });

  it('overall distribution, composite mean by segment with n of m, unscored accounts listed apart', () => {
    expect(h.overall).toEqual({ green: 1, yellow: 1, red: 1, insufficient: 1 });
    expect(h.composite).toEqual([
      { segment: 'A', mean: 80.5, withComposite: 2, accounts: 2 },
      { segment: 'B', mean: null, withComposite: 0, accounts: 1 },
      { segment: 'C', mean: null, withComposite: 0, accounts: 1 },
      { segment: 'D', mean: null, withComposite: 0, accounts: 0 },
    ]);
    expect(h.unscored).toEqual(['unscored']);
    expect(h.scored).toBe(4);
  });
});

describe('trends: share of accounts Green per month, 13 months (12 frozen + live)', () => {
  it('frozen months from snapshots, the current month from live health; No data is not in the denominator', () => {
    const accounts = [acct('a'), acct('b'), acct('c')];
    const snapshots = [
      snapshot('a', '2026-10', { experience: 'green' }),
      snapshot('b', '2026-10', { experience: 'red' }),
      snapshot('c', '2026-10', {}),
      snapshot('a', '2025-11', { experience: 'green' }), // 12 months back: the first point
      snapshot('a', '2025-10', { experience: 'green' }), // 13 months back: outside
      snapshot('a', '2026-11', { experience: 'red' }), // current month: live health wins
    ];
    const rows = [health('a', { colours: { experience: 'green' } }), health('b', { colours: { experience: 'green' } }), health('c', { colours: { experience: 'yellow' } })];
    const t = greenShareTrends(portfolio({ accounts, snapshots, health: rows }), NOW, 'UTC', 13);
    const cx = t.experience;
    expect(cx).toHaveLength(13);
    expect(cx[0]).toMatchObject({ month: '2025-11', green: 1, withData: 1, total: 1, pct: 100, live: false });
    expect(cx[11]).toMatchObject({ month: '2026-10', green: 1, withData: 2, total: 3, pct: 50 });
    expect(cx[12]!.pct).toBeCloseTo(66.667, 2);
    expect(cx[12]).toMatchObject({ month: '2026-11', green: 2, withData: 3, total: 3, live: true });
    expect(cx[5]).toMatchObject({ month: '2026-04', total: 0, pct: null });
    expect(t.adoption[11]).toMatchObject({ withData: 0, total: 3, pct: null });
  });
});
