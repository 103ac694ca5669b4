import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import type { Segment, Signal } from '../signals';
import { ctxFor, heldMeeting, milestone, plusDays, ticket, type TicketOpts } from '../testing/factories';
import { quality, qualityColour, slaMet } from './quality';

const cfg = DEFAULT_CONFIG;
const asOf = '2026-11-20T12:00:00Z';
const run = (s: Signal[], segment: Segment = 'B') => quality(ctxFor(s, { asOf, segment }));
const drv = (r: ReturnType<typeof run>, key: string) => r.drivers.find((d) => d.key === key)!;

/** `n` tickets opened `daysAgo` days before asOf and closed an hour later. */
const closedTickets = (n: number, daysAgo: number, o: (i: number) => TicketOpts = () => ({})) =>
  Array.from({ length: n }, (_, i) => {
    const opened = plusDays(asOf, -daysAgo);
    return ticket(opened, { closedAt: plusDays(opened, 1 / 24), ...o(i) });
  });

describe('quality colour by segment edges (DECISIONS §3 [L134])', () => {
  it('A 85/75, B 80/70, C 75/60, D 70/55 on both sides', () => {
    const edges: [Segment, number, number][] = [['A', 85, 75], ['B', 80, 70], ['C', 75, 60], ['D', 70, 55]];
    for (const [s, g, r] of edges) {
      expect(qualityColour(g, s, cfg)).toBe('green');
      expect(qualityColour(g - 0.01, s, cfg)).toBe('yellow');
      expect(qualityColour(r, s, cfg)).toBe('yellow');
      expect(qualityColour(r - 0.01, s, cfg)).toBe('red');
    }
  });
});

