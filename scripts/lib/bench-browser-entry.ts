/**
 * Browser bundle (IIFE, built by `bench-browser-bundle.ts`) of the adapters and the storage ingest,
 * injected into real Chromium pages by the e2e fixture replay and the browser benchmark. Exposes
 * everything on `globalThis.__metronome`. Test/bench-only: never imported by extension code.
 */
import { detectPage, readPage } from '../../content-scripts/core/detect';
import { runReader } from '../../content-scripts/core/registry';
import type { PageReading, PageTypeReader, ReadContext } from '../../content-scripts/core/types';
import { GENERIC_READERS, genericReader } from '../../content-scripts/generic';
import { ALL_ADAPTER_READERS } from '../../content-scripts/runtime/all-readers';
import { Signal, type SignalInput } from '../../engine/signals';
import { ingestSignals, openDb } from '../../storage';

/** Same order as the all-adapters content script (entrypoints/reader.content.ts), generic last. */
const ADAPTER_READERS = ALL_ADAPTER_READERS;
const GENERIC = genericReader();
const ALL: readonly PageTypeReader[] = [...ADAPTER_READERS, GENERIC];

export interface FixtureCtx {
  url: string;
  now: string;
  timeZone: string;
  dateOrder?: 'MDY' | 'DMY' | 'YMD';
}

const toCtx = (c: FixtureCtx): ReadContext => ({
  url: new URL(c.url),
  now: new Date(c.now),
  timeZone: c.timeZone,
  ...(c.dateOrder ? { dateOrder: c.dateOrder } : {}),
});

const byId = (id: string): PageTypeReader => {
  const r = ALL.find((x) => x.id === id);
  if (!r) throw new Error(`no reader ${id}`);
  return r;
};

/** Wait for an IndexedDB request / transaction (no Dexie: the raw baseline). */
const done = (tx: IDBTransaction): Promise<void> =>
  new Promise((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
    tx.onabort = () => fail(tx.error ?? new Error('aborted'));
  });

