import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessHours,
  addCalendarDays,
  addDuration,
  isBusinessDay,
  isWithinBusinessHours,
  localDate,
  nextBusinessMoment,
  startOfDate,
  toInstantString,
  type BusinessCalendar,
} from './business';

const NY: BusinessCalendar = {
  timeZone: 'America/New_York',
  businessDays: [1, 2, 3, 4, 5],
  businessHoursStart: '09:00',
  businessHoursEnd: '17:00',
  holidays: [],
};
const BERLIN: BusinessCalendar = { ...NY, timeZone: 'Europe/Berlin' };
const at = (iso: string) => new Date(iso);
const iso = (d: Date, cal: BusinessCalendar = NY) => toInstantString(d, cal.timeZone);

describe('addBusinessHours (DECISIONS §5: "4 business hours" counts only business hours)', () => {
  it('DV-RISK-1 [L237]: High detected Tue 10:00 → acknowledge by Tue 14:00', () => {
    expect(iso(addBusinessHours(at('2026-11-17T10:00:00-05:00'), 4, NY))).toBe('2026-11-17T14:00:00-05:00');
  });
  it('detected Fri 16:00 → Mon 12:00 (1 h Friday + 3 h Monday)', () => {
    expect(iso(addBusinessHours(at('2026-11-20T16:00:00-05:00'), 4, NY))).toBe('2026-11-23T12:00:00-05:00');
  });
  it('detected Sat (any hour) → Mon 13:00', () => {
    expect(iso(addBusinessHours(at('2026-11-21T11:37:00-05:00'), 4, NY))).toBe('2026-11-23T13:00:00-05:00');
    expect(iso(addBusinessHours(at('2026-11-21T23:59:00-05:00'), 4, NY))).toBe('2026-11-23T13:00:00-05:00');
  });
  it('before opening counts from 09:00; exactly at close counts from the next opening', () => {
    expect(iso(addBusinessHours(at('2026-11-17T07:00:00-05:00'), 4, NY))).toBe('2026-11-17T13:00:00-05:00');
    expect(iso(addBusinessHours(at('2026-11-17T17:00:00-05:00'), 4, NY))).toBe('2026-11-18T13:00:00-05:00');
    // one minute before close: 1 min today, 3 h 59 min tomorrow
    expect(iso(addBusinessHours(at('2026-11-17T16:59:00-05:00'), 4, NY))).toBe('2026-11-18T12:59:00-05:00');
  });
  it('exactly filling the day ends at close, not at the next opening', () => {
    expect(iso(addBusinessHours(at('2026-11-17T13:00:00-05:00'), 4, NY))).toBe('2026-11-17T17:00:00-05:00');
  });
  it('spans several days and skips holidays', () => {
    const cal = { ...NY, holidays: ['2026-11-26', '2026-11-27'] }; // Thanksgiving Thu + Fri
    expect(iso(addBusinessHours(at('2026-11-25T15:00:00-05:00'), 4, cal), cal)).toBe('2026-11-30T11:00:00-05:00');
    expect(iso(addBusinessHours(at('2026-11-17T10:00:00-05:00'), 20, NY))).toBe('2026-11-19T14:00:00-05:00');
  });
  it('across the New York spring-forward weekend (Mar 8 2026) Monday noon is EDT', () => {
    const d = addBusinessHours(at('2026-03-06T16:00:00-05:00'), 4, NY);
    expect(iso(d)).toBe('2026-03-09T12:00:00-04:00');
    expect(d.toISOString()).toBe('2026-03-09T16:00:00.000Z');
  });
  it('across the New York fall-back weekend (Nov 1 2026) Monday noon is EST', () => {
    const d = addBusinessHours(at('2026-10-30T16:00:00-04:00'), 4, NY);
    expect(d.toISOString()).toBe('2026-11-02T17:00:00.000Z');
  });
  it('across the Berlin DST changes (Mar 29 / Oct 25 2026)', () => {
    expect(iso(addBusinessHours(at('2026-03-27T16:00:00+01:00'), 4, BERLIN), BERLIN)).toBe('2026-03-30T12:00:00+02:00');
    expect(iso(addBusinessHours(at('2026-10-23T16:00:00+02:00'), 4, BERLIN), BERLIN)).toBe('2026-10-26T12:00:00+01:00');
  });
  it('uses the user time zone, not UTC: 21:00 UTC Tuesday is 16:00 in New York', () => {
    expect(iso(addBusinessHours(at('2026-11-17T21:00:00Z'), 4, NY))).toBe('2026-11-18T12:00:00-05:00');
    // The same instant in Berlin is 22:00, after hours → Wed 09:00 + 4 h.
    expect(iso(addBusinessHours(at('2026-11-17T21:00:00Z'), 4, BERLIN), BERLIN)).toBe('2026-11-18T13:00:00+01:00');
  });
  it('0 hours returns the instant; negative hours are refused', () => {
    expect(addBusinessHours(at('2026-11-21T10:00:00Z'), 0, NY).toISOString()).toBe('2026-11-21T10:00:00.000Z');
    expect(() => addBusinessHours(at('2026-11-21T10:00:00Z'), -1, NY)).toThrow(RangeError);
  });
  it('custom business days (Sun–Thu) and hours (08:00–16:00)', () => {
    const cal: BusinessCalendar = { ...NY, businessDays: [7, 1, 2, 3, 4], businessHoursStart: '08:00', businessHoursEnd: '16:00' };
    // Thu 15:00 → 1 h Thu, Fri/Sat off, Sun 08:00 + 3 h
    expect(iso(addBusinessHours(at('2026-11-19T15:00:00-05:00'), 4, cal), cal)).toBe('2026-11-22T11:00:00-05:00');
  });
});

