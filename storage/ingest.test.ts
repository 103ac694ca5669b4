import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Observation } from '../content-scripts/core/types';
import type { MetronomeDb } from './db';
import { CHUNK, ingestObservations, ingestSignals, IngestValidationError } from './ingest';
import { account, CW_HOST, freshDb, ticket, ticketObservation } from './testing';

const T0 = new Date('2026-11-17T09:00:00.000Z');
const T1 = new Date('2026-11-18T09:00:00.000Z');
let db: MetronomeDb;
afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
});

describe('ingestSignals (idempotent, ARCHITECTURE data flow)', () => {
  it('writes new signals, stamps updatedAt, reports touched accounts', async () => {
    db = freshDb();
    const r = await ingestSignals(db, [ticket(1), ticket(2, { accountId: 'acct-002' })], { now: T0 });
    expect(r).toEqual({ written: 2, unchanged: 0, refreshed: 0, touchedAccountIds: ['acct-001', 'acct-002'] });
    expect((await db.signals.get(`ticket:${CW_HOST}:1`))?.updatedAt).toBe(T0.toISOString());
  });

  it('re-ingesting the same observation (or re-reading it within the day) changes nothing and rewrites nothing', async () => {
    db = freshDb();
    await ingestSignals(db, [ticket(1), ticket(2)], { now: T0 });
    const put = vi.spyOn(db.signals, 'bulkPut');
    const again = await ingestSignals(db, [ticket(1, { observedAt: '2026-11-18T08:59:59.000Z' }), ticket(2)], { now: T1 });
    expect(again).toEqual({ written: 0, unchanged: 2, refreshed: 0, touchedAccountIds: [] });
    expect(put).not.toHaveBeenCalled();
    const stored = await db.signals.get(`ticket:${CW_HOST}:1`);
    expect(stored?.updatedAt).toBe(T0.toISOString());
    expect(stored?.observedAt).toBe('2026-11-17T09:00:00.000Z');
  });

  it('DECISIONS §2 freshness: the same value re-read ≥ 24 h later only moves observedAt forward', async () => {
    db = freshDb();
    await ingestSignals(db, [ticket(1)], { now: T0 });
    const r = await ingestSignals(db, [ticket(1, { observedAt: '2026-11-18T09:00:00.000Z' })], { now: T1 });
    expect(r).toEqual({ written: 0, unchanged: 0, refreshed: 1, touchedAccountIds: ['acct-001'] });
    expect(await db.signals.get(`ticket:${CW_HOST}:1`)).toMatchObject({ observedAt: '2026-11-18T09:00:00.000Z', updatedAt: T1.toISOString() });
    // An older reading arriving late never moves it back.
    const late = await ingestSignals(db, [ticket(1, { observedAt: '2026-11-10T09:00:00.000Z' })], { now: T1 });
    expect(late.unchanged).toBe(1);
    expect((await db.signals.get(`ticket:${CW_HOST}:1`))?.observedAt).toBe('2026-11-18T09:00:00.000Z');
    // Opt out.
    const never = await ingestSignals(db, [ticket(1, { observedAt: '2026-12-30T09:00:00.000Z' })], { now: T1, refreshObservedAfterMs: Infinity });
    expect(never.unchanged).toBe(1);
  });

  it('a changed record is updated in place (same id, one row)', async () => {
    db = freshDb();
    await ingestSignals(db, [ticket(1)], { now: T0 });
    const r = await ingestSignals(db, [ticket(1, { status: 'Closed', closedAt: '2026-11-18T10:00:00.000Z' })], { now: T1 });
    expect(r).toEqual({ written: 1, unchanged: 0, refreshed: 0, touchedAccountIds: ['acct-001'] });
    expect(await db.signals.count()).toBe(1);
    const s = await db.signals.get(`ticket:${CW_HOST}:1`);
    expect(s).toMatchObject({ status: 'Closed', closedAt: '2026-11-18T10:00:00.000Z', updatedAt: T1.toISOString() });
  });

  it('key order and absent-vs-undefined fields do not count as a change', async () => {
    db = freshDb();
    await ingestSignals(db, [ticket(1)], { now: T0 });
    const t = ticket(1);
    const reordered = Object.fromEntries(Object.entries({ ...t, respondedAt: undefined }).reverse()) as typeof t;
    expect((await ingestSignals(db, [reordered], { now: T1 })).unchanged).toBe(1);
  });

  it('moving a signal to another account touches both accounts', async () => {
    db = freshDb();
    await ingestSignals(db, [ticket(1)], { now: T0 });
    const r = await ingestSignals(db, [ticket(1, { accountId: 'acct-009' })], { now: T1 });
    expect(r.touchedAccountIds).toEqual(['acct-001', 'acct-009']);
  });

  it('a soft-deleted signal stays deleted when the page is read again', async () => {
    db = freshDb();
    await ingestSignals(db, [ticket(1)], { now: T0 });
    await db.signals.update(`ticket:${CW_HOST}:1`, { deletedAt: T0.toISOString() });
    expect((await ingestSignals(db, [ticket(1)], { now: T1 })).unchanged).toBe(1);
    await ingestSignals(db, [ticket(1, { status: 'Closed' })], { now: T1 });
    expect((await db.signals.get(`ticket:${CW_HOST}:1`))?.deletedAt).toBe(T0.toISOString());
  });

  it('one invalid signal rejects the whole batch; nothing is written', async () => {
    db = freshDb();
    const bad = { ...ticket(2), openedAt: '17/11/2026' };
    const err = await ingestSignals(db, [ticket(1), bad], { now: T0 }).catch((e) => e);
    expect(err).toBeInstanceOf(IngestValidationError);
    expect((err as IngestValidationError).issues).toEqual([expect.objectContaining({ index: 1, path: 'openedAt' })]);
    expect(await db.signals.count()).toBe(0);
  });

  it('within one batch the last reading of an id wins', async () => {
    db = freshDb();
    const r = await ingestSignals(db, [ticket(1, { status: 'New' }), ticket(1, { status: 'In Progress' })], { now: T0 });
    expect(r.written).toBe(1);
    expect((await db.signals.get(`ticket:${CW_HOST}:1`)) as { status?: string } | undefined).toMatchObject({ status: 'In Progress' });
  });

  it(`10,000 tickets: one transaction, ${10_000 / CHUNK} bulkGet + ${10_000 / CHUNK} bulkPut; re-ingest writes nothing`, async () => {
    db = freshDb();
    const many = Array.from({ length: 10_000 }, (_, i) => ticket(100_000 + i, { accountId: `acct-${i % 40}` }));
    const tx = vi.spyOn(db, 'transaction');
    const get = vi.spyOn(db.signals, 'bulkGet');
    const put = vi.spyOn(db.signals, 'bulkPut');
    const r = await ingestSignals(db, many, { now: T0 });
    expect(r.written).toBe(10_000);
    expect(r.touchedAccountIds).toHaveLength(40);
    expect(tx).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenCalledTimes(10);
    expect(put).toHaveBeenCalledTimes(10);
    expect(await db.signals.count()).toBe(10_000);
    put.mockClear();
    const again = await ingestSignals(db, many, { now: T1 });
    expect(again).toEqual({ written: 0, unchanged: 10_000, refreshed: 0, touchedAccountIds: [] });
    expect(put).not.toHaveBeenCalled();
  });
});

