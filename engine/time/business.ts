/**
 * Business-day and business-hour arithmetic in the user's time zone (DECISIONS §5: business days
 * Mon–Fri and business hours 09:00–17:00 by default, configurable, holidays excluded).
 *
 * Every function takes an instant (`Date`) and returns an instant; the wall-clock work happens in
 * `cal.timeZone` with `TZDate` semantics (tzdate.ts, over cached offsets), so DST changes (America/New_York, Europe/Berlin) keep the local
 * time of day instead of drifting by an hour.
 *
 * Semantics (chosen so that "N business days" and "N × hours-per-day business hours" agree):
 * - `addBusinessHours(t, h)` counts only time inside business hours on business days:
 *   Tue 10:00 + 4 → Tue 14:00; Fri 16:00 + 4 → Mon 12:00; Sat (any time) + 4 → Mon 13:00.
 * - `addBusinessDays(t, n)` inside business hours keeps the time of day on the n-th following
 *   business day (Tue 10:00 + 1 → Wed 10:00; Fri 16:00 + 1 → Mon 16:00). Outside business hours
 *   (evening, weekend, holiday) the clock starts at the next business opening, so the deadline is
 *   the close of the n-th business day from there (Sat + 1 → Mon 17:00; Tue 20:00 + 1 → Wed 17:00).
 * - `addCalendarDays(t, n, tz)` keeps the wall-clock time across DST (may be 23 or 25 hours a day).
 */
import type { CalendarConfig } from '../config/calendar';
import { formatIsoInTz, instantOfWall, pad2, wallDayStart, wallFields, wallOf } from './tzdate';
import { DAY_MS, utcDayMs } from './zoned';

/** The calendar fields the arithmetic needs (a `CalendarConfig` satisfies it). */
export type BusinessCalendar = Pick<
  CalendarConfig,
  'timeZone' | 'businessDays' | 'businessHoursStart' | 'businessHoursEnd' | 'holidays'
>;

/** Guard against a calendar with no business day reachable (e.g. every day a holiday for years). */
const MAX_DAYS_SCANNED = 3 * 366;

// The arithmetic works on epoch milliseconds with `TZDate` semantics (tzdate.ts): every step is
// "instant → wall-clock time in the zone → change the wall clock → instant", as a `TZDate` setter does.

const hhmmCache = new Map<string, number>();
/** Milliseconds after local midnight of `HH:mm`. */
function timeOfDayMs(s: string): number {
  let v = hhmmCache.get(s);
  if (v === undefined) {
    const [h, m] = s.split(':').map(Number);
    v = ((h ?? 0) * 60 + (m ?? 0)) * 60_000;
    if (hhmmCache.size > 1000) hhmmCache.clear();
    hhmmCache.set(s, v);
  }
  return v;
}

/** Local calendar date `yyyy-MM-dd` of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const f = wallFields(wallOf(instant.getTime(), timeZone));
  return `${f.year}-${pad2(f.month + 1)}-${pad2(f.day)}`;
}

/** Local month `yyyy-MM` of an instant in a time zone. */
export function localMonth(instant: Date, timeZone: string): string {
  return localDate(instant, timeZone).slice(0, 7);
}

/** ISO 8601 with the time zone's offset (`2026-11-17T14:00:00-05:00`). */
export function toInstantString(instant: Date, timeZone: string): string {
  return formatIsoInTz(instant.getTime(), timeZone);
}

/** Is the local day of the wall value a business day (ISO weekday in the set, not a holiday)? */
function isBusinessWall(wall: number, cal: BusinessCalendar): boolean {
  const f = wallFields(wall);
  if (!cal.businessDays.includes(f.weekday === 0 ? 7 : f.weekday)) return false;
  const holidays = cal.holidays;
  if (!holidays || holidays.length === 0) return true;
  return !holidays.includes(`${f.year}-${pad2(f.month + 1)}-${pad2(f.day)}`);
}

/** Is the local day of `instant` (in `cal.timeZone`) a business day (weekday in the set, not a holiday)? */
export function isBusinessDay(instant: Date, cal: BusinessCalendar): boolean {
  return isBusinessWall(wallOf(instant.getTime(), cal.timeZone), cal);
}

/** The instant of the local day of `ms` at a local time of day (`TZDate#setHours`). */
function atTime(ms: number, timeMs: number, tz: string): number {
  return instantOfWall(wallDayStart(wallOf(ms, tz)) + timeMs, tz);
}

/** Next local calendar day at the same wall-clock time (DST-safe). */
function nextDay(ms: number, tz: string): number {
  return instantOfWall(wallOf(ms, tz) + DAY_MS, tz);
}

/** Start (local midnight) of the local day of an instant. */
export function startOfLocalDay(instant: Date, timeZone: string): Date {
  return new Date(atTime(instant.getTime(), 0, timeZone));
}

/** The instant of local midnight starting the calendar date `yyyy-MM-dd` in a time zone. */
export function startOfDate(ymd: string, timeZone: string): Date {
  // Every caller passes `yyyy-MM-dd` (per account and trigger in a recompute): no split for it.
  const wall = utcDayMs(ymd);
  if (wall === wall) return new Date(instantOfWall(wall, timeZone));
  const [y, m, day] = ymd.split('-').map(Number);
  return new Date(instantOfWall(Date.UTC(y ?? 1970, (m ?? 1) - 1, day ?? 1), timeZone));
}

