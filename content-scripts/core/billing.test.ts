import { describe, expect, it } from 'vitest';
import { monthlyAmount, monthsPerPeriod } from './billing';
import { parseAmount } from './numbers';

describe('parseAmount: US and EU number formats', () => {
  it.each([
    ['$4,250.00', 4250],
    ['4.250,00 €', 4250],
    ['51.000,00 €', 51000],
    ['CHF 3’950.50', 3950.5],
    ['24\u00a0600,00 zł', 24600],
    ['4 250,00 €', 4250],
    ['€ 4250', 4250],
    ['£1,850.00', 1850],
    ['$1,234,567.89', 1234567.89],
    ['4,25', 4.25],
    ['4,250', 4250],
    ['4.250', 4250],
    ['(120.00)', -120],
    ['-75', -75],
  ])('%s → %d', (raw, n) => expect(parseAmount(raw)).toBe(n));

  it.each([undefined, '', '—', 'n/a', '12.5.3', '1,23,4', '1.234.5', '$', '1,2345'])('%s → undefined (not certainly one amount)', (raw) =>
    expect(parseAmount(raw)).toBeUndefined(),
  );
});

describe('monthlyAmount: recurring amount per billing period → MRR', () => {
  it('monthly, quarterly, semi-annual, yearly', () => {
    expect(monthlyAmount(4250, 'Monthly')).toBe(4250);
    expect(monthlyAmount(12600, 'Quarterly')).toBe(4200);
    expect(monthlyAmount(6000, 'Semi-Annual')).toBe(1000);
    expect(monthlyAmount(51000, 'Yearly')).toBe(4250);
    expect(monthlyAmount(24600, 'Annually')).toBe(2050);
  });
  it('rounds to cents', () => expect(monthlyAmount(1000, 'Quarterly')).toBe(333.33));
  it('unknown period, missing or negative amount → undefined (never a guessed MRR)', () => {
    expect(monthsPerPeriod('Fortnightly')).toBeUndefined();
    expect(monthlyAmount(500, 'Fortnightly')).toBeUndefined();
    expect(monthlyAmount(500, undefined)).toBeUndefined();
    expect(monthlyAmount(undefined, 'Monthly')).toBeUndefined();
    expect(monthlyAmount(-5, 'Monthly')).toBeUndefined();
  });
});
