/**
 * Import / export helpers of the options page, pure: the backup file name, what kind of file was
 * dropped, a bundle's counts for the preview, and why a CSV import cannot be applied yet.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Bundle } from '../../engine/bundle';
import type { CsvError, CsvImportResult, PsaFormat } from '../../import/csv';
import type { Observation } from '../../content-scripts/core/types';
import { hostOf } from '../../content-scripts/hosts';
import { checkSelfHostedOrigin } from './origins';

/** Larger files are refused before reading (a backup of a big portfolio is a few MB). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** Rows shown in the CSV preview table. */
export const PREVIEW_ROWS = 20;
/** Error lines listed before "and N more". */
export const MAX_LISTED_ERRORS = 200;

/** `metronome-backup-2026-11-30.json`, the date in the user's time zone. */
export function backupFileName(now: Date, timeZone: string): string {
  return `metronome-backup-${format(new TZDate(now.getTime(), timeZone), 'yyyy-MM-dd')}.json`;
}

export type FileKind = 'bundle' | 'csv';

/** By extension first, then by content (a bundle is a JSON object). */
export function fileKind(name: string, text: string): FileKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'bundle';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'bundle' : 'csv';
}

export interface BundleSummary {
  exportedAt: string;
  accounts: number;
  signals: number;
  ctas: number;
  snapshots: number;
  settings: number;
  mappings: number;
  /** Rows of the sample portfolio among the accounts. */
  sampleAccounts: number;
}

export function bundleSummary(b: Bundle): BundleSummary {
  const live = <T extends { deletedAt?: string }>(rows: readonly T[] | undefined) => (rows ?? []).filter((r) => !r.deletedAt).length;
  return {
    exportedAt: b.exportedAt,
    accounts: live(b.accounts),
    signals: live(b.signals),
    ctas: live(b.ctas),
    snapshots: live(b.snapshots),
    settings: live(b.settings),
    mappings: live(b.mappings),
    sampleAccounts: b.accounts.filter((a) => !a.deletedAt && a.sample === true).length,
  };
}

export const PSA_NAMES: Record<PsaFormat, string> = {
  connectwise: 'ConnectWise PSA',
  autotask: 'Autotask',
  halopsa: 'HaloPSA',
};

/** One line about the columns: recognised PSA, the user's mapping, or not recognised. */
export function columnsVerdict(r: CsvImportResult): string {
  if (r.format === 'mapped') return 'Columns read with your mapping.';
  if (r.format) return `${PSA_NAMES[r.format]} ticket export recognised.`;
  if (r.needsMapping) return 'These columns match no known PSA export: choose which column holds each field.';
  return 'The file could not be read.';
}

/**
 * Why Apply is not possible yet (empty = it can be applied). All-or-nothing: any row error blocks
 * the whole file (PRODUCT §5).
 */
export function csvBlockers(r: CsvImportResult): string[] {
  const out: string[] = [];
  if (r.needsMapping) out.push('Choose the columns for the required fields.');
  if (r.needsDateOrder) out.push('Choose the date order (month/day or day/month).');
  const rowErrors = r.errors.length;
  if (rowErrors) out.push(`${rowErrors} problem${rowErrors === 1 ? '' : 's'} to fix in the file; nothing is imported until there are none.`);
  if (!rowErrors && !r.needsMapping && r.observations.length === 0) out.push('The file has no ticket rows.');
  return out;
}

export function formatCsvError(e: CsvError): string {
  return `Row ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.message}`;
}

export interface PreviewRow {
  row: number;
  ticket?: Extract<Observation, { kind: 'ticket' }>;
  errors: CsvError[];
}

/** The first rows of the file: each one's parsed ticket, or its errors. */
export function previewRows(r: CsvImportResult, limit = PREVIEW_ROWS): PreviewRow[] {
  const byRow = new Map<number, Extract<Observation, { kind: 'ticket' }>>();
  r.observationRows.forEach((row, i) => {
    const o = r.observations[i];
    if (o && o.kind === 'ticket') byRow.set(row, o);
  });
  const out: PreviewRow[] = [];
  for (let row = 2; row < 2 + Math.min(limit, r.rows); row++)
    out.push({ row, ...(byRow.has(row) ? { ticket: byRow.get(row)! } : {}), errors: r.errors.filter((e) => e.row === row) });
  return out;
}

/** "yes" / "no" / "" for an SLA flag. */
export function yesNo(v: boolean | undefined): string {
  return v === undefined ? '' : v ? 'met' : 'missed';
}

/**
 * The PSA host typed for a CSV import (`acme.myconnectwise.net`), so imported ticket ids match the
 * ones read on its pages. Empty → none (the import uses `csv-import`).
 */
export function importHost(input: string): { ok: true; host?: string } | { ok: false; reason: string } {
  if (!input.trim()) return { ok: true };
  // A pasted ticket URL is fine: keep its host only.
  const hostPart = input.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#]/)[0]!;
  const r = checkSelfHostedOrigin(hostPart);
  if (!r.ok) return { ok: false, reason: r.reason };
  const host = hostOf(r.pattern);
  if (host.startsWith('*.')) return { ok: false, reason: 'Enter one host, without a wildcard' };
  return { ok: true, host };
}