/** Is the instant inside business hours [start, end) of a business day? */
export function isWithinBusinessHours(instant: Date, cal: BusinessCalendar): boolean {
  return withinBusinessHours(instant.getTime(), cal);
}

function withinBusinessHours(t: number, cal: BusinessCalendar): boolean {
  const tz = cal.timeZone;
  if (!isBusinessWall(wallOf(t, tz), cal)) return false;
  return t >= atTime(t, timeOfDayMs(cal.businessHoursStart), tz) && t < atTime(t, timeOfDayMs(cal.businessHoursEnd), tz);
}

function nextBusinessMs(t: number, cal: BusinessCalendar): number {
  const tz = cal.timeZone;
  const openMs = timeOfDayMs(cal.businessHoursStart);
  const closeMs = timeOfDayMs(cal.businessHoursEnd);
  let d = t;
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    if (isBusinessWall(wallOf(d, tz), cal)) {
      const open = atTime(d, openMs, tz);
      const close = atTime(d, closeMs, tz);
      if (d < open) return open;
      if (d < close) return d;
    }
    d = atTime(nextDay(d, tz), 0, tz);
  }
  throw new Error('nextBusinessMoment: no business day within three years; check the calendar');
}

/**
 * The next business opening at or after `instant` (the instant itself when inside business hours).
 */
export function nextBusinessMoment(instant: Date, cal: BusinessCalendar): Date {
  return new Date(nextBusinessMs(instant.getTime(), cal));
}

/**
 * Add `hours` of business time (only hours inside business hours on business days count).
 * Fractions are allowed; 0 returns the instant unchanged.
 */
export function addBusinessHours(instant: Date, hours: number, cal: BusinessCalendar): Date {
  if (!(hours >= 0)) throw new RangeError('addBusinessHours: hours must be ≥ 0');
  if (hours === 0) return new Date(instant.getTime());
  const closeMs = timeOfDayMs(cal.businessHoursEnd);
  let remaining = Math.round(hours * 3_600_000);
  let cursor = nextBusinessMs(instant.getTime(), cal);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    const close = atTime(cursor, closeMs, cal.timeZone);
    const available = close - cursor;
    if (remaining <= available) return new Date(cursor + remaining);
    remaining -= available;
    cursor = nextBusinessMs(close, cal);
  }
  throw new Error('addBusinessHours: ran past three years; check the calendar');
}

/**
 * Add `n` business days (integer ≥ 0). Inside business hours the local time of day is kept;
 * outside them the deadline is the close of the n-th business day counted from the next opening.
 */
export function addBusinessDays(instant: Date, n: number, cal: BusinessCalendar): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('addBusinessDays: n must be an integer ≥ 0');
  if (n === 0) return new Date(instant.getTime());
  const tz = cal.timeZone;
  const t = instant.getTime();
  const inside = withinBusinessHours(t, cal);
  // Outside business hours the first business day is the one of the next opening (counted as day 1).
  let d = inside ? t : nextBusinessMs(t, cal);
  let counted = inside ? 0 : 1;
  for (let i = 0; counted < n && i < MAX_DAYS_SCANNED; i++) {
    d = nextDay(d, tz);
    if (isBusinessWall(wallOf(d, tz), cal)) counted++;
  }
  if (counted < n) throw new Error('addBusinessDays: ran past three years; check the calendar');
  if (inside) {
    // Keep the wall-clock time of the original instant on the target day (whole seconds and ms).
    const src = wallOf(t, tz);
    return new Date(atTime(d, src - wallDayStart(src), tz));
  }
  return new Date(atTime(d, timeOfDayMs(cal.businessHoursEnd), tz));
}

/** Add `n` calendar days in the time zone, keeping the local time of day (DST-safe). `n` may be negative. */
export function addCalendarDays(instant: Date, n: number, timeZone: string): Date {
  if (!Number.isInteger(n)) throw new RangeError('addCalendarDays: n must be an integer');
  return new Date(instantOfWall(wallOf(instant.getTime(), timeZone) + n * DAY_MS, timeZone));
}

/** Add elapsed hours (wall time is irrelevant: 72 h is 72 × 3600 s). */
export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + Math.round(hours * 3_600_000));
}

/** A configured duration: elapsed hours, calendar days in the time zone, business days or hours. */
export interface Duration {
  amount: number;
  unit: 'hours' | 'calendarDays' | 'businessDays' | 'businessHours';
}

/** Apply a configured `Duration` to an instant. */
export function addDuration(instant: Date, d: Duration, cal: BusinessCalendar): Date {
  switch (d.unit) {
    case 'hours':
      return addHours(instant, d.amount);
    case 'calendarDays':
      return addCalendarDays(instant, d.amount, cal.timeZone);
    case 'businessDays':
      return addBusinessDays(instant, d.amount, cal);
    case 'businessHours':
      return addBusinessHours(instant, d.amount, cal);
  }
}

/** Human rendering of a duration ("72 h", "5 days", "5 business days", "4 business hours"). */
export function describeDuration(d: Duration): string {
  const n = d.amount;
  switch (d.unit) {
    case 'hours':
      return `${n} h`;
    case 'calendarDays':
      return `${n} day${n === 1 ? '' : 's'}`;
    case 'businessDays':
      return `${n} business day${n === 1 ? '' : 's'}`;
    case 'businessHours':
      return `${n} business hour${n === 1 ? '' : 's'}`;
  }
}
