/** Reading signals back (writes go through `ingest.ts`). */
import type { Signal, SignalKind, SignalOf } from '../engine/signals';
import { isoNow, type MetronomeDb } from './db';

/** Live (not deleted) signals of an account, optionally of one kind. */
export async function signalsFor(db: MetronomeDb, accountId: string): Promise<Signal[]>;
export async function signalsFor<K extends SignalKind>(db: MetronomeDb, accountId: string, kind: K): Promise<SignalOf<K>[]>;
export async function signalsFor(db: MetronomeDb, accountId: string, kind?: SignalKind): Promise<Signal[]> {
  const rows = kind
    ? await db.signals.where('[accountId+kind]').equals([accountId, kind]).toArray()
    : await db.signals.where('accountId').equals(accountId).toArray();
  return rows.filter((s) => !s.deletedAt);
}

export async function getSignal(db: MetronomeDb, id: string): Promise<Signal | undefined> {
  const s = await db.signals.get(id);
  return s && !s.deletedAt ? s : undefined;
}

/** Soft delete (e.g. a mis-logged meeting). Re-reading the page does not bring it back. */
export async function deleteSignal(db: MetronomeDb, id: string, opts: { now?: Date } = {}): Promise<boolean> {
  const now = isoNow(opts.now);
  return (await db.signals.update(id, { deletedAt: now, updatedAt: now })) === 1;
}

/** Count of live signals per kind for an account (data-coverage views). */
export async function signalCounts(db: MetronomeDb, accountId: string): Promise<Partial<Record<SignalKind, number>>> {
  const out: Partial<Record<SignalKind, number>> = {};
  for (const s of await signalsFor(db, accountId)) out[s.kind] = (out[s.kind] ?? 0) + 1;
  return out;
}
