/**
 * Business-day and business-hour arithmetic in the user's time zone (DECISIONS §5: business days
 * Mon–Fri and business hours 09:00–17:00 by default, configurable, holidays excluded).
 *
 * Every function takes an instant (`Date`) and returns an instant; the wall-clock work happens in
 * `cal.timeZone` through `TZDate`, so DST changes (America/New_York, Europe/Berlin) keep the local
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
import { TZDate } from '@date-fns/tz';
import { formatISO } from 'date-fns';
import type { CalendarConfig } from '../config/calendar';

/** The calendar fields the arithmetic needs (a `CalendarConfig` satisfies it). */
export type BusinessCalendar = Pick<
  CalendarConfig,
  'timeZone' | 'businessDays' | 'businessHoursStart' | 'businessHoursEnd' | 'holidays'
>;

/** Guard against a calendar with no business day reachable (e.g. every day a holiday for years). */
const MAX_DAYS_SCANNED = 3 * 366;

function zoned(instant: Date | number, timeZone: string): TZDate {
  return new TZDate(typeof instant === 'number' ? instant : instant.getTime(), timeZone);
}

function hhmm(s: string): [number, number] {
  const [h, m] = s.split(':').map(Number);
  return [h ?? 0, m ?? 0];
}

/** Local calendar date `yyyy-MM-dd` of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const d = zoned(instant, timeZone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local month `yyyy-MM` of an instant in a time zone. */
export function localMonth(instant: Date, timeZone: string): string {
  return localDate(instant, timeZone).slice(0, 7);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO 8601 with the time zone's offset (`2026-11-17T14:00:00-05:00`). */
export function toInstantString(instant: Date, timeZone: string): string {
  return formatISO(zoned(instant, timeZone));
}

/** ISO weekday 1 = Monday … 7 = Sunday of a zoned date. */
function isoWeekday(d: TZDate): number {
  const js = d.getDay();
  return js === 0 ? 7 : js;
}

function isBusinessDayZoned(d: TZDate, cal: BusinessCalendar): boolean {
  if (!cal.businessDays.includes(isoWeekday(d))) return false;
  const ymd = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return !(cal.holidays ?? []).includes(ymd);
}

/** Is the local day of `instant` (in `cal.timeZone`) a business day (weekday in the set, not a holiday)? */
export function isBusinessDay(instant: Date, cal: BusinessCalendar): boolean {
  return isBusinessDayZoned(zoned(instant, cal.timeZone), cal);
}

/** A zoned copy of `d` set to a local time of day. */
function atTime(d: TZDate, time: string): TZDate {
  const [h, m] = hhmm(time);
  const out = new TZDate(d.getTime(), d.timeZone ?? 'UTC');
  out.setHours(h, m, 0, 0);
  return out;
}

/** Next local calendar day at the same wall-clock time (DST-safe). */
function nextDay(d: TZDate): TZDate {
  const out = new TZDate(d.getTime(), d.timeZone ?? 'UTC');
  out.setDate(out.getDate() + 1);
  return out;
}

/** Start (local midnight) of the local day of an instant. */
export function startOfLocalDay(instant: Date, timeZone: string): Date {
  const d = zoned(instant, timeZone);
  d.setHours(0, 0, 0, 0);
  return new Date(d.getTime());
}

/** The instant of local midnight starting the calendar date `yyyy-MM-dd` in a time zone. */
export function startOfDate(ymd: string, timeZone: string): Date {
  const [y, m, day] = ymd.split('-').map(Number);
  const d = new TZDate(y ?? 1970, (m ?? 1) - 1, day ?? 1, timeZone);
  return new Date(d.getTime());
}

/** Is the instant inside business hours [start, end) of a business day? */
export function isWithinBusinessHours(instant: Date, cal: BusinessCalendar): boolean {
  const d = zoned(instant, cal.timeZone);
  if (!isBusinessDayZoned(d, cal)) return false;
  const t = d.getTime();
  return t >= atTime(d, cal.businessHoursStart).getTime() && t < atTime(d, cal.businessHoursEnd).getTime();
}

/**
 * The next business opening at or after `instant` (the instant itself when inside business hours).
 */
export function nextBusinessMoment(instant: Date, cal: BusinessCalendar): Date {
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
export function addBusinessHours(instant: Date, hours: number, cal: BusinessCalendar): Date {
  if (!(hours >= 0)) throw new RangeError('addBusinessHours: hours must be ≥ 0');
  if (hours === 0) return new Date(instant.getTime());
  let remaining = Math.round(hours * 3_600_000);
  let cursor = nextBusinessMoment(instant, cal);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    const close = atTime(zoned(cursor, cal.timeZone), cal.businessHoursEnd).getTime();
    const available = close - cursor.getTime();
    if (remaining <= available) return new Date(cursor.getTime() + remaining);
    remaining -= available;
    cursor = nextBusinessMoment(new Date(close), cal);
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
  const inside = isWithinBusinessHours(instant, cal);
  // Outside business hours the first business day is the one of the next opening (counted as day 1).
  let d = inside ? zoned(instant, cal.timeZone) : zoned(nextBusinessMoment(instant, cal), cal.timeZone);
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

/** Add `n` calendar days in the time zone, keeping the local time of day (DST-safe). `n` may be negative. */
export function addCalendarDays(instant: Date, n: number, timeZone: string): Date {
  if (!Number.isInteger(n)) throw new RangeError('addCalendarDays: n must be an integer');
  const d = zoned(instant, timeZone);
  d.setDate(d.getDate() + n);
  return new Date(d.getTime());
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
