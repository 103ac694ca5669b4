import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autotaskReaders } from '../autotask';
import { connectwiseReaders } from '../connectwise';
import { LOCAL_TIME_ZONE } from '../core/dates';
import { FixtureExpectation, listFixtures, loadDocument } from '../core/fixture-harness';
import { readPage, validateObservation } from '../core/registry';
import type { PageReading, PageTypeReader } from '../core/types';
import { GENERIC_READERS } from '../generic';
import { haloReaders } from '../halopsa/readers';
import { M365_READERS } from '../m365/pages';
import { pageReadContext } from './read-context';
import { inProcessZone } from '../../test/process-zone';

/**
 * Runs `fn` with every locale/Intl entry point of the JS engine replaced by a recorder that throws:
 * `Intl.*` and the `toLocale*`/`localeCompare` methods (each starts ICU's locale data). Returns what
 * was touched along with the result (a throw inside a reader would become drift; the list names it).
 */
function withoutIntl<T>(fn: () => T): { result: T; touched: string[] } {
  const touched: string[] = [];
  const g = globalThis as { Intl: typeof Intl };
  const realIntl = g.Intl;
  g.Intl = new Proxy(realIntl, {
    get(_t, key) {
      touched.push(`Intl.${String(key)}`);
      throw new Error(`Intl.${String(key)} used while reading`);
    },
  });
  const methods: Array<[object, string]> = [
    [Date.prototype, 'toLocaleString'],
    [Date.prototype, 'toLocaleDateString'],
    [Date.prototype, 'toLocaleTimeString'],
    [Number.prototype, 'toLocaleString'],
    [Array.prototype, 'toLocaleString'],
    [String.prototype, 'localeCompare'],
    [String.prototype, 'toLocaleLowerCase'],
    [String.prototype, 'toLocaleUpperCase'],
  ];
  const saved = methods.map(([proto, name]) => Object.getOwnPropertyDescriptor(proto, name)!);
  for (const [proto, name] of methods) {
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value() {
        touched.push(name);
        throw new Error(`${name} used while reading`);
      },
    });
  }
  try {
    return { result: fn(), touched };
  } finally {
    g.Intl = realIntl;
    methods.forEach(([proto, name], i) => Object.defineProperty(proto, name, saved[i]!));
  }
}


describe('pageReadContext — the live page context touches no Intl', () => {
  it('the guard itself catches Intl and toLocale* (so the tests below can fail)', () => {
    expect(withoutIntl(() => { try { Intl.DateTimeFormat(); } catch { /* recorded */ } return 0; }).touched).toEqual(['Intl.DateTimeFormat']);
    expect(withoutIntl(() => { try { new Date().toLocaleDateString(); } catch { /* recorded */ } return 0; }).touched).toEqual(['toLocaleDateString']);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBeTruthy(); // restored
  });

  it('browser zone without Intl; day/month order from <html lang>, else the browser language', () => {
    const now = new Date('2026-11-17T14:30:00Z');
    const de = loadDocument('<html lang="de-DE"><body></body></html>', 'https://acme.myconnectwise.net/v4_6_release/x');
    const { result, touched } = withoutIntl(() => pageReadContext(de, 'https://acme.myconnectwise.net/v4_6_release/x', 'en-US', now));
    expect(touched).toEqual([]);
    expect(result).toEqual({ url: new URL('https://acme.myconnectwise.net/v4_6_release/x'), now, timeZone: LOCAL_TIME_ZONE, dateOrder: 'DMY' });
    const bare = loadDocument('<html><body></body></html>', 'https://psa.example.com/');
    expect(pageReadContext(bare, 'https://psa.example.com/', 'en-US', now).dateOrder).toBe('MDY');
    expect('dateOrder' in pageReadContext(bare, 'https://psa.example.com/', 'en', now)).toBe(false);
  });

  // Every saved page of every adapter, read as the content script reads it — in the fixture's zone
  // as the browser's own (LOCAL_TIME_ZONE), with Intl poisoned — gives exactly the expected reading,
  // which was recorded with the fixture's IANA zone.
  const suites: Array<[string, readonly PageTypeReader[]]> = [
    ['connectwise', connectwiseReaders],
    ['autotask', autotaskReaders],
    ['halopsa', haloReaders],
    ['m365', M365_READERS],
    ['generic', GENERIC_READERS],
  ];
  for (const [adapter, readers] of suites) {
    const fixtures = listFixtures(new URL(`../${adapter}/`, import.meta.url));
    it(`${adapter}: ${fixtures.length} fixtures read in the browser's zone with no Intl equal their IANA-zone readings`, () => {
      expect(fixtures.length).toBeGreaterThan(0);
      for (const f of fixtures) {
        const expected = FixtureExpectation.parse(JSON.parse(readFileSync(f.expectedPath, 'utf8')));
        const reader = readers.find((r) => r.id === expected.reader)!;
        const doc = loadDocument(readFileSync(f.htmlPath, 'utf8'), expected.url);
        const ctx = {
          ...pageReadContext(doc, expected.url, undefined, new Date(expected.now)),
          ...(expected.dateOrder ? { dateOrder: expected.dateOrder } : {}),
        };
        const { result: raw, touched } = inProcessZone(expected.timeZone, () => withoutIntl(() => readPage(reader, doc, ctx)));
        expect(touched, f.name).toEqual([]);
        // The fixture's expectation holds validated observations (zod defaults): validate the same way.
        const reading: PageReading = readPage({ ...reader, read: () => raw }, doc, ctx, validateObservation);
        expect(reading, f.name).toEqual(expected.reading);
      }
    });
  }
});
