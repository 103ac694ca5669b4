/**
 * Saved-page fixtures for every adapter: `content-scripts/<adapter>/fixtures/<name>.html` with a
 * sibling `<name>.expected.json`:
 *
 *   { "reader": "connectwise/ticket", "url": "https://…", "now": "2026-11-18T09:00:00-05:00",
 *     "timeZone": "America/New_York", "dateOrder": "MDY", "reading": { …PageReading… } }
 *
 * The page is loaded in jsdom at that URL (scripts never run), the named reader runs through
 * `runReader`, and the result must deep-equal `reading`. The same files are replayed in real
 * Chromium by the e2e suite, so fixtures stay self-contained HTML and the JSON stays exact.
 *
 * Test-only module (Node: fs, jsdom, vitest); never import it from extension code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PageType } from '../../engine/signals';
import { detectPage, runReader } from './registry';
import type { PageReading, PageTypeReader, ReadContext } from './types';

export const FixtureExpectation = z
  .object({
    reader: z.string().min(1),
    url: z.url(),
    now: z.iso.datetime({ offset: true }),
    timeZone: z.string().min(1),
    dateOrder: z.enum(['MDY', 'DMY', 'YMD']).optional(),
    /** What the fixture models, for people reading the JSON. */
    note: z.string().optional(),
    reading: z
      .object({
        adapter: z.string(),
        pageType: PageType,
        observations: z.array(z.record(z.string(), z.unknown())),
        missing: z.array(z.string()),
        warnings: z.array(z.string()),
        mainText: z.string().optional(),
        slaTargets: z
          .array(
            z
              .object({
                sla: z.string().optional(),
                priority: z.string(),
                respondHours: z.number().optional(),
                planHours: z.number().optional(),
                resolveHours: z.number().optional(),
              })
              .strict(),
          )
          .optional(),
      })
      .strict(),
  })
  .strict();
export type FixtureExpectation = z.infer<typeof FixtureExpectation>;

export interface Fixture {
  name: string;
  htmlPath: string;
  expectedPath: string;
}

/** `adapterDir` may be the adapter folder or its `fixtures/` folder (path or file URL). */
export function fixturesDir(adapterDir: string | URL): string {
  const dir = typeof adapterDir === 'string' && !adapterDir.startsWith('file:') ? adapterDir : fileURLToPath(adapterDir);
  const sub = join(dir, 'fixtures');
  return existsSync(sub) ? sub : dir;
}

/** Every `<name>.html` that has a `<name>.expected.json` beside it, sorted by name. */
export function listFixtures(adapterDir: string | URL): Fixture[] {
  const dir = fixturesDir(adapterDir);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.html'.length);
      return { name, htmlPath: join(dir, f), expectedPath: join(dir, `${name}.expected.json`) };
    })
    .filter((f) => existsSync(f.expectedPath));
}

export function loadDocument(html: string, url: string): Document {
  // No `runScripts`: page scripts stay inert text, as in a saved page.
  return new JSDOM(html, { url, contentType: 'text/html' }).window.document;
}

/** Reads one fixture with its named reader; returns what was read and what was expected. */
export function readFixture(
  fixture: Fixture,
  readers: readonly PageTypeReader[],
): { expected: FixtureExpectation; reading: PageReading; doc: Document; ctx: ReadContext; reader: PageTypeReader } {
  const expected = FixtureExpectation.parse(JSON.parse(readFileSync(fixture.expectedPath, 'utf8')));
  const reader = readers.find((r) => r.id === expected.reader);
  if (!reader) throw new Error(`${fixture.name}: no reader with id ${expected.reader}`);
  const doc = loadDocument(readFileSync(fixture.htmlPath, 'utf8'), expected.url);
  const ctx: ReadContext = {
    url: new URL(expected.url),
    now: new Date(expected.now),
    timeZone: expected.timeZone,
    ...(expected.dateOrder ? { dateOrder: expected.dateOrder } : {}),
  };
  return { expected, reading: runReader(reader, doc, ctx), doc, ctx, reader };
}

/**
 * Registers one vitest case per fixture: the reading deep-equals the expected one, and page
 * detection over all `readers` picks the same reader (or reports drift, for drift fixtures).
 */
export function runFixtures(adapterDir: string | URL, readers: readonly PageTypeReader[]): void {
  const fixtures = listFixtures(adapterDir);
  describe(`fixtures in ${fixturesDir(adapterDir)}`, () => {
    it('has fixtures', () => {
      expect(fixtures.length).toBeGreaterThan(0);
    });
    for (const fixture of fixtures) {
      it(fixture.name, () => {
        const { expected, reading, doc, ctx, reader } = readFixture(fixture, readers);
        expect(reading).toEqual(expected.reading);
        const detected = detectPage(doc, ctx.url, readers);
        if (expected.reading.missing.length === 0) {
          expect(detected && 'reader' in detected ? detected.reader.id : detected).toBe(reader.id);
        } else {
          expect(reading.observations).toEqual([]);
          const id = detected && ('reader' in detected ? detected.reader.id : detected.drift.reader.id);
          expect(id).toBe(reader.id);
        }
      });
    }
  });
}
