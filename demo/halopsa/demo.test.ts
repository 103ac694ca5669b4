import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../content-scripts/core/fixture-harness';
import { detectPage, runReader } from '../../content-scripts/core/registry';
import { haloReaders, readHaloApiResponse } from '../../content-scripts/halopsa';

// Every demo route is read fully: pages by the DOM readers, /api/ routes by the API reader, and
// both give the same ticket ids and values for the same ticket.
const routes = JSON.parse(readFileSync(new URL('./routes.json', import.meta.url), 'utf8')) as Record<string, string>;
const ctx = (url: URL) => ({ url, now: new Date('2026-10-14T13:00:00Z'), timeZone: 'Europe/London', dateOrder: 'DMY' as const });
const load = (file: string) => readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');

describe('HaloPSA demo pages (demo/halopsa/routes.json)', () => {
  for (const [route, file] of Object.entries(routes)) {
    it(`${route} → ${file}`, () => {
      const url = new URL(route, 'http://127.0.0.1:4173');
      if (url.pathname.startsWith('/api/')) {
        const reading = readHaloApiResponse(url.pathname, JSON.parse(load(file)), ctx(new URL('http://127.0.0.1:4173/tickets')));
        expect(reading?.warnings).toEqual([]);
        expect(reading?.observations.length).toBeGreaterThan(0);
        return;
      }
      const doc = loadDocument(load(file), url.href);
      const detected = detectPage(doc, url, haloReaders);
      expect(detected && 'reader' in detected).toBe(true);
      const reading = runReader((detected as { reader: (typeof haloReaders)[number] }).reader, doc, ctx(url));
      expect(reading.missing).toEqual([]);
      expect(reading.warnings).toEqual([]);
      expect(reading.observations.length).toBeGreaterThan(0);
    });
  }

  it('a ticket read from its page and from its API response is the same record with the same dates and SLA', () => {
    const url = new URL('http://127.0.0.1:4173/ticket?id=5102');
    const dom = runReader(haloReaders[0]!, loadDocument(load(routes['/ticket?id=5102']!), url.href), ctx(url)).observations[0]!;
    const api = readHaloApiResponse('/api/Tickets/5102', JSON.parse(load(routes['/api/Tickets/5102']!)), ctx(url))!.observations[0]!;
    const pick = ({ id, openedAt, respondedAt, closedAt, sla, company }: Record<string, unknown>) => ({ id, openedAt, respondedAt, closedAt, sla, company });
    expect(pick(dom as never)).toEqual(pick(api as never));
  });
});
