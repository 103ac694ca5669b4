import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { autotaskReaders } from '../../content-scripts/autotask';
import { connectwiseReaders } from '../../content-scripts/connectwise';
import { detectPage } from '../../content-scripts/core/detect';
import { runReader } from '../../content-scripts/core/registry';
import { genericReader } from '../../content-scripts/generic/pages';
import { haloReaders } from '../../content-scripts/halopsa/readers';
import { M365_READERS } from '../../content-scripts/m365/pages';
import { teachReader } from '../../content-scripts/teach/apply';
import { TeachMapping, urlPatternFor } from '../../content-scripts/teach/mapping';

// "Casebook": the teach-mode demo. Nothing built in may read it, or the e2e test of teach mode
// would prove nothing; a mapping taught on one case must read the others.
const routes = JSON.parse(readFileSync(new URL('./routes.json', import.meta.url), 'utf8')) as Record<string, { file: string }>;
const load = (route: string) => {
  const url = new URL(route, 'http://127.0.0.1:4173');
  const html = readFileSync(new URL(`./${routes[route]!.file}`, import.meta.url), 'utf8');
  return { url, doc: new JSDOM(html, { url: url.href }).window.document };
};
const ctx = (url: URL) => ({ url, now: new Date('2026-11-18T12:00:00Z'), timeZone: 'Europe/London' });
const ADAPTERS = [...connectwiseReaders, ...autotaskReaders, ...haloReaders, ...M365_READERS];

const mapping = TeachMapping.parse({
  id: '127.0.0.1:ticket',
  host: '127.0.0.1',
  pageType: 'ticket',
  urlPattern: urlPatternFor(new URL('http://127.0.0.1:4173/desk/cases/4711')),
  fields: {
    ticketId: { selector: 'span.case-ref', sample: 'CS-4711' },
    companyName: { selector: 'span.org', sample: 'Northwind Traders' },
    openedAt: { selector: 'span.ts-open', sample: '2026-11-16 08:15' },
    priority: { selector: 'span.prio', sample: 'P2' },
    slaResolutionDue: { selector: 'span.ts-due', sample: '2026-11-18 08:15' },
  },
  createdAt: '2026-11-18T09:00:00Z',
  updatedAt: '2026-11-18T09:00:00Z',
});

describe('Casebook demo (demo/unknown-psa): a help desk only teach mode can read', () => {
  it('has three cases, and the pattern taught on one is /desk/cases/*', () => {
    expect(Object.keys(routes)).toEqual(['/desk/cases/4711', '/desk/cases/4712', '/desk/cases/4713']);
    expect(mapping.urlPattern).toBe('/desk/cases/*');
  });

  for (const route of Object.keys(routes)) {
    it(`${route}: no adapter matches and the generic reader finds no ticket`, () => {
      const { url, doc } = load(route);
      expect(detectPage(doc, url, ADAPTERS)).toBeNull();
      const reading = runReader(genericReader(), doc, ctx(url));
      expect(reading.observations).toEqual([]);
      expect(reading.missing).toEqual([]);
    });

    it(`${route}: the mapping taught on CS-4711 reads it as a whole ticket`, () => {
      const { url, doc } = load(route);
      const reader = teachReader(mapping);
      expect(detectPage(doc, url, [reader, ...ADAPTERS])).toEqual({ reader });
      const reading = runReader(reader, doc, ctx(url));
      expect(reading.missing).toEqual([]);
      expect(reading.warnings).toEqual([]);
      expect(reading.observations).toHaveLength(1);
      expect(reading.observations[0]).toMatchObject({ kind: 'ticket', ticketId: `CS-${url.pathname.split('/').pop()}`, source: { reader: 'teach', pageType: 'taught' } });
    });
  }

  it('CS-4711 is read with its values and SLA due date (Europe/London, GMT in November)', () => {
    const { url, doc } = load('/desk/cases/4711');
    const o = runReader(teachReader(mapping), doc, ctx(url)).observations[0]!;
    expect(o).toMatchObject({ companyName: 'Northwind Traders', priority: 'P2', openedAt: '2026-11-16T08:15:00+00:00', sla: { resolutionDueAt: '2026-11-18T08:15:00+00:00' } });
  });
});
