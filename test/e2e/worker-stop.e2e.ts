/**
 * MV3 stops the service worker whenever it likes — also in the middle of an ingest. Nothing may be
 * lost or doubled: the content script re-sends an unacknowledged reading, ingest is idempotent and
 * transactional, and the `pending` row written first covers a stop between receipt and ingest.
 *
 * Method (ENGINEERING.md): a CDP session on an extension page, `ServiceWorker.enable`, then
 * `ServiceWorker.stopAllWorkers`; the next `chrome.runtime.sendMessage` starts the worker again.
 * A watcher in that extension page polls IndexedDB every few ms and stops the worker the moment a
 * reading's `pending` row appears — between receipt and the end of its ingest — once per page,
 * while two dozen demo PSA pages (ConnectWise, Autotask, HaloPSA: tickets, board/lists, companies,
 * agreements) are visited one after another, each until what it stores is stored. A control run
 * in a fresh profile visits the same pages in the same order without stops. The end states must be
 * the same: the same signals (content minus read times, account by name), each stored once, the
 * same accounts (none doubled).
 *
 * Same order in both runs on purpose: a board row and its ticket's detail page merge differently
 * depending on which is read last (see the report), which is not what this test is about.
 */
import { expect, test, type Page } from '@playwright/test';
import { startDemoServer } from '../../demo/server';
import { launchExtension } from './harness';
import { readTable, sendFromExtension, waitFor } from './helpers';

const PAGES = [
  '/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=284511',
  '/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=284533',
  '/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=284547',
  '/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=284560',
  '/v4_6_release/ConnectWise.aspx?routeTo=ServiceBoard&boardId=1',
  '/v4_6_release/ConnectWise.aspx?routeTo=CompanyFV&recid=19300',
  '/v4_6_release/ConnectWise.aspx?routeTo=CompanyFV&recid=20417',
  '/v4_6_release/ConnectWise.aspx?routeTo=AgreementFV&recid=512',
  '/Mvc/ServiceDesk/TicketDetail.mvc?workspace=False&ticketId=29711043',
  '/Mvc/ServiceDesk/TicketDetail.mvc?workspace=False&ticketId=29711044',
  '/Mvc/ServiceDesk/TicketDetail.mvc?workspace=False&ticketId=29709877',
  '/Mvc/ServiceDesk/TicketDetail.mvc?workspace=False&ticketId=29711690',
  '/Mvc/ServiceDesk/TicketGrid.mvc?workspace=False&queueId=29682833',
  '/Mvc/CRM/AccountDetail.mvc?workspace=False&accountId=29683400',
  '/Mvc/Contracts/ContractDetail.mvc?workspace=False&contractId=29684500',
  '/Mvc/CRM/AccountDetail.mvc?workspace=False&accountId=29683456',
  '/ticket?id=5101',
  '/ticket?id=5102',
  '/ticket?id=5103',
  '/ticket?id=5104',
  '/tickets?area=1&viewid=32',
  '/customers?clientid=100',
  '/contracts?id=55',
  '/customers?clientid=137',
];

interface Signal {
  id: string;
  kind: string;
  accountId: string;
  [k: string]: unknown;
}
interface EndState {
  /** id → signal without read times, with its account's name instead of the random account id. */
  signals: Map<string, Record<string, unknown>>;
  accountNames: string[];
  /** Pending rows left at the end, with the signal ids they hold. */
  pending: Array<{ id: string; observationIds: string[] }>;
  stops: number;
  workerStarts: number;
  /** Pages whose tab state did not show them when their signals were stored (informational). */
  unackedTabs: number;
}

/** Signal ids each page stored in the control run (by its path). */
const perPage = new Map<string, string[]>();

let demo: { url: string; close(): Promise<void> | void };
let control: EndState | undefined;
let stopped: EndState | undefined;

test.beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});
test.afterAll(async () => {
  await demo?.close();
});

