/**
 * Accounts and their segment history. Every write validates with the `Account` schema and stamps
 * `updatedAt`; deletes are soft (`deletedAt`), so a later sync can carry them.
 */
import type { SegmentChange } from '../engine/bundle';
import { Account, SegmentOverride, type AccountInput, type Segment } from '../engine/signals';
import { zodErrors } from '../engine/config';
import { cmpInstant, getAccount } from './accountReads';
import { isoNow, newId, type MetronomeDb } from './db';
import { ValidationError } from './errors';

// Reads are zod-free (the side panel imports them directly); re-exported so callers keep one module.
export { cmpInstant, getAccount, listAccounts, type ListAccountsOptions } from './accountReads';
export { ValidationError } from './errors';

/** What a caller gives to create or edit an account; bookkeeping fields are filled in. */
export type AccountDraft = Omit<AccountInput, 'id' | 'createdAt' | 'updatedAt' | 'firstSeenAt'> & {
  id?: string;
  createdAt?: string;
  firstSeenAt?: string;
};

/**
 * Create or replace an account. An existing account keeps its `createdAt` and `firstSeenAt`.
 * Invalid input throws `ValidationError` and stores nothing.
 */
export async function upsertAccount(db: MetronomeDb, draft: AccountDraft, opts: { now?: Date } = {}): Promise<Account> {
  const now = isoNow(opts.now);
  return db.transaction('rw', db.accounts, async () => {
    const id = draft.id ?? newId('acct');
    const existing = await db.accounts.get(id);
    const parsed = Account.safeParse({
      ...draft,
      id,
      createdAt: existing?.createdAt ?? draft.createdAt ?? now,
      firstSeenAt: existing?.firstSeenAt ?? draft.firstSeenAt ?? now,
      updatedAt: now,
    });
    if (!parsed.success) throw new ValidationError(zodErrors(parsed.error));
    await db.accounts.put(parsed.data);
    return parsed.data;
  });
}

/** Soft delete: the account disappears from lists; its data stays for export and sync. */
export async function deleteAccount(db: MetronomeDb, id: string, opts: { now?: Date } = {}): Promise<void> {
  const now = isoNow(opts.now);
  await db.accounts.update(id, { deletedAt: now, updatedAt: now });
}

/** The account's effective segment as shown now (stored health first, then the last history entry). */
async function currentSegment(db: MetronomeDb, accountId: string): Promise<Segment | null> {
  const health = await db.health.get(accountId);
  if (health) return health.segment.segment;
  return (await latestSegmentChange(db, accountId))?.to ?? null;
}

/**
 * Manual segment override [L81]: needs a rationale (≥ 3 characters); writes the account and a
 * segment-history entry in one transaction. Throws `ValidationError` (nothing stored) when invalid.
 */
export async function setSegmentOverride(
  db: MetronomeDb,
  accountId: string,
  segment: Segment,
  rationale: string,
  by?: string,
  opts: { now?: Date } = {},
): Promise<Account> {
  const now = isoNow(opts.now);
  const override = SegmentOverride.safeParse({ segment, rationale, at: now, ...(by ? { by } : {}) });
  if (!override.success) throw new ValidationError(zodErrors(override.error));
  return db.transaction('rw', [db.accounts, db.segmentHistory, db.health], async () => {
    const account = await getAccount(db, accountId);
    if (!account) throw new ValidationError([{ path: 'accountId', message: `unknown account "${accountId}"` }]);
    const from = await currentSegment(db, accountId);
    const next: Account = { ...account, segmentOverride: override.data, updatedAt: now };
    await db.accounts.put(next);
    // Show the override at once, before the next recompute.
    const health = await db.health.get(accountId);
    if (health)
      await db.health.put({ ...health, segment: { ...health.segment, segment, overridden: true, rationale: override.data.rationale }, updatedAt: now });
    await db.segmentHistory.put({
      id: newId('seg'),
      accountId,
      from,
      to: segment,
      at: now,
      rationale: override.data.rationale,
      ...(by ? { by } : {}),
      source: 'override',
      updatedAt: now,
      ...(account.sample ? { sample: true } : {}),
    });
    return next;
  });
}

/**
 * Remove a manual override. The segment falls back to the computed one; the next recompute records
 * that change in the history (source `computed`).
 */
export async function clearSegmentOverride(db: MetronomeDb, accountId: string, opts: { now?: Date } = {}): Promise<void> {
  const now = isoNow(opts.now);
  await db.transaction('rw', db.accounts, async () => {
    const account = await getAccount(db, accountId);
    if (!account?.segmentOverride) return;
    const { segmentOverride: _dropped, ...rest } = account;
    await db.accounts.put({ ...rest, updatedAt: now });
  });
}

/** Segment history of an account, oldest first. */
export async function segmentHistoryFor(db: MetronomeDb, accountId: string): Promise<SegmentChange[]> {
  const rows = await db.segmentHistory
    .where('[accountId+at]')
    .between([accountId, ''], [accountId, '\uffff'])
    .toArray();
  return rows.filter((r) => !r.deletedAt).sort((a, b) => cmpInstant(a.at, b.at) || a.id.localeCompare(b.id));
}

export async function latestSegmentChange(db: MetronomeDb, accountId: string): Promise<SegmentChange | undefined> {
  const rows = await segmentHistoryFor(db, accountId);
  return rows[rows.length - 1];
}
