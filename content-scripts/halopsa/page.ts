/**
 * What all HaloPSA readers share: paths, selectors of the agent app's rendered DOM (kept in one
 * place), and the conversion of Halo's values (ids, API dates) into signal values.
 *
 * HaloPSA's agent app is a single-page app over its own "Halo API v2" (`/api/Tickets`,
 * `/api/Client`, `/api/ClientContract`); the API readers (`api.ts`) are the primary source, the DOM
 * readers a label- and header-based fallback. Both give the same ids (`ticket:<host>:<id>`), so a
 * ticket read from JSON and from the page is one record.
 */
import type { AccountFactsSignal, PageType, TicketSignal, TicketSla } from '../../engine/signals';
import type { Observation, PageReading, ReadContext } from '../core/types';
import { parsePsaDate } from '../core/dates';
import { normalizeHost, signalId } from '../core/ids';

export const ADAPTER = 'halopsa';

/** Agent-app routes (`/ticket?id=4711`, `/tickets?area=1`, `/customers?clientid=100`, `/contracts?id=55`). */
export const PATHS = {
  ticket: /^\/ticket\/?$/i,
  tickets: /^\/tickets\/?$/i,
  client: /^\/customers\/?$/i,
  contract: /^\/contracts\/?$/i,
} as const;

export const SELECTORS = {
  /** The app's main content region (labels are looked up only inside it, never in the nav). */
  main: 'main',
  ticketView: '.ticket-view',
  ticketNumber: '.ticket-header .ticket-number',
  ticketSummary: '.ticket-header .ticket-summary',
  grid: 'table.halo-grid',
  ticketListView: '.ticket-list-view',
  clientView: '.client-view',
  clientName: '.client-header .client-name',
  contractView: '.contract-view',
} as const;

/** A query parameter read case-insensitively (`clientid`, `clientId`). */
export function queryParam(url: URL, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of url.searchParams) if (k.toLowerCase() === want && v.trim() !== '') return v.trim();
  return undefined;
}

/** "#0004711", "0004711", "4711" → "4711" (Halo shows ids zero-padded; the API has the number). */
export function haloId(raw: string | number | undefined | null): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const m = /^#?0*(\d{1,10})$/.exec(String(raw).trim());
  return m && m[1] !== '0' ? m[1] : undefined;
}

/** Halo writes "no date" as `1900-01-01T00:00:00` (or `0001-01-01…`): anything before 1970 is none. */
const NO_DATE_BEFORE_YEAR = 1970;

/**
 * An API date-time → ISO instant in the user's zone. Halo's API returns UTC, usually without a
 * `Z` (`2026-10-07T14:22:00`); an explicit offset is kept. `undefined` for none or unreadable.
 */
export function apiInstant(raw: string | null | undefined, timeZone: string): string | undefined {
  const s = raw?.trim();
  if (!s || !/^\d{4}-/.test(s) || Number(s.slice(0, 4)) < NO_DATE_BEFORE_YEAR) return undefined;
  const utc = /(?:z|[+-]\d{2}:?\d{2})$/i.test(s) || !s.includes('T') ? s : `${s}Z`;
  return parsePsaDate(utc, { timeZone });
}

/**
 * An API date that means a calendar day (contract start/end): its date part as written. Converting
 * `2026-12-31T00:00:00` from UTC would move it to Dec 30 for anyone west of Greenwich.
 */
export function apiCalendarDate(raw: string | null | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw?.trim() ?? '');
  if (!m || Number(m[1]) < NO_DATE_BEFORE_YEAR) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

export function sourceOf(ctx: ReadContext, pageType: PageType) {
  return { host: normalizeHost(ctx.url.host), pageType, url: ctx.url.href, reader: ADAPTER };
}

/** No observations, ever, when something required is missing. */
export function reading(pageType: PageType, observations: PageReading['observations'], missing: string[], warnings: string[]): PageReading {
  return { adapter: ADAPTER, pageType, observations: missing.length > 0 ? [] : observations, missing, warnings };
}

// ---------------------------------------------------------------------------------------------
// Observations, built the same way from API JSON and from the DOM.

export interface HaloTicketValues {
  id: string;
  summary?: string;
  status?: string;
  priority?: string;
  category?: string;
  clientId?: string;
  clientName?: string;
  openedAt: string;
  respondedAt?: string;
  closedAt?: string;
  sla?: TicketSla;
}

export function ticketObservation(v: HaloTicketValues, ctx: ReadContext, pageType: PageType): Observation {
  const t: Omit<TicketSignal, 'accountId'> = {
    id: signalId('ticket', ctx.url.host, v.id),
    kind: 'ticket',
    observedAt: ctx.now.toISOString(),
    source: sourceOf(ctx, pageType),
    ticketId: v.id,
    openedAt: v.openedAt,
  };
  if (v.summary) t.summary = v.summary;
  if (v.priority) t.priority = v.priority;
  if (v.status) t.status = v.status;
  if (v.category) t.category = v.category;
  if (v.clientName) t.companyName = v.clientName;
  if (v.respondedAt) t.respondedAt = v.respondedAt;
  if (v.closedAt) t.closedAt = v.closedAt;
  if (v.sla) t.sla = v.sla;
  return { ...t, company: companyRef(v.clientId, v.clientName) };
}

export interface HaloClientValues {
  clientId: string;
  name: string;
  accountManager?: string;
  contacts?: NonNullable<AccountFactsSignal['contacts']>;
}

export function clientObservation(v: HaloClientValues, ctx: ReadContext): Observation {
  const f: Omit<AccountFactsSignal, 'accountId'> = {
    id: signalId('accountFacts', ctx.url.host, v.clientId),
    kind: 'accountFacts',
    observedAt: ctx.now.toISOString(),
    source: sourceOf(ctx, 'company'),
    name: v.name,
    psaRef: { host: normalizeHost(ctx.url.host), companyId: v.clientId },
  };
  if (v.accountManager) f.roles = { am: v.accountManager };
  if (v.contacts) f.contacts = v.contacts;
  return { ...f, company: { psaId: v.clientId, name: v.name } };
}

export interface HaloContractValues {
  contractId: string;
  ref: string;
  type?: string;
  clientId?: string;
  clientName?: string;
  start?: string;
  end?: string;
  mrr?: number;
  active: boolean;
}

/**
 * A contract → agreement facts for its client. MRR and renewal date only from an active contract:
 * an expired one must not overwrite the account's current MRR or renewal countdown.
 */
export function contractObservation(v: HaloContractValues, ctx: ReadContext): Observation {
  const agreement: NonNullable<AccountFactsSignal['agreement']> = { name: v.ref };
  if (v.type) agreement.type = v.type;
  if (v.mrr !== undefined) agreement.mrr = v.mrr;
  if (v.start) agreement.start = v.start;
  if (v.end) agreement.end = v.end;
  const f: Omit<AccountFactsSignal, 'accountId'> = {
    id: signalId('accountFacts', ctx.url.host, `contract-${v.contractId}`),
    kind: 'accountFacts',
    observedAt: ctx.now.toISOString(),
    source: sourceOf(ctx, 'agreement'),
    agreement,
  };
  if (v.clientId) f.psaRef = { host: normalizeHost(ctx.url.host), companyId: v.clientId };
  if (v.active) {
    if (v.mrr !== undefined) f.mrr = v.mrr;
    if (v.end) f.renewalDate = v.end;
  }
  return { ...f, company: companyRef(v.clientId, v.clientName) };
}

function companyRef(psaId: string | undefined, name: string | undefined): Observation['company'] {
  return { ...(psaId ? { psaId } : {}), ...(name ? { name } : {}) };
}
