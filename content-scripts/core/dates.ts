/**
 * PSA date/time text → ISO instants in the user's time zone.
 *
 * PSAs print dates in the agent's locale (`11/17/2026 8:42 AM` in the US, `17.11.2026 08:42` in
 * Germany, `17/11/2026 08:42` in the UK) and without an offset: the wall time is local to the user
 * (`timeZone`). The rule here is "never a wrong date": anything we cannot read with certainty —
 * garbage, an impossible day, a day/month order we cannot resolve — is `undefined`, not a guess.
 *
 * Wall time → instant follows the usual "compatible" rule at DST changes: a time inside a
 * spring-forward gap moves forward by the gap (02:30 → 03:30), a time inside a fall-back overlap
 * takes the first occurrence (the earlier instant).
 *
 * `timeZone` is an IANA name, or `LOCAL_TIME_ZONE`: "this JavaScript environment's own zone" — what
 * the content script uses, since a PSA page's wall times are the browser's. That zone is computed
 * with `Date`'s local-time methods only: the first `Intl.DateTimeFormat` in a page costs 14–28 ms of
 * ICU start-up (measured in Chromium on the demo board), paid on every PSA page the reader reads.
 */
import { tzOffset } from '@date-fns/tz';
import { offsetMs } from '../../engine/time/zoned';

export type DateOrder = 'MDY' | 'DMY' | 'YMD';

/**
 * The `timeZone` meaning "this environment's own zone" (the browser's, in a content script):
 * offsets come from `Date#getTimezoneOffset` and wall times from `new Date(y, m, d, …)` — ECMAScript's
 * LocalTime, whose DST rule is the same "compatible" one as `wallTimeToEpoch`'s — so nothing in the
 * page initialises Intl. Not an IANA name (Intl rejects it), so it can never be mistaken for a zone
 * by code that does use Intl: `@date-fns/tz` answers NaN for it, never a wrong offset.
 */
export const LOCAL_TIME_ZONE = 'local';

export interface ParseDateOptions {
  /**
   * IANA zone the PSA's wall times are local to (the user's `config.calendar.timeZone`), or
   * `LOCAL_TIME_ZONE` for the environment's own zone.
   */
  timeZone: string;
  /**
   * How to read an ambiguous numeric date such as `05/11/2026`. Unambiguous dates (`13/11/2026`,
   * `2026-11-17`) ignore it. Without a hint, dot-separated dates read as DMY (no locale writes
   * `MM.DD.YYYY`); other ambiguous dates give `undefined`.
   */
  dateOrder?: DateOrder;
  /** Instant a date-only text stands for: start of that day (default) or its last second. */
  dateOnlyAs?: 'startOfDay' | 'endOfDay';
}

/** Result of `parsePsaDateTime`: the instant plus what the text actually carried. */
export interface ParsedPsaDate {
  /** ISO 8601 with the offset of `timeZone` at that instant, e.g. `2026-11-17T08:42:00-05:00`. */
  instant: string;
  /** Calendar date (`yyyy-MM-dd`) in `timeZone`. */
  date: string;
  /** False when the text had no time of day (the instant is then start/end of day). */
  hasTime: boolean;
}

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  hasTime: boolean;
  /** Explicit offset in minutes from the text (`Z`, `-05:00`): the text is an absolute instant. */
  offsetMin?: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, janv: 1, januar: 1, janvier: 1, jän: 1, jänner: 1,
  feb: 2, february: 2, febr: 2, februar: 2, févr: 2, fevr: 2, février: 2,
  mar: 3, march: 3, mär: 3, märz: 3, mars: 3,
  apr: 4, april: 4, avr: 4, avril: 4,
  may: 5, mai: 5,
  jun: 6, june: 6, juni: 6, juin: 6,
  jul: 7, july: 7, juli: 7, juil: 7, juillet: 7,
  aug: 8, august: 8, août: 8, aout: 8,
  sep: 9, sept: 9, september: 9, septembre: 9,
  oct: 10, october: 10, okt: 10, oktober: 10, octobre: 10,
  nov: 11, november: 11, novembre: 11,
  dec: 12, december: 12, dez: 12, dezember: 12, déc: 12, décembre: 12,
};

const WEEKDAY =
  /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\.?,?\s+/i;

