import { afterEach, describe, expect, it } from 'vitest';
import { cmpInstant, getAccount, listAccounts } from './accountReads';
import type { MetronomeDb } from './db';
import { account, freshDb } from './testing';

let db: MetronomeDb;
afterEach(async () => db?.delete());

describe('account reads (zod-free, used by the side panel)', () => {
  it('listAccounts orders exactly as localeCompare(…, { sensitivity: "base" }) did: case, accents, digits', async () => {
    db = freshDb();
    const names = ['Zeta', 'alpha', 'Ålesund AS', 'Müller & Söhne', 'muller 2', 'Alpha', 'éclair', 'Eclair', '10 Downing', '9 Elms', 'b'];
    await db.accounts.bulkPut(names.map((name, i) => account({ id: `acct-${i}`, name })));
    const expected = [...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
    expect((await listAccounts(db)).map((a) => a.name)).toEqual(expected);
  });

  it('getAccount hides a soft-deleted account and an unknown id', async () => {
    db = freshDb();
    await db.accounts.bulkPut([account({ id: 'acct-1' }), account({ id: 'acct-2', deletedAt: '2026-11-17T09:00:00.000Z' })]);
    expect((await getAccount(db, 'acct-1'))?.id).toBe('acct-1');
    expect(await getAccount(db, 'acct-2')).toBeUndefined();
    expect(await getAccount(db, 'acct-3')).toBeUndefined();
  });

  it('cmpInstant compares instants across offsets', () => {
    expect(cmpInstant('2026-11-17T09:00:00-05:00', '2026-11-17T13:00:00Z')).toBeGreaterThan(0);
    expect(cmpInstant('2026-11-17T09:00:00-05:00', '2026-11-17T14:00:00Z')).toBe(0);
  });
});
