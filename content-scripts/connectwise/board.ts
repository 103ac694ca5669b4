/**
 * ConnectWise service board list (`routeTo=ServiceBoard`): every visible row of the ticket grid
 * (`table.srboard-grid` rows `tr.cw-ml-row` on current releases, or any table whose header names
 * the ticket number and company columns) becomes a ticket signal with the same id as the ticket's
 * detail page, so the two update one record.
 *
 * Columns are found by header text, so users' own column choices and order are fine. Rows that
 * cannot be read (no number, unreadable entered date) are skipped with a warning; a grid without
 * the required columns is drift.
 */
import { findTableByHeaders, readTable, type TableRow } from '../core/dom';
import { signalId } from '../core/ids';
import { parsePercent } from '../core/numbers';
import { pageHost } from '../core/detect';
import type { TicketSla } from '../../engine/signals';
import type { Observation, PageReading, PageTypeReader, ReadContext } from '../core/types';
import {
  ADAPTER,
  CLOSED_STATUS,
  REOPENED_STATUS,
  clean,
  cleanDateText,
  compact,
  cwScreenOf,
  dateOptions,
  companyRef,
  metFlag,
  observedAt,
  readDate,
  source,
} from './shared';

export const BOARD_COLUMNS = {
  id: ['Ticket #', 'Ticket', 'Ticket Number', '#', 'ID'],
  company: ['Company', 'Company Name'],
  companyId: ['Company ID', 'Company Identifier'],
  summary: ['Summary Description', 'Summary'],
  board: ['Board'],
  type: ['Type'],
  subtype: ['Subtype', 'Sub Type'],
  priority: ['Priority'],
  status: ['Status'],
  entered: ['Entered', 'Date Entered', 'Opened', 'Created'],
  respondBy: ['Respond By', 'Response Due'],
  resolveBy: ['Resolve By', 'Resolution Due', 'SLA Due', 'Due'],
  sla: ['SLA', 'SLA Status'],
  slaUsed: ['SLA %', '% SLA Used', 'SLA Used', '% Used'],
  age: ['Age'],
  reopened: ['Reopened', 'Re-opened', 'Reopen Count'],
  closed: ['Closed', 'Date Closed', 'Closed Date'],
} as const;
type Col = keyof typeof BOARD_COLUMNS;

const REQUIRED = ['grid', 'ticketId', 'company', 'dateEntered'] as const;

function findGrid(doc: Document): HTMLTableElement | undefined {
  return (
    findTableByHeaders(doc, BOARD_COLUMNS, ['id', 'company'], 'table.srboard-grid') ??
    findTableByHeaders(doc, BOARD_COLUMNS, ['id', 'company', 'status'])
  );
}

export const boardReader: PageTypeReader = {
  id: 'connectwise/board',
  adapter: ADAPTER,
  pageType: 'ticket-list',
  required: REQUIRED,
  matchesUrl: (url) => cwScreenOf(url) === 'board',
  matchesDocument: (doc) => doc.querySelector('table.srboard-grid') !== null || findGrid(doc) !== undefined,
  read: readBoard,
};

function readBoard(doc: Document, ctx: ReadContext): PageReading {
  const warnings: string[] = [];
  const base = { adapter: ADAPTER, pageType: 'ticket-list' as const, warnings };
  const grid = doc.querySelector<HTMLTableElement>('table.srboard-grid') ?? findGrid(doc);
  if (!grid) return { ...base, observations: [], missing: ['grid'] };
  const hasCwRows = grid.querySelector('tr.cw-ml-row') !== null;
  const table = readTable(grid, BOARD_COLUMNS, hasCwRows ? { rowSelector: 'tr.cw-ml-row' } : {});
  const missing = [
    ...(table.columns.id === undefined ? ['ticketId'] : []),
    ...(table.columns.company === undefined && table.columns.companyId === undefined ? ['company'] : []),
    ...(table.columns.entered === undefined ? ['dateEntered'] : []),
  ];
  if (missing.length > 0) return { ...base, observations: [], missing };

  const dateCols: Col[] = ['entered', 'respondBy', 'resolveBy', 'closed'];
  const opts = dateOptions(
    ctx,
    table.rows.flatMap((r) => dateCols.map((c) => cleanDateText(r.values[c]))),
    doc,
  );
  const host = pageHost(ctx.url);
  const at = observedAt(ctx);
  const src = source(ctx, 'ticket-list');
  const seen = new Set<string>();
  const observations: Observation[] = [];
  table.rows.forEach((row, i) => {
    const obs = readRow(row, i + 1, { host, at, src, opts, warnings, now: ctx.now.getTime() });
    if (!obs) return;
    if (seen.has(obs.id)) return; // the same ticket twice (grouped views) is one signal
    seen.add(obs.id);
    observations.push(obs);
  });
  return { ...base, observations, missing: [] };
}

