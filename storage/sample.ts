/**
 * The sample portfolio is removable in one click: every row it created carries `sample: true`.
 * IndexedDB cannot index booleans, so this is a filtered scan — fine for an occasional action.
 */
import type { MetronomeDb } from './db';
import { SETTING_KEYS } from './settings';

export interface SampleRemoval {
  accounts: number;
  signals: number;
  ctas: number;
  other: number;
}

export async function removeSampleData(db: MetronomeDb): Promise<SampleRemoval> {
  return db.transaction('rw', [db.accounts, db.signals, db.ctas, db.snapshots, db.health, db.segmentHistory, db.settings], async () => {
    const accountIds = (await db.accounts.filter((a) => a.sample === true).primaryKeys()) as string[];
    const ofSample = new Set(accountIds);
    const signals = await db.signals.filter((s) => s.sample === true || ofSample.has(s.accountId)).delete();
    const ctas = await db.ctas.filter((c) => c.sample === true || ofSample.has(c.accountId)).delete();
    let other = 0;
    other += await db.snapshots.where('accountId').anyOf(accountIds).delete();
    other += await db.health.where('accountId').anyOf(accountIds).delete();
    other += await db.segmentHistory.where('accountId').anyOf(accountIds).delete();
    await db.accounts.bulkDelete(accountIds);
    await db.settings.delete(SETTING_KEYS.sampleLoaded);
    return { accounts: accountIds.length, signals, ctas, other };
  });
}
