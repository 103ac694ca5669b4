/** Monthly snapshots and the latest stored health per account (written by `recompute.ts`). */
import type { MonthlySnapshot } from '../engine/model';
import type { MetronomeDb } from './db';
import type { HealthRow } from './records';

/** Frozen months of an account, oldest first. */
export async function snapshotsFor(db: MetronomeDb, accountId: string): Promise<MonthlySnapshot[]> {
  const rows = await db.snapshots.where('accountId').equals(accountId).toArray();
  return rows.filter((s) => !s.deletedAt).sort((a, b) => a.month.localeCompare(b.month));
}

export const snapshotId = (accountId: string, month: string): string => `${accountId}:${month}`;

export async function healthFor(db: MetronomeDb, accountId: string): Promise<HealthRow | undefined> {
  const h = await db.health.get(accountId);
  return h && !h.deletedAt ? h : undefined;
}

/** Stored health of every account (portfolio views). */
export async function listHealth(db: MetronomeDb): Promise<HealthRow[]> {
  return (await db.health.toArray()).filter((h) => !h.deletedAt);
}
