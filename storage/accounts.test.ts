import { afterEach, describe, expect, it } from 'vitest';
import {
  clearSegmentOverride,
  deleteAccount,
  getAccount,
  latestSegmentChange,
  listAccounts,
  segmentHistoryFor,
  setSegmentOverride,
  upsertAccount,
  ValidationError,
} from './accounts';
import type { MetronomeDb } from './db';
import { ingestSignals } from './ingest';
import { removeSampleData } from './sample';
import { deleteSignal, signalCounts, signalsFor } from './signals';
import { account, freshDb, ticket } from './testing';

const T0 = new Date('2026-11-17T09:00:00.000Z');
const T1 = new Date('2026-11-18T09:00:00.000Z');
let db: MetronomeDb;
afterEach(async () => db?.delete());

describe('accounts repository', () => {
  it('upsertAccount validates, fills bookkeeping and keeps createdAt/firstSeenAt on edit', async () => {
    db = freshDb();
    const a = await upsertAccount(db, { id: 'acct-1', name: 'Contoso Ltd' }, { now: T0 });
    expect(a).toMatchObject({ aliases: [], roles: {}, createdAt: T0.toISOString(), firstSeenAt: T0.toISOString(), updatedAt: T0.toISOString() });
    const b = await upsertAccount(db, { id: 'acct-1', name: 'Contoso Group', mrr: 500 }, { now: T1 });
    expect(b).toMatchObject({ name: 'Contoso Group', mrr: 500, createdAt: T0.toISOString(), firstSeenAt: T0.toISOString(), updatedAt: T1.toISOString() });
  });

  it('invalid account input stores nothing and says why', async () => {
    db = freshDb();
    const err = await upsertAccount(db, { id: 'acct-1', name: ' ', maturity: 6 }, { now: T0 }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).errors.map((e) => e.path).sort()).toEqual(['maturity', 'name']);
    expect(await db.accounts.count()).toBe(0);
  });

  it('listAccounts sorts by name, hides soft-deleted and (on request) sample accounts', async () => {
    db = freshDb();
    await db.accounts.bulkPut([
      account({ id: 'a', name: 'zeta' }),
      account({ id: 'b', name: 'Alpha' }),
      account({ id: 'c', name: 'Demo', sample: true }),
    ]);
    await deleteAccount(db, 'a', { now: T0 });
    expect((await listAccounts(db)).map((a) => a.name)).toEqual(['Alpha', 'Demo']);
    expect((await listAccounts(db, { includeSample: false })).map((a) => a.name)).toEqual(['Alpha']);
    expect((await listAccounts(db, { includeDeleted: true })).map((a) => a.name)).toEqual(['Alpha', 'Demo', 'zeta']);
    expect(await getAccount(db, 'a')).toBeUndefined();
    expect((await db.accounts.get('a'))?.deletedAt).toBe(T0.toISOString());
  });

  it('DECISIONS §1 [L81]: a segment override needs a rationale and is written to the history', async () => {
    db = freshDb();
    await db.accounts.put(account({ id: 'acct-1' }));
    await db.segmentHistory.put({ id: 's0', accountId: 'acct-1', from: null, to: 'C', at: '2026-01-01T00:00:00.000Z', source: 'computed', updatedAt: '2026-01-01T00:00:00.000Z' });
    const err = await setSegmentOverride(db, 'acct-1', 'A', 'no', 'Casey', { now: T0 }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).errors[0]).toEqual({ path: 'rationale', message: 'a segment override needs a rationale' });
    expect(await segmentHistoryFor(db, 'acct-1')).toHaveLength(1);

    const a = await setSegmentOverride(db, 'acct-1', 'A', 'Exec sponsor committed to a growth roadmap', 'Casey', { now: T0 });
    expect(a.segmentOverride).toEqual({ segment: 'A', rationale: 'Exec sponsor committed to a growth roadmap', at: T0.toISOString(), by: 'Casey' });
    expect(await latestSegmentChange(db, 'acct-1')).toMatchObject({
      from: 'C',
      to: 'A',
      at: T0.toISOString(),
      rationale: 'Exec sponsor committed to a growth roadmap',
      by: 'Casey',
      source: 'override',
    });
    await clearSegmentOverride(db, 'acct-1', { now: T1 });
    expect((await getAccount(db, 'acct-1'))?.segmentOverride).toBeUndefined();
  });

  it('an override on an unknown account is refused', async () => {
    db = freshDb();
    await expect(setSegmentOverride(db, 'nope', 'B', 'long enough', undefined, { now: T0 })).rejects.toThrow(/unknown account/);
    expect(await db.segmentHistory.count()).toBe(0);
  });
});

describe('signals repository', () => {
  it('signalsFor filters by account and kind and hides soft-deleted signals', async () => {
    db = freshDb();
    await ingestSignals(db, [ticket(1), ticket(2), ticket(3, { accountId: 'acct-002' })], { now: T0 });
    await ingestSignals(
      db,
      [{ id: 'pulse:1', accountId: 'acct-001', kind: 'pulse', observedAt: T0.toISOString(), source: { host: 'metronome', pageType: 'manual', url: '', reader: 'user' }, score: 4, at: T0.toISOString() }],
      { now: T0 },
    );
    expect(await deleteSignal(db, 'ticket:acme.myconnectwise.net:2', { now: T1 })).toBe(true);
    expect((await signalsFor(db, 'acct-001')).map((s) => s.id).sort()).toEqual(['pulse:1', 'ticket:acme.myconnectwise.net:1']);
    const tickets = await signalsFor(db, 'acct-001', 'ticket');
    expect(tickets.map((t) => t.ticketId)).toEqual(['1']);
    expect(await signalCounts(db, 'acct-001')).toEqual({ ticket: 1, pulse: 1 });
  });
});

describe('removeSampleData', () => {
  it('removes sample accounts and everything of theirs; real data stays', async () => {
    db = freshDb();
    await db.accounts.bulkPut([account({ id: 'real' }), account({ id: 'demo', name: 'Demo', sample: true })]);
    await ingestSignals(db, [ticket(1, { accountId: 'real' }), ticket(2, { accountId: 'demo', sample: true }), ticket(3, { accountId: 'demo' })], { now: T0 });
    const r = await removeSampleData(db);
    expect(r).toMatchObject({ accounts: 1, signals: 2 });
    expect((await db.accounts.toArray()).map((a) => a.id)).toEqual(['real']);
    expect((await db.signals.toArray()).map((s) => s.accountId)).toEqual(['real']);
  });
});
