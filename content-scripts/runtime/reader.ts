/**
 * The reader content script's behaviour, on an enabled PSA/M365 page: once the DOM settles, find the
 * page type (taught mapping first, then the adapters, then the generic fallback), read it, and send
 * the reading to the background until it is acknowledged. Drift is reported, never stored. Shows
 * the health pill on ticket and company pages. Plain DOM, no React.
 *
 * The adapters' readers are a parameter: each bundle (`entrypoints/reader*.content.ts`) passes its
 * PSA's, so a page parses only those (content-scripts/runtime/bundles.ts). The generic fallback and
 * teach mode are part of the runtime, in every bundle.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectPage, PAGE_SHAPE, readPage } from '../core/detect';
import type { PageReading, PageTypeReader, ReadContext } from '../core/types';
import { genericReader } from '../generic/pages';
import { teachReader } from '../teach/apply';
import type { TeachMapping } from '../teach/mapping';
import { hashString, sendUntilAcked } from './messenger';
import { OBSERVER_MESSAGE, READER_READY_MESSAGE } from './page-observer';
import { mountPill, type Pill } from './pill';
import { isPageFrame } from './page-frame';
import { pageReadContext } from './read-context';
import { onSettled } from './settle';
import { claimReaderStart } from './start-once';
import { startTeachUi, type TeachUi } from './teach-ui';

const GENERIC = genericReader();
/** How long a page must keep looking drifted before it is reported (it may still be rendering). */
const DRIFT_CONFIRM_MS = 1500;
/** Page types that get the pill (the account is unambiguous there). */
const PILL_PAGE_TYPES = new Set(['ticket', 'company', 'agreement', 'taught']);

export interface ReadingAck {
  accountIds: string[];
  pill?: { accountName: string; tone: string; word: string; due: number } | null;
  /** Hosts where the user dismissed the pill. */
  pillDismissed?: boolean;
}

/**
 * Starts the reader in this document. `adapterReaders`: the bundle's adapters in detection order;
 * each matches by URL path/query + DOM, never by hostname.
 */
