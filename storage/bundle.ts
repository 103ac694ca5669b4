/**
 * Export and import of the whole database as a Metronome bundle (format: `engine/bundle.ts`,
 * docs/bundle.md).
 *
 * - `exportBundle` is lossless: every row of every bundled table, soft-deleted rows included (they
 *   are tombstones a later sync or merge needs). Derived tables (`health`) and logs (`drift`,
 *   `pending`) are not exported; `recomputeAccounts` rebuilds health after an import.
 * - `importBundle` validates the whole file first (`parseBundle`), then applies it in ONE
 *   transaction. An invalid file changes nothing.
 *   - `replace`: the bundled tables (and the derived `health`) are cleared, then filled.
 *   - `merge`: a bundle row replaces the stored row with the same id unless the stored row is newer
 *     (`updatedAt` later than the bundle's); rows only in storage are kept.
 */
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  parseBundle,
  type Bundle,
  type BundleError,
} from '../engine/bundle';
import { isoNow, type MetronomeDb } from './db';

export async function exportBundle(db: MetronomeDb, opts: { now?: Date } = {}): Promise<Bundle> {
  return db.transaction(
    'r',
    [db.accounts, db.signals, db.ctas, db.snapshots, db.segmentHistory, db.settings, db.mappings],
    async () => ({
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      exportedAt: isoNow(opts.now),
      accounts: await db.accounts.toArray(),
      signals: await db.signals.toArray(),
      ctas: await db.ctas.toArray(),
      snapshots: await db.snapshots.toArray(),
      segmentHistory: await db.segmentHistory.toArray(),
      settings: await db.settings.toArray(),
      mappings: await db.mappings.toArray(),
    }),
  );
}

export type ImportMode = 'merge' | 'replace';

export interface ImportCounts {
  accounts: number;
  signals: number;
  ctas: number;
  snapshots: number;
  segmentHistory: number;
  settings: number;
  mappings: number;
}

export type ImportResult =
  | {
      ok: true;
      mode: ImportMode;
      /** Rows written per table (merge skips rows whose stored copy is newer). */
      written: ImportCounts;
      /** Accounts to recompute. */
      touchedAccountIds: string[];
    }
  | { ok: false; errors: BundleError[] };

export async function importBundle(
  db: MetronomeDb,
  json: unknown,
  opts: { mode: ImportMode } = { mode: 'merge' },
): Promise<ImportResult> {
  const parsed = parseBundle(json);
  if (!parsed.ok) return parsed;
  const b = parsed.bundle;
  const mode = opts.mode;
  const tables = [db.accounts, db.signals, db.ctas, db.snapshots, db.segmentHistory, db.settings, db.mappings, db.health];

  return db.transaction('rw', tables, async () => {
    if (mode === 'replace') for (const t of tables) await t.clear();

    const written: ImportCounts = {
      accounts: await put(db.accounts, b.accounts, (r) => r.id, mode),
      signals: await put(db.signals, b.signals, (r) => r.id, mode),
      ctas: await put(db.ctas, b.ctas ?? [], (r) => r.id, mode),
      snapshots: await put(db.snapshots, b.snapshots ?? [], (r) => r.id, mode),
      segmentHistory: await put(db.segmentHistory, b.segmentHistory ?? [], (r) => r.id, mode),
      settings: await put(db.settings, b.settings ?? [], (r) => r.key, mode),
      mappings: await put(db.mappings, b.mappings ?? [], (r) => r.id, mode),
    };
    const touched = new Set(b.accounts.filter((a) => !a.deletedAt).map((a) => a.id));
    return { ok: true as const, mode, written, touchedAccountIds: [...touched].sort() };
  });
}

const CHUNK = 1000;

interface Putable<T> {
  bulkGet(keys: string[]): Promise<(T | undefined)[]>;
  bulkPut(items: readonly T[]): Promise<unknown>;
}

async function put<T extends { updatedAt?: string }>(
  table: Putable<T>,
  rows: readonly T[],
  key: (r: T) => string,
  mode: ImportMode,
): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    let chunk = rows.slice(i, i + CHUNK);
    if (mode === 'merge') {
      const stored = await table.bulkGet(chunk.map(key));
      chunk = chunk.filter((r, j) => !isNewer(stored[j]?.updatedAt, r.updatedAt));
    }
    if (chunk.length) await table.bulkPut(chunk);
    written += chunk.length;
  }
  return written;
}

/** Is the stored copy strictly newer than the incoming one? Rows without `updatedAt` never are. */
function isNewer(stored: string | undefined, incoming: string | undefined): boolean {
  if (!stored || !incoming) return false;
  return Date.parse(stored) > Date.parse(incoming);
}
