/**
 * The TZDate-compatible arithmetic over cached offsets (tzdate.ts, zoned.ts `offsetMs`) gives the
 * same answers as `@date-fns/tz`'s `TZDate` and `tzOffset` — checked exhaustively around the DST
 * transitions of zones that change at 02:00, at midnight (Santiago, Havana), on the half hour
 * (Lord Howe) and at :45 (Chatham), and business-time arithmetic against the previous TZDate
 * implementation of business.ts (kept below as the reference).
 */
import { TZDate, tzOffset } from '@date-fns/tz';
import { format, formatISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import * as fast from './business';
import { formatHourMinute, formatIsoInTz, formatMonthDay, formatWeekdayDate, instantOfWall, wallFields, wallOf } from './tzdate';
import { offsetMs } from './zoned';

const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Santiago',
  'America/Havana',
  'Asia/Kolkata',
  'UTC',
];
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Offset transitions of `tz` between two instants (hourly scan, then to the millisecond). */
function transitions(tz: string, from: number, to: number): number[] {
  const out: number[] = [];
  let prev = tzOffset(tz, new Date(from));
  for (let t = from + HOUR; t <= to; t += HOUR) {
    const o = tzOffset(tz, new Date(t));
    if (o !== prev) {
      let lo = t - HOUR;
      let hi = t;
      while (hi - lo > 1) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (tzOffset(tz, new Date(mid)) === prev) lo = mid;
        else hi = mid;
      }
      out.push(hi);
      prev = o;
    }
  }
  return out;
}

const RANGE: [number, number] = [Date.UTC(2025, 0, 1), Date.UTC(2027, 11, 31)];
const TRANSITIONS = new Map(ZONES.map((tz) => [tz, transitions(tz, ...RANGE)]));

/** Instants around every transition: ±8 h every 15 minutes, plus the transition ±1 ms. */
function around(tz: string): number[] {
  const out: number[] = [];
  for (const tr of TRANSITIONS.get(tz)!) {
    out.push(tr - 1, tr, tr + 1);
    for (let d = -8 * HOUR; d <= 8 * HOUR; d += 900_000) out.push(tr + d);
  }
  // And a spread over the range (odd seconds and milliseconds).
  for (let t = RANGE[0]; t < RANGE[1]; t += 7 * DAY + 3_723_456) out.push(t);
  return out;
}

describe('offsetMs = tzOffset × 60 000, exact on both sides of every DST transition', () => {
  it('has transitions to test in each DST zone (2025–2027)', () => {
    expect(TRANSITIONS.get('America/New_York')!.length).toBe(6);
    expect(TRANSITIONS.get('Australia/Lord_Howe')!.length).toBe(6);
    expect(TRANSITIONS.get('UTC')!.length).toBe(0);
    // New York 2026: 07:00Z spring forward, 06:00Z fall back.
    expect(TRANSITIONS.get('America/New_York')).toContain(Date.UTC(2026, 2, 8, 7));
    // Lord Howe changes on the half hour (02:00 local standard = 15:30Z).
    expect(TRANSITIONS.get('Australia/Lord_Howe')).toContain(Date.UTC(2026, 9, 3, 15, 30));
  });
  for (const tz of ZONES) {
    it(tz, () => {
      for (const t of around(tz)) expect([t, offsetMs(tz, t)]).toEqual([t, tzOffset(tz, new Date(t)) * 60_000]);
      for (const tr of TRANSITIONS.get(tz)!) {
        expect(offsetMs(tz, tr - 1)).not.toBe(offsetMs(tz, tr));
        expect(offsetMs(tz, tr)).toBe(offsetMs(tz, tr + 59_999));
      }
    });
  }
});

describe('wallOf / instantOfWall = TZDate getters / setters', () => {
  for (const tz of ZONES) {
    it(`${tz}: wall fields of an instant`, () => {
      for (const t of around(tz)) {
        const d = new TZDate(t, tz);
        const f = wallFields(wallOf(t, tz));
        expect([t, f.year, f.month, f.day, f.weekday, f.hours, f.minutes, f.seconds]).toEqual([
          t, d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds(),
        ]);
      }
    });
    it(`${tz}: setting the wall clock (setHours, setDate, date-value constructor) — gaps and overlaps`, () => {
      for (const t of around(tz)) {
        // Every wall-clock time near a transition, including the skipped and repeated ones.
        const wall = Math.floor(wallOf(t, tz) / 60_000) * 60_000;
        const f = wallFields(wall);
        const byCtor = new TZDate(f.year, f.month, f.day, f.hours, f.minutes, tz).getTime();
        const bySetter = new TZDate(t, tz);
        bySetter.setHours(f.hours, f.minutes, 0, 0);
        const byDate = new TZDate(t - DAY, tz);
        byDate.setDate(byDate.getDate() + 1);
        const x = instantOfWall(wall, tz);
        expect([wall, x]).toEqual([wall, byCtor]);
        expect([wall, x]).toEqual([wall, bySetter.getTime()]);
        expect([t, instantOfWall(wallOf(t - DAY, tz) + DAY, tz)]).toEqual([t, byDate.getTime()]);
      }
    });
  }
});

