import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Observation } from '../content-scripts/core/types';
import type { MetronomeDb } from './db';
import * as ingest from './ingest';
import { countPending, drainPending, enqueuePending } from './pending';
import { freshDb, ticketObservation } from './testing';

let db: MetronomeDb;
afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
});
const T0 = new Date('2026-11-17T09:00:00.000Z');

describe('pending readings (PRODUCT: ingestion survives the worker being stopped)', () => {
  it('a queued reading is ingested and removed in the same transaction; draining twice is harmless', async () => {
    db = freshDb();
    await enqueuePending(db, [ticketObservation(1, { name: 'Contoso' })], { now: T0 });
    expect(await countPending(db)).toBe(1);
    const r = await drainPending(db, { now: T0 });
    expect(r.ingested).toHaveLength(1);
    expect(r.touchedAccountIds).toHaveLength(1);
    expect(await countPending(db)).toBe(0);
    expect(await db.signals.count()).toBe(1);
    expect((await drainPending(db, { now: T0 })).ingested).toEqual([]);
  });

  it('an invalid reading is rejected and removed; a transient failure is kept and counted', async () => {
    db = freshDb();
    const bad = { ...ticketObservation(2, { name: 'X' }), openedAt: 'soon' } as unknown as Observation;
    await enqueuePending(db, [bad], { now: T0 });
    const r1 = await drainPending(db, { now: T0 });
    expect(r1.rejected).toHaveLength(1);
    expect(await countPending(db)).toBe(0);

    const id = await enqueuePending(db, [ticketObservation(3, { name: 'Y' })], { now: T0 });
    vi.spyOn(ingest, 'ingestObservations').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const r2 = await drainPending(db, { now: T0 });
    expect(r2.failed).toEqual([{ id, message: 'QuotaExceededError' }]);
    expect(await db.pending.get(id)).toMatchObject({ attempts: 1, lastError: 'QuotaExceededError' });
  });

  it('if the transaction aborts, the pending row survives with the data unwritten', async () => {
    db = freshDb();
    const id = await enqueuePending(db, [ticketObservation(4, { name: 'Z' })], { now: T0 });
    vi.spyOn(db.signals, 'bulkPut').mockRejectedValueOnce(new Error('worker stopped'));
    const r = await drainPending(db, { now: T0 });
    expect(r.failed.map((f) => f.id)).toEqual([id]);
    expect(await db.accounts.count()).toBe(0);
    expect(await db.signals.count()).toBe(0);
    expect(await countPending(db)).toBe(1);
  });
});
