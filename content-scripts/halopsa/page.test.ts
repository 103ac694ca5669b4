import { describe, expect, it } from 'vitest';
import { apiCalendarDate, apiInstant, haloId } from './page';
import { haloSla, slaState } from './sla';

describe('haloId', () => {
  it('zero-padded and #-prefixed ids → the API number', () => {
    expect(haloId('#0004711')).toBe('4711');
    expect(haloId('0004711')).toBe('4711');
    expect(haloId(4711)).toBe('4711');
  });
  it('not an id → undefined', () => {
    for (const v of ['—', '', '0', 'abc', '12a', undefined, null]) expect(haloId(v)).toBeUndefined();
  });
});

describe('apiInstant: Halo API dates are UTC, usually without Z', () => {
  it('no Z → read as UTC, written in the user zone with its offset', () =>
    expect(apiInstant('2026-10-07T12:14:00', 'America/New_York')).toBe('2026-10-07T08:14:00-04:00'));
  it('explicit Z or offset kept; fractional seconds accepted', () => {
    expect(apiInstant('2026-10-07T12:14:00Z', 'Europe/Berlin')).toBe('2026-10-07T14:14:00+02:00');
    expect(apiInstant('2026-10-07T12:14:00.527', 'UTC')).toBe('2026-10-07T12:14:00+00:00');
    expect(apiInstant('2026-10-07T12:14:00+01:00', 'UTC')).toBe('2026-10-07T11:14:00+00:00');
  });
  it('"no date" sentinels and garbage → undefined', () => {
    for (const v of ['1900-01-01T00:00:00', '0001-01-01T00:00:00', '1969-12-31T23:59:59', 'soon', '', null, undefined])
      expect(apiInstant(v, 'UTC')).toBeUndefined();
    expect(apiInstant('1970-01-01T00:00:00', 'UTC')).toBe('1970-01-01T00:00:00+00:00');
  });
});

describe('apiCalendarDate: contract days are days, not instants', () => {
  it('2026-12-31T00:00:00 stays 2026-12-31 (UTC → New York would give Dec 30)', () => expect(apiCalendarDate('2026-12-31T00:00:00')).toBe('2026-12-31'));
  it('impossible days and sentinels → undefined', () => {
    expect(apiCalendarDate('2026-02-29T00:00:00')).toBeUndefined();
    expect(apiCalendarDate('2028-02-29T00:00:00')).toBe('2028-02-29');
    expect(apiCalendarDate('1900-01-01T00:00:00')).toBeUndefined();
  });
});

describe('haloSla: state I/O and the dates', () => {
  const now = new Date('2026-10-08T12:00:00Z');
  it('states in API and UI spellings', () => {
    expect(slaState('I')).toBe(true);
    expect(slaState('Outside SLA')).toBe(false);
    expect(slaState('X')).toBeUndefined();
  });
  it('"inside" on an open ticket is not yet met; "outside" is a miss even before the event', () => {
    expect(haloSla({ resolutionDueAt: '2026-10-09T12:00:00Z', resolutionState: 'I' }, now)).toEqual({ resolutionDueAt: '2026-10-09T12:00:00Z' });
    expect(haloSla({ resolutionDueAt: '2026-10-09T12:00:00Z', resolutionState: 'O' }, now)).toEqual({ resolutionDueAt: '2026-10-09T12:00:00Z', resolutionMet: false });
  });
  it('no state → the dates decide (late response = missed)', () =>
    expect(haloSla({ responseDueAt: '2026-10-08T10:00:00Z', respondedAt: '2026-10-08T10:00:01Z' }, now)).toEqual({
      responseDueAt: '2026-10-08T10:00:00Z',
      responseMet: false,
    }));
  it('excluded and % used carried; negative % dropped; nothing at all → undefined', () => {
    expect(haloSla({ excluded: true, percentUsed: 37 }, now)).toEqual({ excluded: true, percentUsed: 37 });
    expect(haloSla({ percentUsed: -1, excluded: false }, now)).toBeUndefined();
  });
});
