/** Portfolio-wide operations: sample data, imports, settings, reset, full recompute. */
import { browser } from 'wxt/browser';
import type { Observation } from '../../../content-scripts/core/types';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../../../engine/bundle';
import type { z } from 'zod';
import { saveCsvMapping } from '../../../import/saved-mappings';
import { RETENTION_DAYS, RETENTION_SETTING_KEY, type ImportCsvMessage, type Reply } from '../../../messaging/protocol';
import { generatePortfolio } from '../../../sample/generate';
import {
  DATA_TABLES,
  getSetting,
  importBundle,
  ingestObservations,
  IngestValidationError,
  removeSampleData,
  setConfigOverrides,
  setSetting,
  SETTING_KEYS,
  type ImportMode,
} from '../../../storage';
import { currentConfig, db, recompute, recomputeAll } from '../services';

export async function loadSample(): Promise<Reply<{ accounts: number; signals: number }>> {
  const config = await currentConfig();
  const asOf = new Date();
  const { accounts, signals } = generatePortfolio({ asOf, timeZone: config.calendar.timeZone });
  const bundle = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: asOf.toISOString(), accounts, signals };
  const result = await importBundle(db(), bundle, { mode: 'merge' });
  if (!result.ok) return { ok: false, error: 'the sample portfolio did not validate', errors: result.errors };
  await setSetting(db(), SETTING_KEYS.sampleLoaded, true);
  await recompute(result.touchedAccountIds);
  return { ok: true, data: { accounts: accounts.length, signals: signals.length } };
}

export async function removeSample(): Promise<Reply> {
  const removed = await removeSampleData(db());
  await setSetting(db(), SETTING_KEYS.sampleLoaded, false);
  return { ok: true, data: removed };
}

export async function importJson(json: unknown, mode: ImportMode): Promise<Reply> {
  const result = await importBundle(db(), json, { mode });
  if (!result.ok) return { ok: false, error: `The file was not imported (${result.errors.length} problem(s)); nothing changed.`, errors: result.errors };
  await recompute(result.touchedAccountIds);
  return { ok: true, data: result };
}

export async function saveConfig(overrides: unknown): Promise<Reply> {
  const r = await setConfigOverrides(db(), overrides);
  if (!r.ok) return { ok: false, error: 'Settings not saved: some values are invalid.', errors: r.errors };
  await recomputeAll();
  return { ok: true, data: r.config };
}

export async function resetAll(): Promise<Reply> {
  const d = db();
  await d.transaction('rw', DATA_TABLES.map((t) => d.table(t)), async () => {
    for (const t of DATA_TABLES) await d.table(t).clear();
  });
  await browser.storage.session.clear();
  return { ok: true };
}

export async function recomputeRequested(accountIds?: string[]): Promise<Reply<{ accounts: number }>> {
  if (accountIds) {
    await recompute(accountIds);
    return { ok: true, data: { accounts: accountIds.length } };
  }
  return { ok: true, data: { accounts: await recomputeAll() } };
}

/**
 * Options → CSV ticket import: all-or-nothing (any invalid observation rejects the whole file). A
 * column mapping the user made is remembered for files with the same headers.
 */
export async function importCsv(msg: z.infer<typeof ImportCsvMessage>): Promise<Reply> {
  try {
    const result = await ingestObservations(db(), msg.observations as Observation[]);
    if (msg.source.format === 'mapped') await saveCsvMapping(db(), msg.source.headers, msg.source.mapping, msg.source.dateOrder);
    await recompute(result.touchedAccountIds);
    return { ok: true, data: result };
  } catch (e) {
    if (e instanceof IngestValidationError)
      return {
        ok: false,
        error: `Nothing was imported: ${e.issues.length} row problem(s).`,
        errors: e.issues.map((i) => ({ path: `observations.${i.index}.${i.path}`, message: i.message })),
      };
    throw e;
  }
}

export async function clearDrift(host?: string): Promise<Reply> {
  const d = db();
  const rows = await d.drift.toArray();
  await d.drift.bulkDelete(rows.filter((r) => !host || r.host === host).map((r) => r.id));
  return { ok: true };
}

export async function setRetention(days: number): Promise<Reply> {
  await setSetting(db(), RETENTION_SETTING_KEY, days);
  return { ok: true, data: await pruneSignals() };
}

/**
 * Data retention: signals observed longer ago than the retention period are deleted for good
 * (frozen monthly snapshots keep the trends). Account facts are never pruned.
 */
export async function pruneSignals(now = new Date()): Promise<{ pruned: number }> {
  const d = db();
  const days = (await getSetting<number>(d, RETENTION_SETTING_KEY)) ?? RETENTION_DAYS.default;
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const old = await d.signals.where('observedAt').below(cutoff).filter((s) => s.kind !== 'accountFacts').primaryKeys();
  await d.signals.bulkDelete(old);
  return { pruned: old.length };
}
