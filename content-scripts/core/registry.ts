/**
 * The validated way to run a reader (zod): for tests, fixtures and the background. The content
 * script uses the zod-free `detect.ts`.
 *
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
import { readPage } from './detect';
import type { Observation, PageReading, PageTypeReader, ReadContext } from './types';

export { detectPage, driftReading, missingFields, pageHost, PAGE_SHAPE, readPage, type Detection } from './detect';

/** What `Observation.company` may hold: the one schema, for the background's reading check and for ingest (storage/ingest.ts). */
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

/** `readPage` with every observation validated by the signal schemas (tests, fixtures, background). */
export function runReader(reader: PageTypeReader, doc: Document, ctx: ReadContext): PageReading {
  return readPage(reader, doc, ctx, validateObservation);
}
