/**
 * The `metronome` IndexedDB database (Dexie 4). Schema versions live in `migrations/index.ts`.
 * Repositories (`accounts.ts`, `signals.ts`, `ctas.ts`, …) are the only code that reads and writes
 * tables; the UI builds live queries over them (`useLiveQuery(() => listAccounts(db))`).
 */
import Dexie, { type Table } from 'dexie';
import type { MappingRow, SegmentChange, SettingRow } from '../engine/bundle';
import type { Cta, MonthlySnapshot } from '../engine/model';
import type { Account, Signal } from '../engine/signals';
import { declareVersions, SCHEMA_VERSIONS, type SchemaVersion } from './migrations';
import type { DriftEvent, HealthRow, PendingReading } from './records';

export const DB_NAME = 'metronome';

export class MetronomeDb extends Dexie {
  accounts!: Table<Account, string>;
  signals!: Table<Signal, string>;
  ctas!: Table<Cta, string>;
  snapshots!: Table<MonthlySnapshot, string>;
  health!: Table<HealthRow, string>;
  segmentHistory!: Table<SegmentChange, string>;
  settings!: Table<SettingRow, string>;
  mappings!: Table<MappingRow, string>;
  drift!: Table<DriftEvent, string>;
  pending!: Table<PendingReading, string>;

  constructor(name: string = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    declareVersions(this, versions);
  }
}

/** A database handle; tests pass a fresh name each (`openDb(\`t-${crypto.randomUUID()}\`)`). */
export function openDb(name: string = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): MetronomeDb {
  return new MetronomeDb(name, versions);
}

let shared: MetronomeDb | undefined;
/** The extension's one database (background and UI pages each get their own handle to it). */
export function getDb(): MetronomeDb {
  shared ??= openDb();
  return shared;
}

/** Every table that holds user data, in the order a full wipe or import touches them. */
export const DATA_TABLES = [
  'accounts',
  'signals',
  'ctas',
  'snapshots',
  'health',
  'segmentHistory',
  'settings',
  'mappings',
  'drift',
  'pending',
] as const;

/** Current time as an ISO instant (UTC); injectable `now` everywhere for tests. */
export const isoNow = (now: Date = new Date()): string => now.toISOString();

/** A fresh string id (sync-ready: no auto-increment). */
export const newId = (prefix: string): string => `${prefix}-${crypto.randomUUID()}`;
