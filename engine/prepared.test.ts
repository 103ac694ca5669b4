import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '../sample/generate';
import { DEFAULT_CONFIG } from './config';
import { evaluateAccount, mrrBands } from './index';
import type { MonthlySnapshot } from './model';
import { prepareSignals, ticketHorizon } from './prepared';
import type { Signal } from './signals';

const timeZone = 'America/New_York';
const config = { ...DEFAULT_CONFIG, calendar: { ...DEFAULT_CONFIG.calendar, timeZone } };
const asOf = new Date('2026-11-17T17:00:00.000Z');
const portfolio = generatePortfolio({ accounts: 40, seed: 3, asOf, timeZone });
const byAccount = new Map<string, Signal[]>();
for (const s of portfolio.signals) byAccount.set(s.accountId, [...(byAccount.get(s.accountId) ?? []), s]);
const bands = mrrBands(portfolio.accounts, config);

describe('ticket horizon: settled old tickets are skipped without changing any result', () => {
  it('splits settled tickets by local date, keeps open and recent ones', () => {
    const all = portfolio.signals.filter((s) => s.accountId === portfolio.accounts[0]!.id);
    const horizon = ticketHorizon(config, asOf.getTime());
    const p = prepareSignals(all, horizon);
    const tickets = all.filter((s) => s.kind === 'ticket');
    expect(p.tickets.length + p.ticketsBeforeHorizon.length).toBe(tickets.length);
    expect(p.ticketsBeforeHorizon.length).toBeGreaterThan(tickets.length / 2); // 13 months of history, ~4 read
    for (const t of p.ticketsBeforeHorizon) expect(Date.parse(t.closedAt ?? t.resolvedAt!)).toBeLessThan(horizon);
    for (const r of p.tickets) if (!(r.s.closedAt ?? r.s.resolvedAt)) continue; else expect(Date.parse(r.s.closedAt ?? r.s.resolvedAt!)).toBeGreaterThan(horizon - 2 * 86_400_000);
    expect(prepareSignals(all).ticketsBeforeHorizon).toEqual([]);
  });

  // Cold (freezing up to 13 months), steady (snapshots stored), in the past, and far ahead (every
  // ticket settled before the horizon: quality falls back to "no data" with its stale date).
  const cases: [string, Date][] = [
    ['the sample date', asOf],
    ['20 days earlier', new Date(asOf.getTime() - 20 * 86_400_000)],
    ['200 days earlier', new Date(asOf.getTime() - 200 * 86_400_000)],
    ['45 days later', new Date(asOf.getTime() + 45 * 86_400_000)],
    ['400 days later', new Date(asOf.getTime() + 400 * 86_400_000)],
  ];
  for (const [label, at] of cases) {
    it(`every sample account evaluates identically at ${label}, cold and steady`, () => {
      let compared = 0;
      for (const account of portfolio.accounts) {
        const signals = byAccount.get(account.id) ?? [];
        const input = { account, signals, config, asOf: at, mrrBand: bands.get(account.id) ?? null };
        const cold = evaluateAccount(input);
        expect(cold).toEqual(evaluateAccount(input, { ticketHorizon: false }));
        const snapshots: MonthlySnapshot[] = cold.snapshots;
        expect(evaluateAccount({ ...input, snapshots })).toEqual(evaluateAccount({ ...input, snapshots }, { ticketHorizon: false }));
        compared++;
      }
      expect(compared).toBe(40);
    });
  }

  it('the far-ahead case really exercises the stale fallback', () => {
    const account = portfolio.accounts[0]!;
    const at = new Date(asOf.getTime() + 400 * 86_400_000);
    const e = evaluateAccount({ account, signals: byAccount.get(account.id)!, config, asOf: at, mrrBand: bands.get(account.id) ?? null });
    const sla = e.health.dimensions.quality.drivers.find((d) => d.key === 'sla')!;
    expect(sla.missing).toBe(true);
    expect(sla.staleSince).toMatch(/^2026-1[01]-/);
  });
});
