/**
 * Registered content scripts reach only pages loaded after their registration. A PSA tab already
 * open when Metronome is installed or updated — or when its PSA is enabled in Options — must be read
 * without a reload: the background injects the loader into such tabs (background/content-scripts.ts
 * `startInOpenTabs`). Here the extension is installed into a Chromium that already shows a demo
 * ConnectWise ticket; the ticket is then stored, and the page was not reloaded. A HaloPSA tab also
 * gets the API observer, so the single-page app's later API calls are read too.
 */
import { expect, test } from '@playwright/test';
import { startDemoServer } from '../../demo/server';
import { launchThenInstall } from './harness';
import { readTable, waitFor } from './helpers';

interface Row {
  kind?: string;
  ticketId?: string;
  source?: { url: string };
}

test('a PSA tab open before Metronome is installed is read without reloading it', async () => {
  const demo = await startDemoServer({ port: 0 });
  const browser = await launchThenInstall();
  try {
    const page = await browser.context.newPage();
    const url = `${demo.url}/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=284511`;
    await page.goto(url);
    // A mark in the page's own world: still there only if the document read is this one.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    const id = await browser.install();
    const ext = await browser.context.newPage();
    const ticket = await waitFor(
      async () => {
        if (!ext.url().startsWith('chrome-extension://')) await ext.goto(`chrome-extension://${id}/sidepanel.html`).catch(() => undefined);
        return (await readTable<Row>(ext, 'signals').catch(() => [])).find((s) => s.kind === 'ticket' && s.ticketId === '284511');
      },
      30_000,
      'ticket 284511 read from the tab opened before the install',
    );
    expect(ticket.source?.url).toBe(url);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  } finally {
    await browser.close();
    await demo.close();
  }
});

test('a HaloPSA tab open before the install also gets the API observer: its later API calls are read', async () => {
  const demo = await startDemoServer({ port: 0 });
  const browser = await launchThenInstall();
  try {
    const page = await browser.context.newPage();
    const url = `${demo.url}/ticket?id=5101`;
    await page.goto(url);

    const id = await browser.install();
    const ext = await browser.context.newPage();
    const signals = async () => {
      if (!ext.url().startsWith('chrome-extension://')) await ext.goto(`chrome-extension://${id}/sidepanel.html`).catch(() => undefined);
      return readTable<Row>(ext, 'signals').catch(() => [] as Row[]);
    };
    // The reader is in (the page's own ticket, from its DOM)…
    await waitFor(async () => (await signals()).find((s) => s.kind === 'ticket' && s.ticketId === '5101'), 30_000, 'ticket 5101 from the DOM');
    // …then the app fetches another ticket, as it does when the user opens one: only the observer sees it.
    await page.evaluate(() => fetch('/api/Tickets/5104').then((r) => r.text()));
    const fetched = await waitFor(async () => (await signals()).find((s) => s.kind === 'ticket' && s.ticketId === '5104'), 15_000, 'ticket 5104 from the API response');
    expect(fetched.source?.url).toBe(url);
    // The observer wraps fetch once: the page's fetch still works and is not doubly wrapped by a re-run.
    expect(await page.evaluate(() => fetch('/api/Tickets/5104').then((r) => r.ok))).toBe(true);
  } finally {
    await browser.close();
    await demo.close();
  }
});
