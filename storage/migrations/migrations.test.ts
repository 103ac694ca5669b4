import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_TABLES, openDb, type MetronomeDb } from '../db';
import { account, ticket } from '../testing';
import { declareVersions, LATEST_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from './index';

/**
 * A test-only v2, written the way a real one would be: a new compound index on signals plus a data
 * migration (tenant domains were stored as typed; v2 stores them lower-cased).
 */
const V2: SchemaVersion = {
  version: 2,
  note: 'test-only: [accountId+observedAt] index; tenants lower-cased',
  stores: { signals: 'id, accountId, kind, [accountId+kind], observedAt, updatedAt, [accountId+observedAt]' },
  upgrade: (tx) =>
    tx
      .table('accounts')
      .toCollection()
      .modify((a: { tenants: string[] }) => {
        a.tenants = a.tenants.map((t) => t.toLowerCase());
      }),
};

const names: string[] = [];
const dbName = () => {
  const n = `migrate-${Math.random().toString(36).slice(2)}`;
  names.push(n);
  return n;
};
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('schema versions (PRODUCT: "schema migrations keep data")', () => {
  it('v1 is the latest shipped version and declares every data table', () => {
    expect(LATEST_VERSION).toBe(1);
    expect(Object.keys(SCHEMA_VERSIONS[0]!.stores).sort()).toEqual([...DATA_TABLES].sort());
  });

  it('every table has a string primary key (no ++ auto-increment), sync-ready', () => {
    for (const v of SCHEMA_VERSIONS)
      for (const spec of Object.values(v.stores)) if (spec) expect(spec.startsWith('++')).toBe(false);
  });

  it('v1 → v2: data written at v1 is kept, migrated, and the new index is queryable', async () => {
    const name = dbName();
    const v1: MetronomeDb = openDb(name, [SCHEMA_VERSIONS[0]!]);
    await v1.accounts.put(account({ tenants: ['Contoso.OnMicrosoft.com'] }));
    await v1.signals.bulkPut([ticket(1), ticket(2, { observedAt: '2026-11-18T09:00:00.000Z' })]);
    await v1.settings.put({ key: 'config', value: { calendar: { timeZone: 'Europe/Berlin' } }, updatedAt: '2026-11-17T09:00:00.000Z' });
    expect(v1.verno).toBe(1);
    v1.close();

    const v2 = openDb(name, [...SCHEMA_VERSIONS, V2]);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect((await v2.accounts.get('acct-001'))?.tenants).toEqual(['contoso.onmicrosoft.com']);
    expect(await v2.signals.count()).toBe(2);
    expect((await v2.settings.get('config'))?.value).toEqual({ calendar: { timeZone: 'Europe/Berlin' } });
    const latest = await v2.signals
      .where('[accountId+observedAt]')
      .between(['acct-001', '2026-11-18'], ['acct-001', '\uffff'])
      .toArray();
    expect(latest.map((s) => s.id)).toEqual(['ticket:acme.myconnectwise.net:2']);
    v2.close();
  });

  it('a database already at v2 opens without re-running the upgrade', async () => {
    const name = dbName();
    let runs = 0;
    const counting: SchemaVersion = { ...V2, upgrade: () => void runs++ };
    const a = openDb(name, [...SCHEMA_VERSIONS, counting]);
    await a.open();
    a.close();
    const b = openDb(name, [...SCHEMA_VERSIONS, counting]);
    await b.open();
    b.close();
    // A fresh database is created at the latest version: upgrade functions run only on older ones.
    expect(runs).toBe(0);
  });

  it('versions must increase', () => {
    expect(() => declareVersions(new Dexie(dbName()), [V2, SCHEMA_VERSIONS[0]!])).toThrow(/must increase/);
  });
});
