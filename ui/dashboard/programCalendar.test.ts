// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { anniversaryOnOrBefore, nextAnchor, programYear } from './programCalendar';
import { acct, NOW } from './testing';

describe('security-program calendar (S0:L15–L28, seed-features §6 F43)', () => {
  it('renewal anniversary basis: months 1–12 end at the next renewal; anchors 3/6/9/12; renewal −90 d marked', () => {
    const py = programYear(acct('a', { renewalDate: '2027-03-31' }), NOW, 'UTC', -90);
    expect(py.basis).toBe('renewal');
    expect(py.basisText).toBe('renewal anniversary');
    expect([py.start, py.end]).toEqual(['2026-03-31', '2027-03-30']);
    expect(py.months.map((m) => [m.index, m.start, m.end]).slice(0, 2)).toEqual([
      [1, '2026-03-31', '2026-04-29'],
      [2, '2026-04-30', '2026-05-30'],
    ]);
    expect(py.months[11]).toMatchObject({ index: 12, start: '2027-02-28', end: '2027-03-30', deliverable: 'Annual Strategic Reassessment' });
    expect(py.months.filter((m) => m.anchor).map((m) => m.index)).toEqual([3, 6, 9, 12]);
    expect(py.months.filter((m) => m.annual).map((m) => m.index)).toEqual([12]);
    expect(py.renewalDate).toBe('2027-03-31');
    expect(py.renewalTriggerDate).toBe('2026-12-31');
    expect(py.renewalTriggerMonth).toBe(10); // 2026-12-31 falls in month 10 (2026-12-31 – 2027-01-29)
    expect(py.currentMonth).toBe(8); // 18 Nov 2026 is in month 8 (2026-10-31 – 2026-11-29)
    expect(nextAnchor(py)?.index).toBe(9);
  });

  it('a stored renewal already past rolls forward by whole years', () => {
    const py = programYear(acct('a', { renewalDate: '2025-01-15' }), NOW, 'UTC', -90);
    expect([py.start, py.renewalDate, py.renewalTriggerDate]).toEqual(['2026-01-15', '2027-01-15', '2026-10-17']);
    expect(py.renewalTriggerMonth).toBe(10);
  });

  it('agreement start, then first-seen month, when no renewal date; no renewal trigger then', () => {
    const ag = programYear(acct('a', { agreement: { start: '2024-06-01' } }), NOW, 'UTC', -90);
    expect([ag.basis, ag.start, ag.currentMonth, ag.renewalTriggerDate, ag.renewalTriggerMonth]).toEqual(['agreement', '2026-06-01', 6, null, null]);
    const fs = programYear(acct('a', { firstSeenAt: '2025-01-10T10:00:00Z' }), NOW, 'UTC', -90);
    expect([fs.basis, fs.basisText, fs.start, fs.end, fs.currentMonth]).toEqual(['firstSeen', 'month Metronome first saw the account', '2026-01-01', '2026-12-31', 11]);
  });

  it('first-seen month is taken in the user’s zone', () => {
    // 1 Feb 02:00 UTC is still 31 Jan in New York.
    const py = programYear(acct('a', { firstSeenAt: '2026-02-01T02:00:00Z' }), NOW, 'America/New_York', -90);
    expect(py.start).toBe('2026-01-01');
  });

  it('anniversaryOnOrBefore: the day itself starts a new year; 29 Feb clamps', () => {
    expect(anniversaryOnOrBefore('2020-11-18', '2026-11-18')).toBe('2026-11-18');
    expect(anniversaryOnOrBefore('2020-11-19', '2026-11-18')).toBe('2025-11-19');
    expect(anniversaryOnOrBefore('2028-11-19', '2026-11-18')).toBe('2025-11-19');
    expect(anniversaryOnOrBefore('2024-02-29', '2026-03-01')).toBe('2026-02-28');
  });
});
