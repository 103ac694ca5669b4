/**
 * UI reads: live queries straight from IndexedDB (Dexie + `useLiveQuery`), through the storage
 * repositories. The UI never computes health — it reads the `health` rows the background stores.
 *
 * Every hook returns `undefined` while loading and `null` (or `[]`) when there is nothing, so
 * components can tell "loading" from "no data".
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, createElement, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MetronomeConfig } from '../engine/config';
import type { Cta, MonthlySnapshot } from '../engine/model';
import type { Account, SignalKind, SignalOf } from '../engine/signals';
// The zod-free read modules (not `storage/accounts` / `storage/ctas`, whose writes load the schemas).
import { listAccounts, getAccount } from '../storage/accountReads';
import { ctasFor, openCtas } from '../storage/ctaReads';
import { getDb, type MetronomeDb } from '../storage/db';
import { cachedConfig, rememberConfig } from './configCache';
import type { DriftEvent, HealthRow } from '../storage/records';
import { signalsFor } from '../storage/signals';
import { healthFor, snapshotsFor } from '../storage/snapshots';

/** Settings row holding the user's configuration overrides (merged over DEFAULT_CONFIG). */
export const CONFIG_SETTING_KEY = 'config';

const DbContext = createContext<MetronomeDb | null>(null);

/** Tests and pages may pass their own handle; otherwise the extension's shared database. */
export function DbProvider({ db, children }: { db?: MetronomeDb; children: ReactNode }) {
  return createElement(DbContext.Provider, { value: db ?? getDb() }, children);
}

export function useDb(): MetronomeDb {
  return useContext(DbContext) ?? getDb();
}

/**
 * All live accounts, by name. `enabled: false` reads nothing and stays `undefined` (loading): the
 * side panel asks for the whole list only after the one account it shows.
 */
export function useAccounts(enabled = true): Account[] | undefined {
  const db = useDb();
  return useLiveQuery(() => (enabled ? listAccounts(db) : undefined), [db, enabled]);
}

export function useAccount(id: string | null | undefined): Account | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (id ? ((await getAccount(db, id)) ?? null) : null), [db, id]);
}

export function useHealth(id: string | null | undefined): HealthRow | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (id ? ((await healthFor(db, id)) ?? null) : null), [db, id]);
}

/**
 * CTAs of one account (every status: the list shows done/snoozed on request) or, with 'all', every
 * account's due CTAs (open, or snoozed past their date).
 */
export function useCtas(id: string | 'all' | null | undefined): Cta[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => (!id ? [] : id === 'all' ? openCtas(db) : ctasFor(db, id)), [db, id]);
}

/** Monthly snapshots of an account, oldest first. */
export function useSnapshots(id: string | null | undefined): MonthlySnapshot[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => (id ? snapshotsFor(db, id) : []), [db, id]);
}

export function useSignals<K extends SignalKind>(id: string | null | undefined, kind: K): SignalOf<K>[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => (id ? signalsFor(db, id, kind) : []), [db, id, kind]);
}

/** Account count (first-run detection) and whether any sample data is loaded. */
export function usePortfolioState(): { accounts: number; sample: boolean } | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    // One pass over the table (was two filtered counts, each a full cursor walk).
    let accounts = 0;
    let sample = false;
    await db.accounts.each((a) => {
      if (a.deletedAt) return;
      accounts++;
      if (a.sample === true) sample = true;
    });
    return { accounts, sample };
  }, [db]);
}

/** The stored configuration overrides: `loaded` once read; `value` undefined when none is stored. */
export function useConfigOverrides(): { loaded: boolean; value: unknown } {
  const db = useDb();
  const row = useLiveQuery(async () => (await db.settings.get(CONFIG_SETTING_KEY)) ?? null, [db]);
  return useMemo(() => ({ loaded: row !== undefined, value: row && !row.deletedAt ? row.value : undefined }), [row]);
}

type ConfigModule = typeof import('../engine/config');
let configModule: Promise<ConfigModule> | undefined;
let configModuleLoaded: ConfigModule | undefined;
/**
 * The configuration module (defaults + zod validation), loaded on demand so a page's first render
 * does not wait for zod to be fetched, compiled and its schemas built. Call it early (the side panel
 * does, at start) so it loads while IndexedDB is read. zod is told first not to probe for eval.
 */
export function loadConfigModule(): Promise<ConfigModule> {
  configModule ??= import('../messaging/zod-setup')
    .then(() => import('../engine/config'))
    .then((m) => (configModuleLoaded = m))
    .catch((e: unknown) => {
      configModule = undefined; // a failed chunk load may succeed on the next try
      throw e;
    });
  return configModule;
}

/** Stored overrides merged over the defaults; the defaults when none is stored or it is invalid. */
export function resolveConfigOrDefault(m: ConfigModule, value: unknown): MetronomeConfig {
  if (value === undefined) return m.DEFAULT_CONFIG;
  const r = m.resolveConfig(value);
  return r.ok ? r.config : m.DEFAULT_CONFIG;
}

/**
 * The user's configuration (time zone, thresholds) for pages that keep zod out of their first render
 * (`ui/config.ts` has the synchronous `useConfig` for pages that import the module anyway).
 * `undefined` until the stored overrides are read and then either the configuration this version
 * resolved for them last time (`ui/configCache.ts`) or, without one, the module has loaded.
 *
 * With a remembered configuration the module loads only once `revalidate` is true (the side panel:
 * after its first render); its result replaces the remembered one if they differ.
 */
export function useLoadedConfig({ revalidate = true }: { revalidate?: boolean } = {}): MetronomeConfig | undefined {
  const { loaded, value } = useConfigOverrides();
  const [mod, setMod] = useState<ConfigModule | undefined>(configModuleLoaded);
  const cached = useMemo(() => (loaded ? cachedConfig(value) : undefined), [loaded, value]);
  const wantModule = revalidate || (loaded && cached === undefined);
  useEffect(() => {
    if (mod || !wantModule) return;
    let alive = true;
    loadConfigModule().then(
      (m) => alive && setMod(m),
      () => undefined, // stays on what it has; the next mount retries
    );
    return () => {
      alive = false;
    };
  }, [mod, wantModule]);
  const resolved = useMemo(() => (loaded && mod ? resolveConfigOrDefault(mod, value) : undefined), [loaded, mod, value]);
  useEffect(() => {
    if (resolved) rememberConfig(value, resolved);
  }, [resolved, value]);
  // The same configuration as remembered: keep that object, so nothing downstream re-renders.
  return useMemo(() => (resolved && cached && JSON.stringify(resolved) === JSON.stringify(cached) ? cached : (resolved ?? cached)), [resolved, cached]);
}

/** Recent adapter drift on a host (a known PSA page stopped matching), newest first. */
export function useDrift(host: string | null | undefined, sinceMs = 7 * 86_400_000): DriftEvent[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    if (!host) return [];
    const rows = await db.drift.where('host').equals(host).toArray();
    const since = Date.now() - sinceMs;
    return rows.filter((d) => !d.deletedAt && Date.parse(d.at) >= since).sort((a, b) => b.at.localeCompare(a.at));
  }, [db, host, sinceMs]);
}
