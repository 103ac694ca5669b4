/**
 * Content scripts run only on origins the user granted (optional host permissions, requested at
 * runtime from Options) — plus the loopback demo PSA in the demo build. They are registered
 * dynamically, so a self-hosted PSA domain gets them too once granted. Idempotent.
 *
 * What is registered is the small loader (reader-loader.js, document_idle); the reader itself is
 * injected by `injectReader` when the loader asks, after the page's load event — so its parse and
 * start-up never delay a PSA page (measured: scripts/bench-browser.ts). Which reader: the bundle of
 * the page's PSA, by host (content-scripts/runtime/bundles.ts), else the all-adapters reader.js.
 */
import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import type { Reply } from '../../messaging/protocol';
import { observerExcludeMatches, observesApi, readerFileFor } from '../../content-scripts/runtime/bundles';
export { isReaderLoadRequest } from '../../content-scripts/runtime/loader';

type ReaderScriptPath = NonNullable<Parameters<typeof browser.scripting.executeScript>[0]['files']>[number];

const READER_ID = 'metronome-reader';
const OBSERVER_ID = 'metronome-observer';
export const LOADER_FILE = 'reader-loader.js';
const OBSERVER_FILE = 'content-scripts/page-observer.js';

export async function grantedOrigins(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  return (all.origins ?? []).filter((o) => o !== '<all_urls>' && !o.startsWith('chrome-extension:'));
}

export async function syncContentScripts(): Promise<string[]> {
  const origins = await grantedOrigins();
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return origins;
  const existing = await scripting.getRegisteredContentScripts({ ids: [READER_ID, OBSERVER_ID] }).catch(() => []);
  if (existing.length) await scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (origins.length === 0) return origins;
  await scripting.registerContentScripts([
    {
      id: OBSERVER_ID,
      js: [OBSERVER_FILE],
      matches: origins,
      // Not on ConnectWise/Autotask hosts: their readers use no API responses (bundles.ts).
      excludeMatches: observerExcludeMatches(),
      runAt: 'document_start',
      allFrames: true,
      world: 'MAIN',
      persistAcrossSessions: true,
    } as Parameters<typeof scripting.registerContentScripts>[0][number],
    {
      id: READER_ID,
      js: [LOADER_FILE],
      matches: origins,
      runAt: 'document_idle',
      allFrames: true, // Autotask shows its pages inside an iframe at /Mvc/…
      persistAcrossSessions: true,
    },
  ]);
  return origins;
}

/**
 * Registered content scripts reach only pages loaded after their registration: tabs already open on
 * an origin the user has just granted — or on any granted origin when Metronome is installed or
 * updated — would stay unread until reloaded. Inject the loader into their frames now; it asks for
 * its reader as on any page (one reader per document: start-once.ts). On hosts that get the API
 * observer (HaloPSA, M365, unknown PSAs), it goes in first, in the page's world: it misses what the
 * page fetched before, but catches every later call of a single-page app (it never wraps twice:
 * page-observer.ts). Returns how many tabs got the loader.
 */
export async function startInOpenTabs(origins: readonly string[]): Promise<number> {
  if (origins.length === 0 || !browser.scripting?.executeScript) return 0;
  const tabs = await browser.tabs.query({ url: [...origins] }).catch(() => []);
  let started = 0;
  for (const tab of tabs) {
    if (tab.id === undefined || tab.discarded) continue;
    try {
      // allFrames: Autotask's pages live in an inner frame; frames on other origins are not scripted.
      const target = { tabId: tab.id, allFrames: true };
      // (Without the observer the page is still read from its DOM: its failure does not stop the loader.)
      if (tab.url && observesApi(tab.url))
        await browser.scripting.executeScript({ target, files: [OBSERVER_FILE as ReaderScriptPath], world: 'MAIN' }).catch(() => undefined);
      await browser.scripting.executeScript({ target, files: [LOADER_FILE as ReaderScriptPath] });
      started++;
    } catch {
      // A tab that cannot be scripted now (an error page, closed meanwhile): it is read on its next load.
    }
  }
  return started;
}

/**
 * The loader in a page asks for the reader: inject its host's bundle into exactly that document
 * (Chrome's `documentId`; the frame elsewhere), which must be on a granted origin (the browser
 * enforces it too). The bundle is chosen from the frame's own URL (Autotask's inner frame, not the tab).
 */
export async function injectReader(sender: Runtime.MessageSender): Promise<Reply<null>> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url) return { ok: false, error: 'the reader is injected into tabs only' };
  try {
    await browser.scripting.executeScript({
      // documentId: a frame that navigated meanwhile does not get the reader of its previous page.
      target: sender.documentId ? { tabId, documentIds: [sender.documentId] } : { tabId, frameIds: [sender.frameId ?? 0] },
      // (A plain string: WXT's generated path union lags new entrypoints until `wxt prepare`;
      // content-scripts/runtime/bundles.test.ts checks each file has its entrypoint.)
      files: [readerFileFor(sender.url) as ReaderScriptPath],
    });
    return { ok: true, data: null };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