const api = {
  readerIds: ALL.map((r) => r.id),
  /**
   * The fixture harness's check (`runReader`: zod-validated) on the live document. The generic
   * fixtures expect main text, so they run with `GENERIC_READERS` as their unit test does.
   */
  readFixture(readerId: string, c: FixtureCtx): PageReading {
    const reader = readerId === GENERIC.id ? GENERIC_READERS[0]! : byId(readerId);
    return runReader(reader, document, toCtx(c));
  },
  /** Which reader detection picks for this document at `url` (content-script order; generic when none). */
  detect(url: string): { reader: string } | { drift: string; missing: string[] } | { reader: 'generic/page' } {
    const d = detectPage(document, new URL(url), ADAPTER_READERS);
    if (d && 'reader' in d) return { reader: d.reader.id };
    if (d && 'drift' in d) return { drift: d.drift.reader.id, missing: d.drift.missing };
    return { reader: GENERIC.id };
  },
  /** Bench (a): `readPage` as the content script runs it (no zod), `runs` times; ms per run. */
  timeRead(readerId: string, c: FixtureCtx, runs: number): { times: number[]; observations: number } {
    const reader = byId(readerId);
    const ctx = toCtx(c);
    const times: number[] = [];
    let observations = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      observations = readPage(reader, document, ctx).observations.length;
      times.push(performance.now() - t);
    }
    return { times, observations };
  },
  /**
   * Bench (a) reference, not a target: the least a table reader can do — `textContent` of every cell
   * of every row of the page's tables, once, nothing parsed. Shows how far below this the walk is.
   */
  timeCellText(runs: number): { times: number[]; cells: number } {
    const times: number[] = [];
    let cells = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      let n = 0;
      let chars = 0;
      const rows = document.querySelectorAll('tr');
      for (let r = 0; r < rows.length; r++) {
        const rc = (rows[r] as HTMLTableRowElement).cells;
        for (let c = 0; c < rc.length; c++) {
          chars += (rc[c]!.textContent ?? '').length;
          n++;
        }
      }
      times.push(performance.now() - t);
      cells = chars >= 0 ? n : 0;
    }
    return { times, cells };
  },
  /** Bench (a), batched: one sample = `n` back-to-back reads (the page timer is coarsened to 0.1 ms). */
  timeReadBatch(readerId: string, c: FixtureCtx, n: number): { times: number[]; observations: number } {
    const reader = byId(readerId);
    const ctx = toCtx(c);
    let observations = 0;
    const t = performance.now();
    for (let i = 0; i < n; i++) observations = readPage(reader, document, ctx).observations.length;
    return { times: [performance.now() - t], observations };
  },
  timeWalkBatch(n: number): { times: number[]; elements: number } {
    const t = performance.now();
    let elements = 0;
    for (let i = 0; i < n; i++) elements = api.timeWalk(1).elements;
    return { times: [performance.now() - t], elements };
  },
  timeCellTextBatch(n: number): { times: number[]; cells: number } {
    const t = performance.now();
    let cells = 0;
    for (let i = 0; i < n; i++) cells = api.timeCellText(1).cells;
    return { times: [performance.now() - t], cells };
  },
  /** Bench (a) baseline: one full `querySelectorAll('*')` walk touching each element. */
  timeWalk(runs: number): { times: number[]; elements: number } {
    const times: number[] = [];
    let elements = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const all = document.querySelectorAll('*');
      let n = 0;
      for (let j = 0; j < all.length; j++) if (all[j]!.nodeType === 1) n++;
      elements = n;
      times.push(performance.now() - t);
    }
    return { times, elements };
  },
  /** Bench (d): the extension's ingest (`ingestSignals`: zod, bulkGet, compare, bulkPut) into a fresh database. */
  async timeIngest(signals: SignalInput[], dbName: string): Promise<number> {
    const db = openDb(dbName);
    await db.open();
    const t = performance.now();
    await ingestSignals(db, signals, { now: new Date('2026-11-18T14:00:00Z') });
    const ms = performance.now() - t;
    db.close();
    return ms;
  },
  /** Bench (d) baseline: the same records `put` with raw IndexedDB in one transaction, same schema. */
  async timeRawPut(signals: SignalInput[], dbName: string): Promise<number> {
    const db = openDb(dbName);
    await db.open();
    const idb = db.backendDB();
    const t = performance.now();
    const tx = idb.transaction('signals', 'readwrite');
    const store = tx.objectStore('signals');
    for (const s of signals) store.put({ ...s, updatedAt: '2026-11-18T14:00:00.000Z' });
    await done(tx);
    const ms = performance.now() - t;
    db.close();
    return ms;
  },
  /** Bench (d) second baseline: Dexie `bulkPut` of the same records (what ingest ends with). */
  async timeBulkPut(signals: SignalInput[], dbName: string): Promise<number> {
    const db = openDb(dbName);
    await db.open();
    const t = performance.now();
    await db.signals.bulkPut(signals.map((s) => ({ ...s, updatedAt: '2026-11-18T14:00:00.000Z' })) as never);
    const ms = performance.now() - t;
    db.close();
    return ms;
  },
  /** Where ingest's time goes: zod validation of every signal alone (ms). */
  timeValidate(signals: SignalInput[]): number {
    const t = performance.now();
    let bad = 0;
    for (const s of signals) if (!Signal.safeParse(s).success) bad++;
    const ms = performance.now() - t;
    if (bad) throw new Error(`${bad} invalid signals`);
    return ms;
  },
  /** Where ingest's time goes: `bulkGet` of every id (what ingest reads to compare), on an empty database (ms). */
  async timeBulkGet(ids: string[], dbName: string): Promise<number> {
    const db = openDb(dbName);
    await db.open();
    const t = performance.now();
    await db.transaction('r', db.signals, async () => {
      for (let i = 0; i < ids.length; i += 1000) await db.signals.bulkGet(ids.slice(i, i + 1000));
    });
    const ms = performance.now() - t;
    db.close();
    return ms;
  },
  async deleteDb(dbName: string): Promise<void> {
    await openDb(dbName).delete();
  },
};

export type MetronomeTestApi = typeof api;
(globalThis as unknown as { __metronome: MetronomeTestApi }).__metronome = api;
