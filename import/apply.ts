/**
 * Store a parsed CSV import: all or nothing (PRODUCT §5). A result with any error, an unmapped
 * header set or an undecided date order stores nothing; otherwise every observation goes through
 * `ingestObservations` in one call (one transaction), so accounts resolve exactly as page readings do.
 */
import type { MetronomeDb } from '../storage/db';
import { ingestObservations, IngestValidationError, type IngestObservationsResult } from '../storage/ingest';
import type { CsvError, CsvImportResult } from './csv';

export type ApplyCsvResult = { ok: true; ingest: IngestObservationsResult } | { ok: false; errors: CsvError[] };

export async function applyCsvImport(
  db: MetronomeDb,
  parsed: CsvImportResult,
  opts: { now?: Date; newAccountId?: () => string } = {},
): Promise<ApplyCsvResult> {
  if (parsed.errors.length) return { ok: false, errors: parsed.errors };
  if (parsed.needsMapping) return { ok: false, errors: [{ row: 1, message: 'map the columns first' }] };
  if (parsed.needsDateOrder) return { ok: false, errors: [{ row: 1, message: 'choose the date order first' }] };
  if (parsed.observations.length === 0) return { ok: false, errors: [{ row: 2, message: 'nothing to import' }] };
  try {
    const ingest = await ingestObservations(db, parsed.observations, opts);
    return { ok: true, ingest };
  } catch (e) {
    if (e instanceof IngestValidationError)
      return {
        ok: false,
        errors: e.issues.map((i) => ({ row: parsed.observationRows[i.index] ?? 0, message: `${i.path}: ${i.message}` })),
      };
    throw e;
  }
}
