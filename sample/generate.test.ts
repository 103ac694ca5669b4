import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { mrrBands } from '../engine/segment';
import { Account, DEFAULT_INSIGHTS, Signal, type SignalOf } from '../engine/signals';
import { coverageFor, generatePortfolio, mulberry32, SAMPLE_HOSTS, segmentOf } from './generate';
import { SAMPLE_CLIENTS, sampleAccountId } from './names';
import { NAMED_SCENARIOS } from './scenarios';

const AS_OF = new Date('2026-11-17T17:00:00Z'); // noon in New York
const DAY = 86_400_000;
const portfolio = generatePortfolio({ asOf: AS_OF });
const of = <K extends Signal['kind']>(kind: K) => portfolio.signals.filter((s): s is SignalOf<K> => s.kind === kind);
const forAccount = (i: number) => portfolio.signals.filter((s) => s.accountId === sampleAccountId(i));
const ms = (iso: string) => Date.parse(iso);

describe('generatePortfolio — determinism and shape', () => {
  it('same seed + asOf + zone → byte-identical output; another seed or day → different', () => {
    const again = generatePortfolio({ asOf: new Date(AS_OF), accounts: 40, seed: 1, timeZone: 'America/New_York' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(portfolio));
    expect(JSON.stringify(generatePortfolio({ asOf: AS_OF, seed: 2 }))).not.toBe(JSON.stringify(portfolio));
    const nextDay = generatePortfolio({ asOf: new Date(AS_OF.getTime() + DAY) });
    expect(JSON.stringify(nextDay)).not.toBe(JSON.stringify(portfolio));
  });

  it('mulberry32 is a fixed sequence (changing it would change every sample)', () => {
    const r = mulberry32(1);
    expect([r(), r(), r()].map((x) => x.toFixed(6))).toEqual(['0.627074', '0.002736', '0.527447']);
  });

  it('every account and signal satisfies the zod schemas, already in canonical (parsed) form', () => {
    for (const a of portfolio.accounts) expect(Account.parse(a)).toEqual(a);
    const bad = portfolio.signals.flatMap((s) => {
      const r = Signal.safeParse(s);
      return r.success ? [] : [`${s.id}: ${r.error.issues[0]?.message}`];
    });
    expect(bad).toEqual([]);
    // Parsing adds no defaults and drops nothing.
    expect(portfolio.signals.map((s) => Signal.parse(s))).toStrictEqual(portfolio.signals);
  });

  it('marks every record sample: true, ids are unique, and every signal belongs to a generated account', () => {
    expect(portfolio.accounts.every((a) => a.sample === true)).toBe(true);
    expect(portfolio.signals.every((s) => s.sample === true)).toBe(true);
    expect(new Set(portfolio.signals.map((s) => s.id)).size).toBe(portfolio.signals.length);
    const ids = new Set(portfolio.accounts.map((a) => a.id));
    expect(portfolio.signals.every((s) => ids.has(s.accountId))).toBe(true);
  });

  it('nothing is observed after asOf; all instants carry the zone offset (−05:00 in November)', () => {
    expect(portfolio.signals.filter((s) => ms(s.observedAt) > AS_OF.getTime())).toEqual([]);
    expect(portfolio.accounts.every((a) => ms(a.updatedAt) <= AS_OF.getTime() && ms(a.firstSeenAt) <= AS_OF.getTime())).toBe(true);
    const t = of('ticket')[0]!;
    expect(t.openedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00-0[45]:00$/);
    const tokyo = generatePortfolio({ asOf: AS_OF, accounts: 3, timeZone: 'Asia/Tokyo' });
    expect(tokyo.signals.every((s) => s.observedAt.endsWith('+09:00'))).toBe(true);
  });

  it('uses the 40 named clients with their ids, PSA refs on the three demo hosts and M365 domains', () => {
    expect(portfolio.accounts).toHaveLength(40);
    portfolio.accounts.forEach((a, i) => {
      const c = SAMPLE_CLIENTS[i]!;
      expect(a.id).toBe(sampleAccountId(i));
      expect(a.name).toBe(c.name);
      expect(a.psaRefs).toEqual([
        { host: 'demo-cw.metronome.test', companyId: c.cwIdentifier },
        { host: 'demo-at.metronome.test', companyId: String(c.autotaskId) },
        { host: 'demo-halo.metronome.test', companyId: String(c.haloId) },
      ]);
      expect(a.tenants).toEqual(NAMED_SCENARIOS[i]!.noTenant ? [] : [c.domain]);
    });
  });

  it('synthesises distinct names beyond 40 and keeps the first 40 unchanged when the portfolio grows', () => {
    const big = generatePortfolio({ asOf: AS_OF, accounts: 120, ticketsPerAccount: 10 });
    expect(new Set(big.accounts.map((a) => a.name)).size).toBe(120);
    expect(big.accounts[40]!.id).toBe('acct-041');
    expect(big.accounts.slice(0, 40).map((a) => JSON.stringify(a))).toEqual(portfolio.accounts.map((a) => JSON.stringify(a)));
    expect(big.signals.filter((s) => s.kind === 'ticket' && s.accountId === 'acct-050')).toHaveLength(10);
  });

  it('rejects nonsense options', () => {
    expect(() => generatePortfolio({ asOf: new Date('nope') })).toThrow(/asOf/);
    expect(() => generatePortfolio({ asOf: AS_OF, accounts: -1 })).toThrow(/accounts/);
  });
});

describe('generatePortfolio — realism', () => {
  it('spreads segments A–D, with two assumed (no scores) and one override with a rationale (DECISIONS §1)', () => {
    const segs = portfolio.accounts.map((a, i) => segmentOf(NAMED_SCENARIOS[i]!).segment);
    for (const s of ['A', 'B', 'C', 'D'] as const) expect(segs.filter((x) => x === s).length).toBeGreaterThanOrEqual(6);
    expect(portfolio.accounts.filter((a) => a.maturity === undefined && a.appetite === undefined).map((a) => a.name)).toEqual([
      'Coho Vineyard & Winery',
      'Woodgrove Bank',
    ]);
    const overridden = portfolio.accounts.filter((a) => a.segmentOverride);
    expect(overridden).toHaveLength(1);
    expect(overridden[0]!.segmentOverride!.rationale.length).toBeGreaterThan(20);
  });

  it('has all four MRR bands (equal revenue sums) and one account without MRR', () => {
    const bands = mrrBands(portfolio.accounts, DEFAULT_CONFIG);
    expect(new Set(bands.values())).toEqual(new Set([1, 2, 3, 4]));
    expect(portfolio.accounts.filter((a) => a.mrr === undefined).map((a) => a.id)).toEqual(['acct-021']);
  });

  it('leaves a few roles unassigned on purpose', () => {
    const missingTam = portfolio.accounts.filter((a) => !a.roles.tam).map((a) => a.name);
    expect(missingTam).toContain('Best For You Organics');
    expect(portfolio.accounts.filter((a) => !a.roles.cadenceOwner).length).toBeGreaterThanOrEqual(2);
    expect(portfolio.accounts.filter((a) => Object.keys(a.roles).length === 6).length).toBeGreaterThan(30);
  });

  it('spreads renewal dates and fiscal year ends over the year', () => {
    const renewalMonths = new Set(portfolio.accounts.flatMap((a) => (a.renewalDate ? [a.renewalDate.slice(0, 7)] : [])));
    expect(renewalMonths.size).toBeGreaterThanOrEqual(10);
    const fye = new Set(portfolio.accounts.flatMap((a) => (a.fiscalYearEnd ? [a.fiscalYearEnd] : [])));
    expect(fye.size).toBeGreaterThanOrEqual(3);
  });

  it('has 13 months of tickets with priorities, SLA outcomes, reopens, repeats and PSA exclusions', () => {
    const tickets = of('ticket');
    const opened = tickets.map((t) => ms(t.openedAt));
    expect(Math.min(...opened)).toBeGreaterThanOrEqual(AS_OF.getTime() - 398 * DAY); // 395 days, weekends moved back
    expect(new Set(tickets.map((t) => t.openedAt.slice(0, 7))).size).toBe(14); // 13 months back + this one
    expect(new Set(tickets.map((t) => t.priority)).size).toBe(12); // 4 per PSA
    expect(tickets.filter((t) => t.sla?.resolutionMet === false).length).toBeGreaterThan(50);
    expect(tickets.filter((t) => t.sla?.resolutionMet === true).length).toBeGreaterThan(1000);
    expect(tickets.filter((t) => t.sla?.excluded).length).toBeGreaterThan(30);
    expect(tickets.filter((t) => t.reopenCount === 1 && t.reopenedAt).length).toBeGreaterThan(10);
    expect(tickets.filter((t) => !t.closedAt).length).toBeGreaterThan(0);
    for (const t of tickets) {
      expect(t.id).toBe(`ticket:${t.source.host}:${t.ticketId}`);
      if (t.source.host === SAMPLE_HOSTS.autotask) expect(t.ticketId).toMatch(/^T\d{8}\.\d{4}$/);
      else expect(t.ticketId).toMatch(/^\d{5,6}$/);
      if (t.respondedAt) expect(ms(t.respondedAt)).toBeGreaterThanOrEqual(ms(t.openedAt));
      if (t.closedAt && t.resolvedAt) expect(ms(t.closedAt)).toBeGreaterThanOrEqual(ms(t.resolvedAt));
    }
  });

  it('Fourth Coffee repeats categories and misses SLAs in the last 30 days; Contoso does not', () => {
    const recent = (i: number) =>
      forAccount(i).filter((s): s is SignalOf<'ticket'> => s.kind === 'ticket' && ms(s.openedAt) > AS_OF.getTime() - 90 * DAY && !s.sla?.excluded);
    const missRate = (i: number) => recent(i).filter((t) => t.sla?.responseMet === false || t.sla?.resolutionMet === false).length / recent(i).length;
    expect(missRate(13)).toBeGreaterThan(0.3);
    expect(missRate(0)).toBeLessThan(0.08);
  });

  it('logs meetings held, missed and planned, with decision-maker and exec attendees and recaps on time, late and never', () => {
    const meetings = of('meeting');
    for (const status of ['held', 'missed', 'planned'] as const) expect(meetings.some((m) => m.status === status)).toBe(true);
    const held = meetings.filter((m) => m.status === 'held' && m.type !== 'Ops check-in');
    expect(held.some((m) => m.attendees.some((a) => a.exec))).toBe(true);
    expect(held.some((m) => m.attendees.some((a) => a.decisionMaker && !a.exec))).toBe(true);
    const recapHours = held.map((m) => (m.recapSentAt ? (ms(m.recapSentAt) - ms(m.endedAt!)) / 3_600_000 : null));
    expect(recapHours.some((h) => h !== null && h <= 48)).toBe(true);
    expect(recapHours.some((h) => h !== null && h > 48)).toBe(true);
    expect(recapHours.some((h) => h === null)).toBe(true);
  });

  it('has pulses, complaints with every root cause, and decisions pending/yes/no with and without budget', () => {
    expect(of('pulse').length).toBeGreaterThan(100);
    expect(new Set(of('complaint').map((c) => c.rootCause))).toEqual(new Set(['Cadence', 'Relevance', 'Follow-through', 'Quality']));
    const d = of('decision');
    expect(new Set(d.map((x) => x.status))).toEqual(new Set(['pending', 'yes', 'no']));
    expect(d.some((x) => !x.budget)).toBe(true);
    expect(d.some((x) => x.owner && x.dueDate && x.budget)).toBe(true);
    expect(d.some((x) => x.declineReason)).toBe(true);
    expect(d.some((x) => x.otherAction)).toBe(true);
  });

  it('reads all seven DMI insights monthly, milestones, assessments, initiatives (proposed → approved) and stakeholder changes', () => {
    expect(new Set(of('adoption').map((a) => a.insight))).toEqual(new Set(DEFAULT_INSIGHTS));
    expect(of('milestone').some((m) => m.completedAt && ms(m.completedAt) > ms(m.dueAt))).toBe(true);
    expect(of('milestone').some((m) => !m.completedAt && ms(m.dueAt) > AS_OF.getTime())).toBe(true);
    expect(of('assessment').length).toBeGreaterThan(40);
    const stages = new Set(of('initiative').map((i) => i.stage));
    for (const s of ['proposed', 'approved', 'in-progress', 'done'] as const) expect(stages).toContain(s);
    expect(of('stakeholderChange').some((s) => s.change === 'left')).toBe(true);
    expect(of('execSeen').length).toBeGreaterThan(10);
  });

  it('coverageFor hits the DMI target exactly (weighted mean) while keeping fixed insights', () => {
    const w = { mfa: 5, endpoint: 4, backup: 4, conditionalAccess: 3, emailSecurity: 3, collaboration: 2, encryption: 2 };
    const v = coverageFor(62.5, { mfa: 45 }, () => 0);
    const dmi = Object.entries(w).reduce((s, [k, x]) => s + v[k as keyof typeof w] * x, 0) / 23;
    expect(v.mfa).toBe(45);
    expect(dmi).toBeCloseTo(62.5, 1);
  });
});

describe('generatePortfolio — scenario dates hold as of asOf', () => {
  const nyDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(d);
  it('Fabrikam renews in 60 days, Zürich in 85; Müller’s fiscal year ends in 20 days', () => {
    expect(portfolio.accounts[2]!.renewalDate).toBe(nyDate(new Date(AS_OF.getTime() + 60 * DAY)));
    expect(portfolio.accounts[37]!.renewalDate).toBe(nyDate(new Date(AS_OF.getTime() + 85 * DAY)));
    expect(portfolio.accounts[8]!.fiscalYearEnd).toBe(nyDate(new Date(AS_OF.getTime() + 20 * DAY)).slice(5));
    // Nobody else is inside the −90 d renewal or −30 d fiscal-year windows.
    const soon = portfolio.accounts.filter((a) => a.renewalDate && ms(a.renewalDate) - AS_OF.getTime() < 90 * DAY);
    expect(soon.map((a) => a.name)).toEqual(['Fabrikam, Inc.', 'Zürich Präzision AG']);
  });

  it('Litware has exactly two missed meetings after its last held one; Wingtip three; Tailspin one', () => {
    const missedAfterLastHeld = (i: number) => {
      const m = forAccount(i).filter((s): s is SignalOf<'meeting'> => s.kind === 'meeting' && s.type !== 'Ops check-in');
      const lastHeld = Math.max(...m.filter((x) => x.status === 'held').map((x) => ms(x.heldAt!)));
      return m.filter((x) => x.status === 'missed' && ms(x.plannedFor!) > lastHeld).length;
    };
    expect([missedAfterLastHeld(4), missedAfterLastHeld(6), missedAfterLastHeld(5), missedAfterLastHeld(0)]).toEqual([2, 3, 1, 0]);
  });

  it('Contoso has its next strategic meeting planned within a cadence (coverage next 30 days)', () => {
    const planned = forAccount(0).filter((s): s is SignalOf<'meeting'> => s.kind === 'meeting' && s.status === 'planned');
    expect(planned).toHaveLength(1);
    const days = (ms(planned[0]!.plannedFor!) - AS_OF.getTime()) / DAY;
    expect(days).toBeGreaterThan(0);
    expect(days).toBeLessThanOrEqual(30);
  });

  it('the assessment (3 d ago) and the approved initiative (2 d ago) are recent; the empty account has no signals', () => {
    const a = forAccount(10).filter((s): s is SignalOf<'assessment'> => s.kind === 'assessment');
    expect(Math.min(...a.map((x) => (AS_OF.getTime() - ms(x.completedAt)) / DAY))).toBeLessThan(6);
    const i = forAccount(11).filter((s): s is SignalOf<'initiative'> => s.kind === 'initiative' && s.stage === 'approved');
    expect(i).toHaveLength(1);
    expect(forAccount(20)).toEqual([]);
  });

  it('fix-first scenarios: Proseware MFA < 60%, Best For You endpoint < 80% in the latest reading', () => {
    const latest = (i: number, insight: string) =>
      forAccount(i)
        .filter((s): s is SignalOf<'adoption'> => s.kind === 'adoption' && s.insight === insight)
        .sort((x, y) => ms(y.observedAt) - ms(x.observedAt))[0]!.coveragePct;
    expect(latest(7, 'mfa')).toBeLessThan(60);
    expect(latest(28, 'endpoint')).toBeLessThan(80);
    expect(latest(0, 'mfa')).toBeGreaterThanOrEqual(60);
  });
});

describe('large portfolios (bench sizes) are valid bundles', () => {
  it('1,000 accounts: unique names, domains and signal ids; the bundle parses', async () => {
    const { parseBundle } = await import('../engine/bundle');
    const p = generatePortfolio({ accounts: 1000, seed: 7, asOf: new Date('2026-11-17T17:00:00Z'), ticketsPerAccount: 4 });
    expect(new Set(p.accounts.map((a) => a.name)).size).toBe(1000);
    expect(new Set(p.accounts.flatMap((a) => a.tenants)).size).toBe(p.accounts.filter((a) => a.tenants.length).length);
    const r = parseBundle({ format: 'metronome-bundle', version: 1, exportedAt: '2026-11-17T17:00:00Z', ...p });
    expect(r.ok ? [] : r.errors.slice(0, 3)).toEqual([]);
  });
});
