/**
 * Which CTAs are due: the one rule the badge, the in-page pill, the side panel and the dashboard
 * share. A CTA is live while open, or snoozed past its snooze date.
 */
import type { Cta } from './model';

export const DUE_SOON_DAYS = 7;
const DAY_MS = 86_400_000;

export function isLive(cta: Pick<Cta, 'status' | 'snoozedUntil' | 'deletedAt'>, now: Date): boolean {
  if (cta.deletedAt) return false;
  if (cta.status === 'open') return true;
  return cta.status === 'snoozed' && cta.snoozedUntil !== undefined && Date.parse(cta.snoozedUntil) <= now.getTime();
}

export type DueBucket = 'overdue' | 'week' | 'month' | 'later';

export function dueBucket(cta: Pick<Cta, 'dueBy'>, now: Date): DueBucket {
  const left = Date.parse(cta.dueBy) - now.getTime();
  if (left < 0) return 'overdue';
  if (left <= DUE_SOON_DAYS * DAY_MS) return 'week';
  if (left <= 30 * DAY_MS) return 'month';
  return 'later';
}

/** Live CTAs overdue or due within a week: the number on the badge and the pill. */
export function dueCount(ctas: readonly Cta[], now: Date): number {
  let n = 0;
  for (const c of ctas) if (isLive(c, now) && (dueBucket(c, now) === 'overdue' || dueBucket(c, now) === 'week')) n++;
  return n;
}
