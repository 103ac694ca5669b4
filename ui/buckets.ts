/**
 * Due-trigger grouping for the side panel: overdue / due within 7 days / next 30 days / later, and
 * the first-action clock (≤ 72 h after firing, DECISIONS §5). Pure.
 */
import type { Cta } from '../engine/model';
import { formatDuration } from '../recap/deadline';

import { BUCKETS, isActive, bucketOf, type Bucket } from '../engine/due';

export { BUCKETS, CTA_BUCKET_DAYS, isActive, bucketOf, type Bucket } from '../engine/due';
export const BUCKET_LABELS: Record<Bucket, string> = {
  overdue: 'Overdue',
  week: 'Due within 7 days',
  month: 'Next 30 days',
  later: 'Later',
};

export interface CtaGroups {
  overdue: Cta[];
  week: Cta[];
  month: Cta[];
  later: Cta[];
  /** Done, dismissed, snoozed (still sleeping) or resolved by the engine. */
  closed: Cta[];
}

export function groupCtas(ctas: readonly Cta[], now: Date): CtaGroups {
  const g: CtaGroups = { overdue: [], week: [], month: [], later: [], closed: [] };
  // Parse each due-by once (sorting thousands of CTAs would otherwise re-parse in every comparison).
  const due = new Map<Cta, number>();
  for (const c of ctas) {
    if (c.deletedAt) continue;
    due.set(c, Date.parse(c.dueBy));
    if (isActive(c, now)) g[bucketOf(c, now)].push(c);
    else g.closed.push(c);
  }
  const byDue = (a: Cta, b: Cta) => due.get(a)! - due.get(b)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const k of BUCKETS) g[k].sort(byDue);
  g.closed.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return g;
}

export interface FirstActionClock {
  state: 'done' | 'running' | 'late';
  label: string;
}

/** "First action: 41 h 10 min left" / "First action late by 5 h 00 min" / "First action logged". */
export function firstActionClock(c: Cta, now: Date): FirstActionClock {
  if (c.firstActionAt) return { state: 'done', label: 'First action logged' };
  const left = Date.parse(c.firstActionDue) - now.getTime();
  return left >= 0
    ? { state: 'running', label: `First action: ${formatDuration(left)} left` }
    : { state: 'late', label: `First action late by ${formatDuration(left)}` };
}
