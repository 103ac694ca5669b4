import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../engine/config';
import { evaluateAccount } from '../../engine/index';
import { mrrBands } from '../../engine/segment';
import { generatePortfolio } from '../../sample/generate';
import { displayWidth, formatAccount, formatSummary, formatTable, grid, pad, truncate, type ScoredAccount } from './table';

const asOf = new Date('2026-11-17T17:00:00Z');
const timeZone = 'America/New_York';
const config = { ...DEFAULT_CONFIG, calendar: { ...DEFAULT_CONFIG.calendar, timeZone } };
const { accounts, signals } = generatePortfolio({ asOf, timeZone });
const bands = mrrBands(accounts, config);
// Contoso (all Green), Litware (two misses, at risk), School of Fine Art (no data), Tokyo Sakura (wide characters)
const scored: ScoredAccount[] = [0, 4, 20, 39].map((i) => {
  const account = accounts[i]!;
  return {
    account,
    evaluation: evaluateAccount({ account, signals: signals.filter((s) => s.accountId === account.id), config, asOf, mrrBand: bands.get(account.id) ?? null }),
  };
});
const ANSI = /\u001b\[/;

describe('formatTable', () => {
  const plain = formatTable(scored, { timeZone });

  it('summary: one aligned row per account with colour words, composite, overall and at-risk', () => {
    const lines = formatSummary(scored, { timeZone }).split('\n');
    expect(lines[0]).toMatch(/^Account\s+Seg\s+Band\s+CX\s+DMI\s+Engage\s+Quality\s+Align\s+Comp\s+Overall\s+At risk\s+CTAs$/);
    const litware = lines.find((l) => l.startsWith('Litware Legal LLP'))!;
    expect(litware).toMatch(/Red 0 .* Red\s+AT RISK\s+\d+$/);
    expect(lines.find((l) => l.startsWith('School of Fine Art'))).toMatch(/No data\s+No data\s+No data\s+No data\s+No data\s+—\s+Insufficient data\s+no\s+0$/);
    // The segment column starts at the same terminal column in every row, CJK name included.
    const segColumn = (l: string) => displayWidth(l.slice(0, l.search(/ {2}(Seg|[ABCD])( |$)/) + 2));
    expect(new Set(lines.slice(0, 5).map(segColumn)).size).toBe(1);
    expect(lines).toContain('4 accounts — Green 2, Yellow 0, Red 1, Insufficient data 1 — at risk 1');
  });

  it('details: segment, every dimension with its inputs (value, target, tick), gates, at-risk and CTAs with owner and clocks', () => {
    const litware = formatAccount(scored[1]!, { timeZone });
    expect(litware).toContain('━━ Litware Legal LLP (acct-005) ━━');
    expect(litware).toMatch(/Segment B \(computed\) · goal level 3 · MRR band \d/);
    expect(litware).toMatch(/At risk: YES — 2 consecutive strategic meetings missed/);
    expect(litware).toMatch(/Cadence: 2 consecutive misses/);
    expect(litware).toMatch(/ {2}Engagement\s+0\.0 {2}Red/);
    expect(litware).toMatch(/✗ {2}Cadence adherence\s+0%.*target ≥ 90%/);
    expect(litware).toMatch(/• Re-engage Stakeholders.*\[missedReengage\]/);
    expect(litware).toMatch(/owner CSM \S+ \S+ · due 20\d\d-\d\d-\d\d \d\d:\d\d · first action by 20\d\d-\d\d-\d\d \d\d:\d\d/);
    const empty = formatAccount(scored[2]!, { timeZone });
    expect(empty).toContain('Overall Insufficient data');
    expect(empty).toMatch(/Client Experience\s+—\s+No data/);
    expect(empty).toContain('Open CTAs (0)');
  });

  it('no ANSI codes unless colour is asked for (not a TTY); colour never replaces the word', () => {
    expect(plain).not.toMatch(ANSI);
    const coloured = formatTable(scored, { timeZone, color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('an empty portfolio says so', () => {
    expect(formatTable([], { timeZone })).toBe('No accounts in the bundle.\n');
  });
});

describe('terminal width helpers', () => {
  it('displayWidth: ANSI 0, CJK 2, combining marks 0', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('株式会社')).toBe(8);
    expect(displayWidth('\u001b[31mRed\u001b[0m')).toBe(3);
    expect(displayWidth('Mu\u0308ller')).toBe(6);
  });

  it('pad, truncate and grid respect display width', () => {
    expect(pad('株', 4)).toBe('株  ');
    expect(pad('7', 3, true)).toBe('  7');
    expect(truncate('Tokyo Sakura Trading 株式会社', 24)).toBe('Tokyo Sakura Trading 株…');
    expect(truncate('short', 24)).toBe('short');
    expect(grid([['a', '1'], ['株式', '22']], new Set([1]))).toEqual(['a      1', '株式  22']);
  });
});
