import { describe, expect, it } from 'vitest';
import { dateOrderForLocale, meetingDay, parseDueDate } from './dueDate';

// Thursday 12 Nov 2026, 15:00 in New York.
const THU = meetingDay('2026-11-12T15:00:00-05:00', 'America/New_York');

describe('parseDueDate — US and EU dates (PRODUCT non-negotiables: US and EU formats)', () => {
  it('ISO dates pass through; impossible dates are rejected', () => {
    expect(parseDueDate('2026-12-04', THU)).toBe('2026-12-04');
    expect(parseDueDate('2026-02-30', THU)).toBeNull();
  });
  it('slashes: ambiguous follow the locale order, unambiguous ignore it', () => {
    expect(parseDueDate('12/04/2026', THU, 'MDY')).toBe('2026-12-04');
    expect(parseDueDate('12/04/2026', THU, 'DMY')).toBe('2026-04-12');
    expect(parseDueDate('25/12/2026', THU, 'MDY')).toBe('2026-12-25');
    expect(parseDueDate('12/25/2026', THU, 'DMY')).toBe('2026-12-25');
    expect(parseDueDate('12/25/26', THU, 'DMY')).toBe('2026-12-25');
    expect(parseDueDate('13/13/2026', THU)).toBeNull();
  });
  it('dots are day-first; a date without a year is the next one on or after the meeting', () => {
    expect(parseDueDate('4.12.2026', THU, 'MDY')).toBe('2026-12-04');
    expect(parseDueDate('4.12.', THU)).toBe('2026-12-04');
    expect(parseDueDate('12/11', THU, 'DMY')).toBe('2026-11-12'); // the meeting day itself
    expect(parseDueDate('11.11.', THU)).toBe('2027-11-11'); // the day before → next year
  });
  it('month names with ordinals, weekdays in front, trailing punctuation', () => {
    expect(parseDueDate('Dec 4th, 2026', THU)).toBe('2026-12-04');
    expect(parseDueDate('4 December 2026.', THU)).toBe('2026-12-04');
    expect(parseDueDate('Fri 4 Dec', THU)).toBe('2026-12-04');
    expect(parseDueDate('January 8', THU)).toBe('2027-01-08');
    expect(parseDueDate('by 8 Jan', THU)).toBe('2027-01-08');
  });
  it('"by Friday" counts from the meeting date; a Friday meeting\'s Friday is a week later', () => {
    expect(parseDueDate('Friday', THU)).toBe('2026-11-13');
    expect(parseDueDate('next Fri', THU)).toBe('2026-11-13');
    expect(parseDueDate('Thursday', THU)).toBe('2026-11-19');
    const fri = meetingDay('2026-11-13T10:00:00Z', 'UTC');
    expect(parseDueDate('Friday', fri)).toBe('2026-11-20');
    expect(parseDueDate('Monday', fri)).toBe('2026-11-16');
  });
  it('the meeting day is taken in the user\'s zone, not UTC', () => {
    // 02:00Z on Friday 13 Nov is still Thursday evening in New York.
    const ny = meetingDay('2026-11-13T02:00:00Z', 'America/New_York');
    const utc = meetingDay('2026-11-13T02:00:00Z', 'UTC');
    expect(parseDueDate('Friday', ny)).toBe('2026-11-13');
    expect(parseDueDate('Friday', utc)).toBe('2026-11-20');
    // Sydney: already Friday 13 Nov at 13:00.
    expect(parseDueDate('tomorrow', meetingDay('2026-11-13T02:00:00Z', 'Australia/Sydney'))).toBe('2026-11-14');
  });
  it('relative phrases', () => {
    expect(parseDueDate('tomorrow', THU)).toBe('2026-11-13');
    expect(parseDueDate('end of week', THU)).toBe('2026-11-13');
    expect(parseDueDate('EOM', THU)).toBe('2026-11-30');
    expect(parseDueDate('in 2 weeks', THU)).toBe('2026-11-26');
    expect(parseDueDate('in 10 days', THU)).toBe('2026-11-22');
  });
  it('not dates', () => {
    expect(parseDueDate('the team', THU)).toBeNull();
    expect(parseDueDate('', THU)).toBeNull();
    expect(parseDueDate('soon', THU)).toBeNull();
  });
  it('locale order', () => {
    expect(dateOrderForLocale('en-US')).toBe('MDY');
    expect(dateOrderForLocale('en-GB')).toBe('DMY');
    expect(dateOrderForLocale('de-DE')).toBe('DMY');
    expect(dateOrderForLocale(undefined)).toBe('MDY');
  });
});
