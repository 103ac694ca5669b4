/**
 * The sample portfolio, scored by the real engine, exercises every rule the demo must show:
 * every colour of every dimension, every overall colour, at-risk, the expansion gate, fix-first,
 * each missed-cadence step and each of the six cadence triggers — as of several different days and
 * zones (month starts, year end, DST), because the sample is generated relative to "now".
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type MetronomeConfig } from '../engine/config';
import { evaluateAccount, type Evaluation } from '../engine/index';
import { COLOURS, DIMENSIONS, OVERALL } from '../engine/model';
import { mrrBands } from '../engine/segment';
import { CADENCE_TRIGGERS } from '../engine/triggers/cadence-triggers';
import { MISSED_TRIGGERS } from '../engine/triggers/missed';
import { generatePortfolio } from './generate';
import { SAMPLE_CLIENTS } from './names';
import { NAMED_SCENARIOS } from './scenarios';

const CASES = [
  { at: '2026-11-17T17:00:00Z', timeZone: 'America/New_York', label: 'mid-November, New York' },
  { at: '2027-03-01T05:30:00Z', timeZone: 'America/New_York', label: 'first hour of a month, the week before DST' },
  { at: '2026-12-31T22:00:00Z', timeZone: 'Europe/Berlin', label: 'last hour of the year, Berlin' },
] as const;

const byName = (name: string) => SAMPLE_CLIENTS.findIndex((c) => c.name === name);

function scorePortfolio(at: string, timeZone: string) {
  const asOf = new Date(at);
  const config: MetronomeConfig = { ...DEFAULT_CONFIG, calendar: { ...DEFAULT_CONFIG.calendar, timeZone } };
  const { accounts, signals } = generatePortfolio({ asOf, timeZone });
  const bands = mrrBands(accounts, config);
  const results: Evaluation[] = accounts.map((account) =>
    evaluateAccount({ account, signals: signals.filter((s) => s.accountId === account.id), config, asOf, mrrBand: bands.get(account.id) ?? null }),
  );
  const of = (name: string) => results[byName(name)]!;
  const triggers = (name: string) => of(name).ctas.map((c) => c.trigger);
  return { results, of, triggers };
}

describe.each(CASES)('sample portfolio scored by the engine — $label', ({ at, timeZone }) => {
  const { results, of, triggers } = scorePortfolio(at, timeZone);

  it('DECISIONS §2–§3: every dimension shows Green, Yellow, Red and No data somewhere', () => {
    for (const d of DIMENSIONS) expect(new Set(results.map((r) => r.health.dimensions[d].colour)), d).toEqual(new Set(COLOURS));
  });

  it('DECISIONS §4: overall Green, Yellow, Red and Insufficient data all occur', () => {
    expect(new Set(results.map((r) => r.health.overall))).toEqual(new Set(OVERALL));
    expect(of('School of Fine Art').health.overall).toBe('insufficient');
    expect(of('Margie’s Travel').health.overall).toBe('insufficient');
  });

  it('each scenario produces the colours it was designed for (scenarios.ts `expect`)', () => {
    const mismatches: string[] = [];
    NAMED_SCENARIOS.forEach((s, i) => {
      const h = results[i]!.health;
      for (const [key, want] of Object.entries(s.expect ?? {})) {
        const got = key === 'overall' ? h.overall : key === 'atRisk' ? h.atRisk.flag : h.dimensions[key as (typeof DIMENSIONS)[number]].colour;
        if (got !== want) mismatches.push(`${SAMPLE_CLIENTS[i]!.name}: ${key} is ${String(got)}, designed ${String(want)}`);
      }
    });
    expect(mismatches).toEqual([]);
  });

  it('DECISIONS §5 missed-cadence steps: 1 miss → reschedule, 2 → Re-engage + At-Risk, 3 → segmentation & cadence review', () => {
    expect(of('Tailspin Toys').health.consecutiveMisses).toBe(1);
    expect(triggers('Tailspin Toys')).toContain(MISSED_TRIGGERS.reschedule);
    expect(triggers('Tailspin Toys')).not.toContain(MISSED_TRIGGERS.reengage);
    expect(of('Litware Legal LLP').health.consecutiveMisses).toBe(2);
    expect(triggers('Litware Legal LLP')).toContain(MISSED_TRIGGERS.reengage);
    expect(of('Litware Legal LLP').health.atRisk.flag).toBe(true);
    expect(of('Wingtip Dental Group').health.consecutiveMisses).toBe(3);
    expect(triggers('Wingtip Dental Group')).toContain(MISSED_TRIGGERS.review);
    expect(of('Contoso Ltd').health.consecutiveMisses).toBe(0);
  });

  it('DECISIONS §5: each of the six cadence triggers fires on its scenario account, with the right owner', () => {
    const cta = (name: string, trigger: string) => of(name).ctas.find((c) => c.trigger === trigger);
    expect(cta('Fabrikam, Inc.', CADENCE_TRIGGERS.renewal)?.owner.role).toBe('am');
    expect(cta('Fabrikam, Inc.', CADENCE_TRIGGERS.renewal)?.accountable?.role).toBe('vcio');
    expect(cta('Zürich Präzision AG', CADENCE_TRIGGERS.renewal)).toBeDefined();
    expect(cta('Müller & Söhne GmbH', CADENCE_TRIGGERS.fiscalYearEnd)?.owner.role).toBe('am');
    expect(cta('Åsgård Logistics AB', CADENCE_TRIGGERS.assessmentRoadmap)?.owner.role).toBe('csm'); // C → CSM
    expect(cta('Blue Yonder Airlines', CADENCE_TRIGGERS.initiativeKickoff)?.owner.role).toBe('csm');
    const drop = cta('Munson’s Pickles and Preserves', CADENCE_TRIGGERS.engagementDrop);
    expect(drop?.owner).toMatchObject({ role: 'csm', unassigned: true });
    expect(cta('Proseware Health', CADENCE_TRIGGERS.adoptionFixFirst)?.owner).toMatchObject({ role: 'tam', unassigned: false });
    expect(cta('Best For You Organics', CADENCE_TRIGGERS.adoptionFixFirst)?.owner).toMatchObject({ role: 'tam', unassigned: true });
    // The date triggers fire only where the scenario put the date.
    const renewals = results.filter((r) => r.ctas.some((c) => c.trigger === CADENCE_TRIGGERS.renewal)).map((r) => r.health.accountId);
    expect(renewals).toEqual(['acct-003', 'acct-038']);
    expect(results.filter((r) => r.ctas.some((c) => c.trigger === CADENCE_TRIGGERS.fiscalYearEnd))).toHaveLength(1);
  });

  it('DECISIONS §4: the expansion gate is on at two consecutive monthly Reds (Adatum DMI), off for a healthy client', () => {
    expect(of('Adatum Corporation').health.gates.expansion.adoption).toBe(true);
    expect(Object.values(of('Contoso Ltd').health.gates.expansion).some(Boolean)).toBe(false);
  });

  it('DECISIONS §3 fix-first: MFA < 60% or endpoint < 80%; not for Adatum (Red DMI, MFA 72%, endpoint 84%)', () => {
    expect(of('Proseware Health').health.gates.fixFirst).toBe(true);
    expect(of('Best For You Organics').health.gates.fixFirst).toBe(true);
    expect(of('Adatum Corporation').health.gates.fixFirst).toBe(false);
    expect(of('Contoso Ltd').health.gates.fixFirst).toBe(false);
  });

  it('[L236] at-risk flags: two misses, champion left, low pulse — never on the exemplary client', () => {
    for (const name of ['Litware Legal LLP', 'Wingtip Dental Group', 'Consolidated Messenger', 'Graphic Design Institute'])
      expect(of(name).health.atRisk.flag, name).toBe(true);
    expect(of('Contoso Ltd').health.atRisk.flag).toBe(false);
    expect(of('Contoso Ltd').ctas).toEqual([]);
  });

  it('DECISIONS §1: assumed segments, the override with its rationale, and all four MRR bands', () => {
    expect(of('Coho Vineyard & Winery').health.segment).toMatchObject({ segment: 'C', assumed: true });
    expect(of('Woodgrove Bank').health.segment).toMatchObject({ segment: 'C', assumed: true });
    expect(of('Humongous Insurance').health.segment).toMatchObject({ segment: 'B', overridden: true, computed: 'A' });
    expect(new Set(results.map((r) => r.health.segment.mrrBand))).toEqual(new Set([1, 2, 3, 4, null]));
  });
});

describe('sample portfolio — planned meetings', () => {
  // Regression guard: a strategic meeting planned a month ahead must not stand in for every earlier
  // expected meeting (it once made cadence adherence "no data" for any account with a plan).
  it('Contoso (next meeting planned) has cadence adherence 100% and Engagement Green (DECISIONS §7)', () => {
    const { of } = scorePortfolio(CASES[0].at, CASES[0].timeZone);
    const cadence = of('Contoso Ltd').health.dimensions.engagement.drivers.find((d) => d.key === 'cadence');
    expect(cadence?.value).toBe(100);
    expect(of('Contoso Ltd').health.dimensions.engagement.colour).toBe('green');
  });
});

describe('sample portfolio — synthesised accounts', () => {
  it('100 accounts evaluate without errors and are mostly healthy', () => {
    const asOf = new Date(CASES[0].at);
    const config: MetronomeConfig = { ...DEFAULT_CONFIG, calendar: { ...DEFAULT_CONFIG.calendar, timeZone: 'America/New_York' } };
    const { accounts, signals } = generatePortfolio({ asOf, accounts: 100, ticketsPerAccount: 20 });
    const grouped = new Map<string, typeof signals>();
    for (const s of signals) (grouped.get(s.accountId) ?? grouped.set(s.accountId, []).get(s.accountId)!).push(s);
    const overall = accounts.map((account) => evaluateAccount({ account, signals: grouped.get(account.id) ?? [], config, asOf }).health.overall);
    const green = overall.filter((o) => o === 'green').length;
    expect(green / overall.length).toBeGreaterThan(0.5);
    expect(overall.filter((o) => o === 'red').length).toBeGreaterThan(2);
  });
});
