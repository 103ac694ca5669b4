/**
 * Which reader bundle the background injects into a page (`injectReader`). Each PSA has its own
 * bundle — its adapter's readers plus the generic fallback, teach mode and the runtime — so a
 * ConnectWise page parses no Autotask, HaloPSA or Microsoft 365 code; `reader.js` carries every
 * adapter, for the hosts whose PSA is unknown (a self-hosted domain the user added, 127.0.0.1).
 *
 * Chosen by host only to save parsing: detection inside the bundle still goes by path and DOM, and
 * the all-adapters bundle is always a correct choice. Pure (no browser APIs).
 */
import { HOST_CARDS, hostOf, type HostCardId } from '../hosts';

export type ReaderBundle = 'connectwise' | 'autotask' | 'halopsa' | 'm365' | 'all';

/** Built file of each bundle (the WXT entrypoints `entrypoints/reader*.content.ts`). */
export const READER_BUNDLE_FILES: Readonly<Record<ReaderBundle, string>> = {
  connectwise: '/content-scripts/reader-connectwise.js',
  autotask: '/content-scripts/reader-autotask.js',
  halopsa: '/content-scripts/reader-halopsa.js',
  m365: '/content-scripts/reader-m365.js',
  all: '/content-scripts/reader.js',
};

/**
 * The demo build's host per PSA (`scripts/tour.ts`, the page-overhead bench): `*.localhost` is
 * loopback in Chromium and granted to the demo build (`DEMO_HOSTS` in wxt.config.ts).
 */
export const DEMO_PSA_HOSTS: Readonly<Record<Exclude<ReaderBundle, 'all'>, string>> = {
  connectwise: 'cw.localhost',
  autotask: 'autotask.localhost',
  halopsa: 'halo.localhost',
  m365: 'm365.localhost',
};

/** Options-page cards whose cloud hosts get a PSA's own bundle (the one list of those hosts). */
const CARD_BUNDLES: Partial<Record<HostCardId, Exclude<ReaderBundle, 'all'>>> = {
  connectwise: 'connectwise',
  autotask: 'autotask',
  halopsa: 'halopsa',
  m365: 'm365',
};

/** `*.myconnectwise.net` matches the domain and every subdomain (as a match pattern does); else exact. */
function hostMatches(patternHost: string, host: string): boolean {
  if (!patternHost.startsWith('*.')) return host === patternHost;
  const domain = patternHost.slice(2);
  return host === domain || host.endsWith(`.${domain}`);
}

export function readerBundleFor(url: string | URL): ReaderBundle {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return 'all';
  }
  if (!host) return 'all';
  for (const [bundle, demoHost] of Object.entries(DEMO_PSA_HOSTS)) if (host === demoHost) return bundle as ReaderBundle;
  for (const card of HOST_CARDS) {
    const bundle = CARD_BUNDLES[card.id];
    if (bundle && card.origins.some((o) => hostMatches(hostOf(o), host))) return bundle;
  }
  return 'all';
}

/**
 * PSAs whose adapters read only the DOM. The main-world API observer (page-observer.ts) forwards
 * HaloPSA and Microsoft Graph JSON only, so on these PSAs' hosts it would wrap the page's `fetch`
 * and `XMLHttpRequest` and run before the page's own scripts (document_start) for nothing.
 */
const DOM_ONLY_BUNDLES: ReadonlySet<ReaderBundle> = new Set(['connectwise', 'autotask']);

/**
 * Match patterns the background gives the API observer as `excludeMatches`: the cloud hosts and
 * demo hosts of the DOM-only PSAs. (A self-hosted PSA is unknown: it keeps the observer.)
 */
export function observerExcludeMatches(): string[] {
  const out: string[] = [];
  for (const card of HOST_CARDS) {
    const bundle = CARD_BUNDLES[card.id];
    if (bundle && DOM_ONLY_BUNDLES.has(bundle)) out.push(...card.origins);
  }
  for (const [bundle, host] of Object.entries(DEMO_PSA_HOSTS)) if (DOM_ONLY_BUNDLES.has(bundle as ReaderBundle)) out.push(`*://${host}/*`);
  return out;
}

/** Whether a page at `url` gets the API observer (the inverse of `observerExcludeMatches`). */
export function observesApi(url: string | URL): boolean {
  return !DOM_ONLY_BUNDLES.has(readerBundleFor(url));
}

/** The file `scripting.executeScript` injects for a page at `url`. */
export function readerFileFor(url: string | URL): string {
  return READER_BUNDLE_FILES[readerBundleFor(url)];
}
