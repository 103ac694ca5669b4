/**
 * Readings not yet ingested. The background stores a reading here first (one small write), then
 * ingests it; `ingestObservations` deletes the pending row in the same transaction, so a service
 * worker stopped at any moment leaves either the pending row or the ingested data, never neither.
 */
import type { Observation } from '../content-scripts/core/types';
import { isoNow, newId, type MetronomeDb } from './db';
import { ingestObservations, IngestValidationError } from './ingest';

export async function enqueuePending(db: MetronomeDb, observations: Observation[], opts: { now?: Date } = {}): Promise<string> {
  const now = isoNow(opts.now);
  const id = newId('pending');
  await db.pending.put({ id, observations, receivedAt: now, attempts: 0, updatedAt: now });
  return id;
}

export async function countPending(db: MetronomeDb): Promise<number> {
  return db.pending.count();
}

export interface DrainResult {
  ingested: string[];
  /** Invalid readings: removed, with the reason (retrying cannot fix them). */
  rejected: { id: string; message: string }[];
  /** Failed for another reason: kept with `attempts` + 1, retried on the next drain. */
  failed: { id: string; message: string }[];
  touchedAccountIds: string[];
}

/** Ingest every pending reading, oldest first. Safe to run twice (ingest is idempotent). */
export async function drainPending(db: MetronomeDb, opts: { now?: Date; maxAttempts?: number } = {}): Promise<DrainResult> {
  const maxAttempts = opts.maxAttempts ?? 5;
  const out: DrainResult = { ingested: [], rejected: [], failed: [], touchedAccountIds: [] };
  const touched = new Set<string>();
  for (const p of await db.pending.orderBy('receivedAt').toArray()) {
    try {
      const r = await ingestObservations(db, p.observations, { now: opts.now, pendingId: p.id });
      r.touchedAccountIds.forEach((id) => touched.add(id));
      out.ingested.push(p.id);
    } catch (e) {
      const message = (e as Error).message;
      if (e instanceof IngestValidationError || p.attempts + 1 >= maxAttempts) {
        await db.pending.delete(p.id);
        out.rejected.push({ id: p.id, message });
      } else {
        await db.pending.update(p.id, { attempts: p.attempts + 1, lastError: message, updatedAt: isoNow(opts.now) });
        out.failed.push({ id: p.id, message });
      }
    }
  }
  out.touchedAccountIds = [...touched].sort();
  return out;
}
