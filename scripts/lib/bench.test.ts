import { describe, expect, it } from 'vitest';
import type { Signal } from '../../engine/signals';
import { generatePortfolio } from '../../sample/generate';
import { benchMarkdown, engineSection, formatBenchTable, interleaved, median, runBench, singlePass, type BenchOptions, type BenchSection } from './bench';

const base: Omit<BenchOptions, 'log'> = {
  sizes: [6],
  ticketsPerAccount: 4,
  coldUpTo: 10,
  budgetMs: 2_000,
  maxRuns: 2,
  asOf: new Date('2026-11-17T17:00:00Z'),
  timeZone: 'America/New_York',
  seed: 1,
};

describe('bench harness', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interleaved: every full run sits between two floor runs, within the run cap and the budget', () => {
    const order: string[] = [];
    const r = interleaved(() => void order.push('floor'), () => void order.push('full'), 10_000, 3);
    expect(order).toEqual(['floor', 'full', 'floor', 'full', 'floor', 'full', 'floor']);
    expect(r.fullTimes).toHaveLength(3);
    expect(r.floorTimes).toHaveLength(4);
    const slow = interleaved(() => {}, () => { const t = performance.now(); while (performance.now() - t < 5); }, 1, 5);
    expect(slow.fullTimes).toHaveLength(1);
    expect(slow.floorTimes).toHaveLength(2);
  });

  it('the floor groups every signal by account', () => {
    const { signals } = generatePortfolio({ asOf: base.asOf, accounts: 3, ticketsPerAccount: 2 });
    const g = singlePass(signals);
    expect([...g.keys()]).toEqual(['acct-001', 'acct-002', 'acct-003']);
    expect([...g.values()].reduce((n, l: Signal[]) => n + l.length, 0)).toBe(signals.length);
  });

  it('runs registered sections in order (the hook for storage/extension benchmarks)', async () => {
    const extra: BenchSection = { name: 'storage', run: () => [{ section: 'storage', name: 'bulkPut 1k', medianMs: 12, runs: 3 }] };
    const lines: string[] = [];
    const rows = await runBench({ ...base, log: (l) => lines.push(l) }, [extra]);
    expect(rows).toEqual([{ section: 'storage', name: 'bulkPut 1k', medianMs: 12, runs: 3 }]);
    expect(lines).toEqual(['▸ storage']);
  });

  it('engine section: floor, cold, full recompute with ratio, incremental, and BENCHMARKS.md content', async () => {
    const rows = await engineSection.run({ ...base, sizes: [4, 8], log: () => {} });
    expect(rows.map((r) => `${r.name}@${r.accounts ?? ''}`)).toEqual([
      'floor: one linear pass@4',
      'cold recompute (freezes 13 months)@4',
      'full recompute@4',
      'incremental: one account@4',
      'floor: one linear pass@8',
      'cold recompute (freezes 13 months)@8',
      'full recompute@8',
      'incremental: one account@8',
      'growth: per-account time 8 vs 4 accounts@',
    ]);
    const full = rows.find((r) => r.name === 'full recompute')!;
    expect(full.ratioToFloor).toBeGreaterThan(1);
    expect(full.runs).toBeGreaterThanOrEqual(1);
    expect(rows.find((r) => r.name.startsWith('incremental'))!.peakRssMb).toBeGreaterThan(10);
    expect(formatBenchTable(rows)).toMatch(/full recompute\s+4/);
    const md = benchMarkdown(rows, { cpus: 'Test CPU', cores: 2, memoryGb: 4, node: '20', platform: 'Linux' }, base, new Date('2026-11-17T00:00:00Z'));
    expect(md).toContain('# Benchmarks');
    expect(md).toContain('2 cores (Test CPU)');
    expect(md).toMatch(/\| engine \| full recompute \| 4 \|/);
    expect(md).toContain('npm run bench');
  });
});
