/**
 * Storage: the only code that touches IndexedDB. Background handlers and UI pages import from here.
 * UI pages read through live queries: `useLiveQuery(() => openCtas(getDb()), [])`.
 */
export { DB_NAME, DATA_TABLES, getDb, MetronomeDb, openDb } from './db';
export * from './accounts';
export * from './signals';
export * from './ctas';
export * from './snapshots';
export * from './settings';
export * from './mappings';
export * from './pending';
export * from './ingest';
export * from './recompute';
export * from './bundle';
export * from './sample';
export type { DriftEvent, HealthRow, PendingReading } from './records';
export type { MappingRow, SegmentChange, SettingRow } from '../engine/bundle';