/** Visit every page in order, each until acknowledged; with `stopping`, stop the worker mid-ingest once per page. */
async function run(stopping: boolean): Promise<EndState> {
  const session = await launchExtension();
  let workerStarts = 0;
  let stops = 0;
  try {
    const ext = await session.openExtensionPage('dashboard.html');
    // Let the background create the database first (a bare indexedDB.open from the page would
    // create an empty one and hold it open).
    expect((await sendFromExtension(ext, { type: 'recompute' })).ok).toBe(true);
    const cdp = await session.context.newCDPSession(ext);
    // Worker starts: running-status transitions into `running`.
    const status = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (v.runningStatus === 'running' && status.get(v.versionId) !== 'running') workerStarts++;
        status.set(v.versionId, v.runningStatus);
      }
    });
    await cdp.send('ServiceWorker.enable');

    if (stopping) {
      // The watcher runs in the extension page (no round trip per poll) and calls back to stop.
      await ext.exposeFunction('__stopWorker', async () => {
        await cdp.send('ServiceWorker.stopAllWorkers');
        stops++;
      });
      await ext.evaluate(() => {
        const g = globalThis as unknown as { __armed: boolean; __stopWorker: () => Promise<void> };
        g.__armed = false;
        const seen = new Set<IDBValidKey>();
        const open = indexedDB.open('metronome');
        open.onsuccess = () => {
          const db = open.result;
          db.onversionchange = () => db.close(); // never block the background's schema upgrade
          const tick = () => {
            if (!db.objectStoreNames.contains('pending')) return void setTimeout(tick, 2);
            const r = db.transaction('pending').objectStore('pending').getAllKeys();
            r.onsuccess = () => {
              const fresh = r.result.filter((k) => !seen.has(k));
              fresh.forEach((k) => seen.add(k));
              if (fresh.length && g.__armed) {
                g.__armed = false; // once per page: its re-send must get through
                void g.__stopWorker().finally(() => setTimeout(tick, 2));
              } else setTimeout(tick, 2);
            };
            r.onerror = () => setTimeout(tick, 2);
          };
          tick();
        };
      });
    }

    let unackedTabs = 0;
    for (const path of PAGES) {
      if (stopping) await ext.evaluate(() => ((globalThis as unknown as { __armed: boolean }).__armed = true));
      const page: Page = await session.context.newPage();
      await page.goto(demo.url + path, { waitUntil: 'domcontentloaded', timeout: 15_000 });
      const url = page.url();
      // Done with this page when what it stores is stored: in the control run, until the set of
      // signals read from it stops growing; in the stopped run, until the control's set is there.
      // A message that arrives while the worker is still stopping fails ("Receiving end does not
      // exist"); the next one starts it again.
      const fromPage = async () =>
        (await readTable<Signal>(ext, 'signals').catch(() => [] as Signal[])).filter((s) => (s.source as { url?: string }).url === url).map((s) => s.id).sort();
      if (stopping) {
        const want = perPage.get(path) ?? [];
        await waitFor(async () => {
          const have = new Set(await fromPage());
          return want.every((id) => have.has(id));
        }, 20_000, `the signals of ${path} stored`);
      } else {
        let last = '';
        let stableSince = 0;
        const ids = await waitFor(async () => {
          const now = await fromPage();
          const key = now.join();
          if (key !== last) [last, stableSince] = [key, Date.now()];
          return now.length > 0 && Date.now() - stableSince > 1_500 ? now : null;
        }, 20_000, `the signals of ${path} stored`).catch(async (e: Error) => {
          const all = await readTable<Signal>(ext, 'signals').catch((x: Error) => x.message);
          throw new Error(`${e.message}; page ${url}; stored: ${JSON.stringify(all).slice(0, 600)}`);
        });
        perPage.set(path, ids);
      }
      // The tab's state (the reading handler's last step) should show this page too.
      const tabId = await ext.evaluate(
        (u) =>
          (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }).chrome.tabs
            .query({})
            .then((ts) => ts.find((t) => t.url === u)?.id),
        url,
      );
      const shown = await waitFor(
        async () => (await sendFromExtension<{ url?: string } | null>(ext, { type: 'tab.account', tabId }).catch(() => undefined))?.data?.url === url,
        5_000,
        'tab state',
      ).catch(() => false);
      if (!shown) unackedTabs++;
      await page.close();
    }
    if (stopping) await ext.evaluate(() => ((globalThis as unknown as { __armed: boolean }).__armed = false));

    const accounts = await readTable<{ id: string; name: string }>(ext, 'accounts');
    const names = new Map(accounts.map((a) => [a.id, a.name]));
    const signals = new Map<string, Record<string, unknown>>();
    for (const s of await readTable<Signal>(ext, 'signals')) {
      const { observedAt: _o, updatedAt: _u, accountId, ...rest } = s;
      signals.set(s.id, { ...rest, account: names.get(accountId) ?? `(missing account ${accountId})` });
    }
    const pending = (await readTable<{ id: string; observations: Array<{ id: string }> }>(ext, 'pending')).map((p) => ({
      id: p.id,
      observationIds: p.observations.map((o) => o.id),
    }));
    return { signals, accountNames: accounts.map((a) => a.name).sort(), pending, stops, workerStarts, unackedTabs };
  } finally {
    await session.close();
  }
}

