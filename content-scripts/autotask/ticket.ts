/**
 * Autotask ticket detail (`/Mvc/ServiceDesk/TicketDetail.mvc?workspace=False&ticketId=<id>`, body
 * class `EntityDetail`) → one ticket observation.
 *
 * Title bar: `.Text` "Ticket " + `.SecondaryText` "- T20261007.0081 - <title> (<account>)". Heading:
 * `.IdentificationText` (ticket number), `.Bundle` ("Created <date> by <who>"). Fields by label:
 * Account, Status, Priority, Issue Type, Sub-Issue Type, the SLA events and Complete Date.
 */
import type { TicketSignal } from '../../engine/signals';
import type { Observation, PageTypeReader, ReadContext } from '../core/types';
import { text } from '../core/dom';
import { signalId } from '../core/ids';
import {
  ADAPTER,
  PATHS,
  SELECTORS,
  TICKET_NUMBER,
  field,
  isDetailPage,
  pageDates,
  readFields,
  readTitleBar,
  reading,
  sourceOf,
} from './page';
import { autotaskSla, yesNo } from './sla';

/** Labels of each field, in the spellings Autotask uses across screens. */
export const TICKET_LABELS = {
  account: ['Account'],
  status: ['Status'],
  priority: ['Priority'],
  issueType: ['Issue Type'],
  subIssueType: ['Sub-Issue Type', 'Sub Issue Type'],
  created: ['Created', 'Create Date', 'Created Date'],
  responseDue: ['First Response Due', 'First Response Due Date'],
  responded: ['First Response Date', 'First Response', 'First Response Date/Time'],
  resolutionDue: ['Resolved Due', 'Resolved Due Date', 'Resolution Due'],
  resolved: ['Resolved Date', 'Resolved', 'Resolved Date/Time'],
  completed: ['Complete Date', 'Completed Date', 'Date Completed'],
  slaMet: ['SLA Met', 'Service Level Agreement Met'],
} as const;

/** A date (and optional time) inside running text such as the heading bundle. */
const DATE_IN_TEXT =
  /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?)?/i;

export const dateInText = (s: string | undefined): string | undefined => (s ? DATE_IN_TEXT.exec(s)?.[0] : undefined);

/**
 * "- T20261007.0081 - <title> (<account>)" → number and title. The account suffix is cut only when
 * it is the account read from the Account field: titles may end in parentheses of their own.
 */
export function parseTicketSecondary(secondary: string, account: string | undefined): { number?: string; title?: string } {
  const m = /^-?\s*(T\d{8}\.\d{3,5})\s+-\s?(.*)$/s.exec(secondary.trim());
  if (!m) return {};
  let title = m[2]!.trim();
  const suffix = account ? ` (${account})` : undefined;
  if (suffix && title.endsWith(suffix)) title = title.slice(0, -suffix.length).trim();
  else if (account && title === `(${account})`) title = '';
  return { number: m[1], title: title || undefined };
}

export const REQUIRED_TICKET_FIELDS = ['ticketNumber', 'account', 'status', 'priority', 'created'] as const;

function read(doc: Document, ctx: ReadContext) {
  const missing: string[] = [];
  const warnings: string[] = [];
  const fields = readFields(doc);
  const get = (labels: readonly string[]) => field(fields, labels).value;

  const heading = doc.querySelector(SELECTORS.heading);
  const account = get(TICKET_LABELS.account);
  const secondary = parseTicketSecondary(readTitleBar(doc).secondary ?? '', account);
  const idText = text(heading?.querySelector(SELECTORS.identification));
  const ticketNumber = TICKET_NUMBER.test(idText) ? idText : secondary.number;
  const status = get(TICKET_LABELS.status);
  const priority = get(TICKET_LABELS.priority);
  const createdText = dateInText(text(heading?.querySelector(SELECTORS.bundle))) ?? get(TICKET_LABELS.created);

  if (!ticketNumber) missing.push('ticketNumber');
  if (!account) missing.push('account');
  if (!status) missing.push('status');
  if (!priority) missing.push('priority');
  if (!createdText) missing.push('created');

  const texts = {
    responseDue: get(TICKET_LABELS.responseDue),
    responded: get(TICKET_LABELS.responded),
    resolutionDue: get(TICKET_LABELS.resolutionDue),
    resolved: get(TICKET_LABELS.resolved),
    completed: get(TICKET_LABELS.completed),
  };
  const dates = pageDates(ctx, [createdText, ...Object.values(texts)]);
  const instant = (name: string, t: string | undefined): string | undefined => {
    const v = dates.instant(t);
    if (t && !v) warnings.push(`${name}: could not read the date "${t}"`);
    return v;
  };
  const openedAt = instant('created', createdText);
  if (missing.length > 0 || !ticketNumber || !openedAt) {
    return reading('ticket', [], missing, warnings);
  }

  const respondedAt = instant('first response', texts.responded);
  const resolvedAt = instant('resolved', texts.resolved);
  const closedAt = instant('complete date', texts.completed);
  const sla = autotaskSla(
    {
      responseDueAt: instant('first response due', texts.responseDue),
      respondedAt,
      resolutionDueAt: instant('resolved due', texts.resolutionDue),
      resolvedAt: resolvedAt ?? closedAt,
      slaMet: yesNo(get(TICKET_LABELS.slaMet)),
    },
    ctx.now,
  );
  const issue = get(TICKET_LABELS.issueType);
  const subIssue = get(TICKET_LABELS.subIssueType);

  const ticket: Omit<TicketSignal, 'accountId'> = {
    id: signalId('ticket', ctx.url.host, ticketNumber),
    kind: 'ticket',
    observedAt: ctx.now.toISOString(),
    source: sourceOf(ctx, 'ticket'),
    ticketId: ticketNumber,
    openedAt,
  };
  if (secondary.title) ticket.summary = secondary.title;
  ticket.priority = priority;
  ticket.status = status;
  if (issue) ticket.category = subIssue ? `${issue} / ${subIssue}` : issue;
  ticket.companyName = account;
  if (respondedAt) ticket.respondedAt = respondedAt;
  if (resolvedAt) ticket.resolvedAt = resolvedAt;
  if (closedAt) ticket.closedAt = closedAt;
  if (sla) ticket.sla = sla;
  const observation: Observation = { ...ticket, company: { name: account! } };
  return reading('ticket', [observation], missing, warnings);
}

export const autotaskTicket: PageTypeReader = {
  id: `${ADAPTER}/ticket`,
  adapter: ADAPTER,
  pageType: 'ticket',
  matchesUrl: (url) => PATHS.ticket.test(url.pathname),
  matchesDocument: (doc) => isDetailPage(doc, 'Ticket'),
  required: REQUIRED_TICKET_FIELDS,
  read,
};
