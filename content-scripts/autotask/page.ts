/**
 * What all Autotask page types share: the selectors (kept in one place), URL patterns, and the
 * single-pass reading of the `.ReadOnlyData` label/value fields and the title bar.
 *
 * Facts (ENGINEERING.md, "Autotask's web UI"): Autotask's own pages live in an `<iframe>` at
 * `/Mvc/…`; the content script runs in that frame, so readers get the frame's document. Every field
 * is `.ReadOnlyData` → label `.ReadOnlyLabelContainer .PrimaryText` (the container adds a trailing
 * `*`) and value `.ReadOnlyValueContainer .Value`. Which fields appear, and in what order, varies per
 * record: fields are found by label, never by position. Element ids (`z` + 32 hex) change on every
 * load and are never used.
 */
import type { PageType } from '../../engine/signals';
import type { PageReading, ReadContext } from '../core/types';
import { normalizeLabel, text } from '../core/dom';
import { normalizeHost } from '../core/ids';
export { pageDates } from '../core/page-dates';

export const ADAPTER = 'autotask';

export const SELECTORS = {
  titleBar: '.TitleBarItem.Title',
  titleText: '.Text',
  titleSecondary: '.SecondaryText',
  heading: '.EntityHeadingContainer',
  identification: '.IdentificationText',
  typeChip: '.TypeChip',
  categoryName: '.CategoryChip .Name',
  bundle: '.Bundle',
  field: '.ReadOnlyData',
  fieldLabel: '.ReadOnlyLabelContainer .PrimaryText',
  fieldValue: '.ReadOnlyValueContainer .Value',
  /** Value shapes inside `.Value`: a link, a colour band; otherwise the plain text. */
  valueLink: '.LinkButton2 > .Text2',
  valueColor: '.ColorBand .Right > .Text.ColorSample',
  grid: 'table.Grid',
  quickNote: '.QuickNote textarea',
} as const;

/** `/Mvc/…` paths of each page type (case-insensitive: Autotask links use both spellings). */
export const PATHS = {
  ticket: /^\/Mvc\/ServiceDesk\/TicketDetail\.mvc$/i,
  ticketList: /^\/Mvc\/ServiceDesk\/Ticket(?:Grid|Search)\.mvc$/i,
  account: /^\/Mvc\/CRM\/AccountDetail\.mvc$/i,
  contract: /^\/Mvc\/Contracts\/ContractDetail\.mvc$/i,
} as const;

/** Ticket numbers look like `T20261007.0081`. */
export const TICKET_NUMBER = /^T\d{8}\.\d{3,5}$/;

/** A query parameter read case-insensitively (`ticketId`, `TicketID`). */
export function queryParam(url: URL, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of url.searchParams) if (k.toLowerCase() === want && v.trim() !== '') return v.trim();
  return undefined;
}


/** The text of one `.Value`, whichever shape it has; `undefined` for an empty value. */
function valueText(value: Element): string | undefined {
  const shaped = value.querySelector(SELECTORS.valueColor) ?? value.querySelector(SELECTORS.valueLink);
  const t = text(shaped ?? value);
  return t === '' ? undefined : t;
}

/**
 * Every `.ReadOnlyData` field of the document in one pass: label key → value text (`undefined` =
 * the label is there with an empty value). The first occurrence of a label wins.
 */
export function readFields(doc: Document): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const field of doc.querySelectorAll(SELECTORS.field)) {
    const label = field.querySelector(SELECTORS.fieldLabel);
    if (!label) continue;
    const key = normalizeLabel(label.textContent ?? '');
    if (key === '' || out.has(key)) continue;
    const value = field.querySelector(SELECTORS.fieldValue);
    out.set(key, value ? valueText(value) : undefined);
  }
  return out;
}

/** Looks a field up by any of its labels (Autotask spells a few differently across screens). */
export function field(fields: Map<string, string | undefined>, labels: readonly string[]): { present: boolean; value?: string } {
  for (const l of labels) {
    const key = normalizeLabel(l);
    if (fields.has(key)) return { present: true, value: fields.get(key) };
  }
  return { present: false };
}

/** Title bar: `.Text` ("Ticket ") and `.SecondaryText` ("- T20261007.0081 - Title (Account)"). */
export function readTitleBar(doc: Document): { kind?: string; secondary?: string } {
  const bar = doc.querySelector(SELECTORS.titleBar);
  if (!bar) return {};
  const kind = text(bar.querySelector(SELECTORS.titleText));
  const secondary = text(bar.querySelector(SELECTORS.titleSecondary));
  return { kind: kind || undefined, secondary: secondary || undefined };
}

/** Is this the inner frame document of an entity detail page of the given kind ("Ticket", …)? */
export function isDetailPage(doc: Document, kind: string): boolean {
  if (!doc.body?.classList.contains('EntityDetail')) return false;
  return readTitleBar(doc).kind?.toLowerCase() === kind.toLowerCase();
}

export function sourceOf(ctx: ReadContext, pageType: PageType) {
  return { host: normalizeHost(ctx.url.host), pageType, url: ctx.url.href, reader: ADAPTER };
}

/** A reading that found drift (or nothing): no observations, ever, when something is missing. */
export function reading(
  pageType: PageType,
  observations: PageReading['observations'],
  missing: string[],
  warnings: string[],
): PageReading {
  return { adapter: ADAPTER, pageType, observations: missing.length > 0 ? [] : observations, missing, warnings };
}
