/**
 * Runs in the page's main world (HaloPSA and the M365 admin center load their data as JSON). It
 * wraps `fetch` and `XMLHttpRequest` to *observe* the responses the page itself receives — it never
 * makes a request — and forwards only whitelisted API paths to the isolated content script, which
 * validates them with zod. Nothing else leaves the page.
 */
export const OBSERVED_API_PATHS: readonly RegExp[] = [
  // HaloPSA ("Halo API v2"), same origin as the agent app
  /\/api\/tickets(\/\d+)?$/i,
  /\/api\/client(\/\d+)?$/i,
  /\/api\/clientcontract(\/\d+)?$/i,
  // Microsoft Graph and admin-center APIs the admin pages call
  /^\/(v1\.0|beta)\/reports\/authenticationmethods\/userregistrationdetails\/?$/i,
  /^\/(v1\.0|beta)\/users\/?$/i,
  /^\/(v1\.0|beta)\/organization\/?$/i,
  /^\/(v1\.0|beta)\/subscribedskus\/?$/i,
  /^\/(v1\.0|beta)\/security\/securescores\/?$/i,
  /^\/(v1\.0|beta)\/reports\/getoffice365(activeuserdetail|servicesusercounts)/i,
];

export const OBSERVER_MESSAGE = '__metronome_api_response__';
/** Posted by the reader once it listens (it is injected after the page's load event). */
export const READER_READY_MESSAGE = '__metronome_reader_ready__';
const MAX_BODY_CHARS = 5_000_000;
/** Responses kept for a reader that is not listening yet (the page's first API calls come before load). */
const MAX_BUFFERED_CHARS = 10_000_000;
/** …and for at most this long (a page whose reader never starts does not keep them). */
const EARLY_KEEP_MS = 60_000;

export function isObservedUrl(rawUrl: string, base: string): URL | null {
  let url: URL;
  try {
    url = new URL(rawUrl, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return OBSERVED_API_PATHS.some((re) => re.test(url.pathname)) ? url : null;
}

/**
 * Marks a page whose `fetch`/XHR are already wrapped: the observer registered at document_start and
 * one injected late into an open tab (background/content-scripts.ts `startInOpenTabs`) — or the
 * previous version's, still in a page open across an update — must not wrap them twice.
 */
const INSTALLED = Symbol.for('metronome.pageObserver');

export function installPageObserver(win: Window & typeof globalThis): void {
  const marked = win as unknown as Record<symbol, unknown>;
  if (marked[INSTALLED]) return;
  Object.defineProperty(marked, INSTALLED, { value: true });
  let early: Array<{ url: string; body: string }> | undefined = [];
  let earlyChars = 0;
  const post = (url: URL, text: string) => {
    if (text.length > MAX_BODY_CHARS) return;
    if (early && earlyChars + text.length <= MAX_BUFFERED_CHARS) {
      early.push({ url: url.href, body: text });
      earlyChars += text.length;
    }
    win.postMessage({ type: OBSERVER_MESSAGE, url: url.href, body: text }, win.location.origin);
  };
  // The reader starts listening after load: hand it what was observed before (once), then stop keeping.
  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== win || (event.data as { type?: unknown } | null)?.type !== READER_READY_MESSAGE || !early) return;
    const replay = early;
    early = undefined;
    for (const r of replay) win.postMessage({ type: OBSERVER_MESSAGE, url: r.url, body: r.body }, win.location.origin);
  });
  win.setTimeout(() => (early = undefined), EARLY_KEEP_MS);

  const originalFetch = win.fetch.bind(win);
  win.fetch = async (...args: Parameters<typeof fetch>) => {
    const response = await originalFetch(...args);
    try {
      const req = args[0];
      const raw = typeof req === 'string' ? req : req instanceof URL ? req.href : req.url;
      const url = isObservedUrl(raw, win.location.href);
      if (url && response.ok) void response.clone().text().then((t) => post(url, t), () => undefined);
    } catch {
      // Observation must never break the page.
    }
    return response;
  };

  const XHR = win.XMLHttpRequest.prototype;
  const open = XHR.open;
  XHR.open = function (this: XMLHttpRequest & { __metronomeUrl?: URL | null }, ...args: unknown[]) {
    try {
      this.__metronomeUrl = isObservedUrl(String(args[1]), win.location.href);
      if (this.__metronomeUrl)
        this.addEventListener('load', () => {
          const u = this.__metronomeUrl;
          if (u && this.status >= 200 && this.status < 300 && (this.responseType === '' || this.responseType === 'text'))
            post(u, this.responseText);
        });
    } catch {
      // ignore
    }
    return (open as (...a: unknown[]) => void).apply(this, args);
  } as typeof XHR.open;
}