describe('addBusinessDays', () => {
  it('inside business hours keeps the time of day: Tue 10:00 + 5 → next Tue 10:00', () => {
    expect(iso(addBusinessDays(at('2026-11-17T10:00:00-05:00'), 5, NY))).toBe('2026-11-24T10:00:00-05:00');
  });
  it('Fri 16:00 + 1 → Mon 16:00 (weekend skipped)', () => {
    expect(iso(addBusinessDays(at('2026-11-20T16:00:00-05:00'), 1, NY))).toBe('2026-11-23T16:00:00-05:00');
  });
  it('outside business hours: Sat + 1 → Mon 17:00; Tue 20:00 + 1 → Wed 17:00; Tue 07:00 + 1 → Tue 17:00', () => {
    expect(iso(addBusinessDays(at('2026-11-21T10:00:00-05:00'), 1, NY))).toBe('2026-11-23T17:00:00-05:00');
    expect(iso(addBusinessDays(at('2026-11-17T20:00:00-05:00'), 1, NY))).toBe('2026-11-18T17:00:00-05:00');
    expect(iso(addBusinessDays(at('2026-11-17T07:00:00-05:00'), 1, NY))).toBe('2026-11-17T17:00:00-05:00');
  });
  it('year end with a New Year holiday: Wed Dec 30 10:00 + 2 → Mon Jan 4 10:00', () => {
    const cal = { ...NY, holidays: ['2027-01-01'] };
    expect(iso(addBusinessDays(at('2026-12-30T10:00:00-05:00'), 2, cal), cal)).toBe('2027-01-04T10:00:00-05:00');
    // without the holiday Friday Jan 1 counts
    expect(iso(addBusinessDays(at('2026-12-30T10:00:00-05:00'), 2, NY))).toBe('2027-01-01T10:00:00-05:00');
  });
  it('month end: Thu Apr 30 + 2 → Mon May 4', () => {
    expect(iso(addBusinessDays(at('2026-04-30T11:00:00-04:00'), 2, NY))).toBe('2026-05-04T11:00:00-04:00');
  });
  it('leap day: Mon Feb 28 2028 + 1 → Tue Feb 29 2028', () => {
    expect(iso(addBusinessDays(at('2028-02-28T09:30:00-05:00'), 1, NY))).toBe('2028-02-29T09:30:00-05:00');
  });
  it('across spring-forward: Fri Mar 6 10:00 EST + 1 → Mon Mar 9 10:00 EDT (71 elapsed hours)', () => {
    const from = at('2026-03-06T10:00:00-05:00');
    const d = addBusinessDays(from, 1, NY);
    expect(iso(d)).toBe('2026-03-09T10:00:00-04:00');
    expect((d.getTime() - from.getTime()) / 3_600_000).toBe(71);
  });
  it('n = 0 returns the instant; fractional or negative n is refused', () => {
    expect(addBusinessDays(at('2026-11-21T10:00:00Z'), 0, NY).toISOString()).toBe('2026-11-21T10:00:00.000Z');
    expect(() => addBusinessDays(at('2026-11-21T10:00:00Z'), 1.5, NY)).toThrow(RangeError);
    expect(() => addBusinessDays(at('2026-11-21T10:00:00Z'), -1, NY)).toThrow(RangeError);
  });
});

