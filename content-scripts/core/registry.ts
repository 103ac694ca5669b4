/**
 * Page-type detection and the safe way to run a reader.
 *
 * Detection matches by URL path/query and by DOM — never by hostname: which host is which PSA is
 * the user's setting (and the demo serves every PSA on 127.0.0.1 with the real apps' paths).
 *
 * Drift: when a page's URL says "ConnectWise ticket" but its DOM no longer looks like one, or the
 * reader cannot find a required field, the reading carries `missing` and **no observations** — the
 * caller stores nothing and the side panel says the adapter no longer matches, instead of storing
 * half-read values.
 */
import { z } from 'zod';
import { Signal } from '../../engine/signals';
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

/** What `Observation.company` may hold. */
export const CompanyRefSchema = z
  .object({
    psaId: z.string().trim().min(1).max(200).optional(),
    name: z.string().trim().min(1).max(300).optional(),
    tenant: z.string().trim().min(1).max(253).optional(),
  })
  .strict()
  .refine((c) => c.psaId !== undefined || c.name !== undefined || c.tenant !== undefined, {
    message: 'an observation must name its company (psaId, name or tenant)',
  });

/** Placeholder account id used only to validate an observation against the Signal schema. */
const PENDING_ACCOUNT = 'pending';

/**
 * Validates one observation with the signal schemas. Returns the parsed observation (defaults
 * applied) or the zod issues as text.
 */
export function validateObservation(obs: Observation): { ok: true; value: Observation } | { ok: false; error: string } {
  const { company, ...signal } = obs as Observation & Record<string, unknown>;
  const c = CompanyRefSchema.safeParse(company);
  if (!c.success) return { ok: false, error: `company: ${c.error.issues.map((i) => i.message).join('; ')}` };
  const s = Signal.safeParse({ ...signal, accountId: PENDING_ACCOUNT });
  if (!s.success) {
    return { ok: false, error: s.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  }
  const { accountId: _drop, ...rest } = s.data as Signal & { accountId: string };
  return { ok: true, value: { ...(rest as Omit<Signal, 'accountId'>), company: c.data } as Observation };
}

/** A reading that stored nothing: drift with the given missing fields. */
export function driftReading(reader: PageTypeReader, missing: string[], warnings: string[] = []): PageReading {
  return { adapter: reader.adapter, pageType: reader.pageType, observations: [], missing, warnings };
}

/**
 * Runs a reader safely: a thrown error becomes drift (`missing: ['reader error']`), a non-empty
 * `missing` drops every observation, and each observation is validated with zod — an invalid one is
 * dropped with a warning naming the field (never stored half-valid).
 */
export function runReader(reader: PageTypeReader, doc: Document, ctx: ReadContext): PageReading {
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
    const v = validateObservation(obs);
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
