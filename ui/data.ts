/**
 * UI reads: live queries straight from IndexedDB (Dexie + `useLiveQuery`), through the storage
 * repositories. The UI never computes health — it reads the `health` rows the background stores.
 *
 * Every hook returns `undefined` while loading and `null` (or `[]`) when there is nothing, so
 * components can tell "loading" from "no data".
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { DEFAULT_CONFIG, resolveConfig, type MetronomeConfig } from '../engine/config';
import type { Cta, MonthlySnapshot } from '../engine/model';
import type { Account, SignalKind, SignalOf } from '../engine/signals';
import { listAccounts, getAccount } from '../storage/accounts';
import { ctasFor, openCtas } from '../storage/ctas';
import { getDb, type MetronomeDb } from '../storage/db';
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

/** All live accounts, by name. */
export function useAccounts(): Account[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listAccounts(db), [db]);
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
    const accounts = await db.accounts.filter((a) => !a.deletedAt).count();
    const sample = accounts > 0 && (await db.accounts.filter((a) => !a.deletedAt && a.sample === true).count()) > 0;
    return { accounts, sample };
  }, [db]);
}

/** The user's configuration (time zone, thresholds); defaults when none is stored or it is invalid. */
export function useConfig(): MetronomeConfig {
  const db = useDb();
  const row = useLiveQuery(() => db.settings.get(CONFIG_SETTING_KEY), [db]);
  const value = row && !row.deletedAt ? row.value : undefined;
  return useMemo(() => {
    if (value === undefined) return DEFAULT_CONFIG;
    const r = resolveConfig(value);
    return r.ok ? r.config : DEFAULT_CONFIG;
  }, [value]);
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
