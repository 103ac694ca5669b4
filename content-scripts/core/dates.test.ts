import { mulberry32 } from '../../sample/generate';
import { tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { inProcessZone } from '../../test/process-zone';
import {
  formatInstant,
  inferDateOrder,
  LOCAL_TIME_ZONE,
  localeDateOrder,
  parsePsaCalendarDate,
  parsePsaDate,
  parsePsaDateTime,
  wallTimeToEpoch,
} from './dates';

const NY = { timeZone: 'America/New_York', dateOrder: 'MDY' } as const;
const BER = { timeZone: 'Europe/Berlin' } as const;

describe('parsePsaDate — locale formats (PRODUCT: US and EU PSA date formats parse correctly)', () => {
  it.each([
    ['11/17/2026 8:42 AM', NY, '2026-11-17T08:42:00-05:00'],
    ['11/17/2026 8:42 PM', NY, '2026-11-17T20:42:00-05:00'],
    ['11/17/2026 08:42:15 pm', NY, '2026-11-17T20:42:15-05:00'],
    ['11/17/2026 12:05 AM', NY, '2026-11-17T00:05:00-05:00'],
    ['11/17/2026 12:05 PM', NY, '2026-11-17T12:05:00-05:00'],
    ['11/17/2026 8:42 a.m.', NY, '2026-11-17T08:42:00-05:00'],
    ['11/17/2026 8 AM', NY, '2026-11-17T08:00:00-05:00'],
    ['17/11/2026 08:42', BER, '2026-11-17T08:42:00+01:00'],
    ['17.11.2026 08:42', BER, '2026-11-17T08:42:00+01:00'],
    ['17.11.2026 20:42', BER, '2026-11-17T20:42:00+01:00'],
    ['2026-11-17T08:42:00', BER, '2026-11-17T08:42:00+01:00'],
    ['2026-11-17 08:42', NY, '2026-11-17T08:42:00-05:00'],
    ['2026/11/17 08:42', NY, '2026-11-17T08:42:00-05:00'],
    ['Nov 17, 2026 8:42 AM', NY, '2026-11-17T08:42:00-05:00'],
    ['November 17, 2026 at 8:42 PM', NY, '2026-11-17T20:42:00-05:00'],
    ['Tue 11/17/2026 8:42 AM', NY, '2026-11-17T08:42:00-05:00'],
    ['Tuesday, November 17, 2026', NY, '2026-11-17T00:00:00-05:00'],
    ['17 Nov 2026', BER, '2026-11-17T00:00:00+01:00'],
    ['17. März 2026 14:05', BER, '2026-03-17T14:05:00+01:00'],
    ['17-Nov-2026', NY, '2026-11-17T00:00:00-05:00'],
    ['11/17/2026', NY, '2026-11-17T00:00:00-05:00'],
    ['  11/17/2026\u00a0 8:42\u202fAM ', NY, '2026-11-17T08:42:00-05:00'],
    ['11/17/26 8:42 AM', NY, '2026-11-17T08:42:00-05:00'],
    ['2026-11-17T13:42:00Z', NY, '2026-11-17T08:42:00-05:00'],
    ['2026-11-17T08:42:00.123-05:00', BER, '2026-11-17T14:42:00+01:00'],
    ['2026-11-17T08:42:00', { timeZone: 'UTC' }, '2026-11-17T08:42:00+00:00'],
    ['2026-11-17T08:42:00', { timeZone: 'Asia/Kolkata' }, '2026-11-17T08:42:00+05:30'],
  ] as const)('%s in %o → %s', (text, opts, want) => {
    expect(parsePsaDate(text, opts)).toBe(want);
  });

  it('repairs ConnectWise REST malformed "2002-08-20T18: 04: 26Z"', () => {
    expect(parsePsaDate('2002-08-20T18: 04: 26Z', NY)).toBe('2002-08-20T14:04:26-04:00');
    expect(parsePsaDate('2002-08-20T18: 04: 26Z', { timeZone: 'UTC' })).toBe('2002-08-20T18:04:26+00:00');
  });
});

describe('parsePsaDate — day/month order', () => {
  it('ambiguous 05/11/2026 follows the hint', () => {
    expect(parsePsaDate('05/11/2026 08:00', { ...NY, dateOrder: 'MDY' })).toBe('2026-05-11T08:00:00-04:00');
    expect(parsePsaDate('05/11/2026 08:00', { ...BER, dateOrder: 'DMY' })).toBe('2026-11-05T08:00:00+01:00');
  });
  it('ambiguous slash date without a hint → undefined (never a guess)', () => {
    expect(parsePsaDate('05/11/2026 08:00', { timeZone: 'America/New_York' })).toBeUndefined();
  });
  it('same day and month needs no hint', () => {
    expect(parsePsaDate('05/05/2026', NY)).toBe('2026-05-05T00:00:00-04:00');
  });
  it('dotted dates read as DMY without a hint', () => {
    expect(parsePsaDate('05.11.2026', BER)).toBe('2026-11-05T00:00:00+01:00');
  });
  it('unambiguous dates ignore a wrong hint', () => {
    expect(parsePsaDate('13/11/2026 08:42', { ...BER, dateOrder: 'MDY' })).toBe('2026-11-13T08:42:00+01:00');
    expect(parsePsaDate('11/13/2026 08:42', { ...NY, dateOrder: 'DMY' })).toBe('2026-11-13T08:42:00-05:00');
    expect(parsePsaDate('2026-05-11', { ...NY, dateOrder: 'DMY' })).toBe('2026-05-11T00:00:00-04:00');
  });
});

describe('parsePsaDate — garbage is undefined, never a wrong date', () => {
  it.each([
    '',
    '   ',
    'N/A',
    '--',
    'Not set',
    '13/13/2026',
    '02/30/2026',
    '2026-02-29',
    '2026-13-01',
    '11/17/2026 25:00',
    '11/17/2026 13:42 PM',
    '11/17/2026 0:42 AM',
    '11/17/2026 8:61',
    '11/17/2026 8',
    '11/17/2026 8:42 AM EST-ish',
    'Foo 17, 2026',
    '17 Foo 2026',
    '1/1/1066',
    '<img src=x onerror=alert(1)>',
    '2026-11-17T08:42:00+25:00',
    '12345',
  ])('%j', (text) => {
    expect(parsePsaDate(text, { ...NY, dateOrder: 'MDY' })).toBeUndefined();
  });
  it('leap day of a leap year is fine', () => {
    expect(parsePsaDate('02/29/2028', NY)).toBe('2028-02-29T00:00:00-05:00');
  });
  it('unknown time zone → undefined', () => {
    expect(parsePsaDate('11/17/2026 8:42 AM', { timeZone: 'Mars/Olympus' })).toBeUndefined();
  });
  it('null/undefined → undefined', () => {
    expect(parsePsaDate(null, NY)).toBeUndefined();
    expect(parsePsaDate(undefined, NY)).toBeUndefined();
  });
});

describe('parsePsaDate — DST gaps and overlaps', () => {
  it('New York spring-forward gap 03/08/2026 2:30 AM → 3:30 EDT', () => {
    expect(parsePsaDate('03/08/2026 2:30 AM', NY)).toBe('2026-03-08T03:30:00-04:00');
  });
  it('New York 1:59 AM before the gap stays EST; 3:00 AM after is EDT', () => {
    expect(parsePsaDate('03/08/2026 1:59 AM', NY)).toBe('2026-03-08T01:59:00-05:00');
    expect(parsePsaDate('03/08/2026 3:00 AM', NY)).toBe('2026-03-08T03:00:00-04:00');
  });
  it('New York fall-back overlap 11/01/2026 1:30 AM → first occurrence (EDT)', () => {
    expect(parsePsaDate('11/01/2026 1:30 AM', NY)).toBe('2026-11-01T01:30:00-04:00');
    expect(parsePsaDate('11/01/2026 2:00 AM', NY)).toBe('2026-11-01T02:00:00-05:00');
  });
  it('Berlin spring-forward gap 29.03.2026 02:30 → 03:30 CEST', () => {
    expect(parsePsaDate('29.03.2026 02:30', BER)).toBe('2026-03-29T03:30:00+02:00');
  });
  it('Berlin fall-back overlap 25.10.2026 02:30 → first occurrence (CEST)', () => {
    expect(parsePsaDate('25.10.2026 02:30', BER)).toBe('2026-10-25T02:30:00+02:00');
    expect(new Date(parsePsaDate('25.10.2026 02:30', BER)!).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(parsePsaDate('25.10.2026 03:00', BER)).toBe('2026-10-25T03:00:00+01:00');
  });
  it('wallTimeToEpoch agrees with UTC for UTC', () => {
    expect(wallTimeToEpoch('UTC', 2026, 11, 17, 8, 42)).toBe(Date.UTC(2026, 10, 17, 8, 42));
  });
});

describe('parsePsaDateTime / parsePsaCalendarDate', () => {
  it('reports whether the text had a time', () => {
    expect(parsePsaDateTime('11/17/2026', NY)).toEqual({ instant: '2026-11-17T00:00:00-05:00', date: '2026-11-17', hasTime: false });
    expect(parsePsaDateTime('11/17/2026 8:42 AM', NY)?.hasTime).toBe(true);
  });
  it('date-only as end of day', () => {
    expect(parsePsaDate('11/17/2026', { ...NY, dateOnlyAs: 'endOfDay' })).toBe('2026-11-17T23:59:59-05:00');
    expect(parsePsaDate('11/17/2026 8:42 AM', { ...NY, dateOnlyAs: 'endOfDay' })).toBe('2026-11-17T08:42:00-05:00');
  });
  it('calendar dates keep the printed day', () => {
    expect(parsePsaCalendarDate('06/30/2027', NY)).toBe('2027-06-30');
    expect(parsePsaCalendarDate('30.06.2027', BER)).toBe('2027-06-30');
    expect(parsePsaCalendarDate('Jun 30, 2027', BER)).toBe('2027-06-30');
    expect(parsePsaCalendarDate('2027-06-30T02:00:00Z', NY)).toBe('2027-06-29');
    expect(parsePsaCalendarDate('06/31/2027', NY)).toBeUndefined();
  });
});

describe('inferDateOrder', () => {
  it('a 13/… value proves DMY', () => {
    expect(inferDateOrder(['05/11/2026 08:00', '13/11/2026 09:15', '01/02/2026'])).toBe('DMY');
  });
  it('a …/13/… value proves MDY', () => {
    expect(inferDateOrder(['05/11/2026 8:00 AM', '11/13/2026 9:15 AM'])).toBe('MDY');
  });
  it('no proof → undefined', () => {
    expect(inferDateOrder(['05/11/2026', '01/02/2026', '', 'n/a'])).toBeUndefined();
    expect(inferDateOrder([])).toBeUndefined();
  });
  it('conflicting proof → undefined', () => {
    expect(inferDateOrder(['13/11/2026', '11/13/2026'])).toBeUndefined();
  });
  it('dotted dates lean DMY when nothing else decides', () => {
    expect(inferDateOrder(['05.11.2026 08:00'])).toBe('DMY');
  });
  it('ISO dates prove nothing', () => {
    expect(inferDateOrder(['2026-11-13 08:00'])).toBeUndefined();
  });
});

describe('localeDateOrder', () => {
  it.each([
    ['en-US', 'MDY'],
    ['en_US', 'MDY'],
    ['en-GB', 'DMY'],
    ['de_DE', 'DMY'],
    ['de', 'DMY'],
    ['fr-FR', 'DMY'],
    ['en', undefined],
    ['en-CA', undefined],
    ['ja-JP', undefined],
    ['', undefined],
  ])('%s → %s', (tag, want) => expect(localeDateOrder(tag)).toBe(want));
});

// Reference: the Intl-per-call implementation before offsets came from the engine's per-hour cache
// (`engine/time/zoned.ts` `offsetMs`). The cached one must give bit-identical results.
const refOffsetAt = (timeZone: string, ms: number): number => tzOffset(timeZone, new Date(ms));
function refWallTimeToEpoch(timeZone: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const before = refOffsetAt(timeZone, wall - 86_400_000);
  const after = refOffsetAt(timeZone, wall + 86_400_000);
  if (Number.isNaN(before) || Number.isNaN(after)) return NaN;
  const valid = [...new Set([before, after])]
    .map((o) => wall - o * 60_000)
    .filter((ms) => (wall - ms) / 60_000 === refOffsetAt(timeZone, ms));
  if (valid.length > 0) return Math.min(...valid);
  return wall - before * 60_000;
}
const refPad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');
function refFormatInstant(epochMs: number, timeZone: string): string | undefined {
  const off = refOffsetAt(timeZone, epochMs);
  if (Number.isNaN(off) || Number.isNaN(epochMs)) return undefined;
  const w = new Date(epochMs + off * 60_000);
  const sign = off < 0 ? '-' : '+';
  return (
    `${refPad(w.getUTCFullYear(), 4)}-${refPad(w.getUTCMonth() + 1)}-${refPad(w.getUTCDate())}` +
    `T${refPad(w.getUTCHours())}:${refPad(w.getUTCMinutes())}:${refPad(w.getUTCSeconds())}` +
    `${sign}${refPad(Math.trunc(Math.abs(off) / 60))}:${refPad(Math.abs(off) % 60)}`
  );
}

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
const rng = mulberry32;

describe('wallTimeToEpoch / formatInstant — cached offsets give the Intl results exactly', () => {
  const from = Date.UTC(2025, 0, 1);
  const to = Date.UTC(2028, 0, 1);
  it.each(['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Australia/Lord_Howe'])(
    '%s: 1,500 random instants and wall times 2025–2027, and every 10 minutes around each DST change',
    (tz) => {
      const next = rng(0x5eed ^ tz.length);
      let checked = 0;
      for (let i = 0; i < 1500; i++) {
        const ms = from + Math.floor(next() * (to - from));
        expect(formatInstant(ms, tz)).toBe(refFormatInstant(ms, tz));
        const w = new Date(ms); // its UTC fields, read as a wall time in tz
        const args = [w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds()] as const;
        expect(wallTimeToEpoch(tz, ...args)).toBe(refWallTimeToEpoch(tz, ...args));
        checked++;
      }
      // Days whose offset changes (gaps and overlaps): every wall time at 10-minute steps, both ways.
      let changeDays = 0;
      for (let day = from; day < to; day += 86_400_000) {
        if (refOffsetAt(tz, day) === refOffsetAt(tz, day + 86_400_000)) continue;
        changeDays++;
        for (let m = -24 * 60; m <= 48 * 60; m += 10) {
          const ms = day + m * 60_000;
          expect(formatInstant(ms, tz)).toBe(refFormatInstant(ms, tz));
          const w = new Date(ms);
          const args = [w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds()] as const;
          expect(wallTimeToEpoch(tz, ...args)).toBe(refWallTimeToEpoch(tz, ...args));
          checked++;
        }
      }
      expect(changeDays).toBe(6); // two DST changes a year, three years
      expect(checked).toBeGreaterThan(1500);
    },
  );
  it('historical offsets with seconds (Amsterdam LMT +00:19:32 before 1937) stay exact', () => {
    for (const ms of [Date.UTC(1920, 5, 1, 12), Date.UTC(1930, 0, 1), Date.UTC(1936, 11, 31, 23, 59)]) {
      expect(formatInstant(ms, 'Europe/Amsterdam')).toBe(refFormatInstant(ms, 'Europe/Amsterdam'));
    }
    expect(wallTimeToEpoch('Europe/Amsterdam', 1925, 6, 1, 8, 42)).toBe(refWallTimeToEpoch('Europe/Amsterdam', 1925, 6, 1, 8, 42));
  });
  it('invalid instants and unknown zones: same answers as before', () => {
    expect(formatInstant(NaN, 'America/New_York')).toBeUndefined();
    expect(formatInstant(9e15, 'Europe/Berlin')).toBeUndefined();
    expect(formatInstant(Date.UTC(2026, 0, 1), 'Mars/Olympus')).toBeUndefined();
    expect(wallTimeToEpoch('Mars/Olympus', 2026, 1, 1)).toBeNaN();
  });
});


/** Every wall time at 10-minute steps from a day before to two days after each offset change in [from, to). */
function aroundOffsetChanges(tz: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let day = from; day < to; day += 86_400_000) {
    if (tzOffset(tz, new Date(day)) === tzOffset(tz, new Date(day + 86_400_000))) continue;
    for (let m = -24 * 60; m <= 48 * 60; m += 10) out.push(day + m * 60_000);
  }
  return out;
}

/** The local path (`LOCAL_TIME_ZONE`) against the IANA path for the zone the process runs in: byte-identical. */
function expectLocalMatchesIana(tz: string, instants: readonly number[]): number {
  let checked = 0;
  for (const ms of instants) {
    expect(formatInstant(ms, LOCAL_TIME_ZONE)).toBe(formatInstant(ms, tz));
    const w = new Date(ms); // its UTC fields, read as a wall time
    const args = [w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds()] as const;
    expect(wallTimeToEpoch(LOCAL_TIME_ZONE, ...args)).toBe(wallTimeToEpoch(tz, ...args));
    const text = `${args[0]}-${args[1]}-${args[2]} ${args[3]}:${String(args[4]).padStart(2, '0')}`;
    expect(parsePsaDate(text, { timeZone: LOCAL_TIME_ZONE })).toBe(parsePsaDate(text, { timeZone: tz }));
    checked++;
  }
  return checked;
}

describe('LOCAL_TIME_ZONE — the browser-zone path (no Intl) equals the IANA path', () => {
  const from = Date.UTC(2025, 0, 1);
  const to = Date.UTC(2028, 0, 1);

  // Whatever zone this run has (`TZ=Europe/Berlin npx vitest run content-scripts/core/dates`).
  it('the machine zone: random instants 2025–2027 and every 10 minutes around each offset change', () => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // `Date`'s zone and Intl's default zone are the same one (under `TZ=…`, vitest's workers inherit it).
    for (const ms of [from, Date.UTC(2026, 6, 1)]) expect(0 - new Date(ms).getTimezoneOffset()).toBe(tzOffset(tz, new Date(ms)));
    const next = mulberry32(0x10ca1);
    const random = Array.from({ length: 500 }, () => from + Math.floor(next() * (to - from)));
    expect(expectLocalMatchesIana(tz, [...random, ...aroundOffsetChanges(tz, from, to)])).toBeGreaterThanOrEqual(500);
  });

  // The same in three zones with different DST shapes, switched at run time.
  it.each(['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'])('%s: every 10 minutes around its 6 offset changes 2025–2027', (tz) => {
    const instants = aroundOffsetChanges(tz, from, to);
    expect(instants.length).toBe(6 * 433);
    inProcessZone(tz, () => expectLocalMatchesIana(tz, instants));
  });

  // The rule itself, read in the process zone: forward across a gap, earlier instant in an overlap.
  it.each([
    ['America/New_York', '03/08/2026 2:30 AM', '2026-03-08T03:30:00-04:00'], // gap 02:00 → 03:00
    ['America/New_York', '11/01/2026 1:30 AM', '2026-11-01T01:30:00-04:00'], // overlap: first (EDT)
    ['America/New_York', '11/01/2026 2:00 AM', '2026-11-01T02:00:00-05:00'],
    ['Europe/Berlin', '29.03.2026 02:30', '2026-03-29T03:30:00+02:00'], // gap 02:00 → 03:00
    ['Europe/Berlin', '25.10.2026 02:30', '2026-10-25T02:30:00+02:00'], // overlap: first (CEST)
    ['Europe/Berlin', '25.10.2026 03:00', '2026-10-25T03:00:00+01:00'],
    ['Australia/Lord_Howe', '2026-10-04 02:15', '2026-10-04T02:45:00+11:00'], // half-hour gap 02:00 → 02:30
    ['Australia/Lord_Howe', '2026-04-05 01:45', '2026-04-05T01:45:00+11:00'], // half-hour overlap: first (+11:00)
    ['Australia/Lord_Howe', '2026-04-05 02:00', '2026-04-05T02:00:00+10:30'],
  ])('%s: %s → %s in the local zone too', (tz, text, want) => {
    expect(parsePsaDate(text, { timeZone: tz, dateOrder: 'MDY' })).toBe(want);
    expect(inProcessZone(tz, () => parsePsaDate(text, { timeZone: LOCAL_TIME_ZONE, dateOrder: 'MDY' }))).toBe(want);
  });

  it('years below 100 (Date.UTC reads 50 as 1950 on both paths), leap days, end of day, invalid input', () => {
    inProcessZone('Europe/Berlin', () => {
      expect(wallTimeToEpoch(LOCAL_TIME_ZONE, 50, 6, 1, 8, 0)).toBe(wallTimeToEpoch('Europe/Berlin', 50, 6, 1, 8, 0));
      expect(new Date(wallTimeToEpoch(LOCAL_TIME_ZONE, 50, 6, 1, 8, 0)).toISOString()).toBe('1950-06-01T07:00:00.000Z');
      expect(wallTimeToEpoch(LOCAL_TIME_ZONE, 2028, 2, 29, 23, 59, 59)).toBe(Date.UTC(2028, 1, 29, 22, 59, 59));
      expect(wallTimeToEpoch(LOCAL_TIME_ZONE, 1900, 2, 29)).toBe(wallTimeToEpoch('Europe/Berlin', 1900, 2, 29)); // 1900 has none: 1 March on both
      expect(wallTimeToEpoch(LOCAL_TIME_ZONE, 2200, 1, 1, 0, 0)).toBe(wallTimeToEpoch('Europe/Berlin', 2200, 1, 1, 0, 0));
      expect(parsePsaDateTime('29.03.2026', { timeZone: LOCAL_TIME_ZONE, dateOnlyAs: 'endOfDay' })?.instant).toBe('2026-03-29T23:59:59+02:00');
      expect(formatInstant(NaN, LOCAL_TIME_ZONE)).toBeUndefined();
      expect(formatInstant(9e15, LOCAL_TIME_ZONE)).toBeUndefined();
      expect(wallTimeToEpoch(LOCAL_TIME_ZONE, 2026, 1, 1, NaN)).toBeNaN();
    });
    expect(inProcessZone('UTC', () => formatInstant(Date.UTC(2026, 10, 17, 8, 42), LOCAL_TIME_ZONE))).toBe('2026-11-17T08:42:00+00:00');
  });

  it('the sentinel is no IANA zone: the Intl path answers NaN/undefined for it, never a wrong offset', () => {
    expect(tzOffset(LOCAL_TIME_ZONE, new Date())).toBeNaN();
  });
});
