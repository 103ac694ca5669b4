/**
 * Which pages a taught mapping applies to (zod-free: runs in the content script). The mapping's
 * schema lives in `mapping.ts`.
 */
import type { TeachMapping } from './mapping';

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
export type TaughtField = (typeof TAUGHT_FIELDS)[number];

/** Page types a mapping can describe (one record per page: a ticket or a company). */
export const TAUGHT_PAGE_TYPES = ['ticket', 'company'] as const;

/** What each page type needs before it is worth storing (drift if a taught one stops matching). */
export const TAUGHT_MINIMUM: Record<(typeof TAUGHT_PAGE_TYPES)[number], readonly TaughtField[]> = {
  ticket: ['ticketId', 'companyName', 'openedAt'],
  company: ['companyName'],
};


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
