import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bundle } from '../engine/bundle';
import { setSegmentOverride, upsertAccount } from './accounts';
import { exportBundle, importBundle } from './bundle';
import type { MetronomeDb } from './db';
import { ingestObservations } from './ingest';
import { saveMapping } from './mappings';
import { mergeCtas } from './recompute';
import { setConfigOverrides } from './settings';
import { ctaSpec, freshDb, snapshot, ticketObservation } from './testing';

const example = () => JSON.parse(readFileSync(new URL('../docs/examples/bundle.example.json', import.meta.url), 'utf8'));
const T0 = new Date('2026-11-17T09:00:00.000Z');
const dbs: MetronomeDb[] = [];
const db = () => {
  const d = freshDb();
  dbs.push(d);
  return d;
};
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

const withoutExportedAt = ({ exportedAt: _e, ...rest }: Bundle) => rest;

/** A database with a bit of everything, written through the repositories. */
async function populated(): Promise<MetronomeDb> {
  const d = db();
  let n = 0;
  await ingestObservations(
    d,
    [
      ticketObservation(1, { name: 'Contoso Ltd', psaId: 'Contoso' }, { sla: { responseMet: true, resolutionMet: false } }),
      ticketObservation(2, { name: 'Fabrikam, Inc.' }, { summary: 'VPN, "again"\nsecond line', category: 'Network' }),
    ],
    { now: T0, newAccountId: () => `acct-${++n}` },
  );
  await upsertAccount(d, { id: 'acct-1', name: 'Contoso Ltd', maturity: 4, appetite: 4, roles: { csm: 'Casey' } }, { now: T0 });
  await setSegmentOverride(d, 'acct-1', 'A', 'Board-level sponsor, strategic growth plan', 'Casey', { now: T0 });
  const { write } = mergeCtas([], [ctaSpec('acct-1', 'engagement-drop', '2026-11')], T0.toISOString(), T0.toISOString());
  await d.ctas.bulkPut(write);
  await d.snapshots.put({ ...snapshot('acct-1', '2026-10'), updatedAt: T0.toISOString() });
  await d.signals.update('ticket:acme.myconnectwise.net:2', { deletedAt: T0.toISOString() });
  await setConfigOverrides(d, { calendar: { timeZone: 'Europe/London' } }, { now: T0 });
  await saveMapping(d, 'psa.example.com', 'ticket', { company: { selector: '#company' } }, { now: T0 });
  return d;
}

describe('exportBundle / importBundle (PRODUCT: export/import round-trips losslessly)', () => {
  it('export → import into a fresh db → export again is deep-equal (soft deletes included)', async () => {
    const first = await exportBundle(await populated(), { now: T0 });
    expect(first.accounts).toHaveLength(2);
    expect(first.signals).toHaveLength(2);
    expect(first.signals.find((s) => s.deletedAt)).toBeDefined();
    expect(first.ctas).toHaveLength(1);
    expect(first.segmentHistory).toHaveLength(1);
    expect(first.mappings).toHaveLength(1);
    const target = db();
    const r = await importBundle(target, JSON.parse(JSON.stringify(first)), { mode: 'replace' });
    expect(r.ok).toBe(true);
    const second = await exportBundle(target, { now: new Date('2027-01-01T00:00:00Z') });
    expect(withoutExportedAt(second)).toEqual(withoutExportedAt(first));
  });

  it('imports the documented example and reports touched accounts to recompute', async () => {
    const d = db();
    const r = await importBundle(d, example(), { mode: 'merge' });
    expect(r).toEqual({
      ok: true,
      mode: 'merge',
      written: { accounts: 1, signals: 2, ctas: 1, snapshots: 1, segmentHistory: 1, settings: 1, mappings: 0 },
      touchedAccountIds: ['acct-001'],
    });
    expect((await d.accounts.get('acct-001'))?.aliases).toEqual(['Contoso, Ltd.', 'Contoso Limited']);
  });

  it('an invalid file changes nothing (merge and replace) and returns every error', async () => {
    const d = await populated();
    const before = await exportBundle(d, { now: T0 });
    const bad = example();
    bad.signals[1].accountId = 'acct-404';
    bad.accounts[0].mrr = -5;
    for (const mode of ['merge', 'replace'] as const) {
      const r = await importBundle(d, bad, { mode });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(['accounts.0.mrr']);
      expect(await exportBundle(d, { now: T0 })).toEqual(before);
    }
    // Schema valid but referentially broken: also nothing.
    const dangling = example();
    dangling.signals[1].accountId = 'acct-404';
    const r = await importBundle(d, dangling, { mode: 'replace' });
    expect(r).toEqual({ ok: false, errors: [{ path: 'signals.1.accountId', message: 'unknown account "acct-404"' }] });
    expect(await exportBundle(d, { now: T0 })).toEqual(before);
  });

  it('replace clears what the bundle does not hold (and the derived health)', async () => {
    const d = await populated();
    await d.health.put({ accountId: 'acct-1' } as never);
    await importBundle(d, example(), { mode: 'replace' });
    expect((await d.accounts.toArray()).map((a) => a.id)).toEqual(['acct-001']);
    expect(await d.health.count()).toBe(0);
    expect(await d.mappings.count()).toBe(0);
  });

  it('merge keeps rows only in storage; a stored row newer than the bundle row wins, an older one is replaced', async () => {
    const d = db();
    await importBundle(d, example(), { mode: 'merge' });
    await d.accounts.put({ ...(await d.accounts.get('acct-001'))!, name: 'Contoso Local Edit', updatedAt: '2026-12-01T00:00:00.000Z' });
    await d.accounts.put({ ...(await d.accounts.get('acct-001'))!, id: 'acct-local' });
    const r = await importBundle(d, example(), { mode: 'merge' });
    expect(r.ok && r.written.accounts).toBe(0);
    expect((await d.accounts.get('acct-001'))?.name).toBe('Contoso Local Edit');
    expect(await d.accounts.get('acct-local')).toBeDefined();

    const newer = example();
    newer.accounts[0].updatedAt = '2026-12-02T00:00:00.000Z';
    newer.accounts[0].name = 'Contoso Group';
    await importBundle(d, newer, { mode: 'merge' });
    expect((await d.accounts.get('acct-001'))?.name).toBe('Contoso Group');
  });
});