describe('formatting = date-fns format / formatISO of a TZDate', () => {
  for (const tz of ZONES) {
    it(tz, () => {
      for (const t of around(tz)) {
        const d = new TZDate(t, tz);
        expect(formatIsoInTz(t, tz)).toBe(formatISO(d));
        expect(formatMonthDay(t, tz, false)).toBe(format(d, 'MMM d'));
        expect(formatMonthDay(t, tz, true)).toBe(format(d, 'MMM d, yyyy'));
        expect(formatWeekdayDate(t, tz)).toBe(format(d, 'EEE d MMM yyyy'));
        expect(formatHourMinute(t, tz)).toBe(format(d, 'HH:mm'));
      }
    });
  }
  it('an invalid instant throws like date-fns', () => {
    expect(() => formatIsoInTz(NaN, 'UTC')).toThrow(RangeError);
    expect(() => formatMonthDay(NaN, 'UTC', false)).toThrow(RangeError);
  });
});

// -------------------------------------------------------------------------------------------------
// Reference: business.ts as it was over TZDate.

type BusinessCalendar = fast.BusinessCalendar;
const MAX_DAYS_SCANNED = 3 * 366;
function zoned(instant: Date | number, timeZone: string): TZDate {
  return new TZDate(typeof instant === 'number' ? instant : instant.getTime(), timeZone);
}

function hhmm(s: string): [number, number] {
  const [h, m] = s.split(':').map(Number);
  return [h ?? 0, m ?? 0];
}

const ref_localDate = function (instant: Date, timeZone: string): string {
  const d = zoned(instant, timeZone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const ref_localMonth = function (instant: Date, timeZone: string): string {
  return ref_localDate(instant, timeZone).slice(0, 7);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const ref_toInstantString = function (instant: Date, timeZone: string): string {
  return formatISO(zoned(instant, timeZone));
}

function isoWeekday(d: TZDate): number {
  const js = d.getDay();
  return js === 0 ? 7 : js;
}

function isBusinessDayZoned(d: TZDate, cal: BusinessCalendar): boolean {
  if (!cal.businessDays.includes(isoWeekday(d))) return false;
  const ymd = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return !(cal.holidays ?? []).includes(ymd);
}

const ref_isBusinessDay = function (instant: Date, cal: BusinessCalendar): boolean {
  return isBusinessDayZoned(zoned(instant, cal.timeZone), cal);
}

function atTime(d: TZDate, time: string): TZDate {
  const [h, m] = hhmm(time);
  const out = new TZDate(d.getTime(), d.timeZone ?? 'UTC');
  out.setHours(h, m, 0, 0);
  return out;
}

function nextDay(d: TZDate): TZDate {
  const out = new TZDate(d.getTime(), d.timeZone ?? 'UTC');
  out.setDate(out.getDate() + 1);
  return out;
}

const ref_startOfLocalDay = function (instant: Date, timeZone: string): Date {
  const d = zoned(instant, timeZone);
  d.setHours(0, 0, 0, 0);
  return new Date(d.getTime());
}

const ref_startOfDate = function (ymd: string, timeZone: string): Date {
  const [y, m, day] = ymd.split('-').map(Number);
  const d = new TZDate(y ?? 1970, (m ?? 1) - 1, day ?? 1, timeZone);
  return new Date(d.getTime());
}

const ref_isWithinBusinessHours = function (instant: Date, cal: BusinessCalendar): boolean {
  const d = zoned(instant, cal.timeZone);
  if (!isBusinessDayZoned(d, cal)) return false;
  const t = d.getTime();
  return t >= atTime(d, cal.businessHoursStart).getTime() && t < atTime(d, cal.businessHoursEnd).getTime();
}

/**
 * The next business opening at or after `instant` (the instant itself when inside business hours).
 */
const ref_nextBusinessMoment = function (instant: Date, cal: BusinessCalendar): Date {
  let d = zoned(instant, cal.timeZone);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    if (isBusinessDayZoned(d, cal)) {
      const open = atTime(d, cal.businessHoursStart);
      const close = atTime(d, cal.businessHoursEnd);
      if (d.getTime() < open.getTime()) return new Date(open.getTime());
      if (d.getTime() < close.getTime()) return new Date(d.getTime());
    }
    d = atTime(nextDay(d), '00:00');
  }
  throw new Error('nextBusinessMoment: no business day within three years; check the calendar');
}

/**
 * Add `hours` of business time (only hours inside business hours on business days count).
 * Fractions are allowed; 0 returns the instant unchanged.
 */
const ref_addBusinessHours = function (instant: Date, hours: number, cal: BusinessCalendar): Date {
  if (!(hours >= 0)) throw new RangeError('addBusinessHours: hours must be ≥ 0');
  if (hours === 0) return new Date(instant.getTime());
  let remaining = Math.round(hours * 3_600_000);
  let cursor = ref_nextBusinessMoment(instant, cal);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    const close = atTime(zoned(cursor, cal.timeZone), cal.businessHoursEnd).getTime();
    const available = close - cursor.getTime();
    if (remaining <= available) return new Date(cursor.getTime() + remaining);
    remaining -= available;
    cursor = ref_nextBusinessMoment(new Date(close), cal);
  }
  throw new Error('addBusinessHours: ran past three years; check the calendar');
}

/**
 * Add `n` business days (integer ≥ 0). Inside business hours the local time of day is kept;
 * outside them the deadline is the close of the n-th business day counted from the next opening.
 */
const ref_addBusinessDays = function (instant: Date, n: number, cal: BusinessCalendar): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('addBusinessDays: n must be an integer ≥ 0');
  if (n === 0) return new Date(instant.getTime());
  const inside = ref_isWithinBusinessHours(instant, cal);
  // Outside business hours the first business day is the one of the next opening (counted as day 1).
  let d = inside ? zoned(instant, cal.timeZone) : zoned(ref_nextBusinessMoment(instant, cal), cal.timeZone);
  let counted = inside ? 0 : 1;
  for (let i = 0; counted < n && i < MAX_DAYS_SCANNED; i++) {
    d = nextDay(d);
    if (isBusinessDayZoned(d, cal)) counted++;
  }
  if (counted < n) throw new Error('addBusinessDays: ran past three years; check the calendar');
  if (inside) {
    // Keep the wall-clock time of the original instant on the target day.
    const src = zoned(instant, cal.timeZone);
    const out = new TZDate(d.getTime(), cal.timeZone);
    out.setHours(src.getHours(), src.getMinutes(), src.getSeconds(), src.getMilliseconds());
    return new Date(out.getTime());
  }
  return new Date(atTime(d, cal.businessHoursEnd).getTime());
}

