/**
 * Due dates as people write them in meeting notes, resolved to a calendar date (`yyyy-MM-dd`)
 * relative to the meeting's date in the user's time zone.
 *
 * - ISO `2026-12-04`; EU `4.12.2026` / `4.12.` (dots are always day-first);
 * - slashes `12/04/2026`, `4/12/26`, `12/4`: day-first when the first number is > 12, month-first
 *   when the second is > 12, otherwise by `order` (the user's locale: 'MDY' for US, 'DMY' for EU);
 * - month names `4 Dec`, `Dec 4th, 2026`, `December 4`, with or without a weekday in front;
 * - weekdays `Friday`, `next Fri`, `this Friday`: the first such day *after* the meeting date
 *   (a Friday meeting's "by Friday" is the following Friday);
 * - `today`, `tomorrow`, `end of week` / `EOW` (first Friday on or after the meeting),
 *   `end of month` / `EOM`, `in 3 days`, `in 2 weeks`.
 * A date without a year is the first such date on or after the meeting date.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, addWeeks, endOfMonth, format, getDay } from 'date-fns';

export type DateOrder = 'MDY' | 'DMY';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_RE = '(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';
const MONTH_RE =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** The meeting's calendar day in the user's zone, as a UTC-midnight date for plain date arithmetic. */
export function meetingDay(meetingInstant: string | Date, timeZone: string): Date {
  const z = new TZDate(new Date(meetingInstant).getTime(), timeZone);
  return new TZDate(z.getFullYear(), z.getMonth(), z.getDate(), 'UTC');
}

function ymd(d: Date): string {
  return format(d, 'yyyy-MM-dd');
}

function makeDate(y: number, m: number, d: number): Date | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const out = new TZDate(y, m - 1, d, 'UTC');
  return out.getMonth() === m - 1 && out.getDate() === d ? out : null;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

/** A date without a year: the first occurrence on or after `ref`. */
function nextOccurrence(ref: Date, m: number, d: number): Date | null {
  const same = makeDate(ref.getFullYear(), m, d);
  if (same && same.getTime() >= ref.getTime()) return same;
  return makeDate(ref.getFullYear() + 1, m, d);
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * Parse a due-date phrase. `ref` is the meeting day from `meetingDay()`. Returns `yyyy-MM-dd` or
 * null when the text is not a date.
 */
export function parseDueDate(raw: string, ref: Date, order: DateOrder = 'MDY'): string | null {
  let t = raw.trim().toLowerCase();
  // "4.12." keeps its final dot (EU day.month.); other trailing punctuation is sentence noise.
  if (!/^\d{1,2}\.\d{1,2}\.$/.test(t)) t = t.replace(/[.,;:!)]+$/, '');
  t = t
    .replace(/^(?:by|on|due|before|until|no later than)\s+/, '')
    .replace(/^the\s+/, '')
    .trim();
  if (!t) return null;
  const build = (d: Date | null) => (d ? ymd(d) : null);

  let m: RegExpMatchArray | null;
  if ((m = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/))) return build(makeDate(+m[1]!, +m[2]!, +m[3]!));
  if ((m = t.match(/^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?$/))) {
    return build(m[3] ? makeDate(fullYear(m[3]), +m[2]!, +m[1]!) : nextOccurrence(ref, +m[2]!, +m[1]!));
  }
  if ((m = t.match(/^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/))) {
    const a = +m[1]!;
    const b = +m[2]!;
    const dayFirst = a > 12 ? true : b > 12 ? false : order === 'DMY';
    const [mon, day] = dayFirst ? [b, a] : [a, b];
    return build(m[3] ? makeDate(fullYear(m[3]), mon, day) : nextOccurrence(ref, mon, day));
  }
  // Optional weekday in front of a named-month date ("Fri 4 Dec", "Friday, December 4").
  t = t.replace(new RegExp(`^${WEEKDAY_RE}\\.?,?\\s+(?=\\d|${MONTH_RE})`), '');
  if ((m = t.match(new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+(${MONTH_RE})\\.?,?(?:\\s+(\\d{4}))?$`)))) {
    const mon = monthIndex(m[2]!);
    return build(m[3] ? makeDate(+m[3], mon, +m[1]!) : nextOccurrence(ref, mon, +m[1]!));
  }
  if ((m = t.match(new RegExp(`^(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?(?:\\s+(\\d{4}))?$`)))) {
    const mon = monthIndex(m[1]!);
    return build(m[3] ? makeDate(+m[3], mon, +m[2]!) : nextOccurrence(ref, mon, +m[2]!));
  }
  if ((m = t.match(new RegExp(`^(?:(?:next|this|coming)\\s+)?(${WEEKDAY_RE})\\.?$`)))) {
    const target = WEEKDAYS.indexOf(m[1]!.slice(0, 3));
    let delta = (target - getDay(ref) + 7) % 7;
    if (delta === 0) delta = 7;
    return ymd(addDays(ref, delta));
  }
  if (t === 'today' || t === 'end of day' || t === 'eod') return ymd(ref);
  if (t === 'tomorrow') return ymd(addDays(ref, 1));
  if (/^(?:end of (?:the )?week|eow)$/.test(t)) return ymd(addDays(ref, (5 - getDay(ref) + 7) % 7));
  if (/^(?:end of (?:the )?month|eom)$/.test(t)) return ymd(endOfMonth(ref));
  if ((m = t.match(/^in\s+(\d{1,3})\s+(day|days|week|weeks)$/))) {
    const n = +m[1]!;
    return ymd(m[2]!.startsWith('week') ? addWeeks(ref, n) : addDays(ref, n));
  }
  return null;
}

/** 'DMY' for locales that write the day first (most of the world), 'MDY' for en-US and friends. */
export function dateOrderForLocale(locale: string | undefined): DateOrder {
  if (!locale) return 'MDY';
  return /^(?:en|en-US|en-PH|en-CA|es-US)$/i.test(locale) ? 'MDY' : 'DMY';
}