describe('ingestObservations (account resolution)', () => {
  let seq = 0;
  const ids = () => `acct-new-${++seq}`;

  it('PSA id first, then name; a new company becomes an account (firstSeenAt = now)', async () => {
    db = freshDb();
    await db.accounts.put(account({ id: 'acct-001', name: 'Contoso Ltd', psaRefs: [{ host: CW_HOST, companyId: 'Contoso' }] }));
    await db.accounts.put(account({ id: 'acct-002', name: 'Fabrikam, Inc.' }));
    const obs: Observation[] = [
      ticketObservation(1, { psaId: 'Contoso', name: 'Something Else' }),
      ticketObservation(2, { name: 'FABRIKAM INC' }),
      ticketObservation(3, { name: 'Northwind Traders', psaId: 'Northwind' }),
      ticketObservation(4, { name: 'Northwind Traders Inc.' }),
    ];
    const r = await ingestObservations(db, obs, { now: T0, newAccountId: ids });
    expect(r.createdAccountIds).toEqual([`acct-new-${seq}`]);
    const created = r.createdAccountIds[0]!;
    expect(r.written).toBe(4);
    expect(r.unresolved).toEqual([]);
    expect((await db.signals.get(`ticket:${CW_HOST}:1`))?.accountId).toBe('acct-001');
    expect((await db.signals.get(`ticket:${CW_HOST}:2`))?.accountId).toBe('acct-002');
    expect((await db.signals.get(`ticket:${CW_HOST}:3`))?.accountId).toBe(created);
    expect((await db.signals.get(`ticket:${CW_HOST}:4`))?.accountId).toBe(created);
    const nw = await db.accounts.get(created);
    expect(nw).toMatchObject({
      name: 'Northwind Traders',
      psaRefs: [{ host: CW_HOST, companyId: 'Northwind' }],
      firstSeenAt: T0.toISOString(),
      createdAt: T0.toISOString(),
    });
    // Fabrikam was matched by name on CW without an id: nothing to learn, account not rewritten.
    expect(r.updatedAccountIds).toEqual([]);
    expect(r.touchedAccountIds).toEqual(['acct-001', 'acct-002', created].sort());
  });

  it('a name match learns the PSA id, so the next reading resolves by id', async () => {
    db = freshDb();
    await db.accounts.put(account({ id: 'acct-001', name: 'Contoso Ltd' }));
    const r = await ingestObservations(db, [ticketObservation(1, { psaId: '250', name: 'Contoso, Ltd.' })], { now: T0 });
    expect(r.updatedAccountIds).toEqual(['acct-001']);
    const a = await db.accounts.get('acct-001');
    expect(a?.psaRefs).toEqual([{ host: CW_HOST, companyId: '250' }]);
    expect(a?.updatedAt).toBe(T0.toISOString());
    // Renamed in the PSA later: still the same account (by id).
    await ingestObservations(db, [ticketObservation(2, { psaId: '250', name: 'Contoso Holdings' })], { now: T1 });
    expect((await db.signals.get(`ticket:${CW_HOST}:2`))?.accountId).toBe('acct-001');
    expect(await db.accounts.count()).toBe(1);
  });

  it('accountFacts merge into the account (present fields win) and are stored as a signal', async () => {
    db = freshDb();
    await db.accounts.put(account({ id: 'acct-001', name: 'Contoso Ltd', mrr: 900, renewalDate: '2027-01-31' }));
    const facts: Observation = {
      id: `company:${CW_HOST}:250`,
      kind: 'accountFacts',
      observedAt: T0.toISOString(),
      source: { host: CW_HOST, pageType: 'company', url: `https://${CW_HOST}/company/250`, reader: 'connectwise' },
      name: 'Contoso Ltd',
      mrr: 1200,
      roles: { csm: 'Casey Park' },
      company: { psaId: '250', name: 'Contoso Ltd' },
    };
    const r = await ingestObservations(db, [facts], { now: T0 });
    expect(r.updatedAccountIds).toEqual(['acct-001']);
    const a = await db.accounts.get('acct-001');
    expect(a).toMatchObject({ mrr: 1200, renewalDate: '2027-01-31', roles: { csm: 'Casey Park' } });
    expect((await db.signals.get(`company:${CW_HOST}:250`))?.accountId).toBe('acct-001');
    // Same facts again: nothing changes.
    const again = await ingestObservations(db, [facts], { now: T1 });
    expect(again).toMatchObject({ written: 0, unchanged: 1, updatedAccountIds: [], createdAccountIds: [], touchedAccountIds: [] });
    expect((await db.accounts.get('acct-001'))?.updatedAt).toBe(T0.toISOString());
  });

  it('tenant resolves M365 readings; a company with neither known ids nor a name is unresolved', async () => {
    db = freshDb();
    await db.accounts.put(account({ id: 'acct-001', tenants: ['contoso.com'] }));
    const m365: Observation = {
      id: 'adoption:admin.microsoft.com:contoso.com:mfa',
      kind: 'adoption',
      observedAt: T0.toISOString(),
      source: { host: 'entra.microsoft.com', pageType: 'm365-mfa', url: '', reader: 'm365' },
      insight: 'mfa',
      coveragePct: 82,
      company: { tenant: 'CONTOSO.COM' },
    };
    const orphan: Observation = { ...m365, id: 'adoption:x:unknown.com:mfa', company: { tenant: 'unknown.com' } };
    const r = await ingestObservations(db, [m365, orphan], { now: T0 });
    expect(r.written).toBe(1);
    expect(r.unresolved).toEqual([{ index: 1, reason: expect.stringContaining('no company name') }]);
    expect((await db.signals.get(m365.id))?.accountId).toBe('acct-001');
    expect(await db.accounts.count()).toBe(1);
  });

  it('invalid observations reject the whole reading with indexed paths; nothing stored', async () => {
    db = freshDb();
    const bad = { ...ticketObservation(2, { name: 'X' }), company: { name: 42 } } as unknown as Observation;
    const worse = { ...ticketObservation(3, { name: 'Y' }), priority: 7 } as unknown as Observation;
    const err = await ingestObservations(db, [ticketObservation(1, { name: 'Contoso' }), bad, worse], { now: T0 }).catch((e) => e);
    expect(err).toBeInstanceOf(IngestValidationError);
    expect((err as IngestValidationError).issues.map((i) => `${i.index}:${i.path}`)).toEqual(['1:company.name', '2:priority']);
    expect(await db.accounts.count()).toBe(0);
    expect(await db.signals.count()).toBe(0);
  });

  it('a company that names nothing (empty, or only spaces) is rejected, with the same schema as the reading check', async () => {
    db = freshDb();
    const empty = { ...ticketObservation(2, { name: 'X' }), company: {} } as Observation;
    const blank = { ...ticketObservation(3, { name: 'Y' }), company: { name: '   ' } } as Observation;
    const err = await ingestObservations(db, [ticketObservation(1, { name: 'Contoso' }), empty, blank], { now: T0 }).catch((e) => e);
    expect(err).toBeInstanceOf(IngestValidationError);
    const issues = (err as IngestValidationError).issues;
    expect(issues.map((i) => i.index)).toEqual([1, 2]);
    expect(issues[0]!.message).toMatch(/must name its company/);
    expect(await db.signals.count()).toBe(0);
  });

  it('two observations of one new company in one reading create one account', async () => {
    db = freshDb();
    const r = await ingestObservations(db, [ticketObservation(1, { name: 'Relecloud' }), ticketObservation(2, { name: 'Relecloud Inc.' })], {
      now: T0,
    });
    expect(r.createdAccountIds).toHaveLength(1);
    expect(await db.accounts.count()).toBe(1);
  });

  it('sample observations create sample accounts', async () => {
    db = freshDb();
    const r = await ingestObservations(db, [ticketObservation(1, { name: 'Demo Co' }, { sample: true })], { now: T0 });
    expect((await db.accounts.get(r.createdAccountIds[0]!))?.sample).toBe(true);
  });
});

