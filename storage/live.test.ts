import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { markDone, openCtas } from './ctas';
import type { MetronomeDb } from './db';
import { mergeCtas } from './recompute';
import { ctaSpec, freshDb } from './testing';

let db: MetronomeDb;
afterEach(async () => db?.delete());

describe('live queries over the repositories (how the side panel reads)', () => {
  it('openCtas re-emits when a CTA is marked done', async () => {
    db = freshDb();
    await db.ctas.bulkPut(mergeCtas([], [ctaSpec('a1', 'cx-down', '2026-11'), ctaSpec('a1', 'renewal-90', 'r')], 't', '2026-11-17T09:00:00.000Z').write);
    const seen: number[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const sub = liveQuery(() => openCtas(db, { asOf: new Date('2026-11-18T00:00:00Z') })).subscribe({
        next: (ctas) => {
          seen.push(ctas.length);
          if (ctas.length === 1) {
            sub.unsubscribe();
            resolve();
          }
        },
        error: reject,
      });
    });
    await new Promise((r) => setTimeout(r, 50));
    await markDone(db, 'a1:cx-down:2026-11', '2026-11-17T12:00:00.000Z');
    await done;
    expect(seen).toEqual([2, 1]);
  });
});