describe('calendar days and helpers', () => {
  it('addCalendarDays keeps the wall clock across DST (23 h and 25 h days)', () => {
    const spring = addCalendarDays(at('2026-03-07T10:00:00-05:00'), 1, NY.timeZone);
    expect(iso(spring)).toBe('2026-03-08T10:00:00-04:00');
    expect((spring.getTime() - at('2026-03-07T10:00:00-05:00').getTime()) / 3_600_000).toBe(23);
    const fall = addCalendarDays(at('2026-10-24T10:00:00+02:00'), 1, BERLIN.timeZone);
    expect(iso(fall, BERLIN)).toBe('2026-10-25T10:00:00+01:00');
    expect((fall.getTime() - at('2026-10-24T10:00:00+02:00').getTime()) / 3_600_000).toBe(25);
  });
  it('addCalendarDays over leap day, month end and year end, negative too', () => {
    expect(localDate(addCalendarDays(at('2028-02-28T12:00:00Z'), 1, 'UTC'), 'UTC')).toBe('2028-02-29');
    expect(localDate(addCalendarDays(at('2027-02-28T12:00:00Z'), 1, 'UTC'), 'UTC')).toBe('2027-03-01');
    expect(localDate(addCalendarDays(at('2026-12-31T12:00:00Z'), 1, 'UTC'), 'UTC')).toBe('2027-01-01');
    expect(localDate(addCalendarDays(startOfDate('2027-03-31', NY.timeZone), -90, NY.timeZone), NY.timeZone)).toBe('2026-12-31');
  });
  it('isBusinessDay uses the local day: 02:00 UTC Saturday is Friday evening in New York', () => {
    expect(isBusinessDay(at('2026-11-21T02:00:00Z'), NY)).toBe(true);
    expect(isBusinessDay(at('2026-11-21T02:00:00Z'), BERLIN)).toBe(false);
    expect(isBusinessDay(at('2026-11-26T12:00:00-05:00'), { ...NY, holidays: ['2026-11-26'] })).toBe(false);
  });
  it('isWithinBusinessHours: opening inclusive, close exclusive', () => {
    expect(isWithinBusinessHours(at('2026-11-17T09:00:00-05:00'), NY)).toBe(true);
    expect(isWithinBusinessHours(at('2026-11-17T08:59:59-05:00'), NY)).toBe(false);
    expect(isWithinBusinessHours(at('2026-11-17T17:00:00-05:00'), NY)).toBe(false);
  });
  it('nextBusinessMoment from Friday evening is Monday 09:00', () => {
    expect(iso(nextBusinessMoment(at('2026-11-20T18:00:00-05:00'), NY))).toBe('2026-11-23T09:00:00-05:00');
  });
  it('startOfDate is local midnight in the zone', () => {
    expect(startOfDate('2026-11-17', NY.timeZone).toISOString()).toBe('2026-11-17T05:00:00.000Z');
    expect(startOfDate('2026-07-01', BERLIN.timeZone).toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });
  it('addDuration dispatches on the unit', () => {
    const t = at('2026-11-20T16:00:00-05:00');
    expect(iso(addDuration(t, { amount: 72, unit: 'hours' }, NY))).toBe('2026-11-23T16:00:00-05:00');
    expect(iso(addDuration(t, { amount: 3, unit: 'businessDays' }, NY))).toBe('2026-11-25T16:00:00-05:00');
    expect(iso(addDuration(t, { amount: 5, unit: 'calendarDays' }, NY))).toBe('2026-11-25T16:00:00-05:00');
    expect(iso(addDuration(t, { amount: 4, unit: 'businessHours' }, NY))).toBe('2026-11-23T12:00:00-05:00');
  });
});
