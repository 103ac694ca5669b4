import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../content-scripts/core/fixture-harness';
import { detectPage, runReader } from '../../content-scripts/core/registry';
import { connectwiseReaders } from '../../content-scripts/connectwise';
import { demoPages } from './make-demo';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const routes = JSON.parse(readFileSync(join(DIR, 'routes.json'), 'utf8')) as { routes: Array<{ path: string; query: string; file: string }> };

describe('ConnectWise demo pages', () => {
  it('routes.json names existing files at ConnectWise-shaped paths', () => {
    expect(routes.routes.length).toBe(9);
    for (const r of routes.routes) {
      expect(existsSync(join(DIR, r.file))).toBe(true);
      expect(r.path).toMatch(/^\/v4_6_release\//);
    }
  });

  // Served on the loopback address like the demo server does: detection must not care about the host.
  const now = new Date('2026-11-18T14:00:00Z');
  for (const page of demoPages(now)) {
    it(`${page.file} is read without drift on 127.0.0.1`, () => {
      const url = new URL(`http://127.0.0.1:4173${page.path}?${page.query}`);
      const doc = loadDocument(page.html, url.href);
      const detected = detectPage(doc, url, connectwiseReaders);
      if (page.file === 'pages/home.html') {
        expect(detected).toBeNull();
        return;
      }
      expect(detected && 'reader' in detected).toBe(true);
      if (!detected || !('reader' in detected)) return;
      const reading = runReader(detected.reader, doc, { url, now, timeZone: 'America/New_York' }); // no date-order setting: <html lang> decides
      expect(reading.missing).toEqual([]);
      expect(reading.warnings).toEqual([]);
      expect(reading.observations.length).toBe(page.file.includes('board') ? 40 : 1);
      for (const o of reading.observations) expect(o.source.host).toBe('127.0.0.1');
    });
  }

  it('demo agreement renews 75 days after "now" (inside the renewal −90 d window)', () => {
    const page = demoPages(now).find((p) => p.file === 'pages/agreement-contoso.html')!;
    const url = new URL(`http://127.0.0.1:4173${page.path}?${page.query}`);
    const reading = runReader(connectwiseReaders.find((r) => r.id === 'connectwise/agreement')!, loadDocument(page.html, url.href), {
      url,
      now,
      timeZone: 'America/New_York',
    });
    const facts = reading.observations[0] as { renewalDate?: string; mrr?: number };
    expect(facts.renewalDate).toBe('2027-02-01');
    expect(facts.mrr).toBe(4250);
  });
});