// Time of day: `8:42`, `08:42:15`, `8:42 AM`, `8:42pm`, `8:42 a.m.`, `8 AM`; optional fraction and zone.
const TIME_RE =
  /^(\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(?:([ap])\.?\s?m\.?)?\s*(z|[+-]\d{2}:?\d{2})?$/i;

/** What `repair` changes: any whitespace but one inner space, or whitespace next to a colon. */
const NEEDS_REPAIR = /[^\S ]|  |^ | $| :|: /;

/** Repairs ConnectWise REST's `2002-08-20T18: 04: 26Z` (spaces after the colons) and similar. */
function repair(raw: string): string {
  // Nearly every date on a page needs none of it: test once instead of three replaces (board reads).
  if (!NEEDS_REPAIR.test(raw)) return raw;
  return raw
    .replace(/[\u00a0\u2007\u202f]/g, ' ') // no-break spaces from Intl-formatted pages
    .replace(/(\d)\s*:\s*(\d)/g, '$1:$2')
    .replace(/\s+/g, ' ')
    .trim();
}

function parseTime(t: string, p: Parts): boolean {
  const m = TIME_RE.exec(t.trim());
  if (!m) return false;
  let h = Number(m[1]);
  const mi = m[2] === undefined ? 0 : Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  const ampm = m[4]?.toLowerCase();
  // "8 AM" needs the meridiem; a bare "8" is not a time.
  if (m[2] === undefined && !ampm) return false;
  if (ampm) {
    if (h < 1 || h > 12) return false;
    if (ampm === 'a' && h === 12) h = 0;
    else if (ampm === 'p' && h !== 12) h += 12;
  }
  if (h > 23 || mi > 59 || s > 59) return false;
  p.h = h;
  p.mi = mi;
  p.s = s;
  p.hasTime = true;
  const z = m[5];
  if (z) {
    if (z.toLowerCase() === 'z') p.offsetMin = 0;
    else {
      const sign = z.startsWith('-') ? -1 : 1;
      const digits = z.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = Number(digits.slice(2));
      if (oh > 14 || om > 59) return false;
      p.offsetMin = sign * (oh * 60 + om);
    }
  }
  return true;
}

function fullYear(y: string): number {
  const n = Number(y);
  // Two-digit years: PSAs show recent dates; 00–69 → 2000s, 70–99 → 1900s.
  if (y.length === 2) return n < 70 ? 2000 + n : 1900 + n;
  return n;
}

const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](.+))?$/i;
const YMD_SLASH_RE = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?: (.+))?$/;
const NUMERIC_RE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\.?(?:,? (.+))?$/;
// `Nov 17, 2026 8:42 AM`, `November 17 2026`
const MDY_NAME_RE = /^([a-zà-ÿ]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?:,? (?:at )?(.+))?$/i;
// `17 Nov 2026`, `17. November 2026 14:05`, `17-Nov-2026`
const DMY_NAME_RE = /^(\d{1,2})(?:st|nd|rd|th)?\.?[ -]([a-zà-ÿ]+)\.?[ -](\d{4})(?:,? (?:at |um |à )?(.+))?$/i;

function splitParts(text: string, dateOrder: DateOrder | undefined): Parts | undefined {
  const p: Parts = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0, hasTime: false };
  const t = text.replace(WEEKDAY, '');
  let time: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = ISO_RE.exec(t)) || (m = YMD_SLASH_RE.exec(t))) {
    p.y = Number(m[1]);
    p.mo = Number(m[2]);
    p.d = Number(m[3]);
    time = m[4];
  } else if ((m = NUMERIC_RE.exec(t))) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const sep = m[2];
    p.y = fullYear(m[4]!);
    time = m[5];
    let order: 'MDY' | 'DMY' | undefined;
    if (a > 12 && b <= 12) order = 'DMY';
    else if (b > 12 && a <= 12) order = 'MDY';
    else if (a === b) order = 'MDY';
    else if (dateOrder === 'MDY' || dateOrder === 'DMY') order = dateOrder;
    else if (sep === '.') order = 'DMY';
    if (!order) return undefined;
    p.mo = order === 'MDY' ? a : b;
    p.d = order === 'MDY' ? b : a;
  } else if ((m = MDY_NAME_RE.exec(t))) {
    const mo = MONTHS[m[1]!.toLowerCase()];
    if (!mo) return undefined;
    p.mo = mo;
    p.d = Number(m[2]);
    p.y = Number(m[3]);
    time = m[4];
  } else if ((m = DMY_NAME_RE.exec(t))) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    if (!mo) return undefined;
    p.d = Number(m[1]);
    p.mo = mo;
    p.y = Number(m[3]);
    time = m[4];
  } else return undefined;
  if (time !== undefined && !parseTime(time, p)) return undefined;
  if (p.y < 1900 || p.y > 2199 || p.mo < 1 || p.mo > 12 || p.d < 1) return undefined;
  if (p.d > new Date(Date.UTC(p.y, p.mo, 0)).getUTCDate()) return undefined;
  return p;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MAX_DATE_MS = 8.64e15;

