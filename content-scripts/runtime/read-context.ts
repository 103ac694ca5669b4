/**
 * The `ReadContext` of the live page the reader runs in. Wall times on a PSA page are the browser's
 * own, so the zone is `LOCAL_TIME_ZONE` (Date's local time), not an IANA name looked up through
 * `Intl.DateTimeFormat().resolvedOptions()`: the page's first Intl call starts ICU's date machinery,
 * 14–28 ms on every PSA page read (Chromium CPU profile of the demo board). Nothing here, nor in the
 * adapters reading with it, touches Intl (read-context.test.ts reads every fixture with Intl poisoned).
 */
import { LOCAL_TIME_ZONE, localeDateOrder } from '../core/dates';
import type { ReadContext } from '../core/types';

/**
 * `doc`: the page; `href`: its URL; `browserLanguage`: `navigator.language`. Day/month order of
 * ambiguous dates (07/10/2026): the page's declared language, else the browser's. Adapters that can
 * prove the order from the page's own dates do so first (core/page-dates.ts).
 */
export function pageReadContext(doc: Document, href: string, browserLanguage: string | undefined, now = new Date()): ReadContext {
  const dateOrder = localeDateOrder(doc.documentElement.lang) ?? localeDateOrder(browserLanguage);
  return { url: new URL(href), now, timeZone: LOCAL_TIME_ZONE, ...(dateOrder ? { dateOrder } : {}) };
}
