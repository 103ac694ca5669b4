/** Display helpers: dates in the user's time zone, day counts, money, honest "no data" wording. */
import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, format } from 'date-fns';

export const NO_DATA = 'No data';

/** A calendar date `yyyy-MM-dd` as noon that day in `tz`. */
export function calendarDay(date: string, tz: string): TZDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 12, 0, tz);
}

/** Whole calendar days from `now` to `instant` in `tz` (negative = past). */
export function daysUntil(instantOrDate: string, now: Date, tz: string): number {
  const target = /^\d{4}-\d{2}-\d{2}$/.test(instantOrDate)
    ? calendarDay(instantOrDate, tz)
    : new TZDate(new Date(instantOrDate).getTime(), tz);
  return differenceInCalendarDays(target, new TZDate(now.getTime(), tz));
}

/** Days since an instant (≥ 0), in the user's zone. */
export function daysSince(instant: string, now: Date, tz: string): number {
  return -daysUntil(instant, now, tz);
}

export function fmtDate(instantOrDate: string | null | undefined, tz: string): string {
  if (!instantOrDate) return NO_DATA;
  if (/^\d{4}-\d{2}-\d{2}$/.test(instantOrDate)) return format(calendarDay(instantOrDate, 'UTC'), 'd MMM yyyy');
  const d = new Date(instantOrDate);
  if (Number.isNaN(d.getTime())) return instantOrDate;
  return format(new TZDate(d.getTime(), tz), 'd MMM yyyy');
}

export function fmtDateTime(instant: string | null | undefined, tz: string): string {
  if (!instant) return NO_DATA;
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return format(new TZDate(d.getTime(), tz), 'd MMM yyyy, HH:mm');
}

/** "in 12 days", "today", "3 days ago". */
export function relDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

export function fmtMoney(n: number | null | undefined): string {
  if (n === null || n === undefined) return NO_DATA;
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(n);
}

/** `yyyy-MM-dd` of an instant in `tz` (for date inputs). */
export function toDateInput(instant: Date | string, tz: string): string {
  return format(new TZDate(new Date(instant).getTime(), tz), 'yyyy-MM-dd');
}

/** `yyyy-MM-ddTHH:mm` of an instant in `tz` (for datetime-local inputs). */
export function toDateTimeInput(instant: Date | string, tz: string): string {
  return format(new TZDate(new Date(instant).getTime(), tz), "yyyy-MM-dd'T'HH:mm");
}

/**
 * A `datetime-local` value (wall-clock time in the user's zone) → ISO instant with offset.
 * Returns null for an empty or invalid value.
 */
export function fromDateTimeInput(value: string, tz: string): string | null {
  const m = value.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/);
  if (!m) return null;
  const d = new TZDate(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, tz);
  return Number.isNaN(d.getTime()) ? null : new Date(d.getTime()).toISOString();
}

/** A `date` input value → ISO instant at `hour`:00 that day in `tz`. */
export function fromDateInput(value: string, tz: string, hour = 9): string | null {
  return fromDateTimeInput(`${value}T${String(hour).padStart(2, '0')}:00`, tz);
}

/** Only http(s) links may be opened from the panel (sources, demo). */
export function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function fmtScore(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : String(Math.round(n));
}

/** "+5", "−7", "±0" (true minus sign). */
export function fmtDelta(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  const r = Math.round(n);
  return r > 0 ? `+${r}` : r < 0 ? `−${-r}` : '±0';
}
