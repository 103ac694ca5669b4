/**
 * "Map the columns once": a user's column mapping (and date order) for a CSV layout Metronome does
 * not recognise is remembered per header set, in settings, and offered the next time a file with
 * the same headers is dropped.
 */
import type { MetronomeDb } from '../storage/db';
import { getSetting, setSetting } from '../storage/settings';
import { normaliseHeader, TICKET_FIELDS, type ColumnMapping } from './csv';

export interface SavedCsvMapping {
  headers: string[];
  mapping: ColumnMapping;
  dateOrder?: 'MDY' | 'DMY';
}

/** Settings key for a header set: order and case of the headers do not matter. */
export function csvMappingKey(headers: readonly string[]): string {
  const text = [...new Set(headers.map(normaliseHeader))].sort().join('\u0000');
  // FNV-1a, 32 bit: short and stable; the stored headers are compared too, so a collision is harmless.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `csvMapping:${h.toString(16).padStart(8, '0')}`;
}

const sameHeaders = (a: readonly string[], b: readonly string[]) =>
  [...new Set(a.map(normaliseHeader))].sort().join('\u0000') === [...new Set(b.map(normaliseHeader))].sort().join('\u0000');

export async function saveCsvMapping(
  db: MetronomeDb,
  headers: readonly string[],
  mapping: ColumnMapping,
  dateOrder?: 'MDY' | 'DMY',
): Promise<void> {
  const clean = Object.fromEntries(
    Object.entries(mapping).filter(([f, c]) => (TICKET_FIELDS as readonly string[]).includes(f) && typeof c === 'string' && headers.includes(c)),
  );
  const value: SavedCsvMapping = { headers: [...headers], mapping: clean, ...(dateOrder ? { dateOrder } : {}) };
  await setSetting(db, csvMappingKey(headers), value);
}

export async function savedCsvMapping(db: MetronomeDb, headers: readonly string[]): Promise<SavedCsvMapping | undefined> {
  const v = await getSetting<SavedCsvMapping>(db, csvMappingKey(headers));
  return v && Array.isArray(v.headers) && sameHeaders(v.headers, headers) ? v : undefined;
}
