import { describe, expect, it } from 'vitest';
import { ctaId, datedPeriod, monthPeriod, recordPeriod } from './ids';

describe('CTA ids: one per account + trigger + period', () => {
  it('id is `${accountId}:${trigger}:${period}`', () => {
    expect(ctaId('acct-1', 'renewal', 'renewal-2027-03-31')).toBe('acct-1:renewal:renewal-2027-03-31');
  });
  it('month period is the calendar month in the user time zone, not UTC', () => {
    // 02:00 UTC on Dec 1 is still Nov 30 in New York.
    expect(monthPeriod(new Date('2026-12-01T02:00:00Z'), 'America/New_York')).toBe('2026-11');
    expect(monthPeriod(new Date('2026-12-01T02:00:00Z'), 'UTC')).toBe('2026-12');
  });
  it('dated periods use the local date', () => {
    expect(datedPeriod('miss', new Date('2026-09-12T03:00:00Z'), 'America/New_York')).toBe('miss-2026-09-11');
  });
  it('record periods keep ids splittable on ":"', () => {
    expect(recordPeriod('decision', 'dec:cw:42')).toBe('decision-dec_cw_42');
    expect(ctaId('a', 'proposalReset', recordPeriod('decision', 'dec:cw:42')).split(':')).toHaveLength(3);
  });
});
