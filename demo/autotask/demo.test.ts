import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../content-scripts/core/fixture-harness';
import { detectPage, runReader } from '../../content-scripts/core/registry';
import { autotaskReaders } from '../../content-scripts/autotask';

// Every demo route is a page the adapter reads fully (or, for the outer shell, claims none).
const routes = JSON.parse(readFileSync(new URL('./routes.json', import.meta.url), 'utf8')) as Record<string, string>;
const ctx = (url: URL) => ({ url, now: new Date('2026-10-14T13:00:00Z'), timeZone: 'America/New_York', dateOrder: 'MDY' as const });

describe('Autotask demo pages (demo/autotask/routes.json)', () => {
  it('has the page types: queue, tickets, accounts, contracts, outer shells', () => {
    const paths = Object.keys(routes);
    expect(paths.filter((p) => p.includes('TicketDetail')).length).toBeGreaterThanOrEqual(3);
    expect(paths.some((p) => p.includes('TicketGrid'))).toBe(true);
    expect(paths.some((p) => p.includes('AccountDetail'))).toBe(true);
    expect(paths.some((p) => p.includes('ContractDetail'))).toBe(true);
    expect(paths.some((p) => p.startsWith('/app/'))).toBe(true);
  });
  for (const [route, file] of Object.entries(routes)) {
    it(`${route} → ${file}`, () => {
      const url = new URL(route, 'http://127.0.0.1:4173');
      const doc = loadDocument(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'), url.href);
      const detected = detectPage(doc, url, autotaskReaders);
      if (route.startsWith('/app/')) {
        expect(detected).toBeNull();
        expect(doc.querySelector('iframe')?.getAttribute('src')).toMatch(/^\/Mvc\//);
        expect(routes[doc.querySelector('iframe')!.getAttribute('src')!]).toBeDefined();
        return;
      }
      expect(detected && 'reader' in detected).toBe(true);
      const reading = runReader((detected as { reader: (typeof autotaskReaders)[number] }).reader, doc, ctx(url));
      expect(reading.missing).toEqual([]);
      expect(reading.warnings).toEqual([]);
      expect(reading.observations.length).toBeGreaterThan(0);
    });
  }
});
