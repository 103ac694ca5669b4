/**
 * The contract every PSA/M365 adapter implements. Adapters are pure functions over a `Document`
 * (and, for single-page apps that load JSON, over those responses): no storage, no messaging, no
 * browser APIs. The content script runs them; the background resolves accounts and stores signals.
 */
import type { PageType, Signal } from '../../engine/signals';

/** How an adapter refers to the client a value belongs to; the background maps it to an account. */
export interface CompanyRef {
  /** The PSA's own id for the company (record id or identifier), when the page shows it. */
  psaId?: string;
  name?: string;
  /** M365 tenant id or primary domain, for admin-center readings. */
  tenant?: string;
}

/**
 * A signal as read from a page: everything but `accountId` (unknown to the page) — instead it names
 * the company. `id` must be stable for the entity (`ticket:<host>:<ticketId>`), see `signalId`.
 */
export type Observation = DistributiveOmit<Signal, 'accountId'> & { company: CompanyRef };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface ReadContext {
  url: URL;
  /** When the page was read (becomes `observedAt`). */
  now: Date;
  /**
   * The user's IANA time zone: PSA dates without an offset are local to it. On a live page the
   * reader passes `LOCAL_TIME_ZONE` (core/dates.ts): the browser's own zone, read without Intl.
   */
  timeZone: string;
  /** Date order of the PSA user's locale when the page does not tell (`MDY` US, `DMY` EU). */
  dateOrder?: 'MDY' | 'DMY' | 'YMD';
}

/** What one page yields. */
export interface PageReading {
  adapter: string;
  pageType: PageType;
  observations: Observation[];
  /**
   * Required fields this page type declares that could not be read. Non-empty = drift: the page
   * looks like a known page type but no longer matches; the caller stores nothing and reports it.
   */
  missing: string[];
  /** Non-fatal notes (a row skipped because its date did not parse, …). */
  warnings: string[];
  /** Main text of the page when useful to the recap composer (Readability), else undefined. */
  mainText?: string;
  /**
   * SLA definitions read from an SLA setup page (priority → target hours). Informational: no signal
   * carries them (tickets carry their own due dates), but options/teach UI may show them.
   */
  slaTargets?: SlaTarget[];
}

/** One priority's targets in an SLA definition, in hours. */
export interface SlaTarget {
  sla?: string;
  priority: string;
  respondHours?: number;
  planHours?: number;
  resolveHours?: number;
}

/** One page type of one adapter: which pages it knows, what it must yield, and how to read it. */
export interface PageTypeReader {
  /** `connectwise/ticket`, `autotask/ticket-list`, … */
  id: string;
  adapter: string;
  pageType: PageType;
  /** Cheap URL test (no DOM work). */
  matchesUrl(url: URL): boolean;
  /** DOM test: does this document look like this page type? (Used with the URL to detect drift.) */
  matchesDocument(doc: Document): boolean;
  /** Field names this page type must yield (drift detection). */
  required: readonly string[];
  read(doc: Document, ctx: ReadContext): PageReading;
}