describe('quality(ctx)', () => {
  it('WE-SQ-1 [L134]: B SLA 88, on-time 72, recurrence 80, follow-through 90 → 82.4 Green (seed says 82.1)', () => {
    const s: Signal[] = [
      ...closedTickets(25, 10, (i) => ({ responseMet: i >= 3, reopenCount: i % 5 === 0 ? 1 : 0 })), // 22 met; 5 reopened
      ...Array.from({ length: 25 }, (_, i) => milestone(plusDays(asOf, -20), i < 18 ? plusDays(asOf, -21) : plusDays(asOf, -19))),
      ...Array.from({ length: 10 }, (_, i) => heldMeeting(plusDays(asOf, -80 + i * 7), { recapAfterHours: i < 9 ? 24 : 72 })),
    ];
    const r = run(s, 'B');
    expect([drv(r, 'sla').value, drv(r, 'onTime').value, drv(r, 'repeat').value, drv(r, 'followThrough').value]).toEqual([88, 72, 20, 90]);
    expect(r.score).toBe(82.4);
    expect(r.colour).toBe('green');
    // per-signal [L135] ticks for B: SLA ≥95 ✗, milestones ≥85 ✗, repeat ≤8 ✗, recap ≥95 ✗
    expect(r.drivers.map((d) => [d.target, d.pass])).toEqual([
      ['≥ 95%', false],
      ['≥ 85%', false],
      ['≤ 8%', false],
      ['≥ 95%', false],
    ]);
  });

  it('per-signal targets per segment [L135] (A 97/90/5/95, D 90/75/15/90)', () => {
    const s = closedTickets(5, 5);
    expect(run(s, 'A').drivers.map((d) => d.target)).toEqual(['≥ 97%', '≥ 90%', '≤ 5%', '≥ 95%']);
    expect(run(s, 'D').drivers.map((d) => d.target)).toEqual(['≥ 90%', '≥ 75%', '≤ 15%', '≥ 90%']);
    expect(drv(run(s, 'D'), 'sla').pass).toBe(true);
  });

  it('§7 SLA: 5 tickets in 30 d → 30-day window', () => {
    const r = run(closedTickets(5, 29, (i) => ({ resolutionMet: i !== 0 })));
    expect(drv(r, 'sla').display).toBe('80% (4 of 5 tickets, last 30 days)');
  });

  it('§7 SLA: fewer than 5 in 30 d → widen to 90 d', () => {
    const s = [...closedTickets(4, 10), ...closedTickets(2, 60, () => ({ responseMet: false }))];
    expect(drv(run(s), 'sla').display).toBe('66.7% (4 of 6 tickets, last 90 days)');
  });

  it('§7 SLA: still fewer than 5 in 90 d → no data (stale since the last older ticket)', () => {
    const s = [...closedTickets(4, 10), ...closedTickets(1, 120)];
    const d = drv(run(s), 'sla');
    expect(d.missing).toBe(true);
    expect(d.staleSince).toBeDefined();
  });

  it('§7 SLA: PSA-excluded tickets and tickets without SLA data are left out', () => {
    const s = [...closedTickets(5, 5), ...closedTickets(3, 5, () => ({ excluded: true, responseMet: false })), ...closedTickets(3, 5, () => ({ noSla: true }))];
    expect(drv(run(s), 'sla').display).toBe('100% (5 of 5 tickets, last 30 days)');
    const onlyExcluded = [...closedTickets(4, 5), ...closedTickets(3, 5, () => ({ excluded: true }))];
    expect(drv(run(onlyExcluded), 'sla').missing).toBe(true);
  });

  it('SLA met computed from due dates when the PSA shows no met flag', () => {
    const t = ticket('2026-11-01T10:00:00Z', { closedAt: '2026-11-01T12:00:00Z', noSla: true });
    t.respondedAt = '2026-11-01T10:30:00Z';
    t.sla = { responseDueAt: '2026-11-01T10:15:00Z', resolutionDueAt: '2026-11-02T10:00:00Z' };
    expect(slaMet(t)).toBe(false);
    t.sla.responseDueAt = '2026-11-01T11:00:00Z';
    expect(slaMet(t)).toBe(true);
  });

  it('§7 repeat: reopened tickets and same category within 30 d (boundary both sides)', () => {
    const base = plusDays(asOf, -25);
    const s = [
      ticket(plusDays(base, -60), { category: 'Printer' }),
      ticket(base, { category: 'Printer' }), // 60 d after the previous: not a repeat
      ticket(plusDays(base, 10), { category: 'printer ' }), // 10 d: repeat (case/space-insensitive)
      ticket(plusDays(base, 10), { category: 'Email' }),
      ticket(plusDays(base, 12), { reopenCount: 1 }),
      ticket(plusDays(base, 5), { category: 'VPN' }),
    ];
    const r = run(s);
    expect(drv(r, 'repeat').display).toBe('40% (2 of 5 tickets, last 30 days)');
  });

  it('§7 repeat: exactly 30 d apart is a repeat, 30 d + 1 s is not', () => {
    const first = plusDays(asOf, -50);
    const mk = (gapDays: number) => [
      ticket(first, { category: 'Backup' }),
      ticket(plusDays(first, gapDays), { category: 'Backup' }),
      ...Array.from({ length: 4 }, () => ticket(plusDays(asOf, -2))),
    ];
    expect(drv(run(mk(30)), 'repeat').value).toBe(20);
    expect(drv(run(mk(30 + 1 / 86400)), 'repeat').value).toBe(0);
  });

  it('§7 milestones: due in the last 90 d and met by the due date; none → dropped and renormalised', () => {
    const s = [...closedTickets(5, 5), milestone(plusDays(asOf, -10), plusDays(asOf, -10)), milestone(plusDays(asOf, -10), plusDays(asOf, -9)), milestone(plusDays(asOf, -100))];
    expect(drv(run(s), 'onTime').display).toBe('50% (1 of 2)');
    const r = run(closedTickets(5, 5));
    expect(drv(r, 'onTime').missing).toBe(true);
    expect(r.missing).toEqual(['Milestones on time', 'Follow-through (recap ≤ 48 h)']);
    // SLA 100 and repeat 0 → 100 with weights 0.30/0.25 renormalised
    expect(r.score).toBe(100);
    expect(drv(r, 'sla').weight).toBeCloseTo(0.3 / 0.55, 10);
  });

  it('no ticket, milestone or meeting → No data, never Green', () => {
    const r = run([]);
    expect(r).toMatchObject({ colour: 'nodata', score: null });
    expect(r.missing).toHaveLength(4);
  });

  it('SLA sources point at the ticket pages', () => {
    const r = run(closedTickets(5, 3));
    const src = drv(r, 'sla').sources[0]!;
    expect(src.host).toBe('acme.myconnectwise.net');
    expect(src.pageType).toBe('ticket');
    expect(src.url).toMatch(/^https:\/\/acme\.myconnectwise\.net\/ticket\//);
  });

  it('tickets opened after asOf are ignored', () => {
    const r = run([...closedTickets(4, 3), ticket(plusDays(asOf, 1), { closedAt: plusDays(asOf, 2) })]);
    expect(drv(r, 'sla').missing).toBe(true);
  });
});
