/**
 * ConnectWise service ticket detail (`fv_sr100_request.rails?service_recid=…`, `routeTo=ServiceFV`).
 * One ticket signal: number, company, summary, board, status, priority, type/subtype → category,
 * entered/responded/resolved/closed dates, SLA targets and met flags where shown, reopen hints.
 *
 * The number comes from the header ("Service Ticket #284511") and, failing that, the URL
 * (`service_recid`/`srrecid`/`recid`). Everything else is found by its label.
 */
import { findTableByHeaders, indexLabels, readTable, valueByLabel } from '../core/dom';
import { signalId } from '../core/ids';
import { missingFields, pageHost } from '../core/detect';
import { stepMet } from '../core/sla';
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
  findText,
  companyRef,
  metFlag,
  observedAt,
  readDate,
  source,
  urlRecId,
} from './shared';

/** Label texts per field, first match wins. Kept in one place so a renamed label is a one-line fix. */
export const TICKET_LABELS = {
  company: ['Company', 'Company ID', 'Company Identifier'],
  companyName: ['Company Name'],
  summary: ['Summary Description', 'Summary', 'Ticket Summary'],
  board: ['Board', 'Service Board'],
  status: ['Status'],
  priority: ['Priority'],
  type: ['Type'],
  subtype: ['Subtype', 'Sub Type', 'Sub-Type'],
  dateEntered: ['Date Entered', 'Entered', 'Entered Date', 'Opened'],
  sla: ['SLA', 'SLA Name'],
  respondBy: ['Respond By', 'Response Due', 'Respond Within'],
  responded: ['Date Responded', 'Responded On', 'Responded'],
  responseStatus: ['Response SLA', 'Response Status', 'Response Met'],
  resolveBy: ['Resolve By', 'Resolution Due', 'Resolve Within'],
  resolved: ['Date Resolved', 'Resolved On', 'Resolved'],
  resolutionStatus: ['Resolution SLA', 'Resolution Status', 'Resolution Met'],
  closed: ['Date Closed', 'Closed Date', 'Closed On'],
} as const;

const REQUIRED = ['ticketId', 'company', 'summary', 'status', 'dateEntered'] as const;

const HEADER_SELECTOR = '.mm_podHeader, .pod_service_ticket_ticket_header, .gwt-Label, h1, h2, [id$="-label"]';
const TICKET_HEADER = /Service Ticket\s*#\s*(\d{1,12})/i;

