import { describe, expect, it } from 'vitest';
import { configWith, DEFAULT_CONFIG } from '../config';
import { complaint, ctxFor, execSeen, heldMeeting, exec, makeAccount, pulse, staff } from '../testing/factories';
import { experience, experienceColour } from './experience';

const cfg = DEFAULT_CONFIG;
const asOf = '2026-11-20T12:00:00Z';

describe('experienceColour (DECISIONS §3 CX roll-up [L117])', () => {
  it('WE-CX-1 [L116]: pulse ≥ 4.5, sponsor ≤ 120 d, 0 complaints → Green', () => {
    expect(experienceColour({ pulse: 4.6, sponsorDays: 30, complaints: 0 }, cfg)).toBe('green');
  });
  it('DV-CX-1: pulse 4.3, sponsor 60 d, 0 complaints → Yellow', () => {
    expect(experienceColour({ pulse: 4.3, sponsorDays: 60, complaints: 0 }, cfg)).toBe('yellow');
  });
  it('DV-CX-2: pulse 4.8, sponsor 130 d → Red (sponsor > 120 d)', () => {
    expect(experienceColour({ pulse: 4.8, sponsorDays: 130, complaints: 0 }, cfg)).toBe('red');
  });
  it('DV-CX-3: pulse 4.6, sponsor 30 d, 2 complaints → Red', () => {
    expect(experienceColour({ pulse: 4.6, sponsorDays: 30, complaints: 2 }, cfg)).toBe('red');
  });
  it('DV-CX-4: pulse 4.49 / 4.5 / 4.0 / 3.99 → Yellow / Green / Yellow / Red', () => {
    const c = (pulse: number) => experienceColour({ pulse, sponsorDays: 10, complaints: 0 }, cfg);
    expect([c(4.49), c(4.5), c(4.0), c(3.99)]).toEqual(['yellow', 'green', 'yellow', 'red']);
  });
  it('sponsor boundary: 120 d Green, 120.01 d Red', () => {
    expect(experienceColour({ pulse: 5, sponsorDays: 120, complaints: 0 }, cfg)).toBe('green');
    expect(experienceColour({ pulse: 5, sponsorDays: 120.01, complaints: 0 }, cfg)).toBe('red');
  });
  it('complaints 1 → Yellow', () => {
    expect(experienceColour({ pulse: 5, sponsorDays: 10, complaints: 1 }, cfg)).toBe('yellow');
  });
  it('§7: complaints alone never colour CX — no pulse and no sponsor → No data, even with 0 complaints', () => {
    expect(experienceColour({ pulse: null, sponsorDays: null, complaints: 0 }, cfg)).toBe('nodata');
    expect(experienceColour({ pulse: null, sponsorDays: null, complaints: 3 }, cfg)).toBe('nodata');
  });
  it('thresholds come from config', () => {
    const c = configWith({ health: { experience: { pulse: { green: 4.0 } } } });
    expect(experienceColour({ pulse: 4.1, sponsorDays: 10, complaints: 0 }, c)).toBe('green');
  });
});

