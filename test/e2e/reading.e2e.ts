import { expect, test, type Page } from '@playwright/test';
import { useDemoSession } from './harness';
import { readTable, waitFor } from './helpers';

const env = useDemoSession('sidepanel.html');

interface Row {
  id: string;
  kind?: string;
  accountId?: string;
  name?: string;
  ticketId?: string;
  source?: { host: string; pageType: string; url: string };
}

test('visiting a ConnectWise demo ticket stores the ticket and its account in IndexedDB', async () => {
  const page = await env.session.context.newPage();
  const url = `${env.demo.url}/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=284511`;
  await page.goto(url);
  const ticket = await waitFor(
    async () => (await readTable<Row>(env.ext, 'signals')).find((s) => s.kind === 'ticket' && s.ticketId === '284511'),
    20_000,
    'ticket 284511 in IndexedDB',
  );
  expect(ticket.source?.pageType).toBe('ticket');
  expect(ticket.source?.url).toBe(url);
  const accounts = await readTable<Row>(env.ext, 'accounts');
  const account = accounts.find((a) => a.id === ticket.accountId);
  expect(account?.name).toBeTruthy();
  // Health is recomputed right after the ingest commits (its own transaction): wait for it, briefly.
  const health = await waitFor(
    async () => (await readTable<{ accountId: string; overall: string }>(env.ext, 'health')).find((h) => h.accountId === ticket.accountId),
    5_000,
    'the account health row',
  );
  expect(health.overall).toBeTruthy();
  await page.close();
});
