/** Display helpers: dates in the user's time zone, day counts, money, honest "no data" wording. */
import { TZDate } from '@date-fns/tz';

export const NO_DATA = 'No data';


// Intl formatters are costly to create and cheap to reuse: one per (kind, zone). The panel formats
// hundreds of dates on first render, so these avoid building a TZDate for each.
const formatters = new Map<string, Intl.DateTimeFormat>();
function fmt(kind: 'ymd' | 'date' | 'datetime' | 'ymdhm', tz: string): Intl.DateTimeFormat {
  const k = `${kind}|${tz}`;
  let f = formatters.get(k);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      kind === 'ymd'
        ? { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }
        : kind === 'ymdhm'
          ? { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
          : kind === 'date'
            ? { timeZone: tz, year: 'numeric', month: 'short', day: 'numeric' }
            : { timeZone: tz, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    // en-US parts (month "Sep", not en-GB's "Sept"), composed as "d MMM yyyy" below.
    f = new Intl.DateTimeFormat(kind === 'ymd' || kind === 'ymdhm' ? 'en-CA' : 'en-US', opts);
    formatters.set(k, f);
  }
  return f;
}

function parts(d: Date, kind: 'ymd' | 'ymdhm' | 'date' | 'datetime', tz: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of fmt(kind, tz).formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** `yyyy-MM-dd` of an instant in `tz`. */
export function ymdIn(d: Date, tz: string): string {
  const p = parts(d, 'ymd', tz);
  return `${p.year}-${p.month}-${p.day}`;
}

const dayNumber = (ymd: string): number => Date.UTC(+ymd.slice(0, 4), +ymd.slice(5, 7) - 1, +ymd.slice(8, 10)) / 86_400_000;

/** Whole calendar days from `now` to `instant` (or a `yyyy-MM-dd` date) in `tz` (negative = past). */
export function daysUntil(instantOrDate: string, now: Date, tz: string): number {
  const target = /^\d{4}-\d{2}-\d{2}$/.test(instantOrDate) ? instantOrDate : ymdIn(new Date(instantOrDate), tz);
  return dayNumber(target) - dayNumber(ymdIn(now, tz));
}

/** Days since an instant (≥ 0), in the user's zone. */
export function daysSince(instant: string, now: Date, tz: string): number {
  return -daysUntil(instant, now, tz);
}

/** "18 Nov 2026" (a calendar date is shown as written, an instant in the user's zone). */
export function fmtDate(instantOrDate: string | null | undefined, tz: string): string {
  if (!instantOrDate) return NO_DATA;
  const calendar = /^\d{4}-\d{2}-\d{2}$/.test(instantOrDate);
  const d = new Date(calendar ? `${instantOrDate}T12:00:00Z` : instantOrDate);
  if (Number.isNaN(d.getTime())) return instantOrDate;
  const p = parts(d, 'date', calendar ? 'UTC' : tz);
  return `${p.day} ${p.month} ${p.year}`;
}

/** "18 Nov 2026, 10:00" in the user's zone. */
export function fmtDateTime(instant: string | null | undefined, tz: string): string {
  if (!instant) return NO_DATA;
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const p = parts(d, 'datetime', tz);
  return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
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
  return ymdIn(new Date(instant), tz);
}

/** `yyyy-MM-ddTHH:mm` of an instant in `tz` (for datetime-local inputs). */
export function toDateTimeInput(instant: Date | string, tz: string): string {
  const p = parts(new Date(instant), 'ymdhm', tz);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
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
