import { describe, expect, it } from 'vitest';
import { parseAt, parseCli, parseIntFlag, parseTimeZone, UsageError, wallTime } from './args';

describe('parseAt (--at)', () => {
  it('a date is noon of that day in the zone', () => {
    expect(parseAt('2026-11-17', 'America/New_York')!.toISOString()).toBe('2026-11-17T17:00:00.000Z');
    expect(parseAt('2026-11-17', 'Asia/Tokyo')!.toISOString()).toBe('2026-11-17T03:00:00.000Z');
    expect(parseAt('2026-07-01', 'Europe/Berlin')!.toISOString()).toBe('2026-07-01T10:00:00.000Z'); // CEST
  });

  it('a local date-time is wall time in the zone; an offset or Z is taken as given', () => {
    expect(parseAt('2026-11-17T08:42', 'America/New_York')!.toISOString()).toBe('2026-11-17T13:42:00.000Z');
    expect(parseAt('2026-11-17T08:42:30', 'UTC')!.toISOString()).toBe('2026-11-17T08:42:30.000Z');
    expect(parseAt('2026-11-17T08:42:00-05:00', 'Asia/Tokyo')!.toISOString()).toBe('2026-11-17T13:42:00.000Z');
    expect(parseAt('2026-11-17T08:42:00Z', 'Asia/Tokyo')!.toISOString()).toBe('2026-11-17T08:42:00.000Z');
  });

  it('absent → undefined (the caller uses now)', () => {
    expect(parseAt(undefined, 'UTC')).toBeUndefined();
  });

  it.each(['yesterday', '2026-13-01', '2026-02-31', '2026-11-17 08:42', '17/11/2026', '', '2026-11-17T25:00'])('rejects %j with the flag name', (v) => {
    expect(() => parseAt(v, 'UTC')).toThrow(UsageError);
    expect(() => parseAt(v, 'UTC')).toThrow(/--at must be an ISO date/);
  });

  it('wallTime settles DST edges: 2026-03-08 03:30 New York is EDT (−04:00)', () => {
    expect(new Date(wallTime('America/New_York', 2026, 3, 8, 3, 30, 0)).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(new Date(wallTime('America/New_York', 2026, 3, 7, 3, 30, 0)).toISOString()).toBe('2026-03-07T08:30:00.000Z');
  });
});

describe('parseIntFlag, parseTimeZone, parseCli', () => {
  it('integers within bounds, both edges', () => {
    expect(parseIntFlag(undefined, 'accounts', 40, 0, 100)).toBe(40);
    expect(parseIntFlag('0', 'accounts', 40, 0, 100)).toBe(0);
    expect(parseIntFlag('100', 'accounts', 40, 0, 100)).toBe(100);
    expect(() => parseIntFlag('101', 'accounts', 40, 0, 100)).toThrow('--accounts must be between 0 and 100, got 101');
    expect(() => parseIntFlag('-1', 'accounts', 40, 0, 100)).toThrow(UsageError);
    expect(() => parseIntFlag('4.5', 'accounts', 40, 0, 100)).toThrow('--accounts must be a whole number, got "4.5"');
  });

  it('time zones must be IANA names', () => {
    expect(parseTimeZone(undefined, 'tz', 'UTC')).toBe('UTC');
    expect(parseTimeZone('Europe/Berlin', 'tz', 'UTC')).toBe('Europe/Berlin');
    expect(() => parseTimeZone('Mars/Olympus', 'tz', 'UTC')).toThrow('--tz: unknown time zone "Mars/Olympus"');
  });

  it('unknown flags and missing values are usage errors', () => {
    const spec = { at: { type: 'string' as const }, help: { type: 'boolean' as const } };
    expect(parseCli(['file.json', '--at', 'x'], spec).values.at).toBe('x');
    expect(() => parseCli(['--bogus'], spec)).toThrow(UsageError);
    expect(() => parseCli(['--at'], spec)).toThrow(/--at/);
    expect(() => parseCli(['extra'], spec, false)).toThrow(UsageError);
  });
});