/**
 * Offset (minutes) of `timeZone` at `ms`, or NaN for an unknown zone: exactly `tzOffset`'s value.
 * Read from the engine's per-UTC-hour cache (`offsetMs`, exact at DST switches) because asking
 * `Intl` for every date of a board was ~30% of a ConnectWise `readPage`. A historical offset with
 * seconds (LMT) is not a whole number of minutes and would not survive `/ 60 000` bit-exactly, so
 * it (and an unknown zone, and an invalid instant) goes to `tzOffset` itself.
 */
function offsetAt(timeZone: string, ms: number): number {
  // `getTimezoneOffset` is minutes *behind* UTC; NaN for NaN and out-of-range instants. (`0 -`: +0, not -0, in UTC.)
  if (timeZone === LOCAL_TIME_ZONE) return 0 - new Date(ms).getTimezoneOffset();
  // NaN or outside Date's range: no hour to cache (and `tzOffset` gives its usual answer, NaN).
  if (!(Math.abs(ms) <= MAX_DATE_MS)) return tzOffset(timeZone, new Date(ms));
  const off = offsetMs(timeZone, ms);
  return off % MINUTE_MS === 0 ? off / MINUTE_MS : tzOffset(timeZone, new Date(ms));
}

/**
 * Instant (epoch ms) of a wall time in `timeZone`, "compatible" at DST changes: the earlier of two
 * occurrences in an overlap; shifted forward by the gap inside a gap. NaN for an unknown zone.
 */
export function wallTimeToEpoch(
  timeZone: string,
  y: number,
  mo: number,
  d: number,
  h = 0,
  mi = 0,
  s = 0,
): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (timeZone === LOCAL_TIME_ZONE) return localWallTimeToEpoch(wall);
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  if (Number.isNaN(before) || Number.isNaN(after)) return NaN;
  // Candidates: the wall time read with the offset of the day before and of the day after; a
  // candidate is valid when the zone really has that offset at it. Both valid = overlap → earlier.
  const early = wall - before * MINUTE_MS;
  let found = (wall - early) / MINUTE_MS === offsetAt(timeZone, early) ? early : NaN;
  if (after !== before) {
    const late = wall - after * MINUTE_MS;
    if ((wall - late) / MINUTE_MS === offsetAt(timeZone, late) && !(found <= late)) found = late;
  }
  if (!Number.isNaN(found)) return found;
  // In the gap: read the wall time with the offset in force before the change (moves it forward).
  return wall - before * MINUTE_MS;
}

/**
 * `wall` (a wall time written as UTC) read in the environment's zone by `Date`'s local-time setters:
 * the spec's UTC(t) takes the earlier instant in an overlap and the offset before the change in a
 * gap — the rule above (dates.test.ts checks it against the IANA path). Set field by field from a
 * noon (never inside a DST gap), not `new Date(y, m, d, …)`: that constructor maps years 0–99 to
 * 1900–1999 again, after `Date.UTC` already did so for `wall` (the IANA path reads them that way too).
 */
function localWallTimeToEpoch(wall: number): number {
  if (Number.isNaN(wall)) return NaN;
  const w = new Date(wall);
  const t = new Date(2000, 0, 1, 12);
  t.setFullYear(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate());
  return t.setHours(w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds(), w.getUTCMilliseconds());
}

const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');

