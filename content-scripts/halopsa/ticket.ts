/**
 * HaloPSA ticket page (`/ticket?id=4711`), DOM fallback: fields by their label in the app's main
 * region (the navigation is never searched). The API reader (`api.ts`) is the primary source.
 */
import type { PageTypeReader, ReadContext } from '../core/types';
import { indexLabels, labelElement, text, valueByLabel } from '../core/dom';
import { pageDates } from '../core/page-dates';
import { ADAPTER, PATHS, SELECTORS, haloId, queryParam, reading, ticketObservation } from './page';
import { haloSla } from './sla';

export const TICKET_LABELS = {
  client: ['Client', 'Customer'],
  status: ['Status'],
  priority: ['Priority'],
  category: ['Category'],
  logged: ['Date Logged', 'Date Opened'],
  respondBy: ['Respond By', 'Response Target'],
  responded: ['Responded', 'Response Date', 'Responded On'],
  responseState: ['Response State', 'Response SLA'],
  fixBy: ['Fix By', 'Resolution Target', 'Fix By Date'],
  closed: ['Date Closed'],
  resolutionState: ['Resolution State', 'SLA State', 'Resolution SLA'],
  percentUsed: ['SLA % Used', '% SLA Used'],
  excluded: ['Excluded from SLA', 'Exclude from SLA'],
} as const;

export const REQUIRED_TICKET_FIELDS = ['ticketId', 'client', 'status', 'priority', 'dateLogged'] as const;

/** The client's id from the link beside a label (`/customers?clientid=100`), when there is one. */
export function linkedClientId(label: Element | undefined, base: URL): string | undefined {
  const a = label?.parentElement?.querySelector<HTMLAnchorElement>('a[href*="clientid="]');
  const href = a?.getAttribute('href');
  if (!href) return undefined;
  try {
    return haloId(queryParam(new URL(href, base), 'clientid'));
  } catch {
    return undefined;
  }
}

/** "42%", "42.5 %" → 42.5 */
export const percent = (s: string | undefined): number | undefined => {
  const m = /^(\d{1,6}(?:[.,]\d+)?)\s*%?$/.exec(s?.trim() ?? '');
  return m ? Number(m[1]!.replace(',', '.')) : undefined;
};

function read(doc: Document, ctx: ReadContext) {
  const missing: string[] = [];
  const warnings: string[] = [];
  const main = doc.querySelector(SELECTORS.main) ?? doc.body;
  const index = indexLabels(main);
  const get = (labels: readonly string[]) => valueByLabel(index, labels) || undefined;

  const id = haloId(queryParam(ctx.url, 'id')) ?? haloId(text(doc.querySelector(SELECTORS.ticketNumber)));
  const client = get(TICKET_LABELS.client);
  const status = get(TICKET_LABELS.status);
  const priority = get(TICKET_LABELS.priority);
  const loggedText = get(TICKET_LABELS.logged);
  if (!id) missing.push('ticketId');
  if (!client) missing.push('client');
  if (!status) missing.push('status');
  if (!priority) missing.push('priority');
  if (!loggedText) missing.push('dateLogged');
  if (missing.length > 0 || !id) return reading('ticket', [], missing, warnings);

  const texts = {
    respondBy: get(TICKET_LABELS.respondBy),
    responded: get(TICKET_LABELS.responded),
    fixBy: get(TICKET_LABELS.fixBy),
    closed: get(TICKET_LABELS.closed),
  };
  const dates = pageDates(ctx, [loggedText, ...Object.values(texts)]);
  const instant = (name: string, t: string | undefined) => {
    const v = dates.instant(t);
    if (t && !v) warnings.push(`${name}: could not read the date "${t}"`);
    return v;
  };
  const openedAt = instant('date logged', loggedText);
  if (!openedAt) return reading('ticket', [], missing, warnings);
  const respondedAt = instant('responded', texts.responded);
  const closedAt = instant('date closed', texts.closed);
  const excluded = get(TICKET_LABELS.excluded);
  const sla = haloSla(
    {
      responseDueAt: instant('respond by', texts.respondBy),
      respondedAt,
      resolutionDueAt: instant('fix by', texts.fixBy),
      resolvedAt: closedAt,
      responseState: get(TICKET_LABELS.responseState),
      resolutionState: get(TICKET_LABELS.resolutionState),
      excluded: excluded ? /^(yes|true)$/i.test(excluded) : undefined,
      percentUsed: percent(get(TICKET_LABELS.percentUsed)),
    },
    ctx.now,
  );
  const summary = text(doc.querySelector(SELECTORS.ticketSummary)) || undefined;
  const clientId = linkedClientId(labelElement(index, TICKET_LABELS.client), ctx.url);
  const category = get(TICKET_LABELS.category);
  const observation = ticketObservation(
    {
      id,
      openedAt,
      status,
      priority,
      clientName: client,
      ...(clientId ? { clientId } : {}),
      ...(summary ? { summary } : {}),
      ...(category ? { category } : {}),
      ...(respondedAt ? { respondedAt } : {}),
      ...(closedAt ? { closedAt } : {}),
      ...(sla ? { sla } : {}),
    },
    ctx,
    'ticket',
  );
  return reading('ticket', [observation], missing, warnings);
}

export const haloTicket: PageTypeReader = {
  id: `${ADAPTER}/ticket`,
  adapter: ADAPTER,
  pageType: 'ticket',
  matchesUrl: (url) => PATHS.ticket.test(url.pathname) && queryParam(url, 'id') !== undefined,
  matchesDocument: (doc) => doc.querySelector(SELECTORS.ticketView) !== null,
  required: REQUIRED_TICKET_FIELDS,
  read,
};
