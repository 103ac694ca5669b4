import { describe, expect, it } from 'vitest';
import { addDaysInTz, addMonthsKey, daysBetween, iso, monthEnd, monthIndex, monthOfIndex, utcDayMs, monthKey, monthStart, monthToDate, latestInstantAtOrBefore, parseInstant, startOfDayInTz, wholeMonth } from './zoned';

const t = (iso: string) => Date.parse(iso);
const NY = 'America/New_York';
const BER = 'Europe/Berlin';
const SYD = 'Australia/Sydney';

describe('monthKey (DECISIONS §7 "Month": calendar month in the user time zone)', () => {
  it('23:30 local on the 31st belongs to that month in New York though it is the 1st in UTC', () => {
    const ms = t('2026-10-31T23:30:00-04:00');
    expect(new Date(ms).toISOString().slice(0, 10)).toBe('2026-11-01');
    expect(monthKey(ms, NY)).toBe('2026-10');
    expect(monthKey(ms, 'UTC')).toBe('2026-11');
  });
  it('Sydney is ahead: 2026-12-31T14:00Z is already January 2027', () => {
    expect(monthKey(t('2026-12-31T14:00:00Z'), SYD)).toBe('2027-01');
    expect(monthKey(t('2026-12-31T12:59:59Z'), SYD)).toBe('2026-12');
  });
  it('Berlin year end', () => {
    expect(monthKey(t('2026-12-31T22:59:59Z'), BER)).toBe('2026-12');
    expect(monthKey(t('2026-12-31T23:00:00Z'), BER)).toBe('2027-01');
  });
});