const AUDIT_ALIASES = {
  date: ['Date', 'Date/Time', 'Date Entered'],
  text: ['Description', 'Audit Text', 'Text', 'Change'],
} as const;
/** `Status changed from "Closed" to "Re-opened"`: a move out of a closed-like status is a reopen. */
const STATUS_CHANGE = /status\s+changed\s+from\s+["'“”]?(.+?)["'“”]?\s+to\s+["'“”]?(.+?)["'“”]?\.?$/i;
function isReopen(auditText: string): boolean {
  const m = STATUS_CHANGE.exec(auditText);
  return !!m && CLOSED_STATUS.test(m[1]!) && !CLOSED_STATUS.test(m[2]!);
}

export const ticketReader: PageTypeReader = {
  id: 'connectwise/ticket',
  adapter: ADAPTER,
  pageType: 'ticket',
  required: REQUIRED,
  matchesUrl: (url) => cwScreenOf(url) === 'ticket',
  matchesDocument: (doc) =>
    doc.querySelector('.pod_ticketSummary, .pod_service_ticket_ticket_header') !== null ||
    findText(doc, HEADER_SELECTOR, TICKET_HEADER) !== undefined ||
    TICKET_HEADER.test(doc.title),
  read: readTicket,
};

function readTicket(doc: Document, ctx: ReadContext): PageReading {
  const warnings: string[] = [];
  const idx = indexLabels(doc.body ?? doc);
  const v = (labels: readonly string[]): string | undefined => valueByLabel(idx, labels);

  // Ticket number: what the page shows, else the URL.
  const headerId = findText(doc, HEADER_SELECTOR, TICKET_HEADER)?.[1] ?? TICKET_HEADER.exec(doc.title)?.[1];
  const urlId = urlRecId(ctx.url, ['service_recid', 'srrecid', 'sr_recid', 'recid']);
  if (headerId && urlId && headerId !== urlId) warnings.push(`ticket # ${headerId} on the page differs from ${urlId} in the URL; using the page`);
  const ticketId = headerId ?? urlId;

  const company = companyRef(v(TICKET_LABELS.company), v(TICKET_LABELS.companyName));
  const summary = clean(v(TICKET_LABELS.summary), 2000);
  const status = clean(v(TICKET_LABELS.status));

  const raw = {
    entered: v(TICKET_LABELS.dateEntered),
    respondBy: v(TICKET_LABELS.respondBy),
    responded: v(TICKET_LABELS.responded),
    resolveBy: v(TICKET_LABELS.resolveBy),
    resolved: v(TICKET_LABELS.resolved),
    closed: v(TICKET_LABELS.closed),
  };
  const audit = readAudit(doc);
  const opts = dateOptions(ctx, [...Object.values(raw).map(cleanDateText), ...audit.map((a) => a.date)], doc);

  const missing = missingFields(REQUIRED, {
    ticketId,
    company: company ? 'x' : undefined,
    summary,
    status,
    dateEntered: cleanDateText(raw.entered),
  });
  const base = { adapter: ADAPTER, pageType: 'ticket' as const, warnings };
  if (missing.length > 0) return { ...base, observations: [], missing };

  const openedAt = readDate(raw.entered, 'Date Entered', opts, warnings);
  if (!openedAt) return { ...base, observations: [], missing: [] };

  const respondedAt = readDate(raw.responded, 'Date Responded', opts, warnings);
  const resolvedAt = readDate(raw.resolved, 'Date Resolved', opts, warnings);
  const closedAt = readDate(raw.closed, 'Date Closed', opts, warnings);
  const responseDueAt = readDate(raw.respondBy, 'Respond By', opts, warnings);
  const resolutionDueAt = readDate(raw.resolveBy, 'Resolve By', opts, warnings);

  const sla = readSla({
    slaName: clean(v(TICKET_LABELS.sla)),
    responseDueAt,
    resolutionDueAt,
    respondedAt,
    resolvedAt: resolvedAt ?? closedAt,
    responseStatus: v(TICKET_LABELS.responseStatus),
    resolutionStatus: v(TICKET_LABELS.resolutionStatus),
    now: ctx.now.getTime(),
  });

  // Reopen hints: a "Re-opened" status, and audit-trail lines moving the ticket out of Closed.
  const reopenEvents = audit
    .filter((a) => isReopen(a.text))
    .map((a) => readDate(a.date, 'Audit Trail date', opts, warnings))
    .filter((d): d is string => d !== undefined)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const reopenCount = reopenEvents.length > 0 ? reopenEvents.length : status && REOPENED_STATUS.test(status) ? 1 : undefined;

  const category = [v(TICKET_LABELS.type), v(TICKET_LABELS.subtype)].map((s) => clean(s)).filter(Boolean).join(' / ');

  const obs = compact({
    id: signalId('ticket', pageHost(ctx.url), ticketId!),
    kind: 'ticket' as const,
    observedAt: observedAt(ctx),
    source: source(ctx, 'ticket'),
    ticketId: ticketId!,
    summary,
    priority: clean(v(TICKET_LABELS.priority)),
    status,
    category: category ? category.slice(0, 500) : undefined,
    companyName: company!.name,
    openedAt,
    respondedAt,
    resolvedAt,
    closedAt,
    reopenedAt: reopenEvents[reopenEvents.length - 1],
    reopenCount,
    sla,
    company: company!,
  }) as Observation;
  return { ...base, observations: [obs], missing: [] };
}

interface SlaInput {
  slaName?: string;
  responseDueAt?: string;
  resolutionDueAt?: string;
  respondedAt?: string;
  resolvedAt?: string;
  responseStatus?: string;
  resolutionStatus?: string;
  now: number;
}

/**
 * SLA of one ticket. Met flags: what the page says ("Met"/"Not Met") wins; otherwise compare the
 * actual time with CW's own target (CW computes targets in the SLA's business hours, so the
 * comparison is fair); a target passed without the step done is already missed; else unknown.
 */
export function readSla(s: SlaInput): TicketSla | undefined {
  const excluded = s.slaName !== undefined && /^(?:none|no sla|n\/a|excluded)$/i.test(s.slaName) ? true : undefined;
  const met = (shown: string | undefined, done: string | undefined, due: string | undefined): boolean | undefined => {
    const flag = metFlag(shown);
    if (flag !== undefined) return flag;
    return stepMet(done, due, s.now);
  };
  const sla = compact({
    responseDueAt: s.responseDueAt,
    resolutionDueAt: s.resolutionDueAt,
    responseMet: met(s.responseStatus, s.respondedAt, s.responseDueAt),
    resolutionMet: met(s.resolutionStatus, s.resolvedAt, s.resolutionDueAt),
    excluded,
  });
  return Object.keys(sla).length > 0 ? sla : undefined;
}

function readAudit(doc: Document): { date: string; text: string }[] {
  const table = findTableByHeaders(doc, AUDIT_ALIASES, ['date', 'text']);
  if (!table) return [];
  return readTable(table, AUDIT_ALIASES)
    .rows.map((r) => ({ date: r.values.date ?? '', text: r.values.text ?? '' }))
    .filter((r) => r.date !== '' && r.text !== '');
}
