import { afterEach, describe, expect, it } from 'vitest';
import type { MetronomeDb } from './db';
import { deleteMapping, getMapping, latestDrift, listDrift, listMappings, mappingsForHost, recordDrift, saveMapping } from './mappings';
import { freshDb } from './testing';

let db: MetronomeDb;
afterEach(async () => db?.delete());
const T0 = new Date('2026-11-17T09:00:00.000Z');

describe('teach-mode mappings', () => {
  it('one mapping per host + page type; saving again replaces it; delete is soft', async () => {
    db = freshDb();
    await saveMapping(db, 'PSA.Example.com', 'ticket', { company: { label: 'Client' } }, { now: T0 });
    await saveMapping(db, 'psa.example.com', 'ticket', { company: { label: 'Customer' }, status: { label: 'State' } }, { now: T0 });
    await saveMapping(db, 'psa.example.com', 'company', { name: { label: 'Name' } }, { now: T0 });
    expect((await getMapping(db, 'psa.example.com', 'ticket'))?.fields).toEqual({ company: { label: 'Customer' }, status: { label: 'State' } });
    expect(await mappingsForHost(db, 'psa.example.com')).toHaveLength(2);
    await deleteMapping(db, 'psa.example.com', 'company', { now: T0 });
    expect((await listMappings(db)).map((m) => m.id)).toEqual(['psa.example.com:ticket']);
  });

  it('an invalid mapping is refused', async () => {
    db = freshDb();
    await expect(saveMapping(db, '', 'ticket', {})).rejects.toThrow();
    await expect(saveMapping(db, 'x.com', 'nope' as never, {})).rejects.toThrow();
    expect(await db.mappings.count()).toBe(0);
  });
});

describe('page drift events', () => {
  it('records drift and lists the latest per host/adapter/page type, newest first', async () => {
    db = freshDb();
    const ev = { host: 'acme.myconnectwise.net', adapter: 'connectwise', pageType: 'ticket' as const, missing: ['status'], url: 'https://acme.myconnectwise.net/t' };
    await recordDrift(db, { ...ev, at: '2026-11-17T09:00:00.000Z' }, { now: T0 });
    await recordDrift(db, { ...ev, at: '2026-11-17T10:00:00.000Z', missing: ['status', 'priority'] }, { now: T0 });
    await recordDrift(db, { ...ev, pageType: 'company', at: '2026-11-16T10:00:00.000Z', missing: ['name'] }, { now: T0 });
    expect((await listDrift(db, { host: 'ACME.myconnectwise.net' })).map((d) => d.at)).toEqual([
      '2026-11-17T10:00:00.000Z',
      '2026-11-17T09:00:00.000Z',
      '2026-11-16T10:00:00.000Z',
    ]);
    expect((await latestDrift(db)).map((d) => [d.pageType, d.missing])).toEqual([
      ['ticket', ['status', 'priority']],
      ['company', ['name']],
    ]);
    await expect(recordDrift(db, { ...ev, at: 'not a date' })).rejects.toThrow();
  });
});
