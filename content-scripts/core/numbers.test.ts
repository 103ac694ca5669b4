import { describe, expect, it } from 'vitest';
import { parseAmount, parsePercent } from './numbers';

describe('parseAmount', () => {
  it.each([
    ['$4,250.00', 4250],
    ['4.250,00 €', 4250],
    ['€ 4.250,5', 4250.5],
    ["CHF 1'250.50", 1250.5],
    ['USD 12,000', 12000],
    ['1.250', 1250],
    ['1,250', 1250],
    ['1250', 1250],
    ['0.99', 0.99],
    ['(1,200.00)', -1200],
    ['-$75.00', -75],
    ['1 234 567,89 €', 1234567.89],
    ['£12,345,678.90', 12345678.9],
  ])('%s → %d', (s, n) => expect(parseAmount(s)).toBe(n));
  it.each(['', 'n/a', '$', '1.2.3,4,5', '12abc', '1,2,3.4.5'])('%j → undefined', (s) => expect(parseAmount(s)).toBeUndefined());
});

describe('parsePercent', () => {
  it('reads plain and EU percentages', () => {
    expect(parsePercent('63%')).toBe(63);
    expect(parsePercent('63,5 %')).toBe(63.5);
    expect(parsePercent('112% used')).toBe(112);
    expect(parsePercent('abc')).toBeUndefined();
  });
});
