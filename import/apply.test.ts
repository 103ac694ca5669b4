import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MetronomeDb } from '../storage/db';
import { account, freshDb } from '../storage/testing';
import { applyCsvImport } from './apply';
import { parseTicketCsv, type CsvImportOptions } from './csv';
import { CW_CSV } from './testing';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const NY: CsvImportOptions = { timeZone: 'America/New_York', now: NOW, host: 'acme.myconnectwise.net' };
let db: MetronomeDb;
afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
});

describe('applyCsvImport (PRODUCT §5: nothing half-imported)', () => {
  it('stores every ticket and resolves companies like page readings (id, then name)', async () => {
    db = freshDb();
    await db.accounts.put(account({ id: 'acct-001', name: 'Contoso Ltd' }));
    let n = 0;
    const r = await applyCsvImport(db, parseTicketCsv(CW_CSV, NY), { now: NOW, newAccountId: () => `acct-new-${++n}` });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ingest).toMatchObject({ written: 3, unchanged: 0, createdAccountIds: ['acct-new-1'], updatedAccountIds: ['acct-001'] });
    expect((await db.signals.get('ticket:acme.myconnectwise.net:284511'))?.accountId).toBe('acct-001');
    expect((await db.signals.get('ticket:acme.myconnectwise.net:284513'))?.accountId).toBe('acct-001');
    expect((await db.signals.get('ticket:acme.myconnectwise.net:284512'))?.accountId).toBe('acct-new-1');
    expect((await db.accounts.get('acct-001'))?.psaRefs).toEqual([{ host: 'acme.myconnectwise.net', companyId: 'Contoso' }]);
    expect((await db.accounts.get('acct-new-1'))?.name).toBe('Fabrikam Inc');
  });

  it('importing the same file again changes nothing', async () => {
    db = freshDb();
    await applyCsvImport(db, parseTicketCsv(CW_CSV, NY), { now: NOW });
    const again = await applyCsvImport(db, parseTicketCsv(CW_CSV, { ...NY, now: new Date('2026-12-01T00:00:00Z') }));
    expect(again.ok && again.ingest).toMatchObject({ written: 0, unchanged: 3, createdAccountIds: [], touchedAccountIds: [] });
    expect(await db.accounts.count()).toBe(2);
  });

  it('one bad row: nothing is stored, the errors come back', async () => {
    db = freshDb();
    const parsed = parseTicketCsv(CW_CSV + '284514,Northwind,NW,VPN,Help Desk,Network,P1,New,not a date,,,,\r\n', NY);
    const put = vi.spyOn(db.signals, 'bulkPut');
    const r = await applyCsvImport(db, parsed, { now: NOW });
    expect(r).toEqual({ ok: false, errors: [{ row: 5, column: 'Date Entered', message: '"not a date" is not a date Metronome can read' }] });
    expect(put).not.toHaveBeenCalled();
    expect(await db.accounts.count()).toBe(0);
    expect(await db.signals.count()).toBe(0);
  });

  it('an unmapped or date-ambiguous file is not applied', async () => {
    db = freshDb();
    const unmapped = parseTicketCsv('Ref,Customer\nA-1,Contoso\n', NY);
    expect((await applyCsvImport(db, { ...unmapped, errors: [] })).ok).toBe(false);
    expect(await db.signals.count()).toBe(0);
  });

  it('10,000 ticket rows: one transaction, a handful of bulk operations', async () => {
    db = freshDb();
    const lines = ['Ticket #,Company,Summary,Priority,Status,Date Entered,Closed Date,Met SLA'];
    for (let i = 0; i < 10_000; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      lines.push(`${300000 + i},Client ${i % 40},"Issue ${i}, again",P3,Closed,10/${day}/2026 9:${String(i % 60).padStart(2, '0')} AM,10/${day}/2026 4:00 PM,${i % 7 ? 'Yes' : 'No'}`);
    }
    const parsed = parseTicketCsv(lines.join('\n'), NY);
    expect(parsed.errors).toEqual([]);
    const tx = vi.spyOn(db, 'transaction');
    const put = vi.spyOn(db.signals, 'bulkPut');
    const r = await applyCsvImport(db, parsed, { now: NOW });
    expect(r.ok && r.ingest.written).toBe(10_000);
    expect(r.ok && r.ingest.createdAccountIds.length).toBe(40);
    expect(tx).toHaveBeenCalledTimes(1);
    expect(put).toHaveBeenCalledTimes(10);
  });
});