describe('experience(ctx)', () => {
  it('WE-CX-1 end to end: score 0.5·(4.6−1)/4·100 + 25 + 25 = 95, Green, with sources', () => {
    const m = heldMeeting('2026-11-03T15:00:00Z', { attendees: [exec()] });
    const r = experience(ctxFor([m, pulse(4.6, '2026-11-03T17:00:00Z')], { asOf }));
    expect(r.colour).toBe('green');
    expect(r.score).toBe(95);
    expect(r.reason).toMatch(/^Green/);
    const sponsor = r.drivers.find((d) => d.key === 'sponsor')!;
    expect(sponsor.value).toBe(16);
    expect(sponsor.sources[0]!.signalId).toBe(m.id);
    expect(r.drivers.find((d) => d.key === 'pulse')!.sources).toHaveLength(1);
    expect(r.missing).toEqual([]);
  });

  it('averages this month\'s pulses; a pulse from last month does not count', () => {
    const s = [pulse(4, '2026-11-02T00:00:00Z'), pulse(5, '2026-11-10T00:00:00Z'), pulse(1, '2026-10-31T23:00:00Z'), execSeen('2026-11-01T00:00:00Z')];
    const r = experience(ctxFor(s, { asOf }));
    expect(r.drivers.find((d) => d.key === 'pulse')!.value).toBe(4.5);
    expect(r.colour).toBe('green');
  });

  it('time zone: a pulse at 23:30 on Oct 31 in New York is October (though Nov 1 in UTC)', () => {
    const ny = configWith({ calendar: { timeZone: 'America/New_York' } });
    const p = pulse(2, '2026-11-01T03:30:00Z'); // 2026-10-31 23:30 EDT
    const nov = experience(ctxFor([p, execSeen('2026-11-05T12:00:00Z')], { asOf, config: ny }));
    expect(nov.drivers.find((d) => d.key === 'pulse')!.missing).toBe(true);
    const octEnd = '2026-11-01T03:59:59.999Z'; // last ms of October in New York
    const oct = experience(ctxFor([p, execSeen('2026-10-05T12:00:00Z')], { asOf: octEnd, config: ny }));
    expect(oct.drivers.find((d) => d.key === 'pulse')!.value).toBe(2);
    expect(oct.colour).toBe('red');
    // in UTC the same pulse is November
    const utc = experience(ctxFor([p, execSeen('2026-11-05T12:00:00Z')], { asOf }));
    expect(utc.drivers.find((d) => d.key === 'pulse')!.value).toBe(2);
  });

  it('missing pulse: dropped and weights renormalised (sponsor 50% + complaints 50%), stale since last pulse', () => {
    const s = [pulse(4.2, '2026-10-15T00:00:00Z'), execSeen('2026-11-01T00:00:00Z'), complaint('Cadence', '2026-11-02T00:00:00Z')];
    const r = experience(ctxFor(s, { asOf }));
    expect(r.missing).toEqual(['Post-meeting pulse (this month)']);
    expect(r.stale).toEqual(['Post-meeting pulse (this month)']);
    const p = r.drivers.find((d) => d.key === 'pulse')!;
    expect(p.staleSince).toBe('2026-10-15T00:00:00.000Z');
    expect(p.weight).toBe(0);
    expect(r.drivers.find((d) => d.key === 'sponsor')!.weight).toBe(0.5);
    expect(r.score).toBe(80); // 0.5·100 + 0.5·60
    expect(r.colour).toBe('yellow');
  });

  it('§7 exec never seen and account known > 120 d → treated as > 120 d (Red)', () => {
    const account = makeAccount({ firstSeenAt: '2026-07-01T00:00:00Z' });
    const m = heldMeeting('2026-11-03T15:00:00Z', { attendees: [staff()] }); // no exec present
    const r = experience(ctxFor([m, pulse(5, '2026-11-03T17:00:00Z')], { asOf, account }));
    const s = r.drivers.find((d) => d.key === 'sponsor')!;
    expect(s.pass).toBe(false);
    expect(s.display).toMatch(/^Never seen/);
    expect(r.colour).toBe('red');
  });

  it('§7 exec never seen and account known ≤ 120 d → no data for the sponsor input', () => {
    const account = makeAccount({ firstSeenAt: '2026-08-01T00:00:00Z' });
    const r = experience(ctxFor([pulse(5, '2026-11-03T17:00:00Z')], { asOf, account }));
    expect(r.drivers.find((d) => d.key === 'sponsor')!.missing).toBe(true);
    expect(r.colour).toBe('green');
    expect(r.score).toBe(100); // pulse 2/3, complaints 1/3
    const noPulse = experience(ctxFor([], { asOf, account }));
    expect(noPulse.colour).toBe('nodata');
    expect(noPulse.score).toBeNull();
  });

  it('complaints logged this month only; two → Red with root causes in the driver', () => {
    const s = [execSeen('2026-11-01T00:00:00Z'), complaint('Quality', '2026-11-02T00:00:00Z'), complaint('Relevance', '2026-11-03T00:00:00Z'), complaint('Cadence', '2026-10-30T00:00:00Z')];
    const r = experience(ctxFor(s, { asOf }));
    const c = r.drivers.find((d) => d.key === 'complaints')!;
    expect(c.value).toBe(2);
    expect(c.display).toBe('2 (Quality, Relevance)');
    expect(r.colour).toBe('red');
    expect(r.reason).toMatch(/^Red: complaints/);
  });

  it('signals after asOf are ignored (exec seen later)', () => {
    const account = makeAccount({ firstSeenAt: '2026-10-01T00:00:00Z' });
    const r = experience(ctxFor([execSeen('2026-11-25T00:00:00Z')], { asOf, account }));
    expect(r.colour).toBe('nodata');
  });
});
