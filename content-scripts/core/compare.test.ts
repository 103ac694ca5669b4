import { describe, expect, it } from 'vitest';
import { compareText } from './compare';

describe('compareText — tie-break order without Intl', () => {
  it('case-insensitive, then lower case first, then equal', () => {
    expect(compareText('apple', 'Banana')).toBe(-1);
    expect(compareText('Banana', 'apple')).toBe(1);
    expect(compareText('office 365 e3', 'Office 365 E3')).toBe(-1);
    expect(compareText('Office 365 E3', 'office 365 e3')).toBe(1);
    expect(compareText('contoso.com', 'contoso.com')).toBe(0);
    expect(compareText('a-b.com', 'ab.com')).toBe(-1); // punctuation before letters
    expect(compareText('a.com', 'a-b.com')).toBe(1); // '-' before '.'
  });

  const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
  it('same order as localeCompare (root/English) for domain names: 20,000 random pairs over [a-z0-9.-]', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const chars = 'abcmxyz0159.-';
    const word = () => Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => chars[Math.floor(rnd() * chars.length)]).join('');
    for (let i = 0; i < 20_000; i++) {
      const a = word();
      const b = word();
      expect(sign(compareText(a, b)), `${a} vs ${b}`).toBe(sign(a.localeCompare(b, 'en')));
    }
  });

  it('same order as localeCompare for Microsoft SKU names', () => {
    const names = [
      'Microsoft 365 Business Premium', 'Microsoft 365 Business Basic', 'Microsoft 365 E5', 'microsoft 365 e5', 'Office 365 E3',
      'Office 365 E1', 'Office 365 E1 (no Teams)', 'Exchange Online (Plan 1)', 'Exchange Online (Plan 2)', 'Microsoft Entra ID P1',
      'Microsoft Defender for Office 365 (Plan 1)', 'Power BI Pro', 'Teams Essentials', 'Visio Plan 2', 'Windows 10/11 Enterprise E3',
    ];
    for (const a of names) for (const b of names) expect(sign(compareText(a, b)), `${a} vs ${b}`).toBe(sign(a.localeCompare(b, 'en')));
  });
});