export function startReader(ctx: ContentScriptContext, adapterReaders: readonly PageTypeReader[]): void {
  // The browser's own zone, without Intl (read-context.ts).
  const readContext = (): ReadContext => pageReadContext(document, location.href, navigator.language);
  let mappings: TeachMapping[] = [];
  let taught: PageTypeReader[] = [];
  let teachUi: TeachUi | undefined;
  let lastSent = '';
  let pill: Pill | undefined;
  let pillDismissed = false;

  const send = async (reading: PageReading) => {
    const payload = JSON.stringify([reading.observations, reading.missing]);
    const readingId = `${hashString(location.href)}-${hashString(payload)}`;
    if (readingId === lastSent) return; // same page content as last time: nothing new to say
    lastSent = readingId;
    const reply = await sendUntilAcked<ReadingAck>(
      {
        type: 'reading',
        readingId,
        url: location.href,
        adapter: reading.adapter,
        pageType: reading.pageType,
        observations: reading.observations,
        missing: reading.missing,
        warnings: reading.warnings.slice(0, 200),
      },
      { isInvalid: () => ctx.isInvalid },
    );
    if (!reply.ok) {
      lastSent = ''; // let the next settle try again
      return;
    }
    const ack = reply.data;
    if (reading.missing.length > 0) showPill({ accountName: 'Metronome', tone: 'drift', word: 'page not recognised', due: 0 }, ack);
    else if (ack?.pill && PILL_PAGE_TYPES.has(reading.pageType)) showPill(ack.pill, ack);
  };

  const showPill = (state: NonNullable<ReadingAck['pill']>, ack: ReadingAck | undefined) => {
    pillDismissed ||= Boolean(ack?.pillDismissed);
    if (pillDismissed || !isPageFrame(window)) return; // one pill, in the frame that shows the page
    pill ??= mountPill(document, {
      onOpen: () => void browser.runtime.sendMessage({ type: 'panel.open' }).catch(() => undefined),
      onDismiss: () => {
        pillDismissed = true;
        pill = undefined;
        void browser.runtime.sendMessage({ type: 'pill.dismiss', host: location.hostname }).catch(() => undefined);
      },
    });
    pill.update(state);
  };

  /**
   * The URL looks like a known page type but the DOM does not. Another app may use the same path
   * (a Syncro `/tickets` is not HaloPSA's): if the generic reader finds tickets, that is what the page
   * is. Otherwise the known app changed: report drift with the fields its reader can no longer find.
   */
  const readMismatchedPage = (reader: PageTypeReader, rc: ReadContext): PageReading => {
    const generic = readPage(GENERIC, document, rc);
    if (generic.observations.length > 0) return generic;
    const specific = readPage(reader, document, rc);
    if (specific.missing.length > 0) return specific;
    return { adapter: reader.adapter, pageType: reader.pageType, observations: [], missing: [PAGE_SHAPE], warnings: specific.warnings };
  };
  let viewStartedAt = Date.now();
  let driftRecheck: number | undefined;
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    viewStartedAt = Date.now();
    // A single-page app's new view: what this frame reported no longer shows (badge, panel) until
    // the view is read. Only if something was reported: an unread page has nothing to take back.
    if (lastSent === '') return;
    lastSent = '';
    void browser.runtime.sendMessage({ type: 'page.changed' }).catch(() => undefined);
  });
  const readCurrentPage = () => {
    if (ctx.isInvalid) return;
    const rc = readContext();
    const detection = detectPage(document, rc.url, [...taught, ...adapterReaders]);
    let reading: PageReading;
    if (detection && 'reader' in detection) reading = readPage(detection.reader, document, rc);
    else if (detection && 'drift' in detection) reading = readMismatchedPage(detection.drift.reader, rc);
    else reading = readPage(GENERIC, document, rc);
    if (reading.observations.length === 0 && reading.missing.length === 0) return;
    // A single-page app may still be rendering: report drift only once it has lasted a while, and
    // re-check then (a settled page that reads fine never reports it).
    const sinceView = Date.now() - viewStartedAt;
    if (reading.missing.length > 0 && sinceView < DRIFT_CONFIRM_MS) {
      clearTimeout(driftRecheck);
      driftRecheck = ctx.setTimeout(readCurrentPage, DRIFT_CONFIRM_MS - sinceView);
      return;
    }
    void send(reading);
  };

  // JSON the page itself received (HaloPSA, M365), forwarded by the main-world observer. Parsed and
  // validated in the background (its zod schemas stay out of this script).
  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    if (event.source !== window || event.origin !== location.origin) return;
    const data = event.data as { type?: unknown; url?: unknown; body?: unknown } | null;
    if (!data || data.type !== OBSERVER_MESSAGE || typeof data.url !== 'string' || typeof data.body !== 'string') return;
    void sendUntilAcked({ type: 'api.response', url: location.href, apiUrl: data.url, body: data.body }, { isInvalid: () => ctx.isInvalid, attempts: 3 });
  });
  // Injected after load: the main-world observer replays what the page received before this listened.
  try {
    window.postMessage({ type: READER_READY_MESSAGE }, location.origin);
  } catch {
    // an opaque origin (sandboxed frame): no observer there either
  }

  const setMappings = (list: TeachMapping[]) => {
    mappings = list;
    taught = list.map((m) => teachReader(m));
  };

  // Teach mode (in the frame that shows the page: page-frame.ts): the saved mapping replaces this host's one for its page type and
  // the page is read again at once, so it applies without a reload.
  const startTeach = () => {
    if (teachUi) return teachUi.focus();
    teachUi = startTeachUi({
      existing: mappings,
      readContext,
      send: (m) => browser.runtime.sendMessage(m),
      onSaved: (m) => {
        setMappings([m, ...mappings.filter((x) => x.id !== m.id)]);
        lastSent = '';
        readCurrentPage();
      },
      onClose: () => {
        teachUi = undefined;
      },
    });
  };
  ctx.onInvalidated(() => teachUi?.close());

  // The side panel asks for a fresh read (after linking a tenant, saving a taught mapping), or
  // starts teach mode.
  browser.runtime.onMessage.addListener((msg: unknown) => {
    const type = (msg as { type?: string })?.type;
    if (ctx.isInvalid) return undefined;
    if (type === 'teach.start') {
      if (!isPageFrame(window)) return undefined; // the frame that shows the page answers
      startTeach();
      return Promise.resolve({ ok: true });
    }
    if (type !== 'page.reread') return undefined;
    lastSent = '';
    readCurrentPage();
    return Promise.resolve({ ok: true });
  });

  // Taught mappings for this host, then the first read.
  void browser.runtime
    .sendMessage({ type: 'teach.mappings', host: location.hostname })
    .then((reply: unknown) => {
      const list = (reply as { ok?: boolean; data?: unknown[] } | undefined)?.data ?? [];
      // Validated by the background before it answers.
      setMappings(list as TeachMapping[]);
    })
    .catch(() => undefined)
    .finally(() => onSettled(ctx, readCurrentPage, { quietMs: 150 }));
}

/**
 * What every bundle's `main` runs: starts the reader unless one already runs in this document —
 * another bundle's, or this bundle's from an earlier injection (see start-once.ts for why a
 * re-injected same bundle takes over instead).
 */
export function startReaderOnce(ctx: ContentScriptContext, adapterReaders: readonly PageTypeReader[]): void {
  if (claimReaderStart(ctx)) startReader(ctx, adapterReaders);
}

/**
 * The definition every reader bundle's entrypoint (`entrypoints/reader*.content.ts`) passes to
 * `defineContentScript`: registered at runtime, never in the manifest — the background injects the
 * bundle on the loader's request (content-scripts/runtime/bundles.ts picks which) — in every frame
 * (Autotask's pages live in an iframe). `matches` only names the bundle's PSA for WXT; what the
 * reader may run on is the origins the user granted.
 */
export function readerContentScript(matches: string[], adapterReaders: readonly PageTypeReader[]) {
  return {
    matches,
    registration: 'runtime' as const,
    allFrames: true,
    runAt: 'document_idle' as const,
    main(ctx: ContentScriptContext) {
      startReaderOnce(ctx, adapterReaders);
    },
  };
}
