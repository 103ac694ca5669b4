/**
 * The words PSAs, ticket tools and intranet pages use for ticket fields, as table headers or field
 * labels. Matched case-, space-, `*`- and `:`-insensitively (core `normalizeLabel`).
 */
export const TICKET_FIELDS = {
  ticketId: ['Ticket #', 'Ticket', 'Ticket ID', 'Ticket Number', 'Ticket No', 'Ticket No.', 'Ticket Num', '#', 'No.', 'Number', 'ID', 'Ref', 'Reference', 'Case #', 'Case', 'Case Number', 'Incident #', 'Incident', 'Request #', 'Request ID'],
  companyName: ['Company', 'Client', 'Account', 'Customer', 'Organization', 'Organisation', 'Company Name', 'Client Name', 'Account Name', 'Customer Name'],
  summary: ['Summary', 'Title', 'Subject', 'Issue', 'Ticket Title', 'Short Description'],
  priority: ['Priority', 'Severity', 'Impact'],
  status: ['Status', 'State', 'Ticket Status'],
  openedAt: ['Opened', 'Created', 'Date Entered', 'Entered', 'Date Opened', 'Opened On', 'Opened At', 'Created On', 'Created At', 'Created Date', 'Date Created', 'Open Date', 'Submitted', 'Submitted On', 'Reported', 'Logged', 'Date Logged', 'Raised'],
  slaResponseDue: ['Response Due', 'First Response Due', 'Respond By', 'Response By', 'SLA Response Due'],
  slaResolutionDue: ['Due', 'Due Date', 'Due By', 'SLA', 'SLA Due', 'Resolution Due', 'Resolve By', 'Fix By', 'Deadline', 'Target Date'],
  respondedAt: ['Responded', 'Responded On', 'Responded At', 'Date Responded', 'First Response', 'First Response At'],
  resolvedAt: ['Resolved', 'Resolved On', 'Resolved At', 'Date Resolved', 'Closed', 'Closed On', 'Date Closed', 'Completed'],
} as const;
export type TicketField = keyof typeof TICKET_FIELDS;

/** A ticket needs at least these to be worth storing (id + company + opened). */
export const TICKET_MINIMUM: readonly TicketField[] = ['ticketId', 'companyName', 'openedAt'];

/** Ticket numbers as printed: `#1042`, `T20261007.0081`, `TKT-5521`, `INC0012345`. */
export function cleanTicketId(raw: string | undefined): string | undefined {
  const s = (raw ?? '').trim().replace(/^(ticket|case|incident|request)\s*/i, '').replace(/^#\s*/, '');
  return /^[A-Za-z0-9][A-Za-z0-9._/-]{0,60}$/.test(s) && /\d/.test(s) ? s : undefined;
}
