/**
 * Command-line parsing shared by the `score`, `sample` and `bench` scripts: Node's own `parseArgs`
 * (strict: an unknown or malformed flag is an error, never ignored) plus the value checks the CLIs
 * share — integers, `--at` instants and IANA zones — all reported as `UsageError`s with the flag name.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { tzOffset } from '@date-fns/tz';
import { isValidTimeZone } from '../../engine/config/calendar';

/** A mistake in how the command was called: print the message (and usage), exit with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** `parseArgs` with strict checking; its errors become `UsageError`s with a readable message. */
export function parseCli<O extends OptionSpec>(argv: readonly string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (e) {
    const message = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(message);
  }
}

/** A whole number within [min, max]. */
export function parseIntFlag(value: string | undefined, flag: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`--${flag} must be a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`--${flag} must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** An IANA time zone such as `America/New_York`. */
export function parseTimeZone(value: string | undefined, flag: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (!isValidTimeZone(value)) throw new UsageError(`--${flag}: unknown time zone "${value}" (expected an IANA name such as Europe/Berlin)`);
  return value;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * The `--at` instant. Accepts
 * - an instant with offset or `Z` (`2026-11-17T08:42:00-05:00`),
 * - a local date-time (`2026-11-17T08:42`), read as wall time in `timeZone`,
 * - a date (`2026-11-17`), read as **noon** of that day in `timeZone` — the middle of the day, so the
 *   same date means the same day whatever the zone's offset.
 */
export function parseAt(value: string | undefined, timeZone: string, flag = 'at'): Date | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  const bad = () => new UsageError(`--${flag} must be an ISO date or date-time (2026-11-17, 2026-11-17T09:30, 2026-11-17T09:30:00-05:00), got "${value}"`);
  let ms: number;
  const d = DATE_ONLY.exec(v);
  const l = LOCAL_DATE_TIME.exec(v);
  if (d) ms = wallTime(timeZone, +d[1]!, +d[2]!, +d[3]!, 12, 0, 0);
  else if (l) {
    if (+l[4]! > 23 || +l[5]! > 59 || +(l[6] ?? 0) > 59) throw bad();
    ms = wallTime(timeZone, +l[1]!, +l[2]!, +l[3]!, +l[4]!, +l[5]!, +(l[6] ?? 0));
  }
  else if (WITH_OFFSET.test(v)) ms = Date.parse(v);
  else throw bad();
  if (!Number.isFinite(ms)) throw bad();
  // Reject calendar nonsense that Date would roll over (2026-02-31).
  const m = DATE_ONLY.exec(v.slice(0, 10));
  if (m) {
    const check = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
    if (check.getUTCMonth() !== +m[2]! - 1 || check.getUTCDate() !== +m[3]!) throw bad();
  }
  return new Date(ms);
}

/** Epoch ms of a wall-clock time in an IANA zone (two passes settle DST edges). */
export function wallTime(timeZone: string, y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  let ms = wall - tzOffset(timeZone, new Date(wall)) * 60_000;
  ms = wall - tzOffset(timeZone, new Date(ms)) * 60_000;
  return ms;
}

/** The machine's own zone (used when neither `--tz` nor the bundle's settings name one). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
