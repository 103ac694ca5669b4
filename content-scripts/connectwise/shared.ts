/**
 * What every ConnectWise PSA (Manage) page type shares: URL recognition, provenance, date options
 * and value clean-up. ConnectWise is a GWT app whose class names (`GMDB3DUB…`) and element ids
 * change between releases, so nothing here depends on them: screens are recognised by URL path and
 * query (never the host: which host is ConnectWise is the user's setting) and read by label text.
 */
import { formatInstant, inferDateOrder, localeDateOrder, parsePsaDate, type ParseDateOptions } from '../core/dates';
import { normalizeSpace, text } from '../core/dom';
import { pageHost } from '../core/detect';
import type { PageType, Source } from '../../engine/signals';
import type { CompanyRef, ReadContext } from '../core/types';

export const ADAPTER = 'connectwise';

/** Screen names CW uses in deep links (`routeTo=ServiceFV`, `recordType=ServiceFv`, `startscreen=sr100`). */
export type CwScreen = 'ticket' | 'board' | 'company' | 'agreement' | 'sla';

const SCREEN_TOKENS: Record<CwScreen, RegExp> = {
  ticket: /^(?:servicefv|service_fv|ticketfv|sr100)$/i,
  board: /^(?:serviceboard|serviceboardfv|serviceboardlist|sr200)$/i,
  company: /^(?:companyfv|company_fv|cr100)$/i,
  agreement: /^(?:agreementfv|agreement_fv|agr100)$/i,
  sla: /^(?:slafv|servicesla|sla_fv|slalist)$/i,
};

const PATH_TOKENS: Record<CwScreen, RegExp> = {
  ticket: /\/fv_sr100_request\.rails$/i,
  board: /\/(?:sr200_[a-z_]*|serviceboard[a-z_]*)\.rails$/i,
  company: /\/fv_(?:cr100|company)[a-z_]*\.rails$/i,
  agreement: /\/fv_agr[a-z0-9_]*\.rails$/i,
  sla: /\/(?:fv_)?sla[a-z0-9_]*\.rails$/i,
};

/** ConnectWise app paths start with a release folder: `/v4_6_release/…`, `/v2025_1/…`. */
const CW_RELEASE_PATH = /^\/v\d{1,4}_\d{1,2}(?:_release)?\//i;

/**
 * Which CW screen a URL names, from its path and query (`routeTo`, `recordType`, `startscreen` in
 * query or hash). Host-agnostic on purpose.
 */
export function cwScreenOf(url: URL): CwScreen | undefined {
  if (!CW_RELEASE_PATH.test(url.pathname)) return undefined;
  const params = [url.searchParams, new URLSearchParams(url.hash.replace(/^#/, ''))];
  for (const p of params) {
    const token = p.get('routeTo') ?? p.get('recordType') ?? p.get('startscreen');
    if (!token) continue;
    for (const screen of Object.keys(SCREEN_TOKENS) as CwScreen[]) if (SCREEN_TOKENS[screen].test(token)) return screen;
  }
  for (const screen of Object.keys(PATH_TOKENS) as CwScreen[]) if (PATH_TOKENS[screen].test(url.pathname)) return screen;
  return undefined;
}

/** A record id from the URL (`service_recid`, `srrecid`, `recid`, …), digits only. */
export function urlRecId(url: URL, names: readonly string[]): string | undefined {
  const params = [url.searchParams, new URLSearchParams(url.hash.replace(/^#/, ''))];
  for (const p of params) {
    for (const [key, value] of p) {
      if (names.some((n) => n.toLowerCase() === key.toLowerCase()) && /^\d{1,12}$/.test(value.trim())) return value.trim();
    }
  }
  return undefined;
}

export function source(ctx: ReadContext, pageType: PageType): Source {
  return { host: pageHost(ctx.url), pageType, url: ctx.url.href.slice(0, 4000), reader: ADAPTER };
}

export function observedAt(ctx: ReadContext): string {
  const s = formatInstant(ctx.now.getTime(), ctx.timeZone) ?? formatInstant(ctx.now.getTime(), 'UTC');
  if (!s) throw new Error('invalid read time');
  return s;
}

/** Date options for one page: see `core/page-dates.ts`. */
export { pageDateOptions as dateOptions } from '../core/page-dates';

/**
 * Parses one labelled date; text that is there but unreadable becomes a warning (the field is then
 * left out, never guessed).
 */
export function readDate(
  raw: string | undefined,
  what: string,
  opts: ParseDateOptions,
  warnings: string[],
): string | undefined {
  const cleaned = cleanDateText(raw);
  if (!cleaned) return undefined;
  const iso = parsePsaDate(cleaned, opts);
  if (!iso) warnings.push(`${what}: could not read date "${cleaned.slice(0, 60)}"`);
  return iso;
}

/** Drops the decorations CW puts around dates ("by jsmith", "(overdue)") and "empty" markers. */
export function cleanDateText(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const s = normalizeSpace(raw)
    .replace(/\s+by\s+\S.*$/i, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .trim();
  if (!s || /^(?:-+|n\/a|none|not set|—)$/i.test(s)) return undefined;
  return s;
}

/** `undefined` for blank values; trims and limits length to what the signal schema accepts. */
export function clean(raw: string | undefined, max = 500): string | undefined {
  if (raw === undefined) return undefined;
  const s = normalizeSpace(raw);
  return s === '' ? undefined : s.slice(0, max);
}

/**
 * CW company identifiers are single tokens (`ContosoLtd`, `YourCompany`); names have spaces. When a
 * page shows only one "Company" value, this says which of the two it is.
 */
export function looksLikeIdentifier(s: string): boolean {
  return /^[A-Za-z0-9._&'-]{1,30}$/.test(s);
}

/**
 * Company of a ticket or row: CW shows the company identifier in the "Company" lookup and, on most
 * layouts, the name beside it. With only one value, its shape decides which it is.
 */
export function companyRef(companyValue: string | undefined, nameValue: string | undefined): CompanyRef | undefined {
  const a = clean(companyValue, 300);
  const name = clean(nameValue, 300);
  if (a && name) return { psaId: a, name };
  if (name) return { name };
  if (a) return looksLikeIdentifier(a) ? { psaId: a } : { name: a };
  return undefined;
}

/** `Met` / `Not Met` / `Missed` … → boolean; unknown text → undefined. */
export function metFlag(raw: string | undefined): boolean | undefined {
  const s = normalizeSpace(raw).toLowerCase();
  if (!s) return undefined;
  if (/\b(?:not met|missed|breach(?:ed)?|late|overdue|violated|false|no)\b/.test(s)) return false;
  if (/\b(?:met|within sla|on time|true|yes)\b/.test(s)) return true;
  return undefined;
}

export const CLOSED_STATUS = /\b(?:closed|resolved|completed|cancel+ed)\b/i;
export const REOPENED_STATUS = /\bre-?opened\b/i;

/** Removes keys whose value is undefined (clean JSON; stable deep-equal in fixtures and e2e). */
export function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  // for…in over an object literal: the same keys in the same order as Object.entries, without its pair arrays.
  for (const k in o) {
    const v = (o as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}

/** Text of the first element matching `selector` whose text matches `re`; the match groups. */
export function findText(doc: Document, selector: string, re: RegExp): RegExpExecArray | undefined {
  for (const el of Array.from(doc.querySelectorAll(selector))) {
    const m = re.exec(text(el));
    if (m) return m;
  }
  return undefined;
}
