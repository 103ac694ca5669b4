/**
 * Tickets on a page no adapter knows: from tables whose headers name a ticket id, a company and an
 * opened date, and from label:value pairs of a single-ticket page. A ticket is only kept with
 * id + company + opened (anything less cannot be attributed or dated); partial rows are warned.
 */
import type { TicketSignal } from '../../engine/signals';
import { formatInstant, inferDateOrder, parsePsaDate, type DateOrder } from '../core/dates';
import { headerRowOf, mapColumns, readTable, text, valueByLabel, type LabelIndex } from '../core/dom';
import { signalId } from '../core/ids';
import { pageHost } from '../core/detect';
import type { Observation, ReadContext } from '../core/types';
import { cleanTicketId, TICKET_FIELDS, TICKET_MINIMUM, type TicketField } from './fields';

export type TicketValues = Partial<Record<TicketField, string>>;

export interface TicketBuildResult {
  observation?: Observation;
  warning?: string;
}

/** Builds one ticket observation from field texts; `reader`/`pageType` name who read it. */
export function ticketFromValues(
  values: TicketValues,
  ctx: ReadContext,
  src: { reader: string; pageType: 'generic' | 'taught' },
  dateOrder: DateOrder | undefined = ctx.dateOrder,
): TicketBuildResult {
  const ticketId = cleanTicketId(values.ticketId);
  const companyName = values.companyName?.trim().slice(0, 300);
  const absent = TICKET_MINIMUM.filter((f) => !values[f]?.trim());
  if (absent.length > 0) return { warning: `${values.ticketId ? `ticket ${values.ticketId}` : 'a row'}: no ${absent.join(', ')}; skipped` };
  if (!ticketId) return { warning: `"${values.ticketId}" does not look like a ticket number; skipped` };
  const opts = { timeZone: ctx.timeZone, ...(dateOrder ? { dateOrder } : {}) };
  const openedAt = parsePsaDate(values.openedAt, opts);
  if (!openedAt) return { warning: `ticket ${ticketId}: opened date "${values.openedAt}" not understood; skipped` };
  const optionalDate = (f: TicketField): string | undefined => parsePsaDate(values[f], opts);
  const responseDueAt = optionalDate('slaResponseDue');
  const resolutionDueAt = optionalDate('slaResolutionDue');
  const resolvedAt = optionalDate('resolvedAt');
  const respondedAt = optionalDate('respondedAt');
  const host = pageHost(ctx.url);
  const signal: Omit<TicketSignal, 'accountId'> = {
    id: signalId('ticket', host, ticketId),
    kind: 'ticket',
    observedAt: formatInstant(ctx.now.getTime(), ctx.timeZone) ?? ctx.now.toISOString(),
    source: { host, pageType: src.pageType, url: ctx.url.href.slice(0, 4000), reader: src.reader },
    ticketId,
    openedAt,
    companyName,
  };
  const put = <K extends 'summary' | 'priority' | 'status'>(k: K, max: number) => {
    const v = values[k]?.trim();
    if (v) signal[k] = v.slice(0, max);
  };
  put('summary', 2000);
  put('priority', 500);
  put('status', 500);
  if (respondedAt) signal.respondedAt = respondedAt;
  if (resolvedAt) signal.resolvedAt = resolvedAt;
  if (responseDueAt || resolutionDueAt) signal.sla = { ...(responseDueAt ? { responseDueAt } : {}), ...(resolutionDueAt ? { resolutionDueAt } : {}) };
  return { observation: { ...signal, company: { name: companyName } } as Observation };
}

/** Columns whose cells hold dates (for day/month order inference). */
const DATE_FIELDS: readonly TicketField[] = ['openedAt', 'respondedAt', 'slaResponseDue', 'slaResolutionDue', 'resolvedAt'];

/** Every table under `root` with ticket id + company + opened headers, read into ticket observations. */
export function ticketsFromTables(root: ParentNode, ctx: ReadContext, warnings: string[]): Observation[] {
  const out: Observation[] = [];
  for (const table of Array.from(root.querySelectorAll('table'))) {
    const header = headerRowOf(table);
    if (!header) continue;
    const cols = mapColumns(header, TICKET_FIELDS);
    if (!TICKET_MINIMUM.every((k) => cols[k] !== undefined)) continue;
    const { rows } = readTable(table, TICKET_FIELDS);
    // A column of dates proves the page's day/month order better than the user's default.
    const samples = rows.flatMap((r) => DATE_FIELDS.map((f) => r.values[f] ?? ''));
    const order = inferDateOrder(samples) ?? ctx.dateOrder;
    for (const row of rows) {
      const r = ticketFromValues(row.values, ctx, { reader: 'generic', pageType: 'generic' }, order);
      if (r.observation) out.push(r.observation);
      else if (r.warning) warnings.push(r.warning);
    }
  }
  return out;
}

/** A single-ticket page: the ticket fields by their labels; the id may also be in the heading. */
export function ticketFromLabels(index: LabelIndex, doc: Document, ctx: ReadContext): TicketBuildResult | undefined {
  const values: TicketValues = {};
  for (const f of Object.keys(TICKET_FIELDS) as TicketField[]) {
    // "#", "ID", "Number" alone are too vague as labels outside a ticket table.
    const labels = f === 'ticketId' ? TICKET_FIELDS.ticketId.filter((l) => !['#', 'ID', 'No.', 'Number', 'Ref', 'Case', 'Incident'].includes(l)) : TICKET_FIELDS[f];
    const v = valueByLabel(index, labels);
    if (v) values[f] = v;
  }
  const heading = text(doc.querySelector('h1')) || text(doc.querySelector('h2'));
  if (!values.ticketId) {
    const m = /\b(?:ticket|case|incident|request)\s*#?\s*([A-Za-z]*-?\d[\w.-]*)/i.exec(heading);
    if (m) values.ticketId = m[1];
  }
  // The heading of a ticket page is usually "<id> <title>": the title is the summary.
  if (!values.summary && values.ticketId && heading.includes(values.ticketId)) {
    const title = heading.slice(heading.indexOf(values.ticketId) + values.ticketId.length).replace(/^[\s:·–—-]+/, '').trim();
    if (title) values.summary = title;
  }
  const found = (Object.keys(values) as TicketField[]).length;
  // No ticket number, or two stray labels ("Status: Online"): not a ticket page.
  if (!values.ticketId || found < 3) return undefined;
  return ticketFromValues(values, ctx, { reader: 'generic', pageType: 'generic' });
}
