/**
 * Which CTAs are due work, and how soon: the one rule the toolbar badge, the in-page pill, the side
 * panel and the dashboard share. Group edges are UI grouping, not methodology thresholds.
 */
import type { Cta } from './model';

export const CTA_BUCKET_DAYS = { soon: 7, horizon: 30 } as const;
export const BUCKETS = ['overdue', 'week', 'month', 'later'] as const;
export type Bucket = (typeof BUCKETS)[number];

const DAY_MS = 86_400_000;

type CtaState = Pick<Cta, 'status' | 'snoozedUntil' | 'deletedAt' | 'resolvedByEngineAt'>;

/** Due work now: open, or a snooze that has ended; not deleted, not resolved by the engine. */
export function isActive(c: CtaState, now: Date): boolean {
  if (c.deletedAt || c.resolvedByEngineAt) return false;
  if (c.status === 'open') return true;
  return c.status === 'snoozed' && (!c.snoozedUntil || Date.parse(c.snoozedUntil) <= now.getTime());
}

export function bucketOf(c: Pick<Cta, 'dueBy'>, now: Date): Bucket {
  const left = Date.parse(c.dueBy) - now.getTime();
  if (left < 0) return 'overdue';
  if (left <= CTA_BUCKET_DAYS.soon * DAY_MS) return 'week';
  if (left <= CTA_BUCKET_DAYS.horizon * DAY_MS) return 'month';
  return 'later';
}

/** Active CTAs overdue or due within a week: the number on the badge, the pill and the Due tab. */
export function dueCount(ctas: readonly (CtaState & Pick<Cta, 'dueBy'>)[], now: Date): number {
  let n = 0;
  for (const c of ctas) if (isActive(c, now) && Date.parse(c.dueBy) - now.getTime() <= CTA_BUCKET_DAYS.soon * DAY_MS) n++;
  return n;
}
