/** Teach-mode mappings (per host and page type) and page-drift events. */
import { mappingId, MappingRow } from '../engine/bundle';
import { zodErrors } from '../engine/config';
import type { PageType } from '../engine/signals';
import { cmpInstant, ValidationError } from './accounts';
import { isoNow, newId, type MetronomeDb } from './db';
import { DriftEvent } from './records';

export async function getMapping(db: MetronomeDb, host: string, pageType: PageType): Promise<MappingRow | undefined> {
  const m = await db.mappings.get(mappingId(host, pageType));
  return m && !m.deletedAt ? m : undefined;
}

/** Mappings taught on a host (all page types). */
export async function mappingsForHost(db: MetronomeDb, host: string): Promise<MappingRow[]> {
  const rows = await db.mappings.where('host').equals(host.toLowerCase()).toArray();
  return rows.filter((m) => !m.deletedAt);
}

export async function listMappings(db: MetronomeDb): Promise<MappingRow[]> {
  return (await db.mappings.toArray()).filter((m) => !m.deletedAt);
}

/** Create or replace the mapping for `host` + `pageType`. Throws `ValidationError` when invalid. */
export async function saveMapping(
  db: MetronomeDb,
  host: string,
  pageType: PageType,
  fields: Record<string, unknown>,
  opts: { now?: Date } = {},
): Promise<MappingRow> {
  const h = host.toLowerCase();
  const r = MappingRow.safeParse({ id: mappingId(h, pageType), host: h, pageType, fields, updatedAt: isoNow(opts.now) });
  if (!r.success) throw new ValidationError(zodErrors(r.error));
  await db.mappings.put(r.data);
  return r.data;
}

export async function deleteMapping(db: MetronomeDb, host: string, pageType: PageType, opts: { now?: Date } = {}): Promise<void> {
  const now = isoNow(opts.now);
  await db.mappings.update(mappingId(host, pageType), { deletedAt: now, updatedAt: now });
}

export type DriftInput = Omit<DriftEvent, 'id' | 'updatedAt' | 'deletedAt'>;

export async function recordDrift(db: MetronomeDb, event: DriftInput, opts: { now?: Date } = {}): Promise<DriftEvent> {
  const r = DriftEvent.safeParse({ ...event, host: event.host.toLowerCase(), id: newId('drift'), updatedAt: isoNow(opts.now) });
  if (!r.success) throw new ValidationError(zodErrors(r.error));
  await db.drift.put(r.data);
  return r.data;
}

/** Drift events, newest first, optionally for one host. */
export async function listDrift(db: MetronomeDb, opts: { host?: string; limit?: number } = {}): Promise<DriftEvent[]> {
  const rows = opts.host ? await db.drift.where('host').equals(opts.host.toLowerCase()).toArray() : await db.drift.toArray();
  const live = rows.filter((d) => !d.deletedAt).sort((a, b) => cmpInstant(b.at, a.at));
  return opts.limit ? live.slice(0, opts.limit) : live;
}

/** The latest drift event of each host + adapter + page type (what the side panel warns about). */
export async function latestDrift(db: MetronomeDb): Promise<DriftEvent[]> {
  const seen = new Map<string, DriftEvent>();
  for (const d of await listDrift(db)) {
    const k = `${d.host}|${d.adapter}|${d.pageType}`;
    if (!seen.has(k)) seen.set(k, d);
  }
  return [...seen.values()];
}
