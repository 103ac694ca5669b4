import { describe, expect, it } from 'vitest';
import { dateInText, parseTicketSecondary } from './ticket';

describe('parseTicketSecondary: "- T20261007.0081 - <title> (<account>)"', () => {
  it('cuts the account suffix only when it is the Account field', () => {
    expect(parseTicketSecondary('- T20261007.0081 - Printer (HP 4250) (Contoso Ltd)', 'Contoso Ltd')).toEqual({
      number: 'T20261007.0081',
      title: 'Printer (HP 4250)',
    });
    expect(parseTicketSecondary('- T20261007.0081 - Printer (HP 4250)', 'Contoso Ltd')).toEqual({ number: 'T20261007.0081', title: 'Printer (HP 4250)' });
  });
  it('account without a title → no title; text that is not a ticket title bar → nothing', () => {
    expect(parseTicketSecondary('- T20261007.0081 - (Contoso Ltd)', 'Contoso Ltd')).toEqual({ number: 'T20261007.0081', title: undefined });
    expect(parseTicketSecondary('- Contoso Ltd', 'Contoso Ltd')).toEqual({});
  });
  it('HTML-looking titles stay text', () =>
    expect(parseTicketSecondary('- T20261005.0007 - <img src=x onerror=alert(1)> (Åsgård Logistics AB)', 'Åsgård Logistics AB').title).toBe(
      '<img src=x onerror=alert(1)>',
    ));
});

describe('dateInText: the date inside the heading bundle', () => {
  it.each([
    ['Created 10/7/2026 8:14 AM by Megan Bowen', '10/7/2026 8:14 AM'],
    ['Created 30.09.2026 09:05 by Jürgen Weiß', '30.09.2026 09:05'],
    ['Created 22/09/2026 9:30 p.m. by Élodie', '22/09/2026 9:30 p.m.'],
    ['Created 10/13/2026 by Datto RMM', '10/13/2026'],
  ])('%s → %s', (s, d) => expect(dateInText(s)).toBe(d));
  it('no date → undefined', () => expect(dateInText('Created by Megan Bowen')).toBeUndefined());
});
