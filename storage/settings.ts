/**
 * Key/value settings. The user's configuration is stored as *overrides* (key `config`) over
 * `DEFAULT_CONFIG` and always goes through `resolveConfig`: an invalid override returns its errors
 * and stores nothing. The time zone is part of the configuration (`calendar.timeZone`).
 */
import { z } from 'zod';
import { CONFIG_SETTING_KEY } from '../engine/bundle';
import {
  deepMerge,
  DEFAULT_CONFIG,
  resolveConfig,
  type ConfigError,
  type ConfigResult,
  type MetronomeConfig,
} from '../engine/config';
import { ValidationError } from './accounts';
import { isoNow, type MetronomeDb } from './db';

export const SETTING_KEYS = {
  config: CONFIG_SETTING_KEY,
  /** true while the sample portfolio is loaded. */
  sampleLoaded: 'sampleLoaded',
} as const;

export async function getSetting<T = unknown>(db: MetronomeDb, key: string): Promise<T | undefined> {
  const row = await db.settings.get(key);
  return row && !row.deletedAt ? (row.value as T) : undefined;
}

/** Store a plain-JSON value (validated: functions, undefined, NaN… are rejected). */
export async function setSetting(db: MetronomeDb, key: string, value: unknown, opts: { now?: Date } = {}): Promise<void> {
  const json = z.json().safeParse(value);
  if (!json.success || !key) throw new ValidationError([{ path: key || 'key', message: 'a setting must be plain JSON under a key' }]);
  await db.settings.put({ key, value: json.data, updatedAt: isoNow(opts.now) });
}

export async function deleteSetting(db: MetronomeDb, key: string, opts: { now?: Date } = {}): Promise<void> {
  const now = isoNow(opts.now);
  await db.settings.update(key, { deletedAt: now, updatedAt: now });
}

/** The stored overrides (an object; `{}` when none). */
export async function getConfigOverrides(db: MetronomeDb): Promise<Record<string, unknown>> {
  const v = await getSetting(db, SETTING_KEYS.config);
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/**
 * The effective configuration. Stored overrides that no longer validate (e.g. written by an older
 * version) fall back to the defaults and report why, rather than breaking every computation.
 */
export async function getConfig(db: MetronomeDb): Promise<{ config: MetronomeConfig; errors: ConfigError[] }> {
  const r = resolveConfig(await getConfigOverrides(db));
  return r.ok ? { config: r.config, errors: [] } : { config: DEFAULT_CONFIG, errors: r.errors };
}

/** Replace the overrides. Invalid → `{ ok: false, errors }` and nothing is stored. */
export async function setConfigOverrides(db: MetronomeDb, overrides: unknown, opts: { now?: Date } = {}): Promise<ConfigResult> {
  const r = resolveConfig(overrides);
  if (!r.ok) return r;
  await setSetting(db, SETTING_KEYS.config, overrides ?? {}, opts);
  return r;
}

/** Merge a patch over the current overrides (objects merge key by key; arrays replace). */
export async function updateConfig(db: MetronomeDb, patch: unknown, opts: { now?: Date } = {}): Promise<ConfigResult> {
  return db.transaction('rw', db.settings, async () => {
    const merged = deepMerge(await getConfigOverrides(db), patch);
    return setConfigOverrides(db, merged, opts);
  });
}

export async function setTimeZone(db: MetronomeDb, timeZone: string, opts: { now?: Date } = {}): Promise<ConfigResult> {
  return updateConfig(db, { calendar: { timeZone } }, opts);
}