interface RowCtx {
  host: string;
  at: string;
  src: ReturnType<typeof source>;
  opts: ReturnType<typeof dateOptions>;
  warnings: string[];
  now: number;
}

function readRow(row: TableRow<Col>, n: number, c: RowCtx): Observation | undefined {
  const v = row.values;
  // Group/summary rows ("Status: New (12)") span the grid in one cell: not tickets.
  if (row.element.cells.length === 1 && row.element.cells[0]!.colSpan > 1) return undefined;
  const ticketId = /^#?\s*(\d{1,12})$/.exec(v.id ?? '')?.[1];
  if (!ticketId) {
    c.warnings.push(`row ${n}: no ticket number; skipped`);
    return undefined;
  }
  const name = clean(v.company, 300);
  const idValue = clean(v.companyId, 300);
  const company = idValue ? { psaId: idValue, ...(name ? { name } : {}) } : companyRef(name, undefined);
  if (!company) {
    c.warnings.push(`row ${n} (#${ticketId}): no company; skipped`);
    return undefined;
  }
  const openedAt = readDate(v.entered, `row ${n} (#${ticketId}) Entered`, c.opts, c.warnings);
  if (!openedAt) {
    if (!cleanDateText(v.entered)) c.warnings.push(`row ${n} (#${ticketId}): no entered date; skipped`);
    return undefined;
  }
  const status = clean(v.status);
  const closed = status !== undefined && CLOSED_STATUS.test(status);
  const responseDueAt = readDate(v.respondBy, `row ${n} (#${ticketId}) Respond By`, c.opts, c.warnings);
  const resolutionDueAt = readDate(v.resolveBy, `row ${n} (#${ticketId}) Resolve By`, c.opts, c.warnings);
  const closedAt = readDate(v.closed, `row ${n} (#${ticketId}) Closed`, c.opts, c.warnings);
  const sla = boardSla(v.sla, v.slaUsed, closed, responseDueAt, resolutionDueAt, c.now);
  const reopenCount = reopens(v.reopened, status);
  const category = [clean(v.type), clean(v.subtype)].filter(Boolean).join(' / ');
  return compact({
    id: signalId('ticket', c.host, ticketId),
    kind: 'ticket' as const,
    observedAt: c.at,
    source: c.src,
    ticketId,
    summary: clean(v.summary, 2000),
    priority: clean(v.priority),
    status,
    category: category ? category.slice(0, 500) : undefined,
    companyName: company.name,
    openedAt,
    closedAt,
    reopenCount,
    sla,
    company,
  }) as Observation;
}

/**
 * The board's SLA cell is one word for the ticket's current SLA stage. "Met" on a closed ticket
 * means every stage was met; on an open one, that it was responded to in time. "Missed" on a closed
 * ticket counts against resolution; on an open ticket against resolution once its resolve-by passed,
 * else against response. A percentage is "% of SLA used".
 */
export function boardSla(
  slaText: string | undefined,
  usedText: string | undefined,
  closed: boolean,
  responseDueAt: string | undefined,
  resolutionDueAt: string | undefined,
  now: number,
): TicketSla | undefined {
  const percentUsed = parsePercent(usedText) ?? (/%/.test(slaText ?? '') ? parsePercent(slaText) : undefined);
  const flag = /%/.test(slaText ?? '') ? undefined : metFlag(slaText);
  let responseMet: boolean | undefined;
  let resolutionMet: boolean | undefined;
  if (flag === true) {
    responseMet = true;
    if (closed) resolutionMet = true;
  } else if (flag === false) {
    if (closed || (resolutionDueAt && Date.parse(resolutionDueAt) < now)) resolutionMet = false;
    else responseMet = false;
  }
  const sla = compact({ responseDueAt, resolutionDueAt, responseMet, resolutionMet, percentUsed });
  return Object.keys(sla).length > 0 ? sla : undefined;
}

function reopens(cell: string | undefined, status: string | undefined): number | undefined {
  const s = clean(cell);
  if (s !== undefined) {
    if (/^\d{1,4}$/.test(s)) return Number(s);
    if (/^(?:yes|true|✓|x)$/i.test(s)) return 1;
    if (/^(?:no|false)$/i.test(s)) return 0;
  }
  return status && REOPENED_STATUS.test(status) ? 1 : undefined;
}