/** `2026-11-17T08:42:00-05:00`: the instant written in `timeZone`'s wall time and offset. */
export function formatInstant(epochMs: number, timeZone: string): string | undefined {
  const off = offsetAt(timeZone, epochMs);
  if (Number.isNaN(off) || Number.isNaN(epochMs)) return undefined;
  const w = new Date(epochMs + off * 60_000);
  const sign = off < 0 ? '-' : '+';
  return (
    `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}` +
    `T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}` +
    `${sign}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`
  );
}

/** Full parse: instant, calendar date and whether the text had a time. `undefined` if unsure. */
export function parsePsaDateTime(text: string | null | undefined, opts: ParseDateOptions): ParsedPsaDate | undefined {
  if (!text) return undefined;
  const cleaned = repair(text);
  if (cleaned.length === 0 || cleaned.length > 80) return undefined;
  const p = splitParts(cleaned, opts.dateOrder);
  if (!p) return undefined;
  let ms: number;
  if (p.offsetMin !== undefined) {
    ms = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - p.offsetMin * 60_000;
  } else if (!p.hasTime && opts.dateOnlyAs === 'endOfDay') {
    ms = wallTimeToEpoch(opts.timeZone, p.y, p.mo, p.d, 23, 59, 59);
  } else {
    ms = wallTimeToEpoch(opts.timeZone, p.y, p.mo, p.d, p.h, p.mi, p.s);
  }
  const instant = formatInstant(ms, opts.timeZone);
  if (!instant) return undefined;
  return { instant, date: instant.slice(0, 10), hasTime: p.hasTime };
}

/** PSA text → ISO instant with offset in `timeZone`, or `undefined` when not certain. */
export function parsePsaDate(text: string | null | undefined, opts: ParseDateOptions): string | undefined {
  return parsePsaDateTime(text, opts)?.instant;
}

/**
 * PSA text → calendar date `yyyy-MM-dd` (renewal dates, agreement start/end). A text with a time
 * and an explicit offset is converted to `timeZone` first; otherwise the printed day is the day.
 */
export function parsePsaCalendarDate(text: string | null | undefined, opts: ParseDateOptions): string | undefined {
  if (!text) return undefined;
  const p = splitParts(repair(text), opts.dateOrder);
  if (!p) return undefined;
  if (p.offsetMin !== undefined) return parsePsaDateTime(text, opts)?.date;
  return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}`;
}

/**
 * Day/month order proven by a column of dates on one page: a value such as `13/11/2026` proves DMY,
 * `11/13/2026` proves MDY. Conflicting proof or none → `undefined` (the caller falls back to the
 * user's setting). Dot-separated dates count as DMY evidence only when nothing else decides.
 */
export function inferDateOrder(samples: readonly string[]): 'MDY' | 'DMY' | undefined {
  let dmy = false;
  let mdy = false;
  let dotted = false;
  for (const raw of samples) {
    const m = /(?:^|\D)(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/.exec(repair(raw).replace(WEEKDAY, ''));
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12 && b >= 1) dmy = true;
    else if (b > 12 && a <= 12 && a >= 1) mdy = true;
    if (m[2] === '.') dotted = true;
  }
  if (dmy && mdy) return undefined;
  if (dmy) return 'DMY';
  if (mdy) return 'MDY';
  return dotted ? 'DMY' : undefined;
}

/**
 * Day/month order a locale writes numeric dates in (`en-US`/`en_US` → MDY, `de-DE`, `en-GB`, `fr` …
 * → DMY), from a page's `lang` attribute or a `locale=` URL parameter. Unknown or mixed locales
 * (`en`, `en-CA`) → `undefined`.
 */
export function localeDateOrder(tag: string | null | undefined): 'MDY' | 'DMY' | undefined {
  const t = (tag ?? '').trim().replace(/_/g, '-').toLowerCase();
  if (!t) return undefined;
  if (/^(?:en|es)-us\b/.test(t) || /^en-ph\b/.test(t)) return 'MDY';
  if (/^en-(?:gb|au|nz|ie|za|in|sg)\b/.test(t)) return 'DMY';
  if (/^(?:de|fr|nl|es|it|pt|sv|da|nb|nn|no|fi|pl|cs|sk|hu|ro|tr|ru|uk|el|he|is|et|lv|lt|sl|hr|sr|bg)(?:-|$)/.test(t)) {
    return t.startsWith('fr-ca') ? undefined : 'DMY';
  }
  return undefined;
}
