import { afterEach, describe, expect, it } from 'vitest';
import type { MetronomeDb } from '../storage/db';
import { freshDb } from '../storage/testing';
import { parseTicketCsv } from './csv';
import { csvMappingKey, saveCsvMapping, savedCsvMapping } from './saved-mappings';

let db: MetronomeDb;
afterEach(async () => db?.delete());
const csv = 'Ref,Customer,Opened on\nA-1,Contoso Ltd,05/11/2026 09:00\n';

describe('saved CSV mappings (map an unknown layout once)', () => {
  it('a mapping saved for a header set is found again for the same headers in any order/case', async () => {
    db = freshDb();
    const first = parseTicketCsv(csv, { timeZone: 'UTC', now: new Date() });
    expect(first.needsMapping).toBe(true);
    await saveCsvMapping(db, first.headers, { ticketId: 'Ref', company: 'Customer', openedAt: 'Opened on', bogus: 'Ref' } as never, 'DMY');
    expect(csvMappingKey(['customer', 'REF', 'Opened on'])).toBe(csvMappingKey(first.headers));
    const saved = await savedCsvMapping(db, first.headers);
    expect(saved).toEqual({ headers: ['Ref', 'Customer', 'Opened on'], mapping: { ticketId: 'Ref', company: 'Customer', openedAt: 'Opened on' }, dateOrder: 'DMY' });
    const second = parseTicketCsv(csv, { timeZone: 'UTC', now: new Date(), mapping: saved!.mapping, dateOrder: saved!.dateOrder });
    expect(second.errors).toEqual([]);
    expect((second.observations[0] as { openedAt: string }).openedAt).toBe('2026-11-05T09:00:00+00:00');
    expect(await savedCsvMapping(db, ['Ref', 'Customer'])).toBeUndefined();
  });
});