describe('a ticket-list row never erases what the detail page read (same ticket id)', () => {
  it('keeps SLA and responded from the detail read; the row updates status', async () => {
    const db = freshDb();
    await db.accounts.put(account());
    const detail = ticket('284511', {
      status: 'In Progress',
      category: 'Hardware / Printer',
      respondedAt: '2026-11-17T14:00:00Z',
      sla: { responseDueAt: '2026-11-17T15:00:00Z', responseMet: true, resolutionDueAt: '2026-11-18T13:42:00Z' },
    });
    await ingestSignals(db, [detail]);
    const row = {
      ...ticket('284511', { status: 'Closed', closedAt: '2026-11-18T10:00:00Z', category: 'Hardware', observedAt: '2026-11-18T11:00:00Z', sla: { responseMet: false } }),
      source: { ...detail.source, pageType: 'ticket-list' as const },
    };
    delete (row as { respondedAt?: string }).respondedAt;
    await ingestSignals(db, [row]);
    const stored = (await db.signals.get(detail.id)) as typeof detail;
    expect(stored.status).toBe('Closed');
    expect(stored.category).toBe(detail.category);
    expect(stored.closedAt).toBe('2026-11-18T10:00:00Z');
    expect(stored.respondedAt).toBe('2026-11-17T14:00:00Z');
    expect(stored.sla).toEqual(detail.sla);
    // The detail page's SLA outcome stands against the row's summary.
    expect(stored.sla?.responseMet).toBe(true);
    // The same row again (a re-sent reading) changes nothing.
    expect(await ingestSignals(db, [row])).toMatchObject({ written: 0 });
    // A detail page read again (later) is authoritative.
    await ingestSignals(db, [{ ...detail, status: 'Reopened', observedAt: '2026-11-19T09:00:00Z' }]);
    expect(((await db.signals.get(detail.id)) as typeof detail).closedAt).toBeUndefined();
  });
});

describe('late readings', () => {
  it('an older reading arriving after a newer one does not overwrite it', async () => {
    const db = freshDb();
    await db.accounts.put(account());
    const newer = ticket('9001', { status: 'Closed', observedAt: '2026-11-18T12:00:00Z' });
    await ingestSignals(db, [newer]);
    const r = await ingestSignals(db, [ticket('9001', { status: 'Open', observedAt: '2026-11-17T12:00:00Z' })]);
    expect(r).toMatchObject({ written: 0, unchanged: 1 });
    expect((await db.signals.get(newer.id)) as typeof newer).toMatchObject({ status: 'Closed' });
  });
});
