/**
 * The script registered on enabled PSA/M365 origins (entrypoints/background/content-scripts.ts):
 * waits for load + idle, then has the background inject the reader (content-scripts/runtime/loader.ts).
 * An unlisted script rather than a WXT content script, so that it carries neither WXT's content-script
 * runtime nor the browser polyfill: it is parsed on every page.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startLoader, type LoaderRuntime } from '../content-scripts/runtime/loader';

type Api = { runtime?: LoaderRuntime & { id?: string } };

export default defineUnlistedScript(() => {
  const g = globalThis as { browser?: Api; chrome?: Api };
  // Firefox has `browser` (promises); Chrome's `chrome.runtime.sendMessage` returns a promise in MV3.
  const runtime = g.browser?.runtime?.id ? g.browser.runtime : g.chrome?.runtime;
  if (runtime) startLoader(window, runtime);
});
