/**
 * Reading accounts back — zod-free, so the side panel's first render does not load or build the
 * schemas. Rows are validated when written (`upsertAccount`, import, ingest), not on every read.
 * `accounts.ts` re-exports these; write paths live there.
 */
import type { Account } from '../engine/signals';
import type { MetronomeDb } from './db';

export async function getAccount(db: MetronomeDb, id: string): Promise<Account | undefined> {
  const a = await db.accounts.get(id);
  return a && !a.deletedAt ? a : undefined;
}

export interface ListAccountsOptions {
  includeDeleted?: boolean;
  /** false = hide sample accounts. Default: include them. */
  includeSample?: boolean;
}

// One collator for every comparison: `localeCompare` with options builds a new one per call, which
// made sorting 1,000 accounts cost tens of milliseconds. Same order (same locale, same options).
let byNameCollator: Intl.Collator | undefined;
const byName = (a: Account, b: Account): number => {
  byNameCollator ??= new Intl.Collator(undefined, { sensitivity: 'base' });
  return byNameCollator.compare(a.name, b.name);
};

/** Accounts sorted by name (locale-aware). */
export async function listAccounts(db: MetronomeDb, opts: ListAccountsOptions = {}): Promise<Account[]> {
  const all = await db.accounts.toArray();
  return all.filter((a) => (opts.includeDeleted || !a.deletedAt) && (opts.includeSample !== false || !a.sample)).sort(byName);
}

/** Compare two ISO instants that may carry different offsets. */
export const cmpInstant = (a: string, b: string): number => Date.parse(a) - Date.parse(b);
