/**
 * The only script registered on PSA pages (document_idle): a few hundred bytes that wait for the
 * page's load event and then for idle time, and only then ask the background to inject the reader
 * (`content-scripts/reader.js`, ~100 KB) into this frame. Measured in Chromium (scripts/bench-browser.ts):
 * registered directly, the reader's parse, compile and start-up ran between DOMContentLoaded and the
 * load event of every PSA page and delayed it by ~30 ms on the board; this way nothing of Metronome's
 * runs before the page has loaded.
 *
 * No `wxt/browser` import (the polyfill alone is ~10 KB to parse): the extension API is passed in.
 */

/** The loader's request to the background; answered `{ ok: true }` once the reader is injected. */
export const READER_LOAD_MESSAGE = 'reader.load';

export interface LoaderRuntime {
  sendMessage(message: unknown): Promise<unknown> | undefined;
}

export interface LoaderOptions {
  /** Longest wait for idle time after the load event (ms). */
  idleTimeoutMs?: number;
  /** Tries to reach the background (a stopped worker is woken by the first; retries cover a restart). */
  attempts?: number;
  firstRetryMs?: number;
}

export function isReaderLoadRequest(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === READER_LOAD_MESSAGE;
}

export function startLoader(win: Window, runtime: LoaderRuntime, opts: LoaderOptions = {}): void {
  const idleTimeoutMs = opts.idleTimeoutMs ?? 500;
  const attempts = opts.attempts ?? 8;
  let delay = opts.firstRetryMs ?? 250;
  let tries = 0;

  const retry = () => {
    if (++tries >= attempts) return;
    win.setTimeout(request, delay);
    delay = Math.min(delay * 2, 4000);
  };
  function request() {
    let sent: Promise<unknown> | undefined;
    try {
      sent = runtime.sendMessage({ type: READER_LOAD_MESSAGE });
    } catch {
      return; // the extension was reloaded or removed: this page's loader is orphaned
    }
    if (!sent) return retry();
    sent.then((reply) => {
      if (!(reply && typeof reply === 'object' && (reply as { ok?: unknown }).ok === true)) retry();
    }, retry);
  }
  const whenIdle = () => {
    const idle = (win as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
    if (idle) idle.call(win, request, { timeout: idleTimeoutMs });
    else win.setTimeout(request, 0);
  };
  if (win.document.readyState === 'complete') whenIdle();
  else win.addEventListener('load', whenIdle, { once: true });
}