describe('monthStart / monthEnd', () => {
  it('New York November 2026 (DST ends 11-01): starts EDT, ends EST', () => {
    expect(new Date(monthStart('2026-11', NY)).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(new Date(monthEnd('2026-11', NY)).toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });
  it('Berlin March 2026 (DST starts 03-29) and year end', () => {
    expect(new Date(monthStart('2026-03', BER)).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(new Date(monthEnd('2026-03', BER)).toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(new Date(monthEnd('2026-12', BER)).toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });
  it('Sydney April 2026 (DST ends 04-05): +11 → +10', () => {
    expect(new Date(monthStart('2026-04', SYD)).toISOString()).toBe('2026-03-31T13:00:00.000Z');
    expect(new Date(monthEnd('2026-04', SYD)).toISOString()).toBe('2026-04-30T14:00:00.000Z');
  });
  it('wholeMonth is [start, end) and rejects a bad key', () => {
    expect(wholeMonth('2026-02', 'UTC')).toEqual({ start: t('2026-02-01T00:00:00Z'), end: t('2026-03-01T00:00:00Z') });
    expect(() => monthStart('2026-13', 'UTC')).toThrow();
    expect(() => monthStart('26-01', 'UTC')).toThrow();
  });
});

describe('monthIndex / monthOfIndex (months as integers)', () => {
  it('round-trips and counts months across year ends; anything but yyyy-MM is NaN', () => {
    expect(monthIndex('2026-01') - monthIndex('2025-12')).toBe(1);
    expect(monthIndex('2026-11') - monthIndex('2025-10')).toBe(13);
    for (const m of ['2025-12', '2026-01', '2026-09', '2026-10']) expect(monthOfIndex(monthIndex(m))).toBe(m);
    for (let i = monthIndex('2024-01'); i < monthIndex('2027-01'); i++) expect(monthOfIndex(i + 1)).toBe(addMonthsKey(monthOfIndex(i), 1));
    for (const bad of ['2026-13', '2026-00', '2026-1', '2026/01', 'NaN-aN', '']) expect(monthIndex(bad)).toBeNaN();
  });
});

describe('utcDayMs (a calendar date yyyy-MM-dd as midnight UTC)', () => {
  it('= Date.UTC for real dates, including 29 Feb of a leap year', () => {
    expect(utcDayMs('2026-11-22')).toBe(Date.UTC(2026, 10, 22));
    expect(utcDayMs('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
    expect(utcDayMs('1999-12-31')).toBe(Date.UTC(1999, 11, 31));
  });
  it('NaN for days the month lacks, other shapes and years Date.UTC would move', () => {
    for (const bad of ['2027-02-29', '2026-04-31', '2026-11-00', '2026-13-01', '2026-1-05', '2026/11/22', '2026-11-2x', '0099-01-01', ''])
      expect([bad, utcDayMs(bad)]).toEqual([bad, NaN]);
  });
});

describe('addMonthsKey', () => {
  it('crosses year ends both ways', () => {
    expect(addMonthsKey('2026-12', 1)).toBe('2027-01');
    expect(addMonthsKey('2026-01', -1)).toBe('2025-12');
    expect(addMonthsKey('2026-01', -13)).toBe('2024-12');
  });
});

describe('addDaysInTz / daysBetween', () => {
  it('keeps the wall-clock time across a DST change (New York, spring forward)', () => {
    const before = t('2026-03-07T09:00:00-05:00');
    const after = addDaysInTz(before, 1, NY);
    expect(new Date(after).toISOString()).toBe('2026-03-08T13:00:00.000Z'); // 09:00 EDT
    expect(daysBetween(before, after)).toBeCloseTo(23 / 24, 10);
  });
  it('Berlin autumn: one calendar day is 25 h', () => {
    const before = t('2026-10-24T12:00:00+02:00');
    expect(daysBetween(before, addDaysInTz(before, 1, BER))).toBeCloseTo(25 / 24, 10);
  });
  it('negative days cross a month and year end (Sydney)', () => {
    expect(new Date(addDaysInTz(t('2027-01-01T00:30:00+11:00'), -1, SYD)).toISOString()).toBe('2026-12-30T13:30:00.000Z');
  });
  it('daysBetween is signed elapsed days', () => {
    expect(daysBetween(t('2026-01-01T00:00:00Z'), t('2026-01-31T00:00:00Z'))).toBe(30);
    expect(daysBetween(t('2026-01-31T00:00:00Z'), t('2026-01-01T00:00:00Z'))).toBe(-30);
  });
});

describe('startOfDayInTz / monthToDate', () => {
  it('local midnight in New York', () => {
    expect(new Date(startOfDayInTz(t('2026-11-01T03:30:00Z'), NY)).toISOString()).toBe('2026-10-31T04:00:00.000Z');
  });
  it('month to date: from the 1st (local) to just after asOf', () => {
    const asOf = t('2026-11-17T08:42:00-05:00');
    expect(monthToDate(asOf, NY)).toEqual({ start: t('2026-11-01T00:00:00-04:00'), end: asOf + 1 });
  });
});

describe('iso = Date.prototype.toISOString', () => {
  it('random instants 1000–9999, the range ends, epoch, before 1970, every millisecond digit', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const lo = Date.UTC(1000, 0, 1);
    const hi = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    const samples = [lo, hi, 0, -1, 1, 999, 1000, Date.UTC(2024, 1, 29, 23, 59, 59, 5), Date.UTC(1969, 11, 31, 23, 59, 59, 990)];
    for (let i = 0; i < 2000; i++) samples.push(Math.floor(lo + rnd() * (hi - lo)));
    for (const ms of samples) expect([ms, iso(ms)]).toEqual([ms, new Date(ms).toISOString()]);
  });

  it('outside 1000–9999 and fractional milliseconds: toISOString itself; invalid instants throw like it', () => {
    for (const ms of [Date.UTC(999, 11, 31, 23, 59, 59, 999), Date.UTC(10000, 0, 1), -62198755200000, 1.5]) expect(iso(ms)).toBe(new Date(ms).toISOString());
    expect(() => iso(NaN)).toThrow(RangeError);
  });
});

describe('parseInstant', () => {
  it('matches Date.parse on Z, offsets, fractions and falls back on other shapes', () => {
    const cases = [
      '2026-11-17T08:42:00-05:00',
      '2026-11-17T08:42:00Z',
      '2026-11-17T08:42:00.123Z',
      '2026-11-17T08:42:00.1+05:30',
      '2026-11-17T08:42:00.123456+01:00',
      '2024-02-29T23:59:59.999-12:00',
      '2026-11-17T08:42Z',
      '2026-11-17T08:42:00+0530',
      '2026-11-17',
      'not a date',
    ];
    for (const c of cases) expect(parseInstant(c), c).toEqual(Date.parse(c));
  });
  it('out-of-range fields give what Date.parse gives (NaN for 24:30, second 60, offset +25:00; roll-over for Feb 30)', () => {
    const cases = [
      '2026-11-17T24:00:00Z',
      '2026-11-17T24:30:00Z',
      '2026-11-17T24:00:01Z',
      '2026-11-17T23:59:60Z',
      '2026-11-17T10:00:00+25:00',
      '2026-11-17T10:00:00+05:60',
      '2026-11-17T10:00:00-24:00',
      '2026-02-30T10:00:00Z',
      '2026-04-31T00:00:00-05:00',
      '2026-11-17T10:00:00.Z',
      '0999-01-01T00:00:00Z',
    ];
    for (const c of cases) expect(parseInstant(c), c).toEqual(Date.parse(c));
    expect(parseInstant('2026-11-17T24:30:00Z')).toBeNaN();
    expect(parseInstant('2026-11-17T10:00:00+25:00')).toBeNaN();
  });
});

describe('DST gaps and overlaps (same answers as TZDate)', () => {
  it('Santiago: midnight does not exist on 2026-09-06 → the day starts at 01:00', () => {
    expect(new Date(startOfDayInTz(t('2026-09-06T12:00:00-03:00'), 'America/Santiago')).toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });
  it('New York: 02:30 + 1 day lands in the spring gap → 03:30 EDT; 01:30 in the autumn overlap keeps the earlier offset', () => {
    expect(new Date(addDaysInTz(t('2026-03-07T02:30:00-05:00'), 1, NY)).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(new Date(addDaysInTz(t('2026-10-31T01:30:00-04:00'), 1, NY)).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('latestInstantAtOrBefore (string-first maximum, same answer as parsing every value)', () => {
  const id = (s: string | undefined) => s;
  const naive = (xs: readonly (string | undefined)[], max: number) => {
    let best = -Infinity;
    for (const s of xs) if (s !== undefined && Date.parse(s) <= max && Date.parse(s) > best) best = Date.parse(s);
    return best;
  };
  const asOf = Date.parse('2026-11-17T17:00:00Z');

  it('finds the latest across offsets where the string order differs from the instant order', () => {
    // 23:30 at −12:00 is the next UTC day, later than 09:00 at +14:00 on a later local date.
    const xs = ['2026-11-15T23:30:00-12:00', '2026-11-16T09:00:00+14:00', '2026-11-10T00:00:00Z'];
    expect(latestInstantAtOrBefore(xs, id, asOf)).toBe(Date.parse('2026-11-16T11:30:00Z'));
    expect(latestInstantAtOrBefore(xs, id, asOf)).toBe(naive(xs, asOf));
  });

  it('skips values after maxMs, also when every value near the top is after it', () => {
    const xs = ['2026-11-17T17:00:00.001Z', '2026-11-17T16:59:59Z', '2026-11-18T01:00:00+09:00'];
    expect(latestInstantAtOrBefore(xs, id, asOf)).toBe(Date.parse('2026-11-17T16:59:59Z'));
    // Only a much older value qualifies: the fallback parses them all.
    const past = Date.parse('2026-06-01T00:00:00Z');
    expect(latestInstantAtOrBefore([...xs, '2026-05-02T10:00:00-04:00'], id, past)).toBe(Date.parse('2026-05-02T14:00:00Z'));
    // A near-top value before maxMs but more than a day under the top still loses to an older-dated later instant.
    const max = Date.parse('2026-11-15T12:00:00Z');
    const ys = ['2026-11-17T09:00:00Z', '2026-11-15T11:00:00+14:00', '2026-11-14T23:00:00-12:00'];
    expect(latestInstantAtOrBefore(ys, id, max)).toBe(naive(ys, max));
  });

  it('ignores undefined, parses unusual shapes directly, −Infinity when nothing qualifies', () => {
    expect(latestInstantAtOrBefore([undefined, '2026-11-01T10:00:00.5+01:00'], id, asOf)).toBe(Date.parse('2026-11-01T09:00:00.500Z'));
    expect(latestInstantAtOrBefore([], id, asOf)).toBe(-Infinity);
    expect(latestInstantAtOrBefore(['2027-01-01T00:00:00Z'], id, asOf)).toBe(-Infinity);
  });

  it('matches parsing every value on 2,000 random instants and offsets', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const p2 = (n: number) => String(n).padStart(2, '0');
    for (let round = 0; round < 200; round++) {
      const xs: string[] = [];
      for (let i = 0; i < 10; i++) {
        const ms = asOf - Math.floor(rnd() * 5 * 86_400_000) + Math.floor(rnd() * 86_400_000);
        const off = Math.floor(rnd() * 57) * 30 - 840; // −14:00 … +14:00 in half hours
        const local = new Date(ms + off * 60_000).toISOString().slice(0, 19);
        xs.push(`${local}${off < 0 ? '-' : '+'}${p2(Math.floor(Math.abs(off) / 60))}:${p2(Math.abs(off) % 60)}`);
      }
      const max = asOf - Math.floor(rnd() * 3 * 86_400_000);
      expect(latestInstantAtOrBefore(xs, id, max)).toBe(naive(xs, max));
    }
  });
});
