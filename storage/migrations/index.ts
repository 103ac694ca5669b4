/**
 * Every schema version of the `metronome` database, declared in one place. Dexie replays this list
 * on open: a database at an older version is upgraded step by step and keeps its data.
 *
 * How to add a version (see README.md beside this file):
 *   1. Append `{ version: N + 1, stores: { …only the tables whose indexes change… }, upgrade?, note }`.
 *      Never edit or remove an entry that has shipped.
 *   2. `stores` strings list the primary key first, then indexes (Dexie syntax). Only indexed
 *      fields go there; other fields are stored anyway. `null` drops a table.
 *   3. Data changes go in `upgrade(tx)`: idempotent, table by table (`tx.table('x').toCollection().modify(...)`).
 *   4. Add a test in `migrations.test.ts` that opens a database at N with data, upgrades to N + 1
 *      and checks the data is kept and transformed.
 */
import type Dexie from 'dexie';
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  /** Dexie store definitions that this version adds or changes. */
  stores: Record<string, string | null>;
  /** Data migration run once when a database is upgraded to this version. */
  upgrade?: (tx: Transaction) => PromiseLike<unknown> | void;
  /** One line on what changed and why. */
  note: string;
}

/**
 * Sync-ready conventions for every table: string primary keys (never auto-increment), `updatedAt` on
 * every row, soft deletes via `deletedAt`.
 *
 * Note: `sample` (a boolean) is not indexed — IndexedDB cannot index booleans; sample rows are
 * found with a filtered scan (`removeSampleData`).
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    note: 'initial schema',
    stores: {
      accounts: 'id, name, updatedAt',
      signals: 'id, accountId, kind, [accountId+kind], observedAt, updatedAt',
      ctas: 'id, accountId, status, [accountId+status], dueBy, updatedAt',
      snapshots: 'id, accountId, month, updatedAt',
      health: 'accountId, overall, updatedAt',
      segmentHistory: 'id, accountId, [accountId+at], updatedAt',
      settings: 'key, updatedAt',
      mappings: 'id, host, [host+pageType], updatedAt',
      drift: 'id, host, [host+pageType], at',
      pending: 'id, receivedAt',
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** Declare `versions` on a Dexie instance (before it is opened). */
export function declareVersions(db: Dexie, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): void {
  let previous = 0;
  for (const v of versions) {
    if (v.version <= previous) throw new Error(`schema versions must increase: ${v.version} after ${previous}`);
    previous = v.version;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}
