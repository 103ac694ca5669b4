import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectPage, missingFields, PAGE_SHAPE, runReader, validateObservation } from './registry';
import type { Observation, PageTypeReader, ReadContext } from './types';

const doc = (body: string): Document => new JSDOM(`<!doctype html><body>${body}</body>`).window.document;
const ctx: ReadContext = { url: new URL('http://127.0.0.1:4173/ticket?id=1'), now: new Date('2026-11-18T14:00:00Z'), timeZone: 'UTC' };

const ticketObs = (over: Partial<Observation> = {}): Observation =>
  ({
    id: 'ticket:127.0.0.1:1',
    kind: 'ticket',
    observedAt: '2026-11-18T14:00:00+00:00',
    source: { host: '127.0.0.1', pageType: 'ticket', url: ctx.url.href, reader: 'demo' },
    ticketId: '1',
    openedAt: '2026-11-17T08:42:00+00:00',
    company: { name: 'Contoso Ltd' },
    ...over,
  }) as Observation;

function fakeReader(over: Partial<PageTypeReader> = {}): PageTypeReader {
  return {
    id: 'demo/ticket',
    adapter: 'demo',
    pageType: 'ticket',
    matchesUrl: (u) => u.pathname === '/ticket',
    matchesDocument: (d) => d.querySelector('.ticket') !== null,
    required: ['ticketId'],
    read: () => ({ adapter: 'demo', pageType: 'ticket', observations: [ticketObs()], missing: [], warnings: [] }),
    ...over,
  };
}

describe('detectPage', () => {
  it('URL and DOM match → reader; matching is by path, not host', () => {
    const r = fakeReader();
    expect(detectPage(doc('<div class="ticket"></div>'), new URL('https://anything.example/ticket'), [r])).toEqual({ reader: r });
  });
  it('URL matches but DOM does not → drift', () => {
    const r = fakeReader();
    expect(detectPage(doc('<div class="renamed"></div>'), ctx.url, [r])).toEqual({ drift: { reader: r, missing: [PAGE_SHAPE] } });
  });
  it('no URL match → null, even when the DOM would match', () => {
    expect(detectPage(doc('<div class="ticket"></div>'), new URL('http://127.0.0.1/other'), [fakeReader()])).toBeNull();
  });
  it('a later reader with a DOM match wins over an earlier URL-only match; a throwing test is no match', () => {
    const a = fakeReader({ id: 'a', matchesDocument: () => false });
    const boom = fakeReader({ id: 'boom', matchesDocument: () => { throw new Error('x'); } });
    const b = fakeReader({ id: 'b' });
    const d = detectPage(doc('<div class="ticket"></div>'), ctx.url, [a, boom, b]);
    expect(d && 'reader' in d ? d.reader.id : null).toBe('b');
  });
});

describe('runReader', () => {
  it('passes a clean reading through (validated)', () => {
    const r = runReader(fakeReader(), doc(''), ctx);
    expect(r).toEqual({ adapter: 'demo', pageType: 'ticket', observations: [ticketObs()], missing: [], warnings: [] });
  });
  it('missing fields drop every observation (never store half-read values)', () => {
    const reader = fakeReader({
      read: () => ({ adapter: 'demo', pageType: 'ticket', observations: [ticketObs()], missing: ['status', 'status'], warnings: ['w'] }),
    });
    expect(runReader(reader, doc(''), ctx)).toEqual({ adapter: 'demo', pageType: 'ticket', observations: [], missing: ['status'], warnings: ['w'] });
  });
  it('a throwing reader becomes drift', () => {
    const reader = fakeReader({ read: () => { throw new Error('boom'); } });
    const r = runReader(reader, doc(''), ctx);
    expect(r.missing).toEqual(['reader error']);
    expect(r.observations).toEqual([]);
    expect(r.warnings).toEqual(['demo/ticket failed: boom']);
  });
  it('an invalid observation is dropped with a warning naming the field', () => {
    const reader = fakeReader({
      read: () => ({
        adapter: 'demo',
        pageType: 'ticket',
        observations: [ticketObs({ openedAt: '11/17/2026' } as Partial<Observation>), ticketObs({ id: 'ticket:127.0.0.1:2', ticketId: '2' } as Partial<Observation>)],
        missing: [],
        warnings: [],
      }),
    });
    const r = runReader(reader, doc(''), ctx);
    expect(r.observations.map((o) => o.id)).toEqual(['ticket:127.0.0.1:2']);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^dropped ticket:127\.0\.0\.1:1: openedAt: /);
  });
  it('an observation without a company is invalid', () => {
    const v = validateObservation(ticketObs({ company: {} }));
    expect(v.ok).toBe(false);
  });
});

describe('missingFields', () => {
  it('absent, blank and empty-array values are missing', () => {
    expect(missingFields(['a', 'b', 'c', 'd', 'e'], { a: 'x', b: '  ', c: undefined, d: [], e: 0 })).toEqual(['b', 'c', 'd']);
  });
});
