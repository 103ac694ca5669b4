/**
 * Autotask ticket grids — queues (`/Mvc/ServiceDesk/TicketGrid.mvc?queueId=…`) and ticket searches
 * (`/Mvc/ServiceDesk/TicketSearch.mvc?…`) → one ticket observation per visible row.
 *
 * Users choose and order a grid's columns, so columns are found by header text only. A row yields
 * what its columns show; the ids match the ticket detail page's (`ticket:<host>:T20261007.0081`).
 */
import type { TicketSignal } from '../../engine/signals';
import type { Observation, PageTypeReader, ReadContext } from '../core/types';
import { headerRowOf, mapColumns, readTable } from '../core/dom';
import { signalId } from '../core/ids';
import { ADAPTER, PATHS, SELECTORS, TICKET_NUMBER, pageDates, reading, sourceOf } from './page';
import { autotaskSla, yesNo } from './sla';

export const TICKET_LIST_HEADERS = {
  number: ['Ticket Number', 'Ticket #'],
  title: ['Title', 'Ticket Title'],
  account: ['Account', 'Account Name'],
  status: ['Status'],
  priority: ['Priority'],
  issueType: ['Issue Type'],
  subIssueType: ['Sub-Issue Type', 'Sub Issue Type'],
  created: ['Created', 'Create Date', 'Created Date'],
  responseDue: ['First Response Due', 'First Response Due Date'],
  responded: ['First Response Date', 'First Response'],
  resolutionDue: ['Resolved Due', 'Resolved Due Date', 'Resolution Due'],
  resolved: ['Resolved Date', 'Resolved'],
  completed: ['Complete Date', 'Completed Date'],
  slaMet: ['SLA Met'],
} as const;
type Column = keyof typeof TICKET_LIST_HEADERS;

export const REQUIRED_TICKET_LIST_COLUMNS = ['number', 'account', 'created'] as const satisfies readonly Column[];

const DATE_COLUMNS = ['created', 'responseDue', 'responded', 'resolutionDue', 'resolved', 'completed'] as const;

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
  const host = sourceOf(ctx, 'ticket-list');

  const observations: Observation[] = [];
  rows.forEach((row, i) => {
    const v = row.values;
    const at = `row ${i + 1}`;
    const number = v.number ?? '';
    if (!TICKET_NUMBER.test(number)) {
      warnings.push(`${at}: no ticket number ("${number}"), skipped`);
      return;
    }
    const openedAt = dates.instant(v.created);
    if (!openedAt || !v.account) {
      warnings.push(`${number}: ${v.account ? `created date "${v.created ?? ''}" could not be read` : 'no account'}, skipped`);
      return;
    }
    const instant = (c: (typeof DATE_COLUMNS)[number]): string | undefined => {
      const t = v[c];
      const iso = dates.instant(t);
      if (t && !iso) warnings.push(`${number}: ${c} "${t}" could not be read`);
      return iso;
    };
    const respondedAt = instant('responded');
    const resolvedAt = instant('resolved');
    const closedAt = instant('completed');
    const sla = autotaskSla(
      {
        responseDueAt: instant('responseDue'),
        respondedAt,
        resolutionDueAt: instant('resolutionDue'),
        resolvedAt: resolvedAt ?? closedAt,
        slaMet: yesNo(v.slaMet),
      },
      ctx.now,
    );
    const t: Omit<TicketSignal, 'accountId'> = {
      id: signalId('ticket', ctx.url.host, number),
      kind: 'ticket',
      observedAt: ctx.now.toISOString(),
      source: host,
      ticketId: number,
      openedAt,
    };
    if (v.title) t.summary = v.title;
    if (v.priority) t.priority = v.priority;
    if (v.status) t.status = v.status;
    if (v.issueType) t.category = v.subIssueType ? `${v.issueType} / ${v.subIssueType}` : v.issueType;
    t.companyName = v.account;
    if (respondedAt) t.respondedAt = respondedAt;
    if (resolvedAt) t.resolvedAt = resolvedAt;
    if (closedAt) t.closedAt = closedAt;
    if (sla) t.sla = sla;
    observations.push({ ...t, company: { name: v.account } });
  });
  return reading('ticket-list', observations, missing, warnings);
}

export const autotaskTicketList: PageTypeReader = {
  id: `${ADAPTER}/ticket-list`,
  adapter: ADAPTER,
  pageType: 'ticket-list',
  matchesUrl: (url) => PATHS.ticketList.test(url.pathname),
  matchesDocument: (doc) => !!doc.body?.classList.contains('EntityGrid') && !!doc.querySelector(SELECTORS.grid),
  required: REQUIRED_TICKET_LIST_COLUMNS,
  read,
};