test('stopping the service worker mid-ingest on every page loses nothing and doubles nothing', async () => {
  test.setTimeout(180_000);
  control = await run(false);
  stopped = await run(true);
  console.log(
    `worker-stop: ${stopped.stops} stops, ${stopped.workerStarts} worker starts (control ${control.workerStarts}); ` +
      `${stopped.signals.size} signals (control ${control.signals.size}); pending rows left ${stopped.pending.length}; ` +
      `tabs without state ${stopped.unackedTabs} (control ${control.unackedTabs})`,
  );

  // The stops happened — one per page whose pending row the watcher saw — and the worker came back.
  expect(stopped.stops).toBeGreaterThanOrEqual(PAGES.length / 2);
  expect(stopped.workerStarts).toBeGreaterThan(control.workerStarts + stopped.stops / 2);

  // A sensible control: tickets and account facts from all three PSAs.
  const kinds = new Set([...control.signals.values()].map((s) => `${(s.source as { reader?: string } | undefined)?.reader}:${s.kind}`));
  for (const k of ['connectwise:ticket', 'autotask:ticket', 'halopsa:ticket', 'connectwise:accountFacts', 'autotask:accountFacts', 'halopsa:accountFacts'])
    expect([...kinds], k).toContain(k);
  expect(control.pending).toEqual([]);

  // Same end state: every signal once, same content, on the same (not doubled) accounts.
  expect([...stopped.signals.keys()].sort()).toEqual([...control.signals.keys()].sort());
  for (const [id, s] of control.signals) expect(stopped.signals.get(id), id).toEqual(s);
  // (The demo serves all three PSAs on 127.0.0.1, so a company known under two PSA ids there gets two
  // accounts in both runs; what matters is that stops add none.)
  expect(stopped.accountNames).toEqual(control.accountNames);
  // What a stop left in `pending` is stored too (the re-sent reading): nothing lost.
  for (const p of stopped.pending) for (const id of p.observationIds) expect(stopped.signals.has(id), `pending ${id} is stored`).toBe(true);
});

test('a reading interrupted between its pending row and its ingest is finished on the next wake (no orphaned pending rows)', async () => {
  expect(stopped, 'needs the run above').toBeDefined();
  // Orphaned rows can only be told apart from drained ones if a stop landed between a pending row
  // and its ingest (it does in nearly every run: the stop follows the row within milliseconds).
  test.skip(stopped!.stops === 0, 'no stop happened');
  // The worker woke many times after those stops (every later page): nothing may be left pending.
  expect(stopped!.pending).toEqual([]);
});
