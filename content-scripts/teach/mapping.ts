/**
 * Teach mode's stored shape: on a page no adapter knows, the user clicks the company name, the
 * ticket id, the priority… and Metronome keeps one mapping per host and page type, applied from
 * then on. Everything here is validated with zod (mappings come back from storage and imports).
 */
import { z } from 'zod';
import { Id, Instant } from '../../engine/signals';

/** Fields a user can teach (the words of the signal vocabulary). */
export const TAUGHT_FIELDS = [
  'companyName',
  'companyId',
  'ticketId',
  'summary',
  'priority',
  'status',
  'category',
  'openedAt',
  'respondedAt',
  'resolvedAt',
  'slaResponseDue',
  'slaResolutionDue',
] as const;
export const TaughtField = z.enum(TAUGHT_FIELDS);
export type TaughtField = z.infer<typeof TaughtField>;

/** Page types a mapping can describe (one record per page: a ticket or a company). */
export const TAUGHT_PAGE_TYPES = ['ticket', 'company'] as const;

/** What each page type needs before it is worth storing (drift if a taught one stops matching). */
export const TAUGHT_MINIMUM: Record<(typeof TAUGHT_PAGE_TYPES)[number], readonly TaughtField[]> = {
  ticket: ['ticketId', 'companyName', 'openedAt'],
  company: ['companyName'],
};

export const FieldMapping = z
  .object({
    /** CSS selector from `selectorFor` (stable attributes, else a tag/nth-of-type path). */
    selector: z.string().trim().min(1).max(1000),
    /** The value shown when the user taught it (for the confirmation preview). */
    sample: z.string().max(500),
    /** The visible label next to the value, when there was one: the fallback if the selector breaks. */
    label: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type FieldMapping = z.infer<typeof FieldMapping>;

export const TeachMapping = z
  .object({
    id: Id,
    /** Host it applies to (lower case, no port). */
    host: z.string().trim().toLowerCase().min(1).max(253),
    pageType: z.enum(TAUGHT_PAGE_TYPES),
    /** Path + query with `*` wildcards, e.g. `/tickets/*` or `/ticket.aspx?id=*`. */
    urlPattern: z.string().min(1).max(500).startsWith('/'),
    fields: z
      .partialRecord(TaughtField, FieldMapping)
      .refine((f) => Object.keys(f).length > 0, 'teach at least one field'),
    /** Day/month order of the dates on this page, when the user told us. */
    dateOrder: z.enum(['MDY', 'DMY', 'YMD']).optional(),
    createdAt: Instant,
    updatedAt: Instant,
    deletedAt: Instant.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const f of TAUGHT_MINIMUM[m.pageType]) {
      if (!m.fields[f]) ctx.addIssue({ code: 'custom', path: ['fields', f], message: `a ${m.pageType} mapping needs ${f}` });
    }
  });
export type TeachMapping = z.infer<typeof TeachMapping>;

const escapeRe = (s: string): string => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Does this URL's path+query fit the mapping's pattern (`*` = any run of characters)? */
export function urlMatchesPattern(url: URL, pattern: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map(escapeRe).join('.*')}$`, 'i');
  return re.test(url.pathname + url.search);
}

/** A mapping applies to this page: same host (port ignored) and matching path/query. */
export function mappingApplies(mapping: TeachMapping, url: URL): boolean {
  return !mapping.deletedAt && url.hostname.toLowerCase() === mapping.host && urlMatchesPattern(url, mapping.urlPattern);
}

/** Segments and query values that are ids, not page names. */
const ID_LIKE = /^[A-Za-z]{0,4}[-_.]?\d[\d._-]*$|^[0-9a-f]{8}-[0-9a-f-]{27}$/i;

/**
 * A pattern for "pages like this one": ids in the path and the values of the query become `*`
 * (`/tickets/1042?tab=notes` → `/tickets/*?tab=*`). The user can edit it before saving.
 */
export function urlPatternFor(url: URL): string {
  const path = url.pathname
    .split('/')
    .map((seg) => (ID_LIKE.test(seg) ? '*' : seg))
    .join('/');
  const keys = [...new URLSearchParams(url.search).keys()];
  return keys.length ? `${path}?${keys.map((k) => `${k}=*`).join('&')}` : path;
}
