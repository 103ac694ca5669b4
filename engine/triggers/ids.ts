/**
 * Stable CTA ids: one CTA per account, trigger and period (`${accountId}:${trigger}:${period}`), so
 * re-running the engine, or running it a week later, updates the same CTA instead of adding one.
 */
import { localDate, localMonth } from '../time/business';

export function ctaId(accountId: string, trigger: string, period: string): string {
  return `${accountId}:${trigger}:${period}`;
}

/** Period of a calendar month in the user's time zone (`2026-11`). */
export function monthPeriod(instant: Date, timeZone: string): string {
  return localMonth(instant, timeZone);
}

/** Period named after a dated event (`renewal-2027-03-31`, `since-2026-11-04`). */
export function datedPeriod(prefix: string, instant: Date, timeZone: string): string {
  return `${prefix}-${localDate(instant, timeZone)}`;
}

/** Period tied to a record (`decision-dec-17`, `meeting-m-4`). Colons are replaced to keep ids splittable. */
export function recordPeriod(prefix: string, recordId: string): string {
  return `${prefix}-${recordId.replaceAll(':', '_')}`;
}
