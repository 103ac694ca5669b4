import { it, expect } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { recomputeAccounts } from './recompute';
import { ingestObservations } from './ingest';
import { freshDb, ticketObservation } from './testing';
it('real engine', async () => {
  const db = freshDb();
  const r0 = await ingestObservations(db, [ticketObservation(1, { name: 'Contoso' }, { sla: { responseMet: true, resolutionMet: true }, closedAt: '2026-11-16T10:00:00Z' })]);
  const r = await recomputeAccounts(db, r0.touchedAccountIds, new Date('2026-11-20T00:00:00Z'), DEFAULT_CONFIG);
  console.log(JSON.stringify(r), (await db.health.toArray()).map(h => h.overall), await db.segmentHistory.count(), await db.ctas.count());
  expect(r.failed).toEqual([]);
});
