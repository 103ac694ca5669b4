/**
 * `TZDate` semantics over cached offsets. The business-time arithmetic, CTA clocks and draft texts
 * used `@date-fns/tz`'s `TZDate` (every construction and setter asks `Intl` for the offset, several
 * times: ~40% of a portfolio recompute). These helpers give the same answers — the same wall-clock
 * fields of an instant, and the same instant for a wall-clock time set through a `TZDate` setter
 * (`setHours`, `setDate`, the `(y, m, d, tz)` constructor), DST gaps and overlaps included — from
 * `offsetMs` (zoned.ts), which caches offsets per UTC hour. `tzdate.test.ts` checks them against
 * `TZDate` around the DST transitions of several zones.
 *
 * A "wall" value is the wall-clock time of an instant in the zone, written as if it were UTC epoch
 * milliseconds (read its fields with the UTC getters / `wallFields`).
 */
import { civilFromDays, DAY_MS, offsetMs } from './zoned';

const MINUTE_MS = 60_000;
const HALF_HOUR_MS = 1_800_000;

/** Offset in minutes, as `tzOffset` returns it. */
const offMin = (tz: string, ms: number): number => offsetMs(tz, ms) / MINUTE_MS;
/** Minute-precision offset (`TZDate` drops historical seconds towards zero). */
const truncMin = (o: number): number => (o > 0 ? Math.floor(o) : Math.ceil(o));

/** Wall-clock time of the instant in `tz` (what `new TZDate(ms, tz)`'s getters read). */
export function wallOf(ms: number, tz: string): number {
  return ms - Math.round(-offMin(tz, ms) * 60) * 1000;
}

/**
 * The instant a `TZDate` in `tz` takes when its wall-clock fields are set to `wall` (setters and the
 * date-value constructor): a time skipped by a DST gap moves forward by the gap; an ambiguous
 * time resolves as `TZDate` does. A transcription of `@date-fns/tz`'s `adjustToSystemTZ` for a
 * process whose system zone has no offset changes (the extension's background, Node, the tests):
 * the result no longer depends on the system zone.
 */
export function instantOfWall(wall: number, tz: string): number {
  if (!Number.isFinite(wall)) return NaN;
  const expected = wall;
  let x = wall;
  const offset = truncMin(offMin(tz, x));
  const offsetDiff = -offset;
  if (offsetDiff) x += offsetDiff * MINUTE_MS;
  const secondsOffset = Math.round(-(offMin(tz, x) * 60)) % 60;
  if (secondsOffset) x += secondsOffset * 1000;
  const postOffset = truncMin(offMin(tz, x));
  const postDiff = -postOffset - offsetDiff;
  const targetDSTShift = postOffset - offset;
  const normalizedTargetDSTGap =
    targetDSTShift > 0 &&
    wallOf(x, tz) - expected === targetDSTShift * MINUTE_MS &&
    wallOf(expected - postOffset * MINUTE_MS, tz) !== expected;
  if (postOffset !== offset && postDiff && !normalizedTargetDSTGap) {
    x += postDiff * MINUTE_MS;
    const offsetChange = postOffset - truncMin(offMin(tz, x));
    if (offsetChange && postDiff < 0) x += offsetChange * MINUTE_MS;
  }
  const drift = expected + secondsOffset * 1000 - wallOf(x, tz);
  if (drift && Math.abs(drift) < HALF_HOUR_MS) x += drift;
  return x;
}

export interface WallFields {
  year: number;
  /** 0–11 */
  month: number;
  /** 1–31 */
  day: number;
  /** 0 = Sunday … 6 = Saturday (as `Date#getDay`). */
  weekday: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Calendar fields of a wall value (days-from-civil inverse, no `Date` allocated). */
export function wallFields(wall: number): WallFields {
  const days = Math.floor(wall / DAY_MS);
  const msOfDay = wall - days * DAY_MS;
  const civil = civilFromDays(days);
  const seconds = Math.floor(msOfDay / 1000);
  return {
    year: civil.year,
    month: civil.month - 1,
    day: civil.day,
    weekday: (((days + 4) % 7) + 7) % 7,
    hours: Math.floor(seconds / 3600),
    minutes: Math.floor(seconds / 60) % 60,
    seconds: seconds % 60,
  };
}

/** Wall value of local midnight of the wall value's day. */
export const wallDayStart = (wall: number): number => wall - ((wall % DAY_MS) + DAY_MS) % DAY_MS;

/** `Date#getTimezoneOffset` of a `TZDate` at the instant (minutes, positive west of Greenwich). */
export function tzDateTimezoneOffset(ms: number, tz: string): number {
  const offset = -offMin(tz, ms);
  return offset > 0 ? Math.floor(offset) : Math.ceil(offset);
}

export const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
/** date-fns `addLeadingZeros`. */
export function leadingZeros(n: number, length: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + Math.abs(n).toString().padStart(length, '0');
}

export const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
export const WEEKDAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** date-fns `yyyy` of a year (years ≤ 0 as 1 − year, like date-fns). */
export const fmtYear = (year: number): string => leadingZeros(year > 0 ? year : 1 - year, 4);

function checkValid(ms: number): void {
  if (Number.isNaN(ms)) throw new RangeError('Invalid time value');
}

/** date-fns `formatISO(new TZDate(ms, tz))`: `2026-11-17T14:00:00-05:00` (`Z` at offset 0). */
export function formatIsoInTz(ms: number, tz: string): string {
  checkValid(ms);
  const f = wallFields(wallOf(ms, tz));
  const offset = tzDateTimezoneOffset(ms, tz);
  let zone = 'Z';
  if (offset !== 0) {
    const abs = Math.abs(offset);
    zone = `${offset < 0 ? '+' : '-'}${leadingZeros(Math.trunc(abs / 60), 2)}:${leadingZeros(abs % 60, 2)}`;
  }
  return `${leadingZeros(f.year, 4)}-${pad2(f.month + 1)}-${pad2(f.day)}T${pad2(f.hours)}:${pad2(f.minutes)}:${pad2(f.seconds)}${zone}`;
}

/** date-fns `format(new TZDate(ms, tz), 'MMM d')` / `'MMM d, yyyy'`. */
export function formatMonthDay(ms: number, tz: string, withYear: boolean): string {
  checkValid(ms);
  const f = wallFields(wallOf(ms, tz));
  const md = `${MONTHS_SHORT[f.month]} ${f.day}`;
  return withYear ? `${md}, ${fmtYear(f.year)}` : md;
}

/** date-fns `format(new TZDate(ms, tz), 'EEE d MMM yyyy')`: `Tue 24 Nov 2026`. */
export function formatWeekdayDate(ms: number, tz: string): string {
  checkValid(ms);
  const f = wallFields(wallOf(ms, tz));
  return `${WEEKDAYS_SHORT[f.weekday]} ${f.day} ${MONTHS_SHORT[f.month]} ${fmtYear(f.year)}`;
}

/** date-fns `format(new TZDate(ms, tz), 'HH:mm')`. */
export function formatHourMinute(ms: number, tz: string): string {
  checkValid(ms);
  const f = wallFields(wallOf(ms, tz));
  return `${pad2(f.hours)}:${pad2(f.minutes)}`;
}
