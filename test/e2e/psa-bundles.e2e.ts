/**
 * Each demo PSA on its own host (as real PSAs are; `*.localhost` is loopback in Chromium) gets its
 * own reader bundle after the page's load event, and reads as before (Autotask in its inner frame); an unknown host (127.0.0.1)
 * gets the all-adapters bundle. Checks which scripts the page actually parsed (CDP), not the file
 * the background meant to inject.
 */
import { expect, test, type Page } from '@playwright/test';
import { useDemoSession } from './harness';
import { readTable, sendFromExtension, waitFor } from './helpers';

// The sample portfolio links the demo tenant contoso.com to its account (M365 readings need a link).
const env = useDemoSession('sidepanel.html', async (s) => {
  expect((await sendFromExtension(s.ext, { type: 'sample.load' })).ok).toBe(true);
});

/** A new tab that records which of the extension's scripts its pages parse (CDP, before any navigation). */
async function pageRecordingScripts(): Promise<{ page: Page; parsed: string[]; readers: () => string[] }> {
  const page = await env.session.context.newPage();
  const cdp = await env.session.context.newCDPSession(page);
  const parsed: string[] = [];
  cdp.on('Debugger.scriptParsed', (e) => {
    if (e.url.startsWith(`chrome-extension://${env.session.extensionId}/`)) parsed.push(e.url.split('/').pop()!);
  });
  await cdp.send('Debugger.enable');
  // Reader bundles, the loader aside.
  const readers = () => parsed.filter((f) => /^reader(-[a-z0-9]+)?\.js$/.test(f) && f !== 'reader-loader.js');
  return { page, parsed, readers };
}

const CASES = [
  { host: 'cw', bundle: 'reader-connectwise.js', path: '/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=284511' },
  // Autotask: the outer /app page shows the ticket in an inner frame (/Mvc/…), where the reader runs.
  // (Both frames are on the granted host, so each gets its own reader; the ticket is read in the inner one.)
  { host: 'autotask', bundle: 'reader-autotask.js', path: '/app/ticket?ticketId=29711043', readIn: '/Mvc/' },
  { host: 'halo', bundle: 'reader-halopsa.js', path: '/ticket?id=5101' },
  { host: 'm365', bundle: 'reader-m365.js', path: '/?tenant=contoso.com&view=mfa#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/UserRegistrationDetails' },
] as const;

interface SignalRow {
  kind: string;
  source?: { url: string; reader: string };
}

for (const c of CASES) {
  test(`${c.host}.localhost gets ${c.bundle} after load, and its page is read`, async () => {
    const { page, parsed, readers } = await pageRecordingScripts();
    const origin = `http://${c.host}.localhost:${new URL(env.demo.url).port}`;
    await page.goto(origin + c.path);
    const readIn = 'readIn' in c ? origin + c.readIn : origin;
    await waitFor(async () => (await readTable<SignalRow>(env.ext, 'signals')).some((s) => s.source?.url.startsWith(readIn)), 20_000, `a signal read on ${readIn}`);
    expect(parsed).toContain('reader-loader.js');
    expect(readers().length).toBeGreaterThan(0);
    expect(new Set(readers())).toEqual(new Set([c.bundle])); // and no other reader bundle
    await page.close();
  });
}

test('an unknown host (127.0.0.1) gets the all-adapters reader.js', async () => {
  const { page, readers } = await pageRecordingScripts();
  await page.goto(`${env.demo.url}/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=284533`);
  await waitFor(async () => (await readTable<SignalRow>(env.ext, 'signals')).some((s) => s.source?.url.includes('service_recid=284533')), 20_000, 'ticket 284533 read');
  expect(readers()).toEqual(['reader.js']);
  await page.close();
});

test('HaloPSA API responses the page received before the reader was injected are replayed to it', async () => {
  const page = await env.session.context.newPage();
  // The page's own early API call (before its load event, so before the reader exists): ticket 5104,
  // which this page (ticket 5101) does not show — only the replayed response can store it.
  // A synchronous request: its response is certainly in before the load event.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', '/api/Tickets/5104', false);
      xhr.send();
    });
  });
  const origin = `http://halo.localhost:${new URL(env.demo.url).port}`;
  await page.goto(`${origin}/ticket?id=5101`);
  const row = await waitFor(
    async () => (await readTable<SignalRow & { ticketId?: string }>(env.ext, 'signals')).find((s) => s.kind === 'ticket' && s.ticketId === '5104' && s.source?.url.startsWith(origin)),
    20_000,
    'ticket 5104 from the replayed API response',
  );
  expect(row.source?.url).toBe(`${origin}/ticket?id=5101`);
  await page.close();
});
