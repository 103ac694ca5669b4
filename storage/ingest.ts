/**
 * Idempotent ingestion: signals (with an account) and observations (naming a company) go in here,
 * from page readings, user logging and imports alike.
 *
 * - Everything is validated with zod first; one invalid item rejects the whole batch and nothing is
 *   written (`IngestValidationError` lists every problem).
 * - One transaction per batch; inside it, `bulkGet` + `bulkPut` in chunks of `CHUNK` rows, so 10,000
 *   tickets are about twenty bulk operations.
 * - A signal whose content (everything but `observedAt`/`updatedAt`) is unchanged is not rewritten;
 *   a changed one is updated in place (same id). Exception, for freshness (DECISIONS §2 "stale
 *   since …"): an unchanged value read again at least `OBSERVED_AT_REFRESH_MS` after the stored
 *   `observedAt` gets the newer `observedAt` (counted as `refreshed`), so a value re-confirmed
 *   every week never looks stale, while re-reading a page within the day writes nothing. A stored soft delete (`deletedAt`) is kept: reading
 *   the page again does not resurrect what the user deleted.
 */
import type { Observation } from '../content-scripts/core/types';
import { zodErrors } from '../engine/config';
import { Signal, type Account, type SignalInput } from '../engine/signals';
import { sameContent } from './canonical';
import { CompanyRefSchema } from '../content-scripts/core/registry';
import { isoNow, newId, type MetronomeDb } from './db';
import {
  buildAccountIndex,
  createAccountFor,
  indexAccount,
  learnRefs,
  mergeAccountFacts,
  resolveCompany,
} from './resolve-account';

/** Rows per bulk operation inside an ingest transaction. */
export const CHUNK = 1000;

/** An unchanged value re-read this long after its stored `observedAt` refreshes it (one day). */
export const OBSERVED_AT_REFRESH_MS = 24 * 60 * 60 * 1000;

/** Fields that change on every read without changing what a signal says. */
const BOOKKEEPING = ['observedAt', 'updatedAt'] as const;

export interface IngestResult {
  /** New or changed signals written. */
  written: number;
  /** Same content read again: nothing written. */
  unchanged: number;
  /** Same content, read again long enough later: only `observedAt` moved forward. */
  refreshed: number;
  /** Accounts whose signals (or facts) changed: recompute these. Sorted. */
  touchedAccountIds: string[];
}

export interface IngestIssue {
  /** Index of the item in the batch. */
  index: number;
  path: string;
  message: string;
}

export class IngestValidationError extends Error {
  constructor(readonly issues: IngestIssue[]) {
    super(
      `ingest rejected: ${issues.length} invalid item(s): ` +
        issues
          .slice(0, 5)
          .map((i) => `#${i.index} ${i.path}: ${i.message}`)
          .join('; '),
    );
    this.name = 'IngestValidationError';
  }
}

export interface IngestOptions {
  now?: Date;
  /** Override `OBSERVED_AT_REFRESH_MS` (e.g. `Infinity` to never refresh). */
  refreshObservedAfterMs?: number;
}

/** Store signals that already carry their `accountId` (user logging, sample data, re-reads). */
export async function ingestSignals(
  db: MetronomeDb,
  signals: readonly SignalInput[],
  opts: IngestOptions = {},
): Promise<IngestResult> {
  const parsed = validateSignals(signals);
  const now = isoNow(opts.now);
  return db.transaction('rw', db.signals, () => putSignals(db, parsed, now, opts.refreshObservedAfterMs));
}

function validateSignals(signals: readonly unknown[]): Signal[] {
  const issues: IngestIssue[] = [];
  const out: Signal[] = [];
  signals.forEach((s, index) => {
    const r = Signal.safeParse(s);
    if (r.success) out.push(r.data);
    else for (const e of zodErrors(r.error)) issues.push({ index, ...e });
  });
  if (issues.length) throw new IngestValidationError(issues);
  return out;
}

/**
 * A list/board row shows only some of a ticket's fields, under the same id as its detail page:
 * fields the row does not show keep the values a detail read stored (SLA targets, responded…).
 * A detail page is authoritative and replaces the record.
 */
export function mergePartialReading(stored: Signal, incoming: Signal): Signal {
  if (incoming.kind !== 'ticket' || stored.kind !== 'ticket' || incoming.source.pageType !== 'ticket-list') return incoming;
  const defined = <T extends object>(o: T | undefined) => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
  // What changes over a ticket's life (status, priority, closed, reopened) comes from the newer row.
  // What a row only summarises (category, SLA targets and outcomes) fills gaps but never overrides a
  // value already known — only a detail page replaces those. Idempotent: the same row twice is a no-op.
  const sla = stored.sla || incoming.sla ? { ...defined(incoming.sla), ...defined(stored.sla) } : undefined;
  const category = stored.category ? { category: stored.category } : {};
  return { ...stored, ...defined(incoming), ...category, ...(sla ? { sla } : {}) } as Signal;
}

