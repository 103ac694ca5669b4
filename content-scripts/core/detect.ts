/**
 * Page-type detection and running a reader — zod-free, so the content script stays small. The
 * validated variant (`runReader` in `registry.ts`) adds zod checks of every observation; the
 * content script uses `readPage` here and the background validates what arrives.
 *
 * Detection matches by URL path/query and by DOM — never by hostname: which host is which PSA is
 * the user's setting (and the demo serves every PSA on 127.0.0.1 with the real apps' paths).
 *
 * Drift: when a page's URL says "ConnectWise ticket" but its DOM no longer looks like one, or the
 * reader cannot find a required field, the reading carries `missing` and **no observations** — the
 * caller stores nothing and the side panel says the adapter no longer matches, instead of storing
 * half-read values.
 */
import type { Observation, PageReading, PageTypeReader, ReadContext } from './types';

export type Detection =
  | { reader: PageTypeReader }
  | { drift: { reader: PageTypeReader; missing: string[] } }
  | null;

/** Marker put in `missing` when the document does not look like the page type its URL names. */
export const PAGE_SHAPE = 'page shape';

/**
 * Which reader knows this page. Readers whose URL test passes are tried in order; the first whose
 * DOM test also passes wins. URL match but no DOM match → drift (the app changed, or this is not
 * the page it looks like). No URL match → `null` (not ours).
 */
export function detectPage(doc: Document, url: URL, readers: readonly PageTypeReader[]): Detection {
  let first: PageTypeReader | undefined;
  for (const reader of readers) {
    if (!safe(() => reader.matchesUrl(url))) continue;
    first ??= reader;
    if (safe(() => reader.matchesDocument(doc))) return { reader };
  }
  return first ? { drift: { reader: first, missing: [PAGE_SHAPE] } } : null;
}

function safe(test: () => boolean): boolean {
  try {
    return test();
  } catch {
    return false;
  }
}

/** A reading that stored nothing: drift with the given missing fields. */
export function driftReading(reader: PageTypeReader, missing: string[], warnings: string[] = []): PageReading {
  return { adapter: reader.adapter, pageType: reader.pageType, observations: [], missing, warnings };
}

/**
 * Runs a reader safely: a thrown error becomes drift (`missing: ['reader error']`), a non-empty
 * `missing` drops every observation, and with `check` each observation is validated — an invalid one
 * is dropped with a warning naming the field (never stored half-valid).
 */
export function readPage(
  reader: PageTypeReader,
  doc: Document,
  ctx: ReadContext,
  check?: (obs: Observation) => { ok: true; value: Observation } | { ok: false; error: string },
): PageReading {
  let reading: PageReading;
  try {
    reading = reader.read(doc, ctx);
  } catch (err) {
    return driftReading(reader, ['reader error'], [`${reader.id} failed: ${err instanceof Error ? err.message : String(err)}`]);
  }
  const missing = [...new Set(reading.missing)];
  const warnings = [...reading.warnings];
  if (missing.length > 0) {
    return { adapter: reader.adapter, pageType: reader.pageType, observations: [], missing, warnings, ...extras(reading) };
  }
  const observations: Observation[] = [];
  for (const obs of reading.observations) {
    if (!check) {
      observations.push(obs);
      continue;
    }
    const v = check(obs);
    if (v.ok) observations.push(v.value);
    else warnings.push(`dropped ${obs.id}: ${v.error}`);
  }
  return { adapter: reader.adapter, pageType: reader.pageType, observations, missing, warnings, ...extras(reading) };
}

/** Optional parts of a reading carried through unchanged (only when present, so deep-equal stays exact). */
function extras(r: PageReading): Pick<PageReading, 'mainText' | 'slaTargets'> {
  return {
    ...(r.mainText === undefined ? {} : { mainText: r.mainText }),
    ...(r.slaTargets === undefined ? {} : { slaTargets: r.slaTargets }),
  };
}

/** Names of the required fields whose value is absent or blank — what a reader reports as `missing`. */
export function missingFields(required: readonly string[], values: Readonly<Record<string, unknown>>): string[] {
  return required.filter((name) => {
    const v = values[name];
    return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
  });
}

/** The host part of signal ids and `source.host` for a page (lower case, no port). */
export function pageHost(url: URL): string {
  return url.hostname.toLowerCase();
}
