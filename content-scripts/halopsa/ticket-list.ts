/**
 * HaloPSA ticket list (`/tickets?area=1&viewid=…`), DOM fallback: one ticket per visible row, columns
 * by header text (agents choose the columns of their views).
 */
import type { Observation, PageTypeReader, ReadContext } from '../core/types';
import { headerRowOf, mapColumns, readTable } from '../core/dom';
import { pageDates } from '../core/page-dates';
import { ADAPTER, PATHS, SELECTORS, haloId, queryParam, reading, ticketObservation } from './page';
import { haloSla } from './sla';
import { percent } from './ticket';

export const TICKET_LIST_HEADERS = {
  id: ['ID', 'Ticket ID', 'Ticket Number'],
  summary: ['Summary', 'Subject'],
  client: ['Client', 'Customer', 'Client Name'],
  status: ['Status'],
  priority: ['Priority'],
  category: ['Category'],
  logged: ['Date Logged', 'Date Opened'],
  respondBy: ['Respond By', 'Response Target'],
  responded: ['Responded', 'Response Date'],
  fixBy: ['Fix By', 'Resolution Target'],
  closed: ['Date Closed'],
  responseState: ['Response State'],
  resolutionState: ['SLA State', 'Resolution State'],
  percentUsed: ['SLA % Used', '% SLA Used'],
} as const;
type Column = keyof typeof TICKET_LIST_HEADERS;

export const REQUIRED_TICKET_LIST_COLUMNS = ['id', 'client', 'logged'] as const satisfies readonly Column[];
const DATE_COLUMNS = ['logged', 'respondBy', 'responded', 'fixBy', 'closed'] as const;

function read(doc: Document, ctx: ReadContext) {
  const warnings: string[] = [];
  const grid = doc.querySelector<HTMLTableElement>(SELECTORS.grid);
  const header = grid ? headerRowOf(grid) : undefined;
  const columns = header ? mapColumns(header, TICKET_LIST_HEADERS) : {};
  const missing: string[] = REQUIRED_TICKET_LIST_COLUMNS.filter((c) => columns[c] === undefined);
  if (!grid || missing.length > 0) return reading('ticket-list', [], grid ? missing : ['grid', ...missing], warnings);

  const rows = readTable(grid, TICKET_LIST_HEADERS).rows;
  const samples: string[] = [];
  for (const r of rows) for (const c of DATE_COLUMNS) if (r.values[c]) samples.push(r.values[c]!);
  const dates = pageDates(ctx, samples);
  const observations: Observation[] = [];
  rows.forEach((row, i) => {
    const v = row.values;
    const id = haloId(v.id);
    if (!id) {
      warnings.push(`row ${i + 1}: no ticket id ("${v.id ?? ''}"), skipped`);
      return;
    }
    const openedAt = dates.instant(v.logged);
    if (!openedAt || !v.client) {
      warnings.push(`#${id}: ${v.client ? `date logged "${v.logged ?? ''}" could not be read` : 'no client'}, skipped`);
      return;
    }
    const instant = (c: (typeof DATE_COLUMNS)[number]) => {
      const iso = dates.instant(v[c]);
      if (v[c] && !iso) warnings.push(`#${id}: ${c} "${v[c]}" could not be read`);
      return iso;
    };
    const respondedAt = instant('responded');
    const closedAt = instant('closed');
    const sla = haloSla(
      {
        responseDueAt: instant('respondBy'),
        respondedAt,
        resolutionDueAt: instant('fixBy'),
        resolvedAt: closedAt,
        responseState: v.responseState,
        resolutionState: v.resolutionState,
        percentUsed: percent(v.percentUsed),
      },
      ctx.now,
    );
    const href = row.cells.client?.querySelector('a[href]')?.getAttribute('href');
    let clientId: string | undefined;
    try {
      clientId = href ? haloId(queryParam(new URL(href, ctx.url), 'clientid')) : undefined;
    } catch {
      clientId = undefined;
    }
    observations.push(
      ticketObservation(
        {
          id,
          openedAt,
          clientName: v.client,
          ...(clientId ? { clientId } : {}),
          ...(v.summary ? { summary: v.summary } : {}),
          ...(v.status ? { status: v.status } : {}),
          ...(v.priority ? { priority: v.priority } : {}),
          ...(v.category ? { category: v.category } : {}),
          ...(respondedAt ? { respondedAt } : {}),
          ...(closedAt ? { closedAt } : {}),
          ...(sla ? { sla } : {}),
        },
        ctx,
        'ticket-list',
      ),
    );
  });
  return reading('ticket-list', observations, missing, warnings);
}

export const haloTicketList: PageTypeReader = {
  id: `${ADAPTER}/ticket-list`,
  adapter: ADAPTER,
  pageType: 'ticket-list',
  matchesUrl: (url) => PATHS.tickets.test(url.pathname),
  matchesDocument: (doc) => doc.querySelector(`${SELECTORS.ticketListView} ${SELECTORS.grid}`) !== null,
  required: REQUIRED_TICKET_LIST_COLUMNS,
  read,
};