/** Write validated signals; must run inside a transaction that includes `signals`. */
async function putSignals(
  db: MetronomeDb,
  signals: readonly Signal[],
  now: string,
  refreshAfterMs: number = OBSERVED_AT_REFRESH_MS,
): Promise<IngestResult> {
  // Within one batch the last reading of an id wins.
  const byId = new Map<string, Signal>();
  for (const s of signals) byId.set(s.id, s);
  const batch = [...byId.values()];

  let written = 0;
  let unchanged = 0;
  let refreshed = 0;
  const touched = new Set<string>();
  for (let i = 0; i < batch.length; i += CHUNK) {
    const chunk = batch.slice(i, i + CHUNK);
    const existing = await db.signals.bulkGet(chunk.map((s) => s.id));
    const toWrite: Signal[] = [];
    chunk.forEach((incoming, j) => {
      const stored = existing[j];
      // An older reading arriving late (a drained pending reading, a slow retry) never overwrites a newer one.
      if (stored && !stored.deletedAt && Date.parse(incoming.observedAt) < Date.parse(stored.observedAt) && !sameContent(stored, incoming, BOOKKEEPING)) {
        unchanged++;
        return;
      }
      const merged = stored ? mergePartialReading(stored, incoming) : incoming;
      const next: Signal = stored?.deletedAt && !merged.deletedAt ? { ...merged, deletedAt: stored.deletedAt } : merged;
      if (stored && sameContent(stored, next, BOOKKEEPING)) {
        if (Date.parse(next.observedAt) - Date.parse(stored.observedAt) >= refreshAfterMs) {
          toWrite.push({ ...stored, observedAt: next.observedAt, updatedAt: now });
          touched.add(stored.accountId);
          refreshed++;
        } else unchanged++;
        return;
      }
      written++;
      toWrite.push({ ...next, updatedAt: now });
      touched.add(next.accountId);
      if (stored && stored.accountId !== next.accountId) touched.add(stored.accountId);
    });
    if (toWrite.length) await db.signals.bulkPut(toWrite);
  }
  return { written, unchanged, refreshed, touchedAccountIds: [...touched].sort() };
}

// ---------------------------------------------------------------------------------------------

export interface IngestObservationsOptions extends IngestOptions {
  /** Id for a new account (default `acct-<uuid>`). */
  newAccountId?: () => string;
  /** Delete this `pending` row in the same transaction (see `drainPending`). */
  pendingId?: string;
}

export interface IngestObservationsResult extends IngestResult {
  createdAccountIds: string[];
  /** Existing accounts whose facts or references changed. */
  updatedAccountIds: string[];
  /** Observations that named no company Metronome could resolve or create (no id match, no name). */
  unresolved: { index: number; reason: string }[];
}

/**
 * Store a page's (or an import's) observations: resolve each company to an account (creating new
 * accounts for new companies), merge `accountFacts` into their account, then store the signals with
 * the resolved `accountId` — all in one transaction.
 */
export async function ingestObservations(
  db: MetronomeDb,
  observations: readonly Observation[],
  opts: IngestObservationsOptions = {},
): Promise<IngestObservationsResult> {
  const items = validateObservations(observations);
  const now = isoNow(opts.now);
  const makeId = opts.newAccountId ?? (() => newId('acct'));

  return db.transaction('rw', [db.accounts, db.signals, db.pending], async () => {
    const index = buildAccountIndex(await db.accounts.toArray());
    const original = new Map(index.accounts);
    const working = new Map<string, Account>();
    const created: string[] = [];
    const unresolved: IngestObservationsResult['unresolved'] = [];
    const signals: Signal[] = [];

    items.forEach(({ signal, company }, i) => {
      const host = signal.source.host;
      let accountId = resolveCompany(index, company, host)?.accountId;
      if (!accountId) {
        const fresh = createAccountFor(company, host, { id: makeId(), now, sample: signal.sample });
        if (!fresh) {
          unresolved.push({ index: i, reason: 'no known company id or tenant, and no company name' });
          return;
        }
        accountId = fresh.id;
        created.push(fresh.id);
        indexAccount(index, fresh);
      }
      let account = index.accounts.get(accountId)!;
      account = learnRefs(account, company, host);
      if (signal.kind === 'accountFacts') account = mergeAccountFacts(account, signal);
      if (account !== index.accounts.get(accountId)) indexAccount(index, account);
      working.set(accountId, account);
      signals.push({ ...signal, accountId } as Signal);
    });

    const createdSet = new Set(created);
    const updated: string[] = [];
    const accountsToWrite: Account[] = [];
    for (const [id, account] of working) {
      const before = original.get(id);
      if (createdSet.has(id)) accountsToWrite.push(account);
      else if (before && !sameContent(before, account, ['updatedAt'])) {
        accountsToWrite.push({ ...account, updatedAt: now });
        updated.push(id);
      }
    }
    if (accountsToWrite.length) await db.accounts.bulkPut(accountsToWrite);

    const result = await putSignals(db, signals, now, opts.refreshObservedAfterMs);
    if (opts.pendingId) await db.pending.delete(opts.pendingId);
    const touched = new Set([...result.touchedAccountIds, ...created, ...updated]);
    return {
      ...result,
      touchedAccountIds: [...touched].sort(),
      createdAccountIds: created,
      updatedAccountIds: updated.sort(),
      unresolved,
    };
  });
}

/** The account id an observation is validated with before it is resolved. */
const UNRESOLVED = '(unresolved)';

function validateObservations(observations: readonly unknown[]) {
  const issues: IngestIssue[] = [];
  const out: { signal: Signal; company: { psaId?: string; name?: string; tenant?: string } }[] = [];
  observations.forEach((o, index) => {
    if (typeof o !== 'object' || o === null || Array.isArray(o)) {
      issues.push({ index, path: '(root)', message: 'an observation must be an object' });
      return;
    }
    const { company, ...rest } = o as Record<string, unknown>;
    const c = CompanyRefSchema.safeParse(company ?? {});
    if (!c.success) for (const e of zodErrors(c.error)) issues.push({ index, path: `company.${e.path}`, message: e.message });
    const s = Signal.safeParse({ ...rest, accountId: UNRESOLVED });
    if (!s.success) for (const e of zodErrors(s.error)) issues.push({ index, ...e });
    if (c.success && s.success) out.push({ signal: s.data, company: c.data });
  });
  if (issues.length) throw new IngestValidationError(issues);
  return out;
}