const ref_addCalendarDays = function (instant: Date, n: number, timeZone: string): Date {
  if (!Number.isInteger(n)) throw new RangeError('addCalendarDays: n must be an integer');
  const d = zoned(instant, timeZone);
  d.setDate(d.getDate() + n);
  return new Date(d.getTime());
};


describe('business.ts over tzdate.ts = business.ts over TZDate (reference above)', () => {
  const cals: BusinessCalendar[] = ZONES.map((timeZone) => ({
    timeZone,
    businessDays: [1, 2, 3, 4, 5],
    businessHoursStart: '09:00',
    businessHoursEnd: '17:00',
    holidays: ['2026-12-25', '2026-11-26'],
  }));
  // Business hours that straddle the 02:00 transitions and a Sunday–Thursday week.
  cals.push({ timeZone: 'America/New_York', businessDays: [7, 1, 2, 3, 4], businessHoursStart: '01:30', businessHoursEnd: '03:15', holidays: [] });
  cals.push({ timeZone: 'America/Santiago', businessDays: [1, 2, 3, 4, 5, 6, 7], businessHoursStart: '00:00', businessHoursEnd: '23:30', holidays: [] });
  for (const cal of cals) {
    it(`${cal.timeZone} ${cal.businessHoursStart}–${cal.businessHoursEnd}`, () => {
      const tz = cal.timeZone;
      const ts = around(tz).filter((_, i) => i % 3 === 0);
      for (const t of ts) {
        const d = new Date(t);
        const row = (f: (x: Date) => unknown) => [t, f(d)];
        expect(row((x) => fast.localDate(x, tz))).toEqual(row((x) => ref_localDate(x, tz)));
        expect(row((x) => fast.localMonth(x, tz))).toEqual(row((x) => ref_localMonth(x, tz)));
        expect(row((x) => fast.toInstantString(x, tz))).toEqual(row((x) => ref_toInstantString(x, tz)));
        expect(row((x) => fast.isBusinessDay(x, cal))).toEqual(row((x) => ref_isBusinessDay(x, cal)));
        expect(row((x) => fast.isWithinBusinessHours(x, cal))).toEqual(row((x) => ref_isWithinBusinessHours(x, cal)));
        expect(row((x) => fast.startOfLocalDay(x, tz).getTime())).toEqual(row((x) => ref_startOfLocalDay(x, tz).getTime()));
        expect(row((x) => fast.nextBusinessMoment(x, cal).getTime())).toEqual(row((x) => ref_nextBusinessMoment(x, cal).getTime()));
        for (const h of [1, 4, 8, 13.5])
          expect(row((x) => fast.addBusinessHours(x, h, cal).getTime())).toEqual(row((x) => ref_addBusinessHours(x, h, cal).getTime()));
        for (const n of [1, 2, 5])
          expect(row((x) => fast.addBusinessDays(x, n, cal).getTime())).toEqual(row((x) => ref_addBusinessDays(x, n, cal).getTime()));
        for (const n of [-30, -1, 1, 7, 90])
          expect(row((x) => fast.addCalendarDays(x, n, tz).getTime())).toEqual(row((x) => ref_addCalendarDays(x, n, tz).getTime()));
        const ymd = ref_localDate(d, tz);
        expect([ymd, fast.startOfDate(ymd, tz).getTime()]).toEqual([ymd, ref_startOfDate(ymd, tz).getTime()]);
      }
    });
  }
});
